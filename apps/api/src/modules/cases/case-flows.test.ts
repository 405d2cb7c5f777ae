/**
 * The side flows of the closed loop on a real database: 延期, 挂账, 回退, 自处理, 督办, 问责, the sweeper's
 * lights and escalation, scopes, KPIs and their exports, and photo intake.
 */
import {
  CASE_SOURCE_LABELS,
  KPI_COUNTERS,
  KPI_DIMENSIONS,
  KPI_RATE_LABELS,
  KPI_RATES,
} from '@chuangcheng/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { userSession, withDemoCity } from '../../../test/fixtures';
import {
  accountabilityRecords,
  caseEvents,
  cases,
  grids,
  memberships,
  outbox,
  photos,
  regions,
  supervisionOrders,
  units,
  users,
} from '../../db/schema/index';

const T0 = '2026-11-23T02:00:00Z'; // Monday 10:00 in the city
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const USERS = ['office', 'office2', 'leader', 'inspector', 'unit', 'zjj', 'grid', 'office_d'] as const;
type User = (typeof USERS)[number];

let t: TestApp;
let cityId: string;
const s = {} as Record<User, Session>;
let categoryId: string;
let cgjUnitId: string; // 城管局, the demo 'unit' user's unit and the category's department
let zjjUnitId: string; // 住建局
type Point = { lng: number; lat: number; gridId: string; districtId: string };
let point: Point; // the first grid, in district A
let pointB: Point; // a grid in another district
let gridWorkerPoint: Point; // a grid in the grid worker's community

/** Sets the clock and logs everyone in again (sessions idle out after 30 minutes of clock). */
async function at(when: Date | string | number) {
  t.clock.set(new Date(when));
  for (const u of USERS) s[u] = await t.login(u);
}

async function image(format: 'jpeg' | 'png' | 'webp' | 'gif', width = 64, height = 48, seed = 1) {
  return sharp({ create: { width, height, channels: 3, background: { r: seed * 20, g: 90, b: 60 } } })
    [format]()
    .toBuffer();
}

async function upload(session: Session, kind: 'before' | 'after', data?: Buffer, name = 'p.jpg') {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([new Uint8Array(data ?? (await image('jpeg')))], name));
  return t.call('POST', '/api/photos', { body: form, session });
}

async function newCase(session: Session, extra: Record<string, unknown> = {}, where: Point = point) {
  const photo = await upload(session, 'before');
  expect(photo.status, JSON.stringify(photo.body)).toBe(201);
  return t.call('POST', '/api/cases', {
    session,
    body: {
      source: 'inspector',
      categoryId,
      description: '人行道上有流动摊贩占道经营',
      lng: where.lng,
      lat: where.lat,
      photoIds: [photo.body.id],
      ...extra,
    },
  });
}

