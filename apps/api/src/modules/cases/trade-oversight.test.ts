import { computeCounters } from '@chuangcheng/domain';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { type GridPoint, gridPoints, userSession, withDemoCity } from '../../../test/fixtures';
import { auditLog, caseEvents, cases, notifications, units } from '../../db/schema/index';
import { caseEventToCounterEvent } from './case-events';

/**
 * 行业主管 (谁主管、谁负责) and 主动认领: a department supervising a trade reads every case of its
 * categories in its region subtree, whoever handles it (and their KPIs), comments, and may claim a filed,
 * undispatched case, which the office approves (→ an ordinary dispatch) or refuses with a reason.
 */
let t: TestApp;
let cityId: string;
let office: Session;
let scjg: Session; // a user of 市场监管局, which supervises "五小"行业卫生 (0705 and its 细类)
let scjgId: string;
let scjgUserId: string;
let weijian: Session; // 卫健委 handles 小美容美发 (070503), a 细类 of 0705
let officeA: Session; // an office of district A
let districtA: string;
let pA: GridPoint;
let pB: GridPoint;
const cat: Record<string, string> = {};

async function jpeg(seed: number) {
  return sharp({ create: { width: 48, height: 32, channels: 3, background: { r: seed * 30, g: 80, b: 40 } } })
    .jpeg()
    .toBuffer();
}

