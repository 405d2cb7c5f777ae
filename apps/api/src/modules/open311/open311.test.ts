import { and, eq, isNull, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { apiKeys, auditLog, caseEvents, cases, grids, people, units, users } from '../../db/schema/index';
import { escapeXml } from './open311.format';
import { presentNotes } from './open311.presenter';

// Open311 GeoReport v2 against a real database: a demo city with the default catalogue.

const PUBLIC_URL = 'https://cc.example.gov.cn';
let t: TestApp;
let cityId: string;
let office: Session;
let unit: Session;
let serviceCode: string;
let point: { lng: number; lat: number };
let goodKey: string;

// ---- a tiny XML reader: enough to check the documents are well formed and read fields back ----

interface XNode {
  name: string;
  children: XNode[];
  text: string;
}
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function parseXml(xml: string): XNode {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const root: XNode = { name: '#document', children: [], text: '' };
  const stack = [root];
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)(\/?)>|([^<]+)/g)) {
    const top = stack.at(-1)!;
    if (m[4] !== undefined) {
      if (/&(?!(lt|gt|amp|quot|apos);)/.test(m[4])) throw new Error(`bare & in ${m[4]}`);
      if (top !== root) top.text += m[4].replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
      continue;
    }
    if (m[1]) {
      const closed = stack.pop()!;
      if (closed.name !== m[2]) throw new Error(`</${m[2]}> closes <${closed.name}>`);
      continue;
    }
    const node: XNode = { name: m[2]!, children: [], text: '' };
    top.children.push(node);
    if (!m[3]) stack.push(node);
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('not one closed root element');
  return root.children[0]!;
}
const kids = (n: XNode, name: string) => n.children.filter((c) => c.name === name);
const field = (n: XNode, name: string) => kids(n, name)[0]?.text;

// ---- helpers ----