const act = (session: Session, id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/cases/${id}/transitions`, { session, body });
const get = (session: Session, id: string) => t.call('GET', `/api/cases/${id}`, { session });

async function ok(r: Awaited<ReturnType<typeof act>>) {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** A case filed and dispatched by the office (to the routed unit unless `dispatch` says otherwise). */
async function dispatched(dispatch: Record<string, unknown> = {}, where: Point = point) {
  const created = await newCase(s.inspector, {}, where);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await ok(await act(s.office, created.body.id, { action: 'file' }));
  return ok(await act(s.office, created.body.id, { action: 'dispatch', ...dispatch }));
}

/** A case accepted by 城管局 (status in_progress, the disposal clock running). */
async function inProgress() {
  const d = await dispatched();
  expect(d.leadUnit?.id).toBe(cgjUnitId);
  return ok(await act(s.unit, d.id, { action: 'accept' }));
}

const row = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const eventsOf = async (id: string) =>
  t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(caseEvents.seq);
const ordersOf = async (id: string) =>
  t.db
    .select()
    .from(supervisionOrders)
    .where(eq(supervisionOrders.caseId, id))
    .orderBy(supervisionOrders.number);
const ms = (iso: string | null) => (iso === null ? null : new Date(iso).getTime());
const iso = (n: number) => new Date(n).toISOString();
const kpis = async (session: Session, query = 'dimension=unit') => {
  const r = await t.call('GET', `/api/kpis?${query}`, { session });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const download = (session: Session, path: string) =>
  t.app.request(path, { headers: { cookie: `cc_session=${session.token}` } });

/** Every case id the session lists (all pages). */
async function listedIds(session: Session, query = '') {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await t.call('GET', `/api/cases?pageSize=500&page=${page}${query}`, { session });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    ids.push(...r.body.items.map((c: any) => c.id));
    if (ids.length >= r.body.total || r.body.items.length === 0) return ids;
  }
}

beforeAll(async () => {
  t = await createTestApp({
    // Never called here (nothing runs deliver()); a configured adapter makes 督办 write outbox rows.
    NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/never',
    PHOTO_MAX_MEGAPIXELS: '1',
  });
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  const unitByName = async (name: string) =>
    (
      await t.db
        .select()
        .from(units)
        .where(and(eq(units.cityId, cityId), eq(units.name, name)))
    )[0]!.id;
  cgjUnitId = await unitByName('城管局');
  zjjUnitId = await unitByName('住建局');

  const allRegions = await t.db.select().from(regions).where(eq(regions.cityId, cityId));
  const byId = new Map(allRegions.map((r) => [r.id, r]));
  const districtOf = (communityId: string) => byId.get(byId.get(communityId)!.parentId!)!.parentId!;
  const current = await t.db
    .select()
    .from(grids)
    .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)))
    .orderBy(grids.code);
  const pointOf = (g: (typeof current)[number]): Point => ({
    lng: (g.minLng + g.maxLng) / 2,
    lat: (g.minLat + g.maxLat) / 2,
    gridId: g.id,
    districtId: districtOf(g.communityId),
  });
  point = pointOf(current[0]!);
  const other = current.find((g) => districtOf(g.communityId) !== point.districtId);
  expect(other, 'the demo city has grids in two districts').toBeTruthy();
  pointB = pointOf(other!);
  const [gridUser] = await t.db
    .select({ regionId: memberships.regionId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.username, 'grid'));
  gridWorkerPoint = pointOf(current.find((g) => g.communityId === gridUser!.regionId)!);

  await userSession(t, 'zjj', 'unit', { unitId: zjjUnitId });
  await userSession(t, 'office2', 'office', { regionId: cityId });
  await userSession(t, 'office_d', 'office', { regionId: point.districtId });
  await at(T0);
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: s.office });
  const cat = cats.body.find((c: any) => c.department?.name === '城管局');
  expect(cat, 'a 城管局 class named 占道经营 in the default catalogue').toBeTruthy();
  categoryId = cat.id;
});
afterAll(() => t?.close());
afterEach(async () => {
  if (t.clock.now().getTime() !== new Date(T0).getTime()) await at(T0);
});

describe('延期 (extension)', () => {
  it('checks the deadline, grants it, refuses a second pending request and records a denial', async () => {
    const c = await inProgress();
    const current = ms(c.disposeDeadline)!;
    const noDeadline = await act(s.unit, c.id, { action: 'request_extension', reason: '需协调产权单位' });
    expect(noDeadline.status).toBe(400);
    expect(noDeadline.body.error.code).toBe('CASE_DEADLINE_REQUIRED');
    for (const earlier of [current - HOUR, current]) {
      const r = await act(s.unit, c.id, {
        action: 'request_extension',
        reason: '需协调产权单位',
        deadline: iso(earlier),
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('CASE_DEADLINE_REQUIRED');
    }
    expect((await get(s.office, c.id)).body.pending).toBeNull();

    const asked = current + 3 * DAY;
    const requested = await ok(
      await act(s.unit, c.id, {
        action: 'request_extension',
        reason: '需协调产权单位',
        deadline: iso(asked),
      }),
    );
    expect(requested.status).toBe('in_progress');
    expect(requested.pendingRequest).toBe('extension');
    expect(requested.pending).toMatchObject({
      kind: 'extension',
      reason: '需协调产权单位',
      byUserId: s.unit.userId,
    });
    expect(ms(requested.disposeDeadline)).toBe(current); // nothing granted yet

    const again = await act(s.unit, c.id, {
      action: 'request_extension',
      reason: '再次申请',
      deadline: iso(asked + DAY),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CASE_REQUEST_PENDING');
    const parkToo = await act(s.unit, c.id, { action: 'request_park', reason: '挂账' });
    expect(parkToo.body.error.code).toBe('CASE_REQUEST_PENDING');
    const requests = await listedIds(s.office, '&queue=requests');
    expect(requests).toContain(c.id);

    const approved = await ok(await act(s.office, c.id, { action: 'approve_extension', note: '同意' }));
    expect(ms(approved.disposeDeadline)).toBe(asked);
    expect(ms(approved.stageDeadline)).toBe(asked); // in_progress: the stage clock is the disposal clock
    expect(approved.pending).toBeNull();
    expect(approved.pendingRequest).toBeNull();
    expect(approved.light).toBe('green');
    const notes = await t.call('GET', '/api/notifications', { session: s.unit });
    expect(notes.body.items.some((n: any) => n.kind === 'approve_extension' && n.caseId === c.id)).toBe(true);
    const nothingPending = await act(s.office, c.id, { action: 'approve_extension' });
    expect(nothingPending.status).toBe(409);
    expect(nothingPending.body.error.code).toBe('CASE_NO_PENDING_REQUEST');

    await ok(
      await act(s.unit, c.id, {
        action: 'request_extension',
        reason: '还需一周',
        deadline: iso(asked + 7 * DAY),
      }),
    );
    const denyNoReason = await act(s.leader, c.id, { action: 'deny_extension' });
    expect(denyNoReason.status).toBe(400);
    expect(denyNoReason.body.error.code).toBe('CASE_REASON_REQUIRED');
    const denied = await ok(await act(s.leader, c.id, { action: 'deny_extension', reason: '期限已足够' }));
    expect(denied.pending).toBeNull();
    expect(ms(denied.disposeDeadline)).toBe(asked);
    const last = denied.events.at(-1);
    expect(last).toMatchObject({ type: 'deny_extension', note: '期限已足够' });
  });

  it('the requester never decides on their own request (four eyes)', async () => {
    const c = (await newCase(s.inspector)).body;
    await ok(await act(s.office, c.id, { action: 'file' }));
    const asked = await ok(await act(s.office, c.id, { action: 'request_park', reason: '待拆迁，暂缓处理' }));
    expect(asked.pendingRequest).toBe('park');
    expect(asked.allowedActions.map((a: any) => a.action)).not.toContain('approve_park');
    const self = await act(s.office, c.id, { action: 'approve_park', note: '同意' });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('CASE_APPROVER_IS_REQUESTER');
    expect((await get(s.office, c.id)).body.status).toBe('filed');
    const other = await get(s.office2, c.id);
    expect(other.body.allowedActions.map((a: any) => a.action)).toContain('approve_park');
    const parked = await ok(await act(s.office2, c.id, { action: 'approve_park', note: '同意挂账' }));
    expect(parked.status).toBe('parked');
  });
});

describe('挂账 (parking)', () => {
  it('stops the clock, is never escalated while parked, and resumes with the working time that was left', async () => {
    const c = await inProgress();
    const deadline = ms(c.disposeDeadline)!;
    const parkedAt = new Date(T0).getTime() + HOUR;
    await at(parkedAt);
    await ok(await act(s.unit, c.id, { action: 'request_park', reason: '涉及产权纠纷，需法院裁定' }));
    const parked = await ok(await act(s.leader, c.id, { action: 'approve_park', note: '同意挂账' }));
    expect(parked).toMatchObject({
      status: 'parked',
      stage: 'none',
      light: null,
      stageDeadline: null,
      pending: null,
    });
    const cal = await t.services.cases.calendars.get(cityId);
    const parkedRow = await row(c.id);
    const unit = parkedRow.disposeUnit as 'work_days';
    expect(unit).toBeTruthy();
    const remaining = cal.measure(new Date(parkedAt), new Date(deadline), unit);
    expect(remaining).toBeGreaterThan(0);
    expect(parkedRow.pausedRemaining).toBeCloseTo(remaining, 6);

    // A month past the old deadline: the sweeper leaves the parked case alone.
    const later = deadline + 30 * DAY;
    t.clock.set(new Date(later));
    await t.services.sweeper.sweep();
    await t.services.sweeper.sweep();
    await at(later);
    const still = (await get(s.office, c.id)).body;
    expect(still).toMatchObject({
      status: 'parked',
      light: null,
      supervisionLevel: 0,
      supervisionOrders: [],
    });
    expect((await eventsOf(c.id)).map((e) => e.type)).not.toContain('auto_supervise');
    expect((await row(c.id)).overdueAt).toBeNull();
    expect(await listedIds(s.office, '&queue=overdue')).not.toContain(c.id);

    const restored = await ok(await act(s.office, c.id, { action: 'restore', note: '纠纷已解决，恢复处置' }));
    const expected = cal.addMeasure(new Date(later), remaining, unit).getTime();
    expect(restored.status).toBe('in_progress');
    expect(restored.stage).toBe('dispose');
    expect(ms(restored.disposeDeadline)).toBe(expected);
    expect(ms(restored.stageDeadline)).toBe(expected);
    expect(cal.measure(new Date(later), new Date(expected), unit)).toBeCloseTo(remaining, 0);
    expect(expected).toBeGreaterThan(later);
    expect(restored.light).toBe('green');
    expect((await row(c.id)).pausedRemaining).toBeNull();
    const after = await t.services.sweeper.sweep();
    expect(after.escalated).toBe(0);
    expect((await get(s.office, c.id)).body.supervisionLevel).toBe(0);
    expect(restored.events.map((e: any) => e.type).slice(-3)).toEqual([
      'request_park',
      'approve_park',
      'restore',
    ]);
  });
});

describe('回退 (return) and re-dispatch', () => {
  it('goes back to the dispatch board, is re-dispatched to another unit and counts one return', async () => {
    // Totals by area: by unit, the case now counts for both units that held it.
    const before = (await kpis(s.office, 'dimension=district')).total.counters;
    const c = await dispatched();
    expect(c.leadUnit.id).toBe(cgjUnitId);
    const route = c.route;
    expect(route?.text).toContain('城管局');
    const noReason = await act(s.unit, c.id, { action: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('CASE_REASON_REQUIRED');
    const returned = await ok(await act(s.unit, c.id, { action: 'return', reason: '不属于本单位职责范围' }));
    expect(returned).toMatchObject({ status: 'returned', stage: 'dispatch', returnCount: 1 });
    expect(await listedIds(s.office, '&queue=to_dispatch')).toContain(c.id);
    expect(await listedIds(s.unit, '&queue=to_accept')).not.toContain(c.id);

    const again = await ok(
      await act(s.office, c.id, { action: 'dispatch', unitId: zjjUnitId, note: '改派住建局' }),
    );
    expect(again.status).toBe('dispatched');
    expect(again.leadUnit.id).toBe(zjjUnitId);
    expect(again.route).toEqual(route);
    expect(again.returnCount).toBe(1);
    // The old unit no longer sees the case at all.
    const old = await act(s.unit, c.id, { action: 'accept' });
    expect(old.status).toBe(403);
    expect(old.body.error.code).toBe('FORBIDDEN_SCOPE');
    const accepted = await ok(await act(s.zjj, c.id, { action: 'accept' }));
    expect(accepted.status).toBe('in_progress');

    const after = (await kpis(s.office, 'dimension=district')).total;
    expect(after.counters.returns - before.returns).toBe(1);
    expect(after.counters.dispatches - before.dispatches).toBe(2);
    expect(after.counters.reported - before.reported).toBe(1);
    expect(after.rates.returnRate).toBeCloseTo(after.counters.returns / after.counters.dispatches, 10);
    // The return is charged to the unit that returned (城管局), not to the one re-dispatched to.
    const cgjRow = (await kpis(s.office)).rows.find((r: any) => r.key === cgjUnitId);
    expect(cgjRow.counters.returns).toBeGreaterThanOrEqual(1);
    expect(cgjRow.rates.returnRate).toBeCloseTo(cgjRow.counters.returns / cgjRow.counters.dispatches, 10);
  });

  it('a co-unit sees the case but only the lead unit may accept it (CASE_NOT_YOUR_UNIT)', async () => {
    const c = await dispatched({ coUnitIds: [zjjUnitId] });
    expect(c.coUnits.map((u: any) => u.id)).toEqual([zjjUnitId]);
    expect((await get(s.zjj, c.id)).status).toBe(200);
    const r = await act(s.zjj, c.id, { action: 'accept' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('CASE_NOT_YOUR_UNIT');
    await ok(await act(s.unit, c.id, { action: 'accept' }));
  });
});

describe('自处理 (self-handled)', () => {
  it('needs before and after photos, waits for the office, closes and counts as closed', async () => {
    const before = await upload(s.grid, 'before');
    const missing = await newCase(s.grid, { source: 'grid_worker', selfHandled: true }, gridWorkerPoint);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('CASE_BEFORE_PHOTO_REQUIRED');
    const officeSelf = await newCase(s.office, { source: 'hotline', selfHandled: true });
    expect(officeSelf.status).toBe(403);
    const k0 = (await kpis(s.office, 'dimension=grid')).rows.find(
      (r: any) => r.key === gridWorkerPoint.gridId,
    );

    // A picture of its own: the before-photo sent again would be flagged, and confirming it takes a reason.
    const after = await upload(s.grid, 'after', await image('jpeg', 64, 48, 2));
    const created = await t.call('POST', '/api/cases', {
      session: s.grid,
      body: {
        source: 'grid_worker',
        categoryId,
        description: '门店跨门经营，已现场劝离',
        lng: gridWorkerPoint.lng,
        lat: gridWorkerPoint.lat,
        photoIds: [before.body.id],
        afterPhotoIds: [after.body.id],
        selfHandled: true,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const c = created.body;
    expect(c).toMatchObject({ status: 'self_handled', stage: 'verify' });
    expect(c.photos.map((p: any) => p.kind).sort()).toEqual(['after', 'before']);
    expect(await listedIds(s.office, '&queue=to_file')).toContain(c.id);
    const notes = await t.call('GET', '/api/notifications', { session: s.office });
    expect(notes.body.items.some((n: any) => n.kind === 'self_handled' && n.caseId === c.id)).toBe(true);

    const closed = await ok(await act(s.office, c.id, { action: 'confirm_self_handled', note: '确认' }));
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBeTruthy();
    const k1 = (await kpis(s.office, 'dimension=grid')).rows.find(
      (r: any) => r.key === gridWorkerPoint.gridId,
    );
    const delta = (k: string) => k1.counters[k] - (k0?.counters[k] ?? 0);
    expect([
      delta('reported'),
      delta('filed'),
      delta('closed'),
      delta('needClose'),
      delta('closedOnTime'),
    ]).toEqual([1, 1, 1, 1, 1]);
    expect(delta('dispatches')).toBe(0);
  });
});

describe('督办 (supervision) and 问责 (accountability)', () => {
  it('sets the 督办单 its own 限期 (never the case deadline), numbers each order, and queues an outbound message', async () => {
    const c = await inProgress();
    const current = ms(c.disposeDeadline)!;
    const none = await act(s.leader, c.id, { action: 'supervise', note: '限期整改' });
    expect(none.body.error.code).toBe('CASE_DEADLINE_REQUIRED');
    const past = await act(s.leader, c.id, {
      action: 'supervise',
      note: '限期整改',
      deadline: iso(t.clock.now().getTime() - HOUR),
    });
    expect(past.status).toBe(400);
    expect(past.body.error.code).toBe('SUPERVISION_DEADLINE_PAST');
    expect(past.body.error.details.fields[0].field).toBe('deadline');
    expect((await act(s.unit, c.id, { action: 'supervise', deadline: iso(current) })).status).toBe(403);

    const limit = current + 3 * DAY; // later than the case's deadline: the order's own 限期
    const first = await ok(
      await act(s.leader, c.id, { action: 'supervise', note: '请于限期内整改', deadline: iso(limit) }),
    );
    expect(first.supervisionLevel).toBe(1);
    expect(ms(first.disposeDeadline)).toBe(current);
    expect(first.supervisionOrders).toHaveLength(1);
    const n1 = /^督〔2026〕(\d{4})号$/.exec(first.supervisionOrders[0].number);
    expect(n1, first.supervisionOrders[0].number).toBeTruthy();
    const [o1] = await ordersOf(c.id);
    expect(o1).toMatchObject({
      level: 1,
      automatic: false,
      unitId: cgjUnitId,
      requirements: '请于限期内整改',
    });
    expect(o1!.deadline?.getTime()).toBe(limit);
    const queued = await t.db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'caseNumber' = ${c.number}`);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ channel: 'webhook', status: 'pending', attempts: 0 });
    expect(String(queued[0]!.payload.title)).toContain(first.supervisionOrders[0].number);

    // 督办 may be issued again; 挂牌督办 is the last level.
    await ok(await act(s.office, c.id, { action: 'supervise', note: '再督办', deadline: iso(limit) }));
    const listed = await ok(
      await act(s.leader, c.id, { action: 'supervise_listed', note: '挂牌督办', deadline: iso(limit) }),
    );
    expect(listed.supervisionLevel).toBe(2);
    expect(ms(listed.disposeDeadline)).toBe(current);
    expect(listed.supervisionOrders).toHaveLength(3);
    const n3 = /^督〔2026〕(\d{4})号$/.exec(listed.supervisionOrders[2].number);
    expect(Number(n3![1])).toBe(Number(n1![1]) + 2);
    expect((await ordersOf(c.id)).map((o) => o.level)).toEqual([1, 1, 2]);
    const third = await act(s.leader, c.id, {
      action: 'supervise_listed',
      note: '再挂牌',
      deadline: iso(limit),
    });
    expect(third.body.error.code).toBe('CASE_ALREADY_SUPERVISED');
    const notes = await t.call('GET', '/api/notifications', { session: s.unit });
    expect(
      notes.body.items.filter((n: any) => n.caseId === c.id && n.kind.startsWith('supervise')),
    ).toHaveLength(3);
  });

  it('records accountability against the lead unit, or the unit named', async () => {
    const c = await inProgress();
    const noReason = await act(s.leader, c.id, { action: 'record_accountability' });
    expect(noReason.body.error.code).toBe('CASE_REASON_REQUIRED');
    expect((await act(s.unit, c.id, { action: 'record_accountability', reason: 'x' })).status).toBe(403);
    await ok(
      await act(s.leader, c.id, { action: 'record_accountability', reason: '逾期未整改，约谈主要负责人' }),
    );
    await ok(
      await act(s.office, c.id, { action: 'record_accountability', reason: '配合不力', unitId: zjjUnitId }),
    );
    const rows = await t.db
      .select()
      .from(accountabilityRecords)
      .where(eq(accountabilityRecords.caseId, c.id));
    expect(rows.map((r) => [r.unitId, r.text, r.byUserId])).toEqual(
      expect.arrayContaining([
        [cgjUnitId, '逾期未整改，约谈主要负责人', s.leader.userId],
        [zjjUnitId, '配合不力', s.office.userId],
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.cityId === cityId)).toBe(true);
    expect((await get(s.office, c.id)).body.status).toBe('in_progress');
  });
});

