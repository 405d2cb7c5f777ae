/**
 * The 问责 register on a real database: the city's 情形/方式 lists, a case's 问责 action writing an
 * entry, entries made in the register, bad input, scope, counts per unit and the Excel export.
 */
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { gridPoints, userSession, withDemoCity } from '../../../test/fixtures';
import { accountabilityRecords, units } from '../../db/schema/index';
import { systemCtx } from '../../platform/actor';

const T0 = '2026-11-23T02:00:00Z'; // Monday 10:00 in the city
const TODAY = '2026-11-23';

let t: TestApp;
let cityId: string;
let cgj: string; // 城管局: the routed unit of 占道经营
let zjj: string; // 住建局
let unitA: string; // a street unit of district A
let unitB: string; // a street unit of district B
let categoryId: string;
let pointA: { lng: number; lat: number };
const s = {} as Record<'office' | 'leader' | 'inspector' | 'unit' | 'officeA' | 'unitA' | 'zjj', Session>;
let situations: any[];
let methods: any[];

async function upload(session: Session) {
  const data = await sharp({
    create: { width: 48, height: 32, channels: 3, background: { r: 90, g: 80, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.set('kind', 'before');
  form.set('file', new File([new Uint8Array(data)], 'p.jpg', { type: 'image/jpeg' }));
  const r = await t.call('POST', '/api/photos', { body: form, session });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

function ok(r: { status: number; body: any }, status = 200) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

const act = (session: Session, id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/cases/${id}/transitions`, { session, body });

/** A case of 占道经营 in district A, filed and dispatched to 城管局. */
async function dispatchedCase(description: string) {
  const photo = await upload(s.inspector);
  const c = ok(
    await t.call('POST', '/api/cases', {
      session: s.inspector,
      body: { source: 'inspector', categoryId, description, ...pointA, photoIds: [photo] },
    }),
    201,
  );
  ok(await act(s.office, c.id, { action: 'file' }));
  const d = ok(await act(s.office, c.id, { action: 'dispatch' }));
  expect(d.leadUnit?.id).toBe(cgj);
  return d;
}

const entries = async (session: Session, query = '') =>
  ok(await t.call('GET', `/api/accountability?pageSize=100${query}`, { session }));
const rowCount = async () => Number((await t.db.select({ n: count() }).from(accountabilityRecords))[0]!.n);
const download = (session: Session, path: string) =>
  t.app.request(path, { headers: { cookie: `cc_session=${session.token}` } });

async function sheetRows(res: Response): Promise<string[][]> {
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
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
  const points = await gridPoints(t, cityId);
  const a = points[0]!;
  const b = points.find((p) => p.districtId !== a.districtId)!;
  pointA = { lng: a.lng, lat: a.lat };
  t.clock.set(new Date(T0));
  for (const u of ['office', 'leader', 'inspector', 'unit'] as const) s[u] = await t.login(u);
  const mk = async (code: string, name: string, regionId: string) =>
    ok(
      await t.call('POST', '/api/units', {
        session: s.office,
        body: { code, name, kind: 'street', regionId },
      }),
      201,
    ).id as string;
  unitA = await mk('ACC-A', '甲区环卫所', a.districtId);
  unitB = await mk('ACC-B', '乙区环卫所', b.districtId);
  s.officeA = await userSession(t, 'acc_office_a', 'office', { regionId: a.districtId });
  s.unitA = await userSession(t, 'acc_unit_a', 'unit', { unitId: unitA });
  s.zjj = await userSession(t, 'acc_zjj', 'unit', { unitId: zjj });
  const cats = ok(
    await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: s.office }),
  );
  categoryId = cats.find((c: any) => c.department?.name === '城管局').id;
});
afterAll(() => t?.close());

describe('the lists of 情形 and 方式', () => {
  it('are seeded once per city from the speech, in order, readable by units', async () => {
    const kinds = ok(await t.call('GET', '/api/accountability-kinds', { session: s.unit }));
    situations = kinds.filter((k: any) => k.type === 'situation');
    methods = kinds.filter((k: any) => k.type === 'method');
    expect(situations).toHaveLength(7);
    expect(methods.map((m: any) => m.name)).toEqual([
      '责令书面检查',
      '通报批评',
      '诫勉谈话',
      '组织调整或组织处理',
      '纪律处分',
    ]);
    expect(situations.every((k: any) => k.active && k.usedBy === 0)).toBe(true);
    // Read again (another reader): not seeded twice.
    expect(ok(await t.call('GET', '/api/accountability-kinds', { session: s.office }))).toHaveLength(12);
  });

  it('are edited by the city-wide office only; names are unique per list; bad input names the field', async () => {
    const body = { type: 'situation', name: '创建工作台账弄虚作假' };
    expect((await t.call('POST', '/api/accountability-kinds', { session: s.officeA, body })).status).toBe(
      403,
    );
    expect((await t.call('POST', '/api/accountability-kinds', { session: s.leader, body })).status).toBe(403);
    const created = ok(await t.call('POST', '/api/accountability-kinds', { session: s.office, body }), 201);
    expect(created).toMatchObject({ type: 'situation', active: true, usedBy: 0, sortOrder: 80 });
    const dup = await t.call('POST', '/api/accountability-kinds', { session: s.office, body });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('ACCOUNTABILITY_KIND_EXISTS');
    const bad = await t.call('POST', '/api/accountability-kinds', {
      session: s.office,
      body: { type: 'penalty', name: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: any) => f.field).sort()).toEqual(['name', 'type']);
    // Unused: deleted.
    ok(await t.call('DELETE', `/api/accountability-kinds/${created.id}`, { session: s.office }));
    expect(ok(await t.call('GET', '/api/accountability-kinds', { session: s.office }))).toHaveLength(12);
  });
});

describe('case → 问责 → register → counts → export', () => {
  let caseId: string;
  let caseNumber: string;
  let orderId: string;

  it('records the 问责 of a case in the register, with the unit on the case timeline', async () => {
    const c = await dispatchedCase('人行道流动摊贩占道经营，多次整改不到位');
    caseId = c.id;
    caseNumber = c.number;
    const before = await rowCount();
    const r = await act(s.leader, c.id, {
      action: 'record_accountability',
      reason: '占道经营问题督办后仍未整改，约谈分管负责人',
      accountability: {
        situationId: situations[1].id,
        methodId: methods[2].id,
        personName: '张三丰',
        personPost: '市容科科长',
        decidedOn: '2026-11-20',
      },
    });
    const detail = ok(r);
    expect(await rowCount()).toBe(before + 1);
    const event = detail.events.find((e: any) => e.type === 'record_accountability');
    expect(event).toMatchObject({ unitName: '城管局', note: '占道经营问题督办后仍未整改，约谈分管负责人' });

    const list = await entries(s.office, `&caseId=${c.id}`);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      unit: { id: cgj, name: '城管局' },
      personName: '张三丰',
      personPost: '市容科科长',
      situation: { id: situations[1].id, name: situations[1].name },
      method: { id: methods[2].id, name: '诫勉谈话' },
      decidedOn: '2026-11-20',
      text: '占道经营问题督办后仍未整改，约谈分管负责人',
      fromCaseId: c.id,
      cases: [{ id: c.id, number: c.number }],
      issuedByName: event.actorName,
    });
    // The unit reads its own entry, the person's name masked.
    const mine = await entries(s.unit, `&caseId=${c.id}`);
    expect(mine.items[0].personName).toBe('张*丰');
  });

  it('keeps the old 问责 action working: no 情形/方式 is 未分类; bad ids are refused and nothing is written', async () => {
    const c = await dispatchedCase('门店跨门经营');
    ok(await act(s.office, c.id, { action: 'record_accountability', reason: '配合不力', unitId: zjj }));
    const [e] = (await entries(s.office, `&caseId=${c.id}`)).items;
    expect(e).toMatchObject({ unit: { name: '住建局' }, situation: null, method: null, decidedOn: TODAY });

    const before = await rowCount();
    const wrongList = await act(s.office, c.id, {
      action: 'record_accountability',
      reason: 'x',
      accountability: { situationId: methods[0].id },
    });
    expect(wrongList.status).toBe(404);
    expect(wrongList.body.error).toMatchObject({ code: 'ACCOUNTABILITY_KIND_NOT_FOUND' });
    expect(wrongList.body.error.details.fields[0].field).toBe('situationId');
    const future = await act(s.office, c.id, {
      action: 'record_accountability',
      reason: 'x',
      accountability: { decidedOn: '2026-11-24' },
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details.fields[0]).toMatchObject({ field: 'decidedOn' });
    expect(await rowCount()).toBe(before);
    // …and no case event either (one transaction).
    const events = ok(await t.call('GET', `/api/cases/${c.id}`, { session: s.office })).events;
    expect(events.filter((x: any) => x.type === 'record_accountability')).toHaveLength(1);
  });

  it('records directly in the register, linking the case and a 督办单 of the same unit', async () => {
    const c = ok(await t.call('GET', `/api/cases/${caseId}`, { session: s.office }));
    const deadline = new Date(new Date(c.disposeDeadline).getTime() - 3_600_000).toISOString();
    const supervised = ok(await act(s.leader, caseId, { action: 'supervise', note: '限期整改', deadline }));
    orderId = supervised.supervisionOrders[0].id;
    const body = {
      unitId: cgj,
      situationId: situations[0].id,
      methodId: methods[1].id,
      personName: '李四',
      personPost: '副局长',
      text: '占道经营整治不力，在全市通报批评',
      caseIds: [caseId],
      supervisionOrderIds: [orderId],
    };
    const before = await rowCount();
    const wrongUnit = await t.call('POST', '/api/accountability', {
      session: s.office,
      body: { ...body, unitId: zjj },
    });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.error.code).toBe('ACCOUNTABILITY_LINK_INVALID');
    expect(wrongUnit.body.error.details.fields[0].field).toBe('supervisionOrderIds');
    const missing = await t.call('POST', '/api/accountability', {
      session: s.office,
      body: { unitId: cgj, text: '' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields.map((f: any) => f.field).sort()).toEqual([
      'methodId',
      'situationId',
      'text',
    ]);
    const unknownUnit = await t.call('POST', '/api/accountability', {
      session: s.office,
      body: { ...body, unitId: '0190a000-0000-7000-8000-000000000099' },
    });
    expect(unknownUnit.body.error.code).toBe('UNIT_NOT_FOUND');
    expect((await t.call('POST', '/api/accountability', { session: s.unit, body })).status).toBe(403);
    expect(await rowCount()).toBe(before);

    const e = ok(await t.call('POST', '/api/accountability', { session: s.office, body }), 201);
    expect(e).toMatchObject({
      unit: { name: '城管局' },
      decidedOn: TODAY,
      fromCaseId: null,
      cases: [{ id: caseId, number: caseNumber }],
      supervisionOrders: [{ id: orderId, number: supervised.supervisionOrders[0].number }],
    });
    expect(ok(await t.call('GET', `/api/accountability/${e.id}`, { session: s.leader })).personName).toBe(
      '李四',
    );
    // Both entries of the case show on its register filter.
    expect((await entries(s.office, `&caseId=${caseId}`)).total).toBe(2);
  });

  it('counts per unit and per 情形/方式 over a period, the same through the service rankings call', async () => {
    const counts = ok(
      await t.call('GET', `/api/accountability/counts?from=2026-11-01&to=${TODAY}`, { session: s.office }),
    );
    expect(counts.total).toBe(3);
    const byUnit = Object.fromEntries(counts.units.map((u: any) => [u.unitName, u.count]));
    expect(byUnit).toEqual({ 城管局: 2, 住建局: 1 });
    const cgjRow = counts.units.find((u: any) => u.unitId === cgj);
    expect(cgjRow.situations).toEqual([
      { id: situations[0].id, name: situations[0].name, count: 1 },
      { id: situations[1].id, name: situations[1].name, count: 1 },
    ]);
    expect(counts.methods).toEqual([
      { id: methods[1].id, name: '通报批评', count: 1 },
      { id: methods[2].id, name: '诫勉谈话', count: 1 },
      { id: null, name: '未分类', count: 1 },
    ]);
    // The period is of decision dates: the entry decided on 11-20 is outside 11-21…
    const later = ok(
      await t.call('GET', `/api/accountability/counts?from=2026-11-21&to=${TODAY}`, { session: s.office }),
    );
    expect(later.total).toBe(2);
    // …and the filter of 未分类 finds the old-style entry.
    expect((await entries(s.office, '&methodId=none')).items.map((e: any) => e.unit.name)).toEqual([
      '住建局',
    ]);

    const office = await t.login('office');
    const session = await t.services.auth.resolveSession(office.token);
    if (!session || session === 'expired') throw new Error('the office session did not resolve');
    const ctx = { actor: session.actor, meta: systemCtx().meta };
    const svc = await t.services.accountability.accountabilityCounts(ctx, {
      period: { from: '2026-11-01', to: TODAY },
      unitIds: [cgj],
    });
    expect(svc.total).toBe(2);
    expect(svc.units.map((u) => u.unitName)).toEqual(['城管局']);
  });

  it('exports the entries and the counts to Excel with the list filters', async () => {
    const rows = await sheetRows(
      await download(s.office, `/api/exports/accountability.xlsx?unitId=${cgj}&from=2026-11-01`),
    );
    expect(rows[0]).toEqual([
      '问责日期',
      '被问责单位',
      '被问责人',
      '职务',
      '问责情形',
      '问责方式',
      '问责事由',
      '关联案件',
      '关联督办单',
      '记录人',
      '记录时间',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(expect.arrayContaining(['城管局', '李四', '通报批评', caseNumber]));
    // A unit's export masks the names as its list does.
    const unitRows = await sheetRows(await download(s.unit, '/api/exports/accountability.xlsx'));
    expect(unitRows.slice(1).map((r) => r[2])).toEqual(['李*', '张*丰']);
    const counts = await sheetRows(
      await download(s.office, '/api/exports/accountability.xlsx?view=counts&from=2026-11-01'),
    );
    expect(counts.map((r) => r.slice(0, 2))).toEqual([
      ['单位', '问责次数'],
      ['城管局', '2'],
      ['住建局', '1'],
      ['合计', '3'],
    ]);
  });

  it('keeps a 情形/方式 in use: no delete, deactivate; an inactive one is refused for new entries', async () => {
    const del = await t.call('DELETE', `/api/accountability-kinds/${methods[1].id}`, { session: s.office });
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('ACCOUNTABILITY_KIND_IN_USE');
    const off = ok(
      await t.call('PATCH', `/api/accountability-kinds/${methods[1].id}`, {
        session: s.office,
        body: { active: false },
      }),
    );
    expect(off).toMatchObject({ active: false, usedBy: 1 });
    const refused = await t.call('POST', '/api/accountability', {
      session: s.office,
      body: { unitId: cgj, situationId: situations[0].id, methodId: methods[1].id, text: '再次通报' },
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('ACCOUNTABILITY_KIND_NOT_FOUND');
    // The entries keep their name.
    expect((await entries(s.office, `&methodId=${methods[1].id}`)).items[0].method.name).toBe('通报批评');
    ok(
      await t.call('PATCH', `/api/accountability-kinds/${methods[1].id}`, {
        session: s.office,
        body: { active: true },
      }),
    );
  });
});

describe('scope', () => {
  it('a district office reads and records only its district; a unit reads only its own entries', async () => {
    const body = (unitId: string) => ({
      unitId,
      situationId: situations[3].id,
      methodId: methods[0].id,
      text: '推诿扯皮',
    });
    const a = ok(await t.call('POST', '/api/accountability', { session: s.officeA, body: body(unitA) }), 201);
    const refused = await t.call('POST', '/api/accountability', { session: s.officeA, body: body(unitB) });
    expect(refused.status).toBe(403);
    // Nor through a case of its own district: the unit held to account must lie in the district too.
    const own = await dispatchedCase('甲区案件，问责乙区单位');
    const before = await rowCount();
    const viaCase = await act(s.officeA, own.id, {
      action: 'record_accountability',
      reason: '越区问责',
      unitId: unitB,
      accountability: { situationId: situations[3].id, methodId: methods[0].id },
    });
    expect(viaCase.status, JSON.stringify(viaCase.body)).toBe(403);
    expect(await rowCount()).toBe(before);
    const b = ok(await t.call('POST', '/api/accountability', { session: s.office, body: body(unitB) }), 201);
    // A city-level unit held to account without a case lies in the whole city: not the district's.
    const city = ok(await t.call('POST', '/api/accountability', { session: s.office, body: body(zjj) }), 201);

    const seenA = (await entries(s.officeA)).items.map((e: any) => e.id);
    expect(seenA).toContain(a.id);
    // The case-based entries on 城管局 lie where their case lies (district A).
    const names = (await entries(s.officeA)).items.map((e: any) => e.unit.name);
    expect(names.filter((n: string) => n === '城管局')).toHaveLength(2);
    expect(seenA).not.toContain(b.id);
    expect(seenA).not.toContain(city.id);
    expect((await t.call('GET', `/api/accountability/${b.id}`, { session: s.officeA })).status).toBe(403);
    const countsA = ok(await t.call('GET', '/api/accountability/counts', { session: s.officeA }));
    expect(countsA.units.map((u: any) => u.unitName)).not.toContain('乙区环卫所');

    const seenUnit = (await entries(s.unitA)).items;
    expect(seenUnit.map((e: any) => e.id)).toEqual([a.id]);
    expect((await t.call('GET', `/api/accountability/${city.id}`, { session: s.unitA })).status).toBe(403);
    expect((await entries(s.zjj)).items.every((e: any) => e.unit.id === zjj)).toBe(true);
    // A region filter outside the reader's district finds nothing of it.
    const otherDistrict = (await t.db.select().from(units).where(eq(units.id, unitB)))[0]!.regionId!;
    expect((await entries(s.officeA, `&regionId=${otherDistrict}`)).total).toBe(0);
    expect((await entries(s.office, `&regionId=${otherDistrict}`)).items.map((e: any) => e.id)).toEqual([
      b.id,
    ]);
  });
});