const form = (fields: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();

function post(fields: Record<string, string | number | undefined>, format = 'json') {
  return t.call('POST', `/open311/v2/requests.${format}`, {
    body: form(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
}

const report = (extra: Record<string, string | number | undefined> = {}) =>
  post({
    api_key: goodKey,
    service_code: serviceCode,
    lat: point.lat,
    long: point.lng,
    description: '人行道上有流动摊贩占道经营',
    ...extra,
  });

async function newKey(name: string) {
  const r = await t.call('POST', '/api/open311/keys', { session: office, body: { name } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; key: string };
}

const caseCount = async () => {
  const [c] = await t.db.select({ n: sql<number>`count(*)::int` }).from(cases);
  return c!.n;
};

const act = (id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/cases/${id}/transitions`, { session: office, body });

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL, PUBLIC_REQUESTS_PER_IP_MINUTE: '60' });
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  unit = await t.login('unit');
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: office });
  const cat = cats.body.find((c: any) => c.department?.name === '城管局');
  serviceCode = `${cat.kind === 'event' ? 'E' : 'C'}${cat.code}`;
  const [g] = await t.db
    .select()
    .from(grids)
    .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)))
    .orderBy(grids.code)
    .limit(1);
  point = { lng: (g!.minLng + g!.maxLng) / 2, lat: (g!.minLat + g!.maxLat) / 2 };
  goodKey = (await newKey('市民通 App')).key;
});
afterAll(() => t.close());
// Each test in its own minute: the per-IP read limit (60 a minute here) counts per test.
beforeEach(() => t.clock.advance(61_000));

describe('discovery and services', () => {
  it('serves discovery in JSON and XML, under v2 and at the root', async () => {
    const j = await t.call('GET', '/open311/v2/discovery.json');
    expect(j.status).toBe(200);
    expect(j.headers.get('content-type')).toContain('application/json');
    expect(j.body.changeset).toMatch(/Z$/);
    expect(j.body.contact).toBeTruthy();
    expect(j.body.key_service).toContain('api_key');
    expect(j.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${PUBLIC_URL}/open311/v2`,
      type: 'production',
    });
    // The spec serves XML as text/xml.
    expect(j.body.endpoints[0].formats).toEqual(['application/json', 'text/xml']);

    const x = await t.call('GET', '/open311/discovery.xml');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const doc = parseXml(x.body);
    expect(doc.name).toBe('discovery');
    const endpoint = kids(kids(doc, 'endpoints')[0]!, 'endpoint')[0]!;
    expect(field(endpoint, 'specification')).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(kids(kids(endpoint, 'formats')[0]!, 'format').map((f) => f.text)).toEqual(
      j.body.endpoints[0].formats,
    );
  });

  it('lists every fileable category as a service, the same in JSON and XML', async () => {
    const expected = await t.services.catalog.publicCategories(cityId);
    const j = await t.call('GET', '/open311/v2/services.json');
    expect(j.status).toBe(200);
    expect(j.body).toHaveLength(expected.length);
    const mine = j.body.find((s: any) => s.service_code === serviceCode);
    expect(mine).toMatchObject({ metadata: false, type: 'realtime', service_name: '占道经营' });
    expect(mine.description).toContain('事件 / ');
    expect(mine.keywords).toContain('占道经营');
    expect(mine.group).toBeTruthy();
    expect(new Set(j.body.map((s: any) => s.service_code)).size, 'codes are unique').toBe(expected.length);

    const x = await t.call('GET', '/open311/v2/services.xml?jurisdiction_id=anything');
    const doc = parseXml(x.body);
    expect(doc.name).toBe('services');
    const services = kids(doc, 'service');
    expect(services).toHaveLength(expected.length);
    const first = services[0]!;
    expect(field(first, 'service_code')).toBe(j.body[0].service_code);
    expect(field(first, 'service_name')).toBe(j.body[0].service_name);
    expect(field(first, 'metadata')).toBe('false');
    expect(field(first, 'type')).toBe('realtime');
  });

  it('answers a service definition (no attributes) or 404 in the spec’s error format', async () => {
    const d = await t.call('GET', `/open311/v2/services/${serviceCode}.json`);
    expect(d.body).toEqual({ service_code: serviceCode, attributes: [] });
    const x = parseXml((await t.call('GET', `/open311/v2/services/${serviceCode}.xml`)).body);
    expect(x.name).toBe('service_definition');
    expect(field(x, 'service_code')).toBe(serviceCode);
    const none = await t.call('GET', '/open311/v2/services/E9999.json');
    expect(none.status).toBe(404);
    expect(none.body).toEqual([{ code: 404, description: expect.stringContaining('E9999') }]);
    const noneXml = await t.call('GET', '/open311/v2/services/E9999.xml');
    const errors = parseXml(noneXml.body);
    expect(errors.name).toBe('errors');
    expect(field(kids(errors, 'error')[0]!, 'code')).toBe('404');
    const nowhere = await t.call('GET', '/open311/v2/nothing.json');
    expect(nowhere.status).toBe(404);
    expect(nowhere.body[0].description).toContain('discovery');
  });
});

describe('API keys (console)', () => {
  it('shows a key once, lists without it, revokes, and audits both', async () => {
    const created = await newKey('12345 热线对接');
    expect(created.key).toMatch(/^o311_[\w-]{32}$/);
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.keyHash).not.toContain(created.key);
    const list = await t.call('GET', '/api/open311/keys', { session: office });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(created.key);
    expect(list.body.find((k: any) => k.id === created.id)).toMatchObject({
      name: '12345 热线对接',
      revokedAt: null,
    });
    const revoked = await t.call('POST', `/api/open311/keys/${created.id}/revoke`, {
      session: office,
      body: {},
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBeTruthy();
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['open311.key_created', 'open311.key_revoked']);
    expect((await t.call('GET', '/api/open311/keys', { session: unit })).status).toBe(403);
    const bad = await t.call('POST', '/api/open311/keys', { session: office, body: { name: '' } });
    expect(bad.status).toBe(400);
    const missing = await t.call('POST', '/api/open311/keys/00000000-0000-4000-8000-000000000000/revoke', {
      session: office,
      body: {},
    });
    expect(missing.status).toBe(404);
  });
});