describe('the sweeper', () => {
  it('turns the light green → yellow → red as the clock passes yellowAt and the stage deadline', async () => {
    // A filed case runs the dispatch stage: the office's clock, so being late never escalates it.
    const created = (await newCase(s.inspector)).body;
    const c = await ok(await act(s.office, created.id, { action: 'file' }));
    expect(c).toMatchObject({ stage: 'dispatch', light: 'green' });
    const r = await row(c.id);
    const cal = await t.services.cases.calendars.get(cityId);
    const unit = (r.stageLimits as any)?.dispatch?.unit ?? 'work_hours';
    expect(r.yellowAt!.getTime()).toBe(cal.yellowAt(r.stageStartedAt!, r.stageDeadline!, unit).getTime());
    const yellowAt = r.yellowAt!.getTime();
    const stageDeadline = r.stageDeadline!.getTime();
    expect(ms(c.stageDeadline)).toBe(stageDeadline);
    expect(yellowAt).toBeGreaterThan(new Date(T0).getTime());
    expect(yellowAt).toBeLessThan(stageDeadline);

    const lightAfterSweep = async (when: number) => {
      t.clock.set(new Date(when));
      await t.services.sweeper.sweep();
      return (await row(c.id)).light;
    };
    expect(await lightAfterSweep(yellowAt - MIN)).toBe('green');
    expect(await lightAfterSweep(yellowAt)).toBe('yellow');
    expect(await lightAfterSweep(stageDeadline)).toBe('yellow');
    expect(await lightAfterSweep(stageDeadline + 1000)).toBe('red');
    await at(stageDeadline + 1000);
    const seen = (await get(s.office, c.id)).body;
    expect(seen.light).toBe('red');
    expect(seen.elapsedFraction).toBeGreaterThanOrEqual(1);
    expect(seen.supervisionLevel).toBe(0);
    expect(seen.events.map((e: any) => e.type)).not.toContain('auto_supervise');
  });

  it('two sweeps at once escalate each overdue case exactly once', async () => {
    const mine = [await dispatched(), await dispatched(), await inProgress()];
    const latest = Math.max(...mine.map((c) => ms(c.disposeDeadline)!));
    const now = latest + MIN;
    t.clock.set(new Date(now));
    const [a, b] = await Promise.all([t.services.sweeper.sweep(), t.services.sweeper.sweep()]);
    expect(a.escalated + b.escalated).toBeGreaterThanOrEqual(mine.length);
    const [counted] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(caseEvents)
      .where(and(eq(caseEvents.type, 'auto_supervise'), eq(caseEvents.at, new Date(now))));
    expect(counted!.n).toBe(a.escalated + b.escalated);
    for (const c of mine) {
      const types = (await eventsOf(c.id)).map((e) => e.type);
      expect(types.filter((x) => x === 'auto_supervise')).toHaveLength(1);
      expect(types.filter((x) => x === 'overdue')).toHaveLength(1);
      const orders = await ordersOf(c.id);
      expect(orders).toHaveLength(1);
      expect(orders[0]).toMatchObject({ automatic: true, level: 1 });
      expect(await row(c.id)).toMatchObject({ supervisionLevel: 1, light: 'red' });
    }
    expect((await t.services.sweeper.sweep()).escalated).toBe(0);
  });
});

