/**
 * The 督办单 register on a real database: 督办 on an overdue case with a chosen 限期, numbering per
 * office and year, the frozen reprint, the unit's 签收 and reply, 办结, escalation of a missed 限期,
 * one order for several cases, scope, and the Excel register.
 */
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { type GridPoint, gridPoints, userSession, withDemoCity } from '../../../test/fixtures';
import { auditLog, supervisionOrderLines, supervisionOrders, units } from '../../db/schema/index';

const T0 = '2026-11-23T02:00:00Z'; // Monday 10:00 in the city
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (n: number) => new Date(n).toISOString();

let t: TestApp;
let cityId: string;
let cgj: string; // 城管局
let zjj: string; // 住建局
let points: GridPoint[];
const USERS = ['office', 'leader', 'inspector', 'unit', 'sup_zjj', 'sup_office_a', 'sup_office_b'] as const;
const s = {} as Record<(typeof USERS)[number], Session>;

/** Logs everyone in again (sessions idle out after 30 minutes of clock). */
async function login() {
  for (const u of USERS) s[u] = await t.login(u);
}

async function upload(session: Session) {
  const form = new FormData();
  form.set('kind', 'before');
  const jpg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();
  form.set('file', new File([new Uint8Array(jpg)], 'p.jpg'));
  const r = await t.call('POST', '/api/photos', { body: form, session });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

const act = async (session: Session, id: string, body: Record<string, unknown>) => {
  const r = await t.call('POST', `/api/cases/${id}/transitions`, { session, body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

/** A case in district A, dispatched to 城管局 and accepted. */
async function inProgress(where = points[0]!) {
  const photo = await upload(s.inspector);
  const created = await t.call('POST', '/api/cases', {
    session: s.inspector,
    body: {
      source: 'inspector',
      categoryId,
      description: '人行道上有流动摊贩占道经营',
      lng: where.lng,
      lat: where.lat,
      photoIds: [photo],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await act(s.office, created.body.id, { action: 'file' });
  await act(s.office, created.body.id, { action: 'dispatch', unitId: cgj });
  return act(s.unit, created.body.id, { action: 'accept' });
}
let categoryId: string;

const download = (session: Session, path: string) =>
  t.app.request(path, { headers: { cookie: `cc_session=${session.token}` } });

async function docxParts(bytes: ArrayBuffer) {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name]!.dir && !name.startsWith('word/media/')) {
      out[name] = await zip.file(name)!.async('string');
    }
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp({});
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  const unitId = async (name: string) =>
    (
      await t.db
        .select()
        .from(units)
        .where(and(eq(units.cityId, cityId), eq(units.name, name)))
    )[0]!.id;
  cgj = await unitId('城管局');
  zjj = await unitId('住建局');
  points = await gridPoints(t, cityId);
  t.clock.set(new Date(T0));
  await userSession(t, 'sup_zjj', 'unit', { unitId: zjj });
  await userSession(t, 'sup_office_a', 'office', { regionId: points[0]!.districtId });
  await userSession(t, 'sup_office_b', 'office', {
    regionId: points.find((p) => p.districtId !== points[0]!.districtId)!.districtId,
  });
  await login();
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: s.office });
  categoryId = cats.body.find((c: any) => c.department?.name === '城管局').id;
});

afterAll(async () => {
  await t?.close();
});

describe('督办单 register', () => {
  // First, while no order has lines yet: the migration's data step run again on an order of the old shape.
  it('migrates an order issued before the register: lines, office and content rebuilt from the case, flagged', async () => {
    t.clock.set(new Date(T0));
    await login();
    const c = await inProgress();
    const id = '0190aaaa-0000-7000-8000-000000000001';
    await t.db.insert(supervisionOrders).values({
      cityId,
      id,
      caseId: c.id,
      number: '督〔2026〕9999号',
      level: 1,
      unitId: cgj,
      requirements: '旧督办单',
      deadline: new Date(c.disposeDeadline),
      automatic: true,
      issuedByName: '系统',
      issuedAt: new Date(T0),
    });
    const file = readFileSync(
      new URL('../../db/migrations/0011_supervision_register.sql', import.meta.url),
      'utf8',
    );
    const data = file.slice(file.indexOf('INSERT INTO "supervision_order_lines"'));
    for (const statement of data.split('--> statement-breakpoint')) {
      if (statement.trim()) await t.db.execute(sql.raw(statement));
    }
    const order = (await t.call('GET', `/api/supervision-orders/${id}`, { session: s.office })).body;
    expect(order).toMatchObject({ migrated: true, state: 'issued', lineCount: 1 });
    expect(order.content).toMatchObject({
      migrated: true,
      number: '督〔2026〕9999号',
      unitName: '城管局',
      requirements: '旧督办单',
      issuedAt: T0.replace('Z', '.000Z'),
    });
    expect(order.content.lines[0]).toMatchObject({ refId: c.id, refNumber: c.number });
    expect(order.content.lines[0].photos).toHaveLength(1);
    const pdf = await download(s.office, `/api/supervision-orders/${id}/pdf`);
    expect(pdf.status).toBe(200);
    await t.db.delete(supervisionOrderLines).where(eq(supervisionOrderLines.orderId, id));
    await t.db.delete(supervisionOrders).where(eq(supervisionOrders.id, id));
  });

  it('issues 督办 on an overdue case with a chosen future 限期; the case stays overdue; a past 限期 is refused', async () => {
    const c = await inProgress();
    const caseDeadline = new Date(c.disposeDeadline).getTime();
    t.clock.set(new Date(caseDeadline + 2 * HOUR)); // overdue
    await login();
    const past = await t.call('POST', `/api/cases/${c.id}/transitions`, {
      session: s.leader,
      body: { action: 'supervise', note: '限期整改', deadline: iso(caseDeadline + HOUR) },
    });
    expect(past.status).toBe(400);
    expect(past.body.error.code).toBe('SUPERVISION_DEADLINE_PAST');
    expect(past.body.error.message).toContain('督办限期须晚于当前时间');

    const limit = caseDeadline + 3 * DAY;
    const done = await act(s.leader, c.id, { action: 'supervise', note: '请立即清理', deadline: iso(limit) });
    expect(new Date(done.disposeDeadline).getTime()).toBe(caseDeadline); // never moved
    expect(done.supervisionOrders).toHaveLength(1);
    expect(done.supervisionOrders[0]).toMatchObject({ state: 'issued', deadline: iso(limit) });
    const order = (
      await t.call('GET', `/api/supervision-orders/${done.supervisionOrders[0].id}`, {
        session: s.office,
      })
    ).body;
    expect(order.content).toMatchObject({
      level: 1,
      unitName: '城管局',
      deadline: iso(limit),
      requirements: '请立即清理',
      issuedBy: expect.any(String),
    });
    expect(order.content.lines).toHaveLength(1);
    expect(order.content.lines[0]).toMatchObject({
      kind: 'case',
      refId: c.id,
      refNumber: c.number,
      originalDeadline: iso(caseDeadline),
    });
    expect(order.content.lines[0].photos).toHaveLength(1);
    // Still overdue for the on-time KPIs: the sweep escalates it as overdue (with an automatic order).
    await t.services.sweeper.sweep();
    const after = (await t.call('GET', `/api/cases/${c.id}`, { session: s.office })).body;
    expect(after.light).toBe('red');
    expect(after.events.map((e: any) => e.type)).toContain('overdue');
  });

  it('the automatic overdue 督办 sets a future 限期 by the working-day rule, and a missed 限期 escalates once to 挂牌督办', async () => {
    t.clock.set(new Date(T0));
    await login();
    const c = await inProgress();
    const deadline = new Date(c.disposeDeadline).getTime();
    const sweptAt = deadline + 10 * 60_000;
    t.clock.set(new Date(sweptAt));
    const r = await t.services.sweeper.sweep();
    expect(r.escalated).toBeGreaterThanOrEqual(1);
    const [auto] = await t.db.select().from(supervisionOrders).where(eq(supervisionOrders.caseId, c.id));
    expect(auto).toMatchObject({ automatic: true, level: 1, state: 'issued' });
    const cal = await t.services.cases.calendars.get(cityId);
    expect(auto!.deadline!.getTime()).toBe(
      cal.deadline(new Date(sweptAt), { value: 3, unit: 'work_days' }).getTime(),
    );
    expect(auto!.deadline!.getTime()).toBeGreaterThan(sweptAt);

    t.clock.set(new Date(auto!.deadline!.getTime() + 60_000));
    const [a, b] = await Promise.all([t.services.sweeper.sweep(), t.services.sweeper.sweep()]);
    expect(a.listed + b.listed).toBeGreaterThanOrEqual(1);
    const orders = await t.db
      .select()
      .from(supervisionOrders)
      .where(eq(supervisionOrders.caseId, c.id))
      .orderBy(supervisionOrders.issuedAt);
    expect(orders.map((o) => o.level)).toEqual([1, 2]);
    expect(orders[0]!.escalatedToId).toBe(orders[1]!.id);
    expect(orders[1]!.deadline!.getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect((await t.services.sweeper.sweep()).listed).toBe(0);
    await login();
    const seen = (await t.call('GET', `/api/cases/${c.id}`, { session: s.office })).body;
    expect(seen.supervisionLevel).toBe(2);
  });

  it('numbers orders per issuing office and year', async () => {
    t.clock.set(new Date('2026-12-31T15:30:00Z')); // 2026-12-31 23:30 in the city
    await login();
    const c1 = await inProgress();
    const o1 = await act(s.office, c1.id, {
      action: 'supervise',
      note: '限期整改',
      deadline: iso(Date.parse('2027-01-05T02:00:00Z')),
    });
    const c2 = await inProgress();
    const d = await act(s.sup_office_a, c2.id, {
      action: 'supervise',
      note: '区督办',
      deadline: iso(Date.parse('2027-01-05T02:00:00Z')),
    });
    t.clock.set(new Date('2026-12-31T16:30:00Z')); // 2027-01-01 00:30 in the city
    await login();
    const o2 = await act(s.office, c2.id, {
      action: 'supervise',
      note: '新年督办',
      deadline: iso(Date.parse('2027-01-06T02:00:00Z')),
    });
    expect(o1.supervisionOrders.at(-1).number).toMatch(/^督〔2026〕\d{4}号$/);
    expect(d.supervisionOrders.at(-1).number).toBe('督〔2026〕0001号'); // the district office's own first
    expect(o2.supervisionOrders.at(-1).number).toBe('督〔2027〕0001号');
  });

  it('reprints the same frozen content after the case changes (Word XML and PDF bytes)', async () => {
    t.clock.set(new Date(T0));
    await login();
    const c = await inProgress();
    const issued = await act(s.leader, c.id, {
      action: 'supervise',
      note: '请立即清理',
      deadline: iso(new Date(c.disposeDeadline).getTime() + 2 * DAY),
    });
    const id = issued.supervisionOrders[0].id;
    const word1 = await (await download(s.office, `/api/supervision-orders/${id}/docx`)).arrayBuffer();
    const pdf1 = Buffer.from(
      await (await download(s.office, `/api/supervision-orders/${id}/pdf`)).arrayBuffer(),
    );
    // An approved extension moves the case's deadline; the paper already sent does not change.
    t.clock.set(new Date(Date.parse(T0) + DAY));
    await login();
    await act(s.unit, c.id, {
      action: 'request_extension',
      reason: '需协调',
      deadline: iso(new Date(c.disposeDeadline).getTime() + 5 * DAY),
    });
    const ext = await act(s.leader, c.id, { action: 'approve_extension', note: '同意' });
    expect(new Date(ext.disposeDeadline).getTime()).toBeGreaterThan(new Date(c.disposeDeadline).getTime());
    const word2 = await (await download(s.office, `/api/supervision-orders/${id}/docx`)).arrayBuffer();
    const pdf2 = Buffer.from(
      await (await download(s.office, `/api/supervision-orders/${id}/pdf`)).arrayBuffer(),
    );
    const [p1, p2] = [await docxParts(word1), await docxParts(word2)];
    expect(p2).toEqual(p1);
    expect(p1['docProps/core.xml']).toContain(
      `<dcterms:created xsi:type="dcterms:W3CDTF">${T0}</dcterms:created>`,
    );
    expect(p1['word/document.xml']).toContain(c.number);
    expect(pdf2.equals(pdf1)).toBe(true);
  });

  it('the unit signs and replies from its own account; the office closes; others get 404; audit rows', async () => {
    t.clock.set(new Date(T0));
    await login();
    const c = await inProgress();
    const issued = await act(s.leader, c.id, {
      action: 'supervise_listed',
      note: '挂牌督办',
      deadline: iso(Date.parse(T0) + 3 * DAY),
    });
    const id = issued.supervisionOrders[0].id;
    const path = `/api/supervision-orders/${id}`;
    // Another unit and another district; another city is the object-scope matrix's (scope-world).
    for (const stranger of [s.sup_zjj, s.sup_office_b]) {
      expect((await t.call('GET', path, { session: stranger })).status).toBe(404);
      expect((await t.call('POST', `${path}/sign`, { session: stranger })).status).toBeOneOf([403, 404]);
      expect((await t.call('GET', `${path}/pdf`, { session: stranger })).status).toBe(404);
    }
    expect((await t.call('POST', `${path}/sign`, { session: s.sup_zjj })).status).toBe(404);
    expect((await t.call('POST', `${path}/sign`, { session: s.office })).status).toBe(403);
    const early = await t.call('POST', `${path}/reply`, { session: s.unit, body: { text: '已整改' } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('SUPERVISION_ORDER_STATE');
    const unitView = (await t.call('GET', path, { session: s.unit })).body;
    expect(unitView.allowed).toEqual(['sign']);
    const signed = await t.call('POST', `${path}/sign`, { session: s.unit });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.state).toBe('signed');
    const photo = await upload(s.unit);
    const replied = await t.call('POST', `${path}/reply`, {
      session: s.unit,
      body: { text: '已清理占道摊点，建立巡查台账', photoIds: [photo] },
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    expect(replied.body).toMatchObject({ state: 'replied', reply: { text: '已清理占道摊点，建立巡查台账' } });
    const img = await download(s.office, `${path}/photos/${photo}?thumb=1`);
    expect(img.status).toBe(200);
    expect((await download(s.sup_zjj, `${path}/photos/${photo}`)).status).toBe(404);
    const closed = await t.call('POST', `${path}/close`, { session: s.office, body: { note: '同意办结' } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect(closed.body.history.map((h: any) => h.action)).toEqual(['issue', 'sign', 'reply', 'close']);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(
      ['supervision.close', 'supervision.reply', 'supervision.sign'].sort(),
    );
  });

  it('issues one order for several cases of one unit from the register, refuses mixed units, lists and exports', async () => {
    t.clock.set(new Date(T0));
    await login();
    const [a, b] = [await inProgress(), await inProgress()];
    const defaults = await t.call('GET', '/api/supervision-orders/defaults', { session: s.office });
    expect(defaults.status).toBe(200);
    expect(Date.parse(defaults.body.deadline)).toBeGreaterThan(Date.parse(T0));
    const body = {
      caseIds: [a.id, b.id],
      level: 1,
      deadline: defaults.body.deadline,
      requirements: '两处占道一并整改',
    };
    const r = await t.call('POST', '/api/supervision-orders', { session: s.office, body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.content.lines.map((l: any) => l.refNumber)).toEqual([a.number, b.number]);
    expect(r.body.lineCount).toBe(2);
    const seenA = (await t.call('GET', `/api/cases/${a.id}`, { session: s.office })).body;
    expect(seenA.supervisionOrders.map((o: any) => o.id)).toContain(r.body.id);

    const mixed = await t.call('POST', '/api/supervision-orders', {
      session: s.office,
      body: { ...body, caseIds: [a.id, (await inProgressOf(zjj)).id] },
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe('SUPERVISION_ONE_UNIT');
    const past = await t.call('POST', '/api/supervision-orders', {
      session: s.office,
      body: { ...body, deadline: iso(Date.parse(T0) - HOUR) },
    });
    expect(past.status).toBe(400);
    expect(past.body.error.code).toBe('SUPERVISION_DEADLINE_PAST');

    const list = await t.call('GET', `/api/supervision-orders?unitId=${cgj}&state=issued&pageSize=100`, {
      session: s.office,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: any) => o.id)).toContain(r.body.id);
    const mine = await t.call('GET', '/api/supervision-orders?pageSize=100', { session: s.sup_zjj });
    expect(mine.body.items.map((o: any) => o.id)).not.toContain(r.body.id);
    const xlsx = await download(s.office, `/api/exports/supervision-orders.xlsx?unitId=${cgj}`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('督办单登记簿')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('督办单编号');
    const numbers: unknown[] = [];
    sheet.eachRow((row, i) => i > 1 && numbers.push(row.getCell(1).value));
    expect(numbers).toContain(r.body.number);
  });
});

/** A case dispatched to the given unit and accepted by that unit's demo user. */
async function inProgressOf(unitId: string) {
  const photo = await upload(s.inspector);
  const created = await t.call('POST', '/api/cases', {
    session: s.inspector,
    body: {
      source: 'inspector',
      categoryId,
      description: '工地围挡破损',
      lng: points[0]!.lng,
      lat: points[0]!.lat,
      photoIds: [photo],
    },
  });
  await act(s.office, created.body.id, { action: 'file' });
  return act(s.office, created.body.id, { action: 'dispatch', unitId });
}
