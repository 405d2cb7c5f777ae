/**
 * Links between cases on a real database: duplicate suggestions, merge and split (并案 / 拆分) with the
 * event log, relapse (反弹), hotspots (热点问题) and 回头看 samples — and the refusals that write nothing.
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import {
  caseEvents,
  cases,
  grids,
  memberships,
  photos,
  regions,
  revisits,
  units,
  users,
} from '../../db/schema/index';
import { sampleIds } from './revisits.service';

const T0 = '2026-11-23T02:00:00Z'; // Monday 10:00 in the city
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const USERS = ['office', 'leader', 'inspector', 'unit', 'grid'] as const;
type User = (typeof USERS)[number];
/** Metres per degree of latitude on the sphere the haversine uses. */
const M_PER_DEG = 111_195;

type Point = { lng: number; lat: number };
let t: TestApp;
let cityId: string;
const s = {} as Record<User, Session>;
let categoryId: string; // 占道经营 (城管局)
let categoryCode: string;
let otherCategoryId: string;
let cgjUnitId: string;
let centres: Point[]; // one per grid, far apart
let gridWorkerPoint: Point;

const east = (p: Point, m: number): Point => ({
  lng: p.lng + m / (M_PER_DEG * Math.cos((p.lat * Math.PI) / 180)),
  lat: p.lat,
});

async function at(when: Date | string | number) {
  t.clock.set(new Date(when));
  for (const u of USERS) s[u] = await t.login(u);
}