describe('scopes', () => {
  it('a district office sees only its district; a unit only its own cases; photos follow their case', async () => {
    const inA = (await newCase(s.inspector)).body;
    const inB = (await newCase(s.inspector, {}, pointB)).body;
    expect(inA.district.id).toBe(point.districtId);
    expect(inB.district.id).toBe(pointB.districtId);
    expect(inB.district.id).not.toBe(inA.district.id);
    const zjjOnly = await dispatched({ unitId: zjjUnitId });

    const all = await t.db.select().from(cases).where(eq(cases.cityId, cityId));
    const inDistrict = all.filter((c) => point.districtId === c.districtId).map((c) => c.id);
    expect((await listedIds(s.office_d)).sort()).toEqual(inDistrict.sort());
    expect(inDistrict).toContain(inA.id);
    expect(inDistrict).not.toContain(inB.id);
    const away = await get(s.office_d, inB.id);
    expect(away.status).toBe(403);
    expect(away.body.error.code).toBe('FORBIDDEN_SCOPE');
    expect((await act(s.office_d, inB.id, { action: 'file' })).status).toBe(403);
    expect((await get(s.office_d, inA.id)).status).toBe(200);
    expect((await kpis(s.office_d, 'dimension=district')).total.counters.reported).toBe(inDistrict.length);

    const ofUnit = all
      .filter((c) => c.leadUnitId === cgjUnitId || c.coUnitIds.includes(cgjUnitId))
      .map((c) => c.id);
    expect((await listedIds(s.unit)).sort()).toEqual(ofUnit.sort());
    expect(ofUnit).not.toContain(zjjOnly.id);
    expect((await get(s.unit, zjjOnly.id)).body.error.code).toBe('FORBIDDEN_SCOPE');
    expect((await get(s.zjj, zjjOnly.id)).status).toBe(200);

    const photoB = inB.photos[0].id;
    for (const kind of ['file', 'thumb']) {
      const hidden = await t.call('GET', `/api/photos/${photoB}/${kind}`, { session: s.office_d });
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe('PHOTO_NOT_FOUND');
      expect((await download(s.office, `/api/photos/${photoB}/${kind}`)).status).toBe(200);
    }
    expect((await download(s.office_d, `/api/photos/${inA.photos[0].id}/file`)).status).toBe(200);
  });

  it("another user's unattached photo can be neither seen nor attached", async () => {
    const theirs = await upload(s.inspector, 'before');
    expect(theirs.status).toBe(201);
    const peek = await t.call('GET', `/api/photos/${theirs.body.id}/file`, { session: s.office });
    expect(peek.body.error.code).toBe('PHOTO_NOT_FOUND');
    const taken = await t.call('POST', '/api/cases', {
      session: s.office,
      body: {
        source: 'hotline',
        categoryId,
        description: '市民来电反映占道经营',
        lng: point.lng,
        lat: point.lat,
        photoIds: [theirs.body.id],
      },
    });
    expect(taken.status).toBe(404);
    expect(taken.body.error.code).toBe('PHOTO_NOT_FOUND');
    const c = await inProgress();
    const feedback = await act(s.unit, c.id, {
      action: 'submit_feedback',
      note: '已整改',
      photoIds: [theirs.body.id],
    });
    expect(feedback.body.error.code).toBe('PHOTO_NOT_FOUND');
    const [p] = await t.db.select().from(photos).where(eq(photos.id, theirs.body.id));
    expect(p!.caseId).toBeNull();
  });
});