describe('POST requests', () => {
  it('refuses a missing, unknown or revoked key in the spec’s error format, writing nothing', async () => {
    const before = await caseCount();
    // The spec: a POST without api_key is 403, like an invalid one.
    const none = await post({ service_code: serviceCode, lat: point.lat, long: point.lng });
    expect(none.status).toBe(403);
    expect(none.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const noneXml = await post({ service_code: serviceCode, lat: point.lat, long: point.lng }, 'xml');
    expect(noneXml.status).toBe(403);
    expect(noneXml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const doc = parseXml(noneXml.body);
    expect(doc.name).toBe('errors');
    expect(field(kids(doc, 'error')[0]!, 'code')).toBe('403');
    const unknown = await report({ api_key: 'o311_not-a-key' });
    expect(unknown.status).toBe(403);
    expect(unknown.body[0].description).toContain('无效');
    const k = await newKey('将停用');
    await t.call('POST', `/api/open311/keys/${k.id}/revoke`, { session: office, body: {} });
    const revoked = await report({ api_key: k.key });
    expect(revoked.status).toBe(403);
    expect(revoked.body[0].description).toContain('停用');
    expect(await caseCount()).toBe(before);
  });

  it('files a public report routed like any case: source citizen, reporter named, phone sealed', async () => {
    const r = await report({
      first_name: '小明',
      last_name: '王',
      phone: '+86 138-1234-5678',
      email: 'wang@example.com',
      address_string: '幸福路 8 号',
      media_url: 'https://img.example.com/p/1.jpg',
      account_id: 'acc-42',
      device_id: 'dev-7',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toHaveLength(1);
    const answer = r.body[0];
    expect(answer.service_request_id).toMatch(/^\d{8}-\d{4}$/);
    expect(answer.account_id).toBe('acc-42');
    expect(answer.token).toBeUndefined();
    expect(JSON.stringify(r.body)).not.toContain('5678');
    const [row] = await t.db.select().from(cases).where(eq(cases.number, answer.service_request_id));
    expect(row!.source).toBe('citizen');
    expect(row!.reporterUserId).toBeNull();
    expect(row!.reporterName).toBe('王小明');
    expect(row!.reporterPhone).toMatch(/^enc:v1:/);
    expect(row!.reporterPhone).not.toContain('13812345678');
    expect(row!.mediaRef).toBe('https://img.example.com/p/1.jpg');
    expect(row!.address).toBe('幸福路 8 号');
    expect(row!.leadUnitId).not.toBeNull();
    expect(answer.service_notice).toContain(row!.trackingCode);
    const [evt] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row!.id));
    expect(evt!.actorRole).toBe('public');
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audit!.action).toBe('open311.request_created');
    const read = await t.call('GET', `/open311/v2/requests/${row!.number}.json`);
    expect(read.body[0].media_url).toBe('https://img.example.com/p/1.jpg'); // the client's link, not fetched
    expect(read.body[0].address).toBe('幸福路 8 号');
    const [key] = await t.db.select().from(apiKeys).where(eq(apiKeys.name, '市民通 App'));
    expect(key!.lastUsedAt).not.toBeNull();

    // JSON bodies are accepted too; the XML answer has the spec's shape.
    const json = await t.call('POST', '/open311/v2/requests.xml', {
      body: { api_key: goodKey, service_code: serviceCode, lat: point.lat, long: point.lng },
    });
    expect(json.status).toBe(200);
    const doc = parseXml(json.body);
    expect(doc.name).toBe('service_requests');
    const id = field(kids(doc, 'request')[0]!, 'service_request_id')!;
    const [second] = await t.db.select().from(cases).where(eq(cases.number, id));
    expect(second!.description).toBe('占道经营'); // no description: the service's name
    expect(second!.reporterName).toBe('市民');

    // tokens/{tracking code} maps to the request id.
    const tok = await t.call('GET', `/open311/v2/tokens/${row!.trackingCode}.json`);
    expect(tok.body).toEqual([{ service_request_id: row!.number, token: row!.trackingCode }]);
    expect((await t.call('GET', '/open311/v2/tokens/ZZZZZZZZZZ.json')).status).toBe(404);
  });

  it('refuses bad input with clear descriptions and writes nothing', async () => {
    const before = await caseCount();
    const noPoint = await report({ lat: undefined, long: undefined });
    expect(noPoint.status).toBe(400);
    expect(noPoint.body[0].description).toContain('lat');
    expect(noPoint.body[0].description).toContain('address_string');
    const halfPoint = await report({ long: undefined, address_string: '幸福路 8 号' });
    expect(halfPoint.status).toBe(400);
    expect(halfPoint.body[0].description).toContain('long');
    const several = await report({ lat: 'north', phone: '12345', media_url: 'javascript:alert(1)' });
    expect(several.status).toBe(400);
    const text = several.body.map((e: any) => e.description).join('\n');
    expect(text).toContain('lat');
    expect(text).toContain('phone');
    expect(text).toContain('media_url');
    expect(several.body.every((e: any) => e.code === 400)).toBe(true);
    const noCode = await report({ service_code: undefined });
    expect(noCode.body[0].description).toContain('service_code');
    const unknown = await report({ service_code: 'E9999' });
    expect(unknown.status).toBe(404);
    const outside = await report({ long: point.lng + 3 });
    expect(outside.status).toBe(400);
    expect(outside.body[0].description).toContain('不在本市范围');
    const long = await report({ description: '长'.repeat(4001) });
    expect(long.status).toBe(400);
    expect(long.body[0].description).toContain('4000');
    const badZip = await report({ zipcode: '12-34' });
    expect(badZip.status).toBe(400);
    expect(badZip.body[0].description).toContain('zipcode');
    const broken = await t.call('POST', '/open311/v2/requests.json', {
      body: '{"api_key": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body[0].description).toContain('JSON');
    const wrongType = await t.call('POST', '/open311/v2/requests.json', {
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    const method = await t.call('DELETE', '/open311/v2/requests.json');
    expect(method.status).toBe(405);
    for (const r of [
      noPoint,
      halfPoint,
      several,
      unknown,
      outside,
      long,
      badZip,
      broken,
      wrongType,
      method,
    ]) {
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|Error:/);
    }
    expect(await caseCount()).toBe(before);
  });

  it('accepts an address alone (address_string or address_id): filed awaiting placing, routed to the office', async () => {
    const r = await report({ lat: undefined, long: undefined, address_string: '幸福路 8 号东侧人行道' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body[0].service_notice).toContain('待定位');
    const [row] = await t.db.select().from(cases).where(eq(cases.number, r.body[0].service_request_id));
    expect(row!.lng).toBeNull();
    expect(row!.lat).toBeNull();
    expect(row!.address).toBe('幸福路 8 号东侧人行道');
    expect(row!.gridId).toBeNull();
    expect(row!.source).toBe('citizen');
    // Routed to the city's campaign office, which places it first.
    const [lead] = await t.db.select().from(units).where(eq(units.id, row!.leadUnitId!));
    expect(lead!.kind).toBe('other');
    expect(lead!.name).toContain('创');
    expect((row!.route as { text: string }).text).toContain('待定位');
    expect((row!.route as { text: string }).text).toContain(lead!.name);

    // The console shows it without a point (待定位), and the map leaves it out.
    const detail = await t.call('GET', `/api/cases/${row!.id}`, { session: office });
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body).toMatchObject({ lng: null, lat: null, grid: null, outOfGrid: false });
    const map = await t.call('GET', '/api/cases/map', { session: office });
    expect(map.status).toBe(200);
    expect(map.body.points.map((p: any) => p.id)).not.toContain(row!.id);
    expect(map.body.points.length).toBeGreaterThan(0);

    // Read back: no point, the status notes say it awaits placing.
    const read = await t.call('GET', `/open311/v2/requests/${row!.number}.json`);
    expect(read.status).toBe(200);
    expect(read.body[0]).toMatchObject({ lat: null, long: null, address: '幸福路 8 号东侧人行道' });
    expect(read.body[0].status_notes).toContain('待定位');
    const xml = parseXml((await t.call('GET', `/open311/v2/requests/${row!.number}.xml`)).body);
    expect(field(kids(xml, 'request')[0]!, 'address')).toBe('幸福路 8 号东侧人行道');

    // address_id alone, with the spec's longest description and a zipcode: kept and returned.
    const long = `${'长'.repeat(3990)}1234567890`;
    const byId = await report({
      lat: undefined,
      long: undefined,
      address_id: 'GZ-ADDR-000123',
      zipcode: '510000',
      description: long,
    });
    expect(byId.status, JSON.stringify(byId.body)).toBe(200);
    const n = byId.body[0].service_request_id;
    const [row2] = await t.db.select().from(cases).where(eq(cases.number, n));
    expect(row2!.lng).toBeNull();
    expect(row2!.description).toBe(long);
    expect(row2!.address).toContain('GZ-ADDR-000123');
    const read2 = await t.call('GET', `/open311/v2/requests/${n}.json`);
    expect(read2.body[0]).toMatchObject({
      address_id: 'GZ-ADDR-000123',
      zipcode: '510000',
      description: long,
    });
    const xml2 = parseXml((await t.call('GET', `/open311/v2/requests/${n}.xml`)).body);
    expect(field(kids(xml2, 'request')[0]!, 'address_id')).toBe('GZ-ADDR-000123');
    expect(field(kids(xml2, 'request')[0]!, 'zipcode')).toBe('510000');
    // A request with a point and no address reference says so with nulls.
    const plain = await report();
    const read3 = await t.call('GET', `/open311/v2/requests/${plain.body[0].service_request_id}.json`);
    expect(read3.body[0]).toMatchObject({ address_id: null, zipcode: null });
    expect(typeof read3.body[0].lat).toBe('number');
  });

  it('refuses NUL bytes and unpaired surrogates in fields and the query string, writing nothing', async () => {
    const before = await caseCount();
    const nul = await report({ description: '占道\u0000经营' });
    expect(nul.status).toBe(400);
    expect(nul.body).toEqual([{ code: 400, description: expect.stringContaining('description') }]);
    const lone = await t.call('POST', '/open311/v2/requests.json', {
      body: `{"api_key":"${goodKey}","service_code":"${serviceCode}","lat":${point.lat},"long":${point.lng},"first_name":"\\ud800"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(lone.status).toBe(400);
    expect(lone.body[0].description).toContain('first_name');
    expect(lone.body[0].description).toContain('代理项');
    const query = await t.call('GET', '/open311/v2/requests.xml?service_request_id=%00');
    expect(query.status).toBe(400);
    expect(field(kids(parseXml(query.body), 'error')[0]!, 'description')).toContain('service_request_id');
    const path = await t.call('GET', '/open311/v2/requests/2026%00.json');
    expect(path.status).toBe(400);
    expect(await caseCount()).toBe(before);
  });

  it('limits a flood of POSTs with one key (429 in the spec’s format)', async () => {
    const k = await newKey('压测');
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 31; i++) {
      // Bad input still counts against the key: a flood is refused before it is read.
      last = await post({ api_key: k.key, service_code: 'E9999', lat: point.lat, long: point.lng });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(last!.status).toBe(429);
    expect(last!.body).toEqual([{ code: 429, description: expect.stringContaining('每分钟最多 30 条') }]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const good = await post(
      { api_key: k.key, service_code: serviceCode, lat: point.lat, long: point.lng },
      'xml',
    );
    expect(good.status).toBe(429);
    expect(field(kids(parseXml(good.body), 'error')[0]!, 'code')).toBe('429');
    // Another key is not affected.
    expect((await report()).status).toBe(200);
  });
});

describe('GET requests', () => {
  let ids: { dispatched: string; voided: string; old: string; escaped: string };
  const tricky = 'Tom & Jerry <b>"占道"</b> \'摊\' 1 < 2 > 0';

  beforeAll(async () => {
    const num = (r: Awaited<ReturnType<typeof report>>) => r.body[0].service_request_id as string;
    const rowOf = async (n: string) => (await t.db.select().from(cases).where(eq(cases.number, n)))[0]!;
    // One filed 60 days ago, then the others now.
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() - 60 * 86_400_000));
    const old = num(await report({ description: '六十天前的反映' }));
    t.clock.set(now);
    const dispatched = num(await report({ description: '待派遣的反映' }));
    const d = await rowOf(dispatched);
    let r = await act(d.id, { action: 'file' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    r = await act(d.id, { action: 'dispatch', unitId: r.body.leadUnit.id });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const voided = num(await report({ description: '重复的反映' }));
    r = await act((await rowOf(voided)).id, { action: 'void', reason: '经现场核实，问题不存在' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const escaped = num(await report({ description: tricky }));
    ids = { dispatched, voided, old, escaped };
  });

  it('filters by status, service_code, dates and pages', async () => {
    const all = await t.call('GET', '/open311/v2/requests.json?page_size=200');
    expect(all.status).toBe(200);
    const numbers = all.body.map((r: any) => r.service_request_id);
    expect(numbers).toContain(ids.dispatched);
    expect(numbers).toContain(ids.old);
    expect(Number(all.headers.get('x-total-count'))).toBe(all.body.length);
    expect(all.body[0]).toHaveProperty('requested_datetime');

    const closed = await t.call('GET', '/open311/v2/requests.json?status=closed&page_size=200');
    expect(closed.body.map((r: any) => r.service_request_id)).toEqual([ids.voided]);
    expect(closed.body[0].status).toBe('closed');
    expect(closed.body[0].status_notes).toContain('经现场核实，问题不存在');
    const open = await t.call('GET', '/open311/v2/requests.json?status=open&page_size=200');
    expect(open.body.every((r: any) => r.status === 'open')).toBe(true);
    expect(open.body).toHaveLength(all.body.length - 1);

    const other = await t.call('GET', '/open311/v2/requests.json?service_code=C0101');
    expect(other.body).toEqual([]);
    const mine = await t.call(
      'GET',
      `/open311/v2/requests.json?service_code=C0101,${serviceCode}&page_size=200`,
    );
    expect(mine.body).toHaveLength(all.body.length);

    const recent = await t.call(
      'GET',
      `/open311/v2/requests.json?page_size=200&start_date=${new Date(t.clock.now().getTime() - 7 * 86_400_000).toISOString()}`,
    );
    expect(recent.body.map((r: any) => r.service_request_id)).not.toContain(ids.old);
    expect(recent.body.length).toBe(all.body.length - 1);
    const window = new Date(t.clock.now().getTime() - 61 * 86_400_000).toISOString();
    const early = await t.call(
      'GET',
      `/open311/v2/requests.json?start_date=${window}&end_date=${new Date(t.clock.now().getTime() - 59 * 86_400_000).toISOString()}`,
    );
    expect(early.body.map((r: any) => r.service_request_id)).toEqual([ids.old]);
    const tooLong = await t.call(
      'GET',
      '/open311/v2/requests.json?start_date=2026-01-01&end_date=2026-11-01',
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body[0].description).toContain('90');
    const noZone = await t.call('GET', '/open311/v2/requests.json?start_date=2026-11-01T00:00:00');
    expect(noZone.status).toBe(400);

    const page1 = await t.call('GET', '/open311/v2/requests.json?page_size=2');
    const page2 = await t.call('GET', '/open311/v2/requests.json?page_size=2&page=2');
    expect(page1.body).toHaveLength(2);
    expect(page2.body).toHaveLength(2);
    expect(page2.body[0].service_request_id).not.toBe(page1.body[0].service_request_id);
    // page_size up to the spec's 1,000; by default every request of the window (up to 1,000).
    expect((await t.call('GET', '/open311/v2/requests.json?page_size=1000')).status).toBe(200);
    expect((await t.call('GET', '/open311/v2/requests.json?page_size=1001')).status).toBe(400);
    const byDefault = await t.call('GET', '/open311/v2/requests.json');
    expect(byDefault.headers.get('x-page-size')).toBe('1000');
    expect(byDefault.body).toHaveLength(all.body.length);
    const bad = await t.call('GET', '/open311/v2/requests.json?status=pending&service_code=X1');
    expect(bad.status).toBe(400);
    expect(bad.body).toHaveLength(2);

    const byIds = await t.call(
      'GET',
      `/open311/v2/requests.json?service_request_id=${ids.old},${ids.voided}&status=open&start_date=2020-01-01`,
    );
    expect(byIds.body.map((r: any) => r.service_request_id).sort()).toEqual([ids.old, ids.voided].sort());
  });

  it('answers one request with public-safe fields, and notes in public wording with extensions=true', async () => {
    const one = await t.call('GET', `/open311/v2/requests/${ids.dispatched}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    const r = one.body[0];
    const [row] = await t.db.select().from(cases).where(eq(cases.number, ids.dispatched));
    expect(r).toMatchObject({
      service_request_id: ids.dispatched,
      status: 'open',
      status_notes: '处理中',
      service_code: serviceCode,
      service_name: '占道经营',
      description: '待派遣的反映',
      agency_responsible: '城管局',
      lat: row!.lat,
      long: row!.lng,
    });
    expect(r.expected_datetime).toBe(row!.disposeDeadline!.toISOString());
    expect(r.service_notice).toContain('处置时限');
    expect(r.media_url).toBeNull();
    expect(r).not.toHaveProperty('notes');
    const text = JSON.stringify(r);
    expect(text).not.toContain(row!.trackingCode!);
    expect(text).not.toContain(row!.reporterPhone ?? '—');

    const ext = await t.call('GET', `/open311/v2/requests/${ids.dispatched}.json?extensions=true`);
    const notes = ext.body[0].notes;
    expect(notes.map((n: any) => n.summary)).toEqual(['已受理市民反映', '已立案', '已派遣至 城管局']);
    expect(notes[0]).toMatchObject({ type: 'report', description: null });
    expect(notes[0].datetime).toMatch(/Z$/);
    // A case staff filed is not called a citizen's report.
    const [first] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row!.id)).limit(1);
    expect(presentNotes([first!], new Map(), 'inspector')[0]!.summary).toBe('问题已登记');
    const list = await t.call('GET', '/open311/v2/requests.json?extensions=true&page_size=200');
    const dump = JSON.stringify(list.body);
    const staff = [
      ...(await t.db.select({ n: users.displayName }).from(users)).map((u) => u.n),
      ...(await t.db.select({ n: people.name }).from(people)).map((p) => p.n),
    ].filter((n) => n.length >= 2);
    expect(staff.length).toBeGreaterThan(5);
    for (const name of staff) expect(dump, `staff name ${name}`).not.toContain(name);
    expect(dump).not.toContain('王小明'); // nor the reporter's

    const xml = await t.call('GET', `/open311/v2/requests/${ids.dispatched}.xml?extensions=true`);
    const doc = parseXml(xml.body);
    const req = kids(doc, 'request')[0]!;
    expect(field(req, 'agency_responsible')).toBe('城管局');
    expect(kids(kids(req, 'notes')[0]!, 'note').map((n) => field(n, 'summary'))).toEqual([
      '已受理市民反映',
      '已立案',
      '已派遣至 城管局',
    ]);
    const none = await t.call('GET', '/open311/v2/requests/20200101-9999.xml');
    expect(none.status).toBe(404);
    expect(field(kids(parseXml(none.body), 'error')[0]!, 'description')).toContain('20200101-9999');
  });

  it('escapes <&>"\' in XML and reads back the same text', async () => {
    const x = await t.call('GET', `/open311/v2/requests/${ids.escaped}.xml`);
    expect(x.body).toContain(
      'Tom &amp; Jerry &lt;b&gt;&quot;占道&quot;&lt;/b&gt; &apos;摊&apos; 1 &lt; 2 &gt; 0',
    );
    expect(x.body).not.toContain('<b>');
    expect(field(kids(parseXml(x.body), 'request')[0]!, 'description')).toBe(tricky);
    expect(escapeXml('a\u0001b\uD800c')).toBe('abc');
    const j = await t.call('GET', `/open311/v2/requests/${ids.escaped}.json`);
    expect(j.body[0].description).toBe(tricky);
  });

  it('links a case’s public photo as an absolute media_url, never the tracking code', async () => {
    const img = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#3a7' } })
      .withExif({ IFD0: { Make: 'TestCam' } })
      .jpeg()
      .toBuffer();
    const f = new FormData();
    f.set('file', new File([new Uint8Array(img)], 'a.jpg', { type: 'image/jpeg' }));
    const p = await t.call('POST', '/api/public/photos', { body: f });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const cats = await t.call('GET', '/api/public/config');
    const categoryId = cats.body.categories[0].id;
    const rep = await t.call('POST', '/api/public/reports', {
      body: {
        categoryId,
        description: '带照片的反映',
        lng: point.lng,
        lat: point.lat,
        photos: [{ id: p.body.id, token: p.body.token }],
      },
    });
    expect(rep.status, JSON.stringify(rep.body)).toBe(201);
    const r = await t.call('GET', `/open311/v2/requests/${rep.body.number}.json`);
    const url: string = r.body[0].media_url;
    expect(url).toBe(`${PUBLIC_URL}/open311/v2/media/${p.body.id}.jpg`);
    expect(JSON.stringify(r.body)).not.toContain(rep.body.trackingCode);
    const file = await t.app.request(new URL(url).pathname);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect(meta.exif, 'the public copy carries no EXIF').toBeUndefined();
    expect((await t.call('GET', '/open311/v2/media/00000000-0000-4000-8000-000000000000.jpg')).status).toBe(
      404,
    );
  });

  it('limits reads per IP (429 in the spec’s format)', async () => {
    let last = await t.call('GET', '/open311/v2/discovery.json');
    for (let i = 0; i < 60 && last.status === 200; i++)
      last = await t.call('GET', '/open311/v2/services.xml');
    expect(last.status).toBe(429);
    expect(field(kids(parseXml(last.body), 'error')[0]!, 'code')).toBe('429');
  });
});