async function upload(session: Session, kind: 'before' | 'after' | 'other') {
  // Noise: every picture differs (identical ones would be flagged as reused).
  const data = await sharp({
    create: {
      width: 64,
      height: 48,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([new Uint8Array(data)], 'p.jpg'));
  const r = await t.call('POST', '/api/photos', { body: form, session });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

async function newCase(where: Point, extra: Record<string, unknown> = {}, session = s.inspector) {
  const r = await t.call('POST', '/api/cases', {
    session,
    body: {
      source: 'inspector',
      categoryId,
      description: '人行道上有流动摊贩占道经营',
      lng: where.lng,
      lat: where.lat,
      ...extra,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const act = (session: Session, id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/cases/${id}/transitions`, { session, body });

async function ok<T extends { status: number; body: any }>(r: Promise<T> | T) {
  const res = await r;
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

/** Through the real workflow: file, dispatch to 城管局, accept, feedback with an after-photo, verify. */
async function close(id: string) {
  await ok(act(s.office, id, { action: 'file' }));
  await ok(act(s.office, id, { action: 'dispatch', unitId: cgjUnitId }));
  await ok(act(s.unit, id, { action: 'accept' }));
  await ok(act(s.unit, id, { action: 'submit_feedback', photoIds: [await upload(s.unit, 'after')] }));
  return ok(act(s.inspector, id, { action: 'verify_pass' }));
}

const row = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const eventsOf = (id: string) =>
  t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(caseEvents.seq);
const nEvents = async () => Number((await t.db.select({ n: count() }).from(caseEvents))[0]!.n);
const nRevisits = async () => Number((await t.db.select({ n: count() }).from(revisits))[0]!.n);
const duplicates = (where: Point, extra = '') =>
  t.call('GET', `/api/cases/duplicates?categoryId=${categoryId}&lng=${where.lng}&lat=${where.lat}${extra}`, {
    session: s.office,
  });

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  const [cgj] = await t.db
    .select()
    .from(units)
    .where(and(eq(units.cityId, cityId), eq(units.name, '城管局')));
  cgjUnitId = cgj!.id;
  const current = await t.db
    .select()
    .from(grids)
    .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)))
    .orderBy(grids.code);
  const [gridUser] = await t.db
    .select({ regionId: memberships.regionId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.username, 'grid'));
  const g = current.find((x) => x.communityId === gridUser!.regionId)!;
  centres = current
    .filter((x) => x.id !== g.id)
    .map((x) => ({ lng: (x.minLng + x.maxLng) / 2, lat: (x.minLat + x.maxLat) / 2 }));
  gridWorkerPoint = { lng: (g.minLng + g.maxLng) / 2, lat: (g.minLat + g.maxLat) / 2 };
  await at(T0);
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true', { session: s.office });
  const cat = cats.body.find((c: any) => c.name.includes('占道经营') && c.department?.name === '城管局');
  expect(cat, 'a 城管局 class named 占道经营 in the default catalogue').toBeTruthy();
  categoryId = cat.id;
  categoryCode = cat.code;
  otherCategoryId = cats.body.find((c: any) => c.code !== cat.code && c.kind === cat.kind).id;
  expect(await t.db.select().from(regions).limit(1)).toHaveLength(1);
});
afterAll(() => t?.close());
afterEach(async () => {
  if (t.clock.now().getTime() !== new Date(T0).getTime()) await at(T0);
});

describe('duplicate suggestions', () => {
  it('finds an open case of the category 30 m away, not 80 m away, of another category or older than 24 h', async () => {
    const p = centres[1]!;
    await at(new Date(T0).getTime() - 25 * HOUR);
    const old = await newCase(p);
    await at(T0);
    const near = await newCase(east(p, 30));
    const far = await newCase(east(p, 80));
    const other = await newCase(p, { categoryId: otherCategoryId });

    const r = await duplicates(p);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.radiusM).toBe(50);
    expect(r.body.hours).toBe(24);
    const ids = r.body.items.map((x: any) => x.id);
    expect(ids).toEqual([near.id]);
    expect(r.body.items[0].distanceM).toBeGreaterThanOrEqual(29);
    expect(r.body.items[0].distanceM).toBeLessThanOrEqual(31);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(other.id);
    expect(ids).not.toContain(old.id);

    // nearest first; the case itself can be left out; by code as well as by id
    const fromFar = await duplicates(east(p, 60), `&excludeId=${far.id}`);
    expect(fromFar.body.items.map((x: any) => x.id)).toEqual([near.id]);
    const byCode = await t.call(
      'GET',
      `/api/cases/duplicates?categoryCode=${categoryCode}&categoryKind=${near.category.kind}&lng=${p.lng}&lat=${p.lat}`,
      { session: s.inspector },
    );
    expect(byCode.body.items.map((x: any) => x.id)).toEqual([near.id]);
    // closed or voided cases are not duplicates
    await ok(act(s.office, near.id, { action: 'void', reason: '误报' }));
    expect((await duplicates(p)).body.items).toEqual([]);
  });

  it('asks for a category and a valid point', async () => {
    const r = await t.call('GET', '/api/cases/duplicates?lng=117&lat=36', { session: s.office });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const bad = await t.call('GET', `/api/cases/duplicates?categoryId=${categoryId}&lng=999&lat=36`, {
      session: s.office,
    });
    expect(bad.status).toBe(400);
  });
});

describe('merge and split (并案 / 拆分)', () => {
  it('merges a duplicate into its parent, follows a chain to the top, splits it back, notifies on closing', async () => {
    const p = gridWorkerPoint;
    const parent = await newCase(p);
    const child = await newCase(east(p, 10), { photoIds: [await upload(s.grid, 'before')] }, s.grid);
    const merged = await ok(
      t.call('POST', `/api/cases/${child.id}/merge`, {
        session: s.office,
        body: { parentId: parent.id, note: '同一摊位' },
      }),
    );
    expect(merged).toEqual({
      child: { id: child.id, number: child.number },
      parent: { id: parent.id, number: parent.number },
    });
    const c = await row(child.id);
    expect(c.status).toBe('voided');
    expect(c.parentCaseId).toBe(parent.id);
    const childEvents = await eventsOf(child.id);
    expect(childEvents.map((e) => e.type)).toEqual(['report', 'void', 'comment']);
    expect(childEvents[1]!.note).toContain(`并入案件 ${parent.number}`);
    expect(childEvents[2]!.payload).toEqual({ merge: parent.id });
    expect(childEvents[2]!.note).toBe(`已并入案件 ${parent.number}（同一摊位）`);
    const parentEvents = await eventsOf(parent.id);
    expect(parentEvents.at(-1)!.payload).toEqual({ merge: parent.id, childId: child.id });
    const detail = await t.call('GET', `/api/cases/${child.id}`, { session: s.office });
    expect(detail.body.parentCaseId).toBe(parent.id);

    // merging into a child merges into its parent (no chains)
    const second = await newCase(east(p, 5));
    await ok(
      t.call('POST', `/api/cases/${second.id}/merge`, { session: s.office, body: { parentId: child.id } }),
    );
    expect((await row(second.id)).parentCaseId).toBe(parent.id);
    const kids = await ok(t.call('GET', `/api/cases/${parent.id}/children`, { session: s.leader }));
    expect(kids.map((k: any) => k.id)).toEqual([child.id, second.id]);

    // a parent cannot itself be merged
    const elsewhere = await newCase(east(p, 20));
    const parentIntoOther = await t.call('POST', `/api/cases/${parent.id}/merge`, {
      session: s.office,
      body: { parentId: elsewhere.id },
    });
    expect(parentIntoOther.status).toBe(409);
    expect(parentIntoOther.body.error.code).toBe('CASE_MERGE_IS_PARENT');

    // split: the voided child's problem is registered again, with its photos and reporter
    const split = await ok(t.call('POST', `/api/cases/${child.id}/split`, { session: s.office, body: {} }));
    expect(split.reRegistered).toBe(true);
    const again = await row(split.case.id);
    expect(again.status).toBe('reported');
    expect(again.categoryCode).toBe(c.categoryCode);
    expect([again.lng, again.lat, again.description]).toEqual([c.lng, c.lat, c.description]);
    expect(again.reporterUserId).toBe(c.reporterUserId);
    const copied = await t.db.select().from(photos).where(eq(photos.caseId, again.id));
    expect(copied).toHaveLength(1);
    const after = await row(child.id);
    expect(after.parentCaseId).toBeNull();
    expect(after.status).toBe('voided');
    expect((await eventsOf(child.id)).at(-1)!.payload).toEqual({ split: parent.id, caseId: again.id });
    expect((await eventsOf(parent.id)).at(-1)!.payload).toEqual({
      split: parent.id,
      childId: child.id,
      caseId: again.id,
    });
    expect((await eventsOf(again.id)).at(-1)!.note).toContain(`由案件 ${child.number} 拆分`);
    const kidsAfter = await ok(t.call('GET', `/api/cases/${parent.id}/children`, { session: s.office }));
    expect(kidsAfter.map((k: any) => k.id)).toEqual([second.id]);
    const notMerged = await t.call('POST', `/api/cases/${child.id}/split`, { session: s.office, body: {} });
    expect(notMerged.status).toBe(409);
    expect(notMerged.body.error.code).toBe('CASE_NOT_MERGED');

    // merge the grid worker's report again, then close the parent: the reporter hears of it
    const third = await newCase(east(p, 3), {}, s.grid);
    await ok(
      t.call('POST', `/api/cases/${third.id}/merge`, { session: s.office, body: { parentId: parent.id } }),
    );
    await close(parent.id);
    const notes = await ok(t.call('GET', '/api/notifications', { session: s.grid }));
    const mine = notes.items.filter((n: any) => n.kind === 'merged_closed');
    expect(mine.map((n: any) => n.caseId)).toEqual([third.id]);
    expect(mine[0].title).toBe(`${third.number} 已随案件 ${parent.number} 办结`);
  });

  it('refuses bad merges with clear codes and writes nothing', async () => {
    const p = centres[3]!;
    const a = await newCase(p);
    const b = await newCase(east(p, 10));
    const closed = await newCase(east(p, 20));
    await close(closed.id);
    const before = await nEvents();
    const merge = (session: Session, id: string, body: unknown) =>
      t.call('POST', `/api/cases/${id}/merge`, { session, body });

    const self = await merge(s.office, a.id, { parentId: a.id });
    expect([self.status, self.body.error.code]).toEqual([400, 'CASE_MERGE_SELF']);
    const closedChild = await merge(s.office, closed.id, { parentId: a.id });
    expect([closedChild.status, closedChild.body.error.code]).toEqual([409, 'CASE_MERGE_NOT_ALLOWED']);
    expect(closedChild.body.error.message).toBe('只能合并待立案或待派遣的案件');
    const intoClosed = await merge(s.office, a.id, { parentId: closed.id });
    expect([intoClosed.status, intoClosed.body.error.code]).toEqual([409, 'CASE_MERGE_PARENT_CLOSED']);
    const unknown = await merge(s.office, a.id, { parentId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const noParent = await merge(s.office, a.id, {});
    expect([noParent.status, noParent.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    for (const role of ['inspector', 'leader', 'unit', 'grid'] as const) {
      const r = await merge(s[role], b.id, { parentId: a.id });
      expect([r.status, r.body.error.code], role).toEqual([403, 'FORBIDDEN_ROLE']);
      const sp = await t.call('POST', `/api/cases/${b.id}/split`, { session: s[role], body: {} });
      expect(sp.status, role).toBe(403);
    }
    // dispatched: past the point where the workflow may void it
    await ok(act(s.office, b.id, { action: 'file' }));
    await ok(act(s.office, b.id, { action: 'dispatch', unitId: cgjUnitId }));
    const before2 = await nEvents();
    const dispatched = await merge(s.office, b.id, { parentId: a.id });
    expect(dispatched.body.error.code).toBe('CASE_MERGE_NOT_ALLOWED');
    expect(await nEvents()).toBe(before2);
    expect(before2 - before).toBe(2); // only the file and dispatch above
    expect((await row(a.id)).version).toBe(1);
    expect((await row(b.id)).parentCaseId).toBeNull();
  });
});

describe('relapse (反弹)', () => {
  it('flags a new case 20 m from a case closed within 30 days, not one closed 40 days before', async () => {
    const p = centres[4]!;
    const first = await newCase(p);
    await close(first.id);
    await at(new Date(T0).getTime() + DAY);
    const back = await newCase(east(p, 20));
    expect(back.relapseOfCaseId).toBe(first.id);
    // said in the first event: the version and the log start as for any case
    const events = await eventsOf(back.id);
    expect(events.map((e) => e.type)).toEqual(['report']);
    expect(events[0]!.note).toBe(`反弹：与已结案件 ${first.number} 同一位置同类问题`);
    expect(events[0]!.payload.relapseOf).toBe(first.id);
    expect(back.version).toBe(1);
    expect(back.events[0].note).toContain('反弹');
    const elsewhere = await newCase(east(p, 80));
    expect(elsewhere.relapseOfCaseId).toBeNull();
    const otherKind = await newCase(east(p, 10), { categoryId: otherCategoryId });
    expect(otherKind.relapseOfCaseId).toBeNull();

    await at(new Date(T0).getTime() + 40 * DAY);
    const late = await newCase(east(p, 20));
    expect(late.relapseOfCaseId).toBeNull();
    expect((await eventsOf(late.id))[0]!.note).toBeNull();
  });
});

describe('hotspots (热点问题)', () => {
  it('ranks a place with 3 cases above a place with 1, with the latest address, grid and unit', async () => {
    const spot = centres[5]!;
    const lone = centres[6]!;
    const three: { id: string }[] = [];
    for (let i = 0; i < 3; i++) three.push(await newCase(spot, { address: `热点路 ${i + 1} 号` }));
    const one = await newCase(lone);
    const r = await ok(
      t.call('GET', `/api/cases/hotspots?categoryCode=${categoryCode}&limit=500`, { session: s.leader }),
    );
    expect(r.cellM).toBe(50);
    const hot = r.items.find((h: any) => h.caseIds.includes(three[0]!.id));
    const cold = r.items.find((h: any) => h.caseIds.includes(one.id));
    expect(hot.count).toBe(3);
    expect(cold.count).toBe(1);
    expect(hot.rank).toBeLessThan(cold.rank);
    expect(hot.latest.address).toBe('热点路 3 号');
    expect(hot.caseIds).toHaveLength(3);
    expect(hot.categoryCode).toBe(categoryCode);
    expect(hot.leadUnit?.name).toBeTruthy();
    expect(hot.grid === null || typeof hot.grid.name === 'string').toBe(true);
    const min2 = await ok(
      t.call('GET', `/api/cases/hotspots?categoryCode=${categoryCode}&minCount=2&limit=500`, {
        session: s.office,
      }),
    );
    expect(min2.items.some((h: any) => h.caseIds.includes(one.id))).toBe(false);
    const xlsx = await t.app.request(`/api/exports/hotspots.xlsx?categoryCode=${categoryCode}`, {
      headers: { cookie: `cc_session=${s.office.token}` },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('hotspots-');
    const bad = await t.call('GET', '/api/cases/hotspots?from=2026-11-30&to=2026-11-01', {
      session: s.office,
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('回头看 (revisits)', () => {
  const DAY_CLOSED = '2026-10-05';

  it('samples 10 % of 20 closed cases reproducibly, records ok and a relapse as a linked new case', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await newCase(centres[20 + i]!)).id);
    // Closed on one past day (a factory shortcut: the sample reads only status and closed_at).
    await t.db
      .update(cases)
      .set({ status: 'closed', closedAt: new Date(`${DAY_CLOSED}T04:00:00Z`), stage: 'none' })
      .where(inArray(cases.id, ids));

    const created = await t.call('POST', '/api/revisits', {
      session: s.office,
      body: { from: DAY_CLOSED, to: DAY_CLOSED, percent: 10 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.candidates).toBe(20);
    expect(created.body.sampled).toBe(2);
    const batchId = created.body.batchId;
    const stored = await t.db.select().from(revisits).where(eq(revisits.batchId, batchId));
    const sampled = stored.map((r) => r.caseId).sort();
    expect(sampled).toEqual([...sampleIds(batchId, ids, 2)].sort());
    expect([...sampleIds(batchId, [...ids].reverse(), 2)].sort()).toEqual(sampled);
    expect(stored.every((r) => r.status === 'pending' && r.dueDate === '2026-11-30')).toBe(true);

    const list = await ok(t.call('GET', `/api/revisits?batchId=${batchId}`, { session: s.grid }));
    expect(list.total).toBeLessThanOrEqual(2); // the grid worker sees only its community's cases
    const all = await ok(t.call('GET', `/api/revisits?batchId=${batchId}`, { session: s.inspector }));
    expect(all.total).toBe(2);
    const [first, second] = all.items;

    const fine = await ok(
      t.call('POST', `/api/revisits/${first.id}/result`, {
        session: s.inspector,
        body: { ok: true, note: '整改到位', photoIds: [await upload(s.inspector, 'other')] },
      }),
    );
    expect(fine.status).toBe('ok');
    expect(fine.doneByName).toContain('督查员');
    const okNote = (await eventsOf(first.case.id)).at(-1)!;
    expect([okNote.type, okNote.note, okNote.payload]).toEqual([
      'comment',
      '回头看：未反弹。整改到位',
      { revisit: first.id, result: 'ok' },
    ]);
    expect(okNote.photoIds).toHaveLength(1);

    const back = await ok(
      t.call('POST', `/api/revisits/${second.id}/result`, {
        session: s.office,
        body: { ok: false, note: '摊贩又回来了' },
      }),
    );
    expect(back.status).toBe('relapsed');
    expect(back.relapseCase).not.toBeNull();
    const n = await row(back.relapseCase.id);
    const orig = await row(second.case.id);
    expect(n.relapseOfCaseId).toBe(orig.id);
    expect([n.source, n.status, n.categoryCode, n.lng, n.lat]).toEqual([
      'inspector',
      'reported',
      orig.categoryCode,
      orig.lng,
      orig.lat,
    ]);
    expect(n.description).toBe('回头看发现反弹：摊贩又回来了');
    expect((await eventsOf(n.id)).some((e) => e.note?.startsWith(`反弹：与已结案件 ${orig.number}`))).toBe(
      true,
    );
    expect((await eventsOf(orig.id)).at(-1)!.payload).toEqual({
      revisit: second.id,
      result: 'relapsed',
      caseId: n.id,
    });

    const twice = await t.call('POST', `/api/revisits/${second.id}/result`, {
      session: s.office,
      body: { ok: true },
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'REVISIT_ALREADY_DONE']);
    const batches = await ok(t.call('GET', '/api/revisits/batches', { session: s.leader }));
    expect(batches.find((b: any) => b.batchId === batchId)).toMatchObject({
      total: 2,
      pending: 0,
      ok: 1,
      relapsed: 1,
    });
  });

  it('refuses bad input with clear codes and writes nothing', async () => {
    const before = await nRevisits();
    const post = (session: Session, body: unknown) => t.call('POST', '/api/revisits', { session, body });
    const zero = await post(s.office, { from: DAY_CLOSED, to: DAY_CLOSED, percent: 0 });
    expect([zero.status, zero.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(zero.body.error.details.fields[0].field).toBe('percent');
    const over = await post(s.office, { from: DAY_CLOSED, to: DAY_CLOSED, percent: 101 });
    expect(over.status).toBe(400);
    const backwards = await post(s.office, { from: '2026-10-06', to: DAY_CLOSED });
    expect([backwards.status, backwards.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const empty = await post(s.office, { from: '2020-01-01', to: '2020-01-31' });
    expect([empty.status, empty.body.error.code]).toEqual([409, 'REVISIT_NO_CASES']);
    for (const role of ['inspector', 'leader', 'unit', 'grid'] as const) {
      const r = await post(s[role], { from: DAY_CLOSED, to: DAY_CLOSED });
      expect([r.status, r.body.error.code], role).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    expect(await nRevisits()).toBe(before);

    const unknown = await t.call('POST', '/api/revisits/00000000-0000-4000-8000-000000000000/result', {
      session: s.office,
      body: { ok: true },
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'REVISIT_NOT_FOUND']);
    const noNote = await t.call('POST', '/api/revisits/00000000-0000-4000-8000-000000000000/result', {
      session: s.office,
      body: { ok: false },
    });
    expect([noNote.status, noNote.body.error.details.fields[0].field]).toEqual([400, 'note']);
    const unitResult = await t.call('POST', '/api/revisits/00000000-0000-4000-8000-000000000000/result', {
      session: s.unit,
      body: { ok: true },
    });
    expect([unitResult.status, unitResult.body.error.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });
});