describe('KPIs and exports', () => {
  it('answers every dimension, rows summing to the total, and filters by date', async () => {
    // One case late on 31 October (city time), to give month/day and the date filters two sides.
    await at('2026-10-31T15:00:00Z');
    const october = (await newCase(s.inspector, { source: 'grid_worker' })).body;
    await at(T0);
    const all = await t.db.select().from(cases).where(eq(cases.cityId, cityId));
    for (const dimension of KPI_DIMENSIONS) {
      const r = await kpis(s.office, `dimension=${dimension}`);
      expect(r.dimension).toBe(dimension);
      // By unit, a case counts for each unit that held it and never-dispatched cases for none.
      if (dimension !== 'unit') expect(r.total.counters.reported, dimension).toBe(all.length);
      expect(r.rows.length, dimension).toBeGreaterThan(0);
      expect(new Set(r.rows.map((x: any) => x.key)).size, dimension).toBe(r.rows.length);
      for (const k of KPI_COUNTERS) {
        const sum = r.rows.reduce((acc: number, x: any) => acc + x.counters[k], 0);
        expect(sum, `${dimension}.${k}`).toBe(r.total.counters[k]);
      }
      for (const x of r.rows) expect(x.name, dimension).toBeTruthy();
    }
    const months = await kpis(s.office, 'dimension=month');
    expect(months.rows.map((x: any) => x.key)).toEqual(['2026-10', '2026-11']);
    expect(months.rows[0].counters.reported).toBe(1);
    const days = await kpis(s.office, 'dimension=day');
    expect(days.rows.find((x: any) => x.key === '2026-10-31')?.counters.reported).toBe(1);
    const sources = await kpis(s.office, 'dimension=source');
    expect(sources.rows.find((x: any) => x.key === 'grid_worker')?.name).toBe(
      CASE_SOURCE_LABELS.grid_worker.zh,
    );

    const fromNov = await kpis(s.office, 'dimension=district&from=2026-11-01');
    expect(fromNov.total.counters.reported).toBe(all.length - 1);
    const toOct = await kpis(s.office, 'dimension=district&to=2026-10-31');
    expect(toOct.total.counters.reported).toBe(1);
    const oneDay = await kpis(s.office, 'dimension=day&from=2026-11-23&to=2026-11-23');
    expect(oneDay.rows.map((x: any) => x.key)).toEqual(['2026-11-23']);
    expect(oneDay.total.counters.reported).toBe(all.length - 1);
    expect(await listedIds(s.office, '&to=2026-10-31')).toEqual([october.id]);
  });

  it.skipIf(process.env.TEST_DB_DRIVER === 'postgres')(
    "date filters mean the city's day whatever the database server's TimeZone is",
    async () => {
      // initdb takes the host's zone, so a PostgreSQL server in China usually runs with Asia/Shanghai.
      // (PGlite only: on a pool the SET would reach one connection.)
      await t.db.execute(sql`set time zone 'Asia/Shanghai'`);
      try {
        const all = await t.db.select({ id: cases.id }).from(cases).where(eq(cases.cityId, cityId));
        const fromNov = await kpis(s.office, 'dimension=district&from=2026-11-01');
        const toOct = await kpis(s.office, 'dimension=district&to=2026-10-31');
        expect(toOct.total.counters.reported).toBe(1);
        expect(fromNov.total.counters.reported).toBe(all.length - 1);
      } finally {
        await t.db.execute(sql`set time zone 'UTC'`);
      }
    },
  );

  it('exports the case list and the KPIs as Excel workbooks with the expected headers', async () => {
    const headerOf = async (res: Response) => {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toContain('.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => v ?? null);
      return { ws, values };
    };
    const list = await t.call('GET', '/api/cases?pageSize=1', { session: s.office });
    const casesX = await headerOf(await download(s.office, '/api/exports/cases.xlsx'));
    expect(casesX.values(1).slice(0, 6)).toEqual([
      '案卷编号',
      '状态',
      '亮灯',
      '来源',
      '问题类别',
      '问题描述',
    ]);
    expect(casesX.values(1).at(-1)).toBe('结案时间');
    expect(casesX.ws.actualRowCount).toBe(list.body.total + 1);
    const numbers = new Set<string>();
    casesX.ws.eachRow((r, i) => {
      if (i > 1) numbers.add(String(r.getCell(1).value));
    });
    expect(numbers.has(list.body.items[0].number)).toBe(true);
    const scoped = await headerOf(await download(s.unit, '/api/exports/cases.xlsx'));
    expect(scoped.ws.actualRowCount).toBe((await listedIds(s.unit)).length + 1);

    const k = await kpis(s.office, 'dimension=district');
    const kx = await headerOf(await download(s.office, '/api/exports/kpis.xlsx?dimension=district'));
    expect(kx.values(1)).toEqual(['区县', ...KPI_RATES.map((r) => KPI_RATE_LABELS[r].zh), ...KPI_COUNTERS]);
    expect(kx.ws.actualRowCount).toBe(k.rows.length + 2);
    const last = kx.values(k.rows.length + 2);
    expect(last[0]).toBe('合计');
    expect(last[1 + KPI_RATES.length]).toBe(k.total.counters.reported);
  });
});

describe('photos', () => {
  it('accepts PNG and WebP, refuses a GIF, and serves a JPEG thumbnail of at most 320 px', async () => {
    const png = await upload(s.inspector, 'before', await image('png', 1000, 800), 'p.png');
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    expect(png.body).toMatchObject({ width: 1000, height: 800, kind: 'before' });
    const webp = await upload(s.inspector, 'after', await image('webp', 40, 30), 'p.webp');
    expect(webp.status, JSON.stringify(webp.body)).toBe(201);
    expect(webp.body).toMatchObject({ width: 40, height: 30, kind: 'after' });

    const gif = await upload(s.inspector, 'before', await image('gif', 1, 1), 'p.gif');
    expect(gif.status).toBe(400);
    expect(gif.body.error.code).toBe('INVALID_IMAGE');

    const original = await download(s.inspector, `/api/photos/${png.body.id}/file`);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(1000);
    const thumb = await download(s.inspector, png.body.thumbUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
    expect(meta.height).toBe(256);
  });

  it('answers 413 IMAGE_TOO_LARGE for more pixels than PHOTO_MAX_MEGAPIXELS', async () => {
    // PHOTO_MAX_MEGAPIXELS is 1 in this file: 1200 × 1000 is 1.2 megapixels.
    const big = await upload(s.inspector, 'before', await image('jpeg', 1200, 1000));
    expect(big.status, JSON.stringify(big.body)).toBe(413);
    expect(big.body.error.code).toBe('IMAGE_TOO_LARGE');
  });
});