let seed = 1;
async function newCase(code: string, p: GridPoint, description: string, file = true) {
  const form = new FormData();
  form.set('kind', 'before');
  form.set('file', new File([new Uint8Array(await jpeg(seed++))], 'p.jpg', { type: 'image/jpeg' }));
  const photo = await t.call('POST', '/api/photos', { body: form, session: office });
  const r = await t.call('POST', '/api/cases', {
    session: office,
    body: {
      source: 'inspector',
      categoryId: cat[code],
      description,
      lng: p.lng + 0.00001 * seed,
      lat: p.lat,
      photoIds: [photo.body.id],
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  if (!file) return r.body;
  const f = await act(office, r.body.id, { action: 'file', note: '立案' });
  expect(f.status, JSON.stringify(f.body)).toBe(200);
  return f.body;
}

const act = (session: Session, id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/cases/${id}/transitions`, { session, body });
const read = (session: Session, id: string) => t.call('GET', `/api/cases/${id}`, { session });
const ids = async (session: Session, query = '') =>
  ((await t.call('GET', `/api/cases?pageSize=200${query}`, { session })).body.items as { id: string }[]).map(
    (c) => c.id,
  );

beforeAll(async () => {
  t = await createTestApp();
  const city = await withDemoCity(t, 60);
  cityId = city.cityId;
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  const unitNamed = async (name: string) =>
    (
      await t.db
        .select()
        .from(units)
        .where(and(eq(units.cityId, cityId), eq(units.name, name)))
    )[0]!;
  const sc = await unitNamed('市场监管局');
  scjgId = sc.id;
  scjg = await userSession(t, 'scjg', 'unit', { unitId: sc.id });
  scjgUserId = scjg.userId;
  weijian = await userSession(t, 'wjw', 'unit', { unitId: (await unitNamed('卫健委')).id });
  const all = (await t.call('GET', '/api/catalog/categories', { session: office })).body as any[];
  for (const c of all) if (c.kind === 'event') cat[c.code] = c.id;
  const points = await gridPoints(t, cityId);
  pA = points[0]!;
  districtA = pA.districtId;
  pB = points.find((p) => p.districtId !== districtA)!;
  officeA = await userSession(t, 'office_a', 'office', { regionId: districtA });
  // A district bureau: 市场监管局 oversees its trades in district A only.
  await t.db.update(units).set({ regionId: districtA }).where(eq(units.id, scjgId));
});
afterAll(() => t.close());

describe('configuring which categories a department supervises', () => {
  it('the office sets a department’s categories (whole list, audited); bad input is refused by field', async () => {
    const before = (await t.db.select().from(auditLog)).length;
    const r = await t.call('PUT', `/api/units/${scjgId}/trades`, {
      session: office,
      body: { categoryIds: [cat['0705']] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.unit.name).toBe('市场监管局');
    expect(r.body.region?.id).toBe(districtA);
    expect(r.body.categories).toEqual([
      expect.objectContaining({ kind: 'event', code: '0705', categoryId: cat['0705'] }),
    ]);
    expect(r.body.categories[0].path).toContain('“五小”行业卫生');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, scjgId));
    expect(audits.map((a) => a.action)).toContain('unit_trades.update');
    expect((await t.db.select().from(auditLog)).length).toBe(before + 1);

    const bad = await t.call('PUT', `/api/units/${scjgId}/trades`, {
      session: office,
      body: { categoryIds: [cat['0705'], '00000000-0000-4000-8000-000000000000'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('TRADE_CATEGORY_NOT_FOUND');
    expect(bad.body.error.details.fields).toEqual([expect.objectContaining({ field: 'categoryIds.1' })]);

    const street = (
      await t.db
        .select()
        .from(units)
        .where(and(eq(units.cityId, cityId), eq(units.kind, 'street')))
    )[0]!;
    const notDept = await t.call('PUT', `/api/units/${street.id}/trades`, {
      session: office,
      body: { categoryIds: [cat['0705']] },
    });
    expect(notDept.status).toBe(400);
    expect(notDept.body.error.code).toBe('TRADE_UNIT_NOT_DEPARTMENT');
    expect(notDept.body.error.message).toMatch(/职能部门/);

    // A unit does not configure itself; a district office does not widen a city department's reach.
    expect(
      (await t.call('PUT', `/api/units/${scjgId}/trades`, { session: scjg, body: { categoryIds: [] } }))
        .status,
    ).toBe(403);
    const byDistrict = await t.call('PUT', `/api/units/${scjgId}/trades`, {
      session: officeA,
      body: { categoryIds: [] },
    });
    expect(byDistrict.status).toBe(403);
    expect((await t.db.select().from(auditLog)).length).toBe(before + 1);

    // Readers: the office sees every department; the unit its own; the export lists the rows.
    const list = await t.call('GET', '/api/trades', { session: office });
    expect(list.body.map((u: any) => u.unit.name)).toEqual(['市场监管局']);
    expect((await t.call('GET', '/api/trades', { session: weijian })).body).toEqual([]);
    expect((await t.call('GET', `/api/units/${scjgId}/trades`, { session: weijian })).status).toBe(404);
    const xlsx = await t.call('GET', '/api/exports/trades.xlsx', { session: office });
    expect(xlsx.status).toBe(200);
  });
});

describe('谁主管、谁负责: what a supervising department reads', () => {
  let ours: any; // 小美容美发 (070503) in district A, handled by 卫健委
  let otherTrade: any; // 建筑工地扬尘 (0303) in district A, handled by 住建局
  let outside: any; // 小美容美发 (070503) in district B

  beforeAll(async () => {
    ours = await newCase('070503', pA, '理发店公共用品未消毒');
    otherTrade = await newCase('0303', pA, '工地裸土未覆盖');
    outside = await newCase('070503', pB, '乙区美发店无健康证明');
  });

  it('sees a case of its trade in its region, whoever handles it — not another trade, not outside its region', async () => {
    expect(ours.leadUnit.name).toBe('卫健委');
    const r = await read(scjg, ours.id);
    expect(r.status).toBe(200);
    expect((await read(scjg, otherTrade.id)).status).toBe(403);
    expect((await read(scjg, outside.id)).status).toBe(403);
    const listed = await ids(scjg);
    expect(listed).toContain(ours.id);
    expect(listed).not.toContain(otherTrade.id);
    expect(listed).not.toContain(outside.id);
    // The map and the photos follow the same rule.
    const map = await t.call('GET', '/api/cases/map', { session: scjg });
    expect(map.body.points.map((p: any) => p.id)).toContain(ours.id);
    expect(map.body.points.map((p: any) => p.id)).not.toContain(outside.id);
    const photo = r.body.photos[0];
    expect((await t.call('GET', `/api/photos/${photo.id}/thumb`, { session: scjg })).status).toBe(200);
  });

  it('a city-wide department sees its trade across the city', async () => {
    await t.db.update(units).set({ regionId: null }).where(eq(units.id, scjgId));
    try {
      expect((await read(scjg, outside.id)).status).toBe(200);
      expect(await ids(scjg)).toContain(outside.id);
      expect((await read(scjg, otherTrade.id)).status).toBe(403);
    } finally {
      await t.db.update(units).set({ regionId: districtA }).where(eq(units.id, scjgId));
    }
  });

  it('sees the KPIs of those cases, filtered like the list', async () => {
    const k = await t.call('GET', '/api/kpis?dimension=category', { session: scjg });
    expect(k.status).toBe(200);
    const keys = k.body.rows.map((row: any) => row.key as string);
    expect(keys.some((key: string) => key.startsWith('070503'))).toBe(true);
    expect(keys.some((key: string) => key.startsWith('0303'))).toBe(false);
    const listed = await t.call('GET', '/api/cases?pageSize=1', { session: scjg });
    expect(k.body.total.counters.reported).toBe(listed.body.total);
  });

  it('reads and comments, but does not handle the case; its inbox holds only its own cases', async () => {
    const d = await act(office, ours.id, { action: 'dispatch', note: '派遣' });
    expect(d.status).toBe(200);
    const seen = await read(scjg, ours.id);
    expect(seen.body.allowedActions.map((a: any) => a.action)).toEqual([
      'supervise',
      'supervise_listed',
      'comment',
    ]);
    const accept = await act(scjg, ours.id, { action: 'accept' });
    expect(accept.status).toBe(403);
    expect(accept.body.error.code).toBe('CASE_NOT_YOUR_UNIT');
    const c = await act(scjg, ours.id, { action: 'comment', note: '请卫健委加强对理发店的日常监管' });
    expect(c.status).toBe(200);
    expect(c.body.events.at(-1)).toMatchObject({ type: 'comment', unitName: '市场监管局' });
    // 卫健委's inbox has it; 市场监管局's does not (it only oversees), and counts agree with the lists.
    expect(await ids(weijian, '&queue=to_accept')).toContain(ours.id);
    expect(await ids(scjg, '&queue=to_accept')).not.toContain(ours.id);
    const counts = (await t.call('GET', '/api/cases/counts', { session: scjg })).body;
    expect(counts.to_accept).toBe((await ids(scjg, '&queue=to_accept')).length);
  });

  it('may 督办 a case of its trade that another unit handles (a 督办单 with its own 限期), not its own case', async () => {
    const deadline = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString();
    const r = await act(scjg, ours.id, {
      action: 'supervise',
      note: '请卫健委三个工作日内整改到位',
      deadline,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.supervisionOrders).toHaveLength(1);
    expect(r.body.events.at(-1)).toMatchObject({ type: 'supervise', unitName: '市场监管局' });
    // The department finds the order it issued in the register, and can open it.
    const orderId = r.body.supervisionOrders[0].id as string;
    const list = await t.call('GET', '/api/supervision-orders', { session: scjg });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(orderId);
    expect((await t.call('GET', `/api/supervision-orders/${orderId}`, { session: scjg })).status).toBe(200);
    // 卫健委 supervises no trade: it may not 督办 a case, not even one it can read.
    const byHandler = await act(weijian, ours.id, { action: 'supervise', note: '自己督办自己', deadline });
    expect(byHandler.status).toBe(403);
    // A case of its trade that it handles itself (routed to it, dispatched) is not its to 督办.
    const own = await newCase('070501', pA, '甲区小餐馆生熟不分');
    expect((await act(office, own.id, { action: 'dispatch', note: '派遣' })).status).toBe(200);
    const mine = await read(scjg, own.id);
    expect(mine.body.allowedActions.map((a: any) => a.action)).not.toContain('supervise');
    const self = await act(scjg, own.id, { action: 'supervise', note: '督办', deadline });
    expect(self.status).toBe(403);
  });
});

describe('主动认领: a unit claims a filed case of its trade; the office approves or refuses', () => {
  it('claim → refused with a reason → claimed again → approved: dispatched to the claimant like any dispatch', async () => {
    const c = await newCase('070503', pA, '甲区美容店毛巾未消毒');
    expect(c.leadUnit.name).toBe('卫健委'); // routed to 卫健委 by its category, not yet dispatched
    expect(await ids(scjg, '&queue=claimable')).toContain(c.id);
    const seen = await read(scjg, c.id);
    expect(seen.body.allowedActions.map((a: any) => a.action)).toEqual(['comment', 'claim']);
    const claimNeeds = seen.body.allowedActions.find((a: any) => a.action === 'claim').needs;
    expect(claimNeeds.reason).toBe(true);

    const noReason = await act(scjg, c.id, { action: 'claim' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('CASE_REASON_REQUIRED');

    let r = await act(scjg, c.id, { action: 'claim', reason: '该店属本局日常监管对象，由本局直接查处' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('filed');
    expect(r.body.pendingRequest).toBe('claim');
    expect(r.body.pending).toMatchObject({ kind: 'claim', unitId: scjgId, unitName: '市场监管局' });
    expect(await ids(scjg, '&queue=claimable')).not.toContain(c.id);
    expect(await ids(office, '&queue=claims')).toContain(c.id);
    expect(await ids(office, '&queue=requests')).not.toContain(c.id); // 延期/挂账 only
    const officeView = await read(office, c.id);
    const officeActions = officeView.body.allowedActions.map((a: any) => a.action);
    expect(officeActions).toEqual(expect.arrayContaining(['approve_claim', 'deny_claim']));
    expect(officeActions).not.toContain('dispatch');
    expect(officeActions).not.toContain('void');

    // One request at a time; the office decides it before dispatching.
    const again = await act(scjg, c.id, { action: 'claim', reason: '再次申请' });
    expect(again.body.error.code).toBe('CASE_REQUEST_PENDING');
    const dispatch = await act(office, c.id, { action: 'dispatch', note: '派遣' });
    expect(dispatch.status).toBe(409);
    expect(dispatch.body.error.code).toBe('CASE_REQUEST_PENDING');
    expect((await act(scjg, c.id, { action: 'approve_claim', note: '自己批' })).status).toBe(403);

    const denyBlank = await act(office, c.id, { action: 'deny_claim', reason: ' ' });
    expect(denyBlank.body.error.code).toBe('CASE_REASON_REQUIRED');
    r = await act(office, c.id, { action: 'deny_claim', reason: '属地街道已在处置，暂不改派' });
    expect(r.status).toBe(200);
    expect(r.body.pending).toBeNull();
    expect(r.body.status).toBe('filed');
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, scjgUserId));
    expect(told.map((n) => n.kind)).toContain('deny_claim');

    r = await act(scjg, c.id, { action: 'claim', reason: '街道处置不了，本局立案查处' });
    expect(r.status).toBe(200);
    r = await act(office, c.id, { action: 'approve_claim', note: '同意由市场监管局办理' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('dispatched');
    expect(r.body.leadUnit.name).toBe('市场监管局');
    expect(r.body.pending).toBeNull();
    expect(r.body.disposeDeadline).toBeTruthy();
    expect(r.body.events.map((e: any) => e.type).slice(-5)).toEqual([
      'claim',
      'deny_claim',
      'claim',
      'approve_claim',
      'dispatch',
    ]);
    // The dispatch is an ordinary one: the counters equal a recomputation from the event log.
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    const events = await t.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, c.id))
      .orderBy(caseEvents.seq);
    const counters = computeCounters(events.map(caseEventToCounterEvent));
    expect(row!.nDispatches).toBe(1);
    expect(counters.dispatches).toBe(1);
    expect(row!.nNeedDispatch).toBe(counters.needDispatch);
    // Now it is the unit's own case: it accepts.
    const accepted = await act(scjg, c.id, { action: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('in_progress');
  });

  it('refuses a claim of a case not filed, already dispatched, or not of the unit’s trade, with clear errors', async () => {
    const reported = await newCase('070502', pA, '小食杂店销售过期食品', false);
    let r = await act(scjg, reported.id, { action: 'claim', reason: '认领' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CASE_ACTION_NOT_ALLOWED_IN_STATE');
    expect(r.body.error.message).toBeTruthy();

    const dispatched = await newCase('070502', pA, '小食杂店卫生脏乱');
    expect((await act(office, dispatched.id, { action: 'dispatch', note: '派遣' })).status).toBe(200);
    r = await act(scjg, dispatched.id, { action: 'claim', reason: '认领' });
    expect(r.body.error.code).toBe('CASE_ACTION_NOT_ALLOWED_IN_STATE');

    // 农贸市场环境卫生 (0704) is routed to 市场监管局 but is not among its supervised trades (0705).
    const notTrade = await newCase('0704', pA, '农贸市场排水沟堵塞');
    expect((await read(scjg, notTrade.id)).status).toBe(200);
    r = await act(scjg, notTrade.id, { action: 'claim', reason: '认领' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('CASE_NOT_YOUR_TRADE');
    expect(r.body.error.message).toMatch(/主管的行业/);

    // Out of its region the case is not even visible.
    const far = await newCase('070503', pB, '乙区理发店用品未消毒');
    r = await act(scjg, far.id, { action: 'claim', reason: '认领' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN_SCOPE');
    const [unchanged] = await t.db.select().from(cases).where(eq(cases.id, far.id));
    expect(unchanged!.pending).toBeNull();
  });
});
