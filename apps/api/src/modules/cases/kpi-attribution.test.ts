/**
 * KPIs attributed by stage, from the event log: each per-unit figure belongs to the unit whose stage it
 * was; overdue is a fact of time, whatever the sweeper did; area figures list every region, block and
 * grid in scope; every figure drills down to its cases; the stage rows equal a recomputation.
 */
import { KPI_COUNTERS } from '@chuangcheng/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { blocks, caseEvents, caseStages, cases, grids, regions, units } from '../../db/schema/index';
import { backfillStages, stagesFromLog } from './case-stages';

const T0 = '2026-11-23T02:00:00Z'; // Monday 10:00 in the city
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const USERS = ['office', 'leader', 'inspector', 'unit', 'zjj'] as const;
type User = (typeof USERS)[number];

let t: TestApp;
let cityId: string;
const s = {} as Record<User, Session>;
let categoryId: string;
let cgj: string; // 城管局: the category's department, where cases are routed
let zjj: string; // 住建局
let point: { lng: number; lat: number; districtId: string };

async function at(when: Date | string | number) {
  t.clock.set(new Date(when));
  for (const u of USERS) s[u] = await t.login(u);
}

async function newCase() {
  const form = new FormData();
  form.set('kind', 'before');
  const jpeg = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 9, g: 90, b: 60 } },
  })
    .jpeg()
    .toBuffer();
  form.set('file', new File([new Uint8Array(jpeg)], 'p.jpg'));
  const photo = await t.call('POST', '/api/photos', { body: form, session: s.inspector });
  expect(photo.status, JSON.stringify(photo.body)).toBe(201);
  const r = await t.call('POST', '/api/cases', {
    session: s.inspector,
    body: {
      source: 'inspector',
      categoryId,
      description: '人行道上有流动摊贩占道经营',
      lng: point.lng,
      lat: point.lat,
      photoIds: [photo.body.id],
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function act(who: User, id: string, body: Record<string, unknown>) {
  const r = await t.call('POST', `/api/cases/${id}/transitions`, { session: s[who], body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

async function filed() {
  const c = await newCase();
  return act('office', c.id, { action: 'file' });
}
async function dispatched(extra: Record<string, unknown> = {}) {
  const c = await filed();
  return act('office', c.id, { action: 'dispatch', ...extra });
}
async function afterPhoto(who: User) {
  const form = new FormData();
  form.set('kind', 'after');
  const jpeg = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 9, b: 60 } },
  })
    .jpeg()
    .toBuffer();
  form.set('file', new File([new Uint8Array(jpeg)], 'a.jpg'));
  const r = await t.call('POST', '/api/photos', { body: form, session: s[who] });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
async function feedback(who: User, id: string) {
  return act(who, id, { action: 'submit_feedback', note: '已整改', photoIds: [await afterPhoto(who)] });
}

async function kpis(query: string, who: User = 'office') {
  const r = await t.call('GET', `/api/kpis?${query}`, { session: s[who] });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
const EMPTY = Object.fromEntries(KPI_COUNTERS.map((k) => [k, 0]));
async function unitRow(unitId: string, who: User = 'office') {
  const r = (await kpis('dimension=unit', who)).rows.find((x: any) => x.key === unitId);
  return { ...EMPTY, ...r?.counters, ...r?.assist } as Record<string, number>;
}
async function districtRow() {
  const r = (await kpis('dimension=district')).rows.find((x: any) => x.key === point.districtId);
  return { ...EMPTY, ...r?.counters } as Record<string, number>;
}
const delta = (a: Record<string, number>, b: Record<string, number>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, (b[k] ?? 0) - (a[k] ?? 0)]));

async function drill(query: string) {
  const r = await t.call('GET', `/api/kpis/cases?${query}`, { session: s.office });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as any[];
}

beforeAll(async () => {
  t = await createTestApp({ SWEEPER_INTERVAL_SECONDS: '60' });
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  const unitByName = async (name: string) =>
    (
      await t.db
        .select()
        .from(units)
        .where(and(eq(units.cityId, cityId), eq(units.name, name)))
    )[0]!.id;
  cgj = await unitByName('城管局');
  zjj = await unitByName('住建局');
  const [g] = await t.db
    .select()
    .from(grids)
    .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)))
    .orderBy(grids.code)
    .limit(1);
  const all = await t.db.select().from(regions).where(eq(regions.cityId, cityId));
  const byId = new Map(all.map((r) => [r.id, r]));
  point = {
    lng: (g!.minLng + g!.maxLng) / 2,
    lat: (g!.minLat + g!.maxLat) / 2,
    districtId: byId.get(byId.get(g!.communityId)!.parentId!)!.parentId!,
  };
  await userSession(t, 'zjj', 'unit', { unitId: zjj });
  await at(T0);
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: s.office });
  categoryId = cats.body.find((c: any) => c.department?.name === '城管局').id;
});
afterAll(() => t?.close());

describe('per-unit figures belong to the unit whose stage it was', () => {
  it('回退率: a return is charged to the unit that returned, against the dispatches it received', async () => {
    const [a0, b0] = [await unitRow(cgj), await unitRow(zjj)];
    const c = await dispatched();
    expect(c.leadUnit.id).toBe(cgj);
    await act('unit', c.id, { action: 'return', reason: '不属于本单位职责' });
    await act('office', c.id, { action: 'dispatch', unitId: zjj, note: '改派住建局' });
    const [a1, b1] = [await unitRow(cgj), await unitRow(zjj)];
    expect(delta(a0, a1, ['dispatches', 'returns'])).toEqual({ dispatches: 1, returns: 0 + 1 });
    expect(delta(b0, b1, ['dispatches', 'returns'])).toEqual({ dispatches: 1, returns: 0 });
    const returns = await drill(`dimension=unit&key=${cgj}&counter=returns`);
    expect(returns.find((x) => x.caseId === c.id)?.stage).toMatchObject({ outcome: 'returned', unitId: cgj });
    expect((await drill(`dimension=unit&key=${zjj}&counter=returns`)).map((x) => x.caseId)).not.toContain(
      c.id,
    );
  });

  it('a unit that let its deadline pass and then returned keeps the overdue; the next unit starts its own clock', async () => {
    const c = await dispatched();
    await act('unit', c.id, { action: 'accept' });
    // No sweep runs: the overdue is a fact of time.
    await at(new Date(c.disposeDeadline).getTime() + HOUR);
    const inHand = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(inHand[0]!.overdueAt).toBeNull();
    // A second case, returned (before accepting) after its disposal deadline had passed.
    const c2 = await dispatched();
    await at(new Date(c2.disposeDeadline).getTime() + HOUR);
    await act('unit', c2.id, { action: 'return', reason: '超期后回退' });
    const again = await act('office', c2.id, { action: 'dispatch', unitId: zjj, note: '改派' });
    await act('zjj', c2.id, { action: 'accept' });
    await feedback('zjj', c2.id);
    expect(new Date(again.disposeDeadline).getTime()).toBeGreaterThan(t.clock.now().getTime());
    // Other open cases went past their deadlines too: read this test's cases through the drill-down.
    const of = async (unit: string, counter: string) =>
      (await drill(`dimension=unit&key=${unit}&counter=${counter}`)).filter((x) =>
        [c.id, c2.id].includes(x.caseId),
      );
    // 城管局: c (open, past its deadline) and c2 (returned after its deadline) — both overdue, none on time.
    expect((await of(cgj, 'needDispose')).map((x) => [x.caseId, x.stage.overdue, x.stage.outcome])).toEqual([
      [c2.id, true, 'returned'],
      [c.id, true, null],
    ]);
    expect(await of(cgj, 'disposedOnTime')).toEqual([]);
    expect((await of(cgj, 'returns')).map((x) => x.caseId)).toEqual([c2.id]);
    // 住建局: its own stage of c2, dispatched after the first deadline, fed back in time.
    expect((await of(zjj, 'needDispose')).map((x) => [x.caseId, x.stage.overdue])).toEqual([[c2.id, false]]);
    expect((await of(zjj, 'disposedOnTime')).map((x) => x.caseId)).toEqual([c2.id]);
    await at(T0);
  });

  it('a case never dispatched (filed then voided) is in no unit’s figures, but in its region’s', async () => {
    const [a0, d0] = [await unitRow(cgj), await districtRow()];
    const c = await filed();
    expect(c.leadUnit?.id, 'routed to 城管局 before any dispatch').toBe(cgj);
    await act('office', c.id, { action: 'void', reason: '重复上报' });
    const [a1, d1] = [await unitRow(cgj), await districtRow()];
    const keys = ['reported', 'filed', 'voidedAfterFiling', 'needDispose', 'needClose'];
    expect(delta(a0, a1, keys)).toEqual(Object.fromEntries(keys.map((k) => [k, 0])));
    expect(delta(d0, d1, ['reported', 'filed', 'voidedAfterFiling'])).toEqual({
      reported: 1,
      filed: 1,
      voidedAfterFiling: 1,
    });
  });

  it('应派遣 counts a filed case still waiting past its dispatch limit, as not on time', async () => {
    const c = await filed();
    const d0 = await districtRow();
    await at(new Date(c.stageDeadline).getTime() + HOUR);
    const d1 = await districtRow();
    expect(delta(d0, d1, ['needDispatch', 'dispatchedOnTime'])).toEqual({
      needDispatch: 1,
      dispatchedOnTime: 0,
    });
    const waiting = await drill(`dimension=district&key=${point.districtId}&counter=needDispatch`);
    expect(waiting.find((x) => x.caseId === c.id)?.stage).toMatchObject({ kind: 'dispatch', overdue: true });
    await at(T0);
  });

  it('主办 figures only in the rates; 协办 in their own columns; a unit reads its own row as the office does', async () => {
    const [a0, b0] = [await unitRow(cgj), await unitRow(zjj)];
    const c = await dispatched({ coUnitIds: [zjj] });
    await act('unit', c.id, { action: 'accept' });
    await feedback('unit', c.id);
    const [a1, b1] = [await unitRow(cgj), await unitRow(zjj)];
    expect(delta(a0, a1, ['dispatches', 'disposed', 'assists'])).toEqual({
      dispatches: 1,
      disposed: 1,
      assists: 0,
    });
    expect(delta(b0, b1, ['dispatches', 'disposed', 'needDispose', 'assists'])).toEqual({
      dispatches: 0,
      disposed: 0,
      needDispose: 0,
      assists: 1,
    });
    expect(await unitRow(cgj, 'unit')).toEqual(a1);
    expect(await unitRow(zjj, 'zjj')).toEqual(b1);
  });

  it('平均处置时长 leaves out the time parked (挂账)', async () => {
    const a0 = await unitRow(cgj);
    const c = await dispatched();
    await act('unit', c.id, { action: 'accept' });
    await at(t.clock.now().getTime() + HOUR);
    await act('unit', c.id, { action: 'request_park', reason: '需协调产权单位' });
    await act('leader', c.id, { action: 'approve_park', note: '同意挂账' });
    await at(t.clock.now().getTime() + 10 * DAY);
    await act('office', c.id, { action: 'restore', note: '恢复处置' });
    await at(t.clock.now().getTime() + HOUR);
    await feedback('unit', c.id);
    const a1 = await unitRow(cgj);
    expect(delta(a0, a1, ['disposed', 'disposeMinutes'])).toEqual({ disposed: 1, disposeMinutes: 120 });
    const [stage] = (await drill(`dimension=unit&key=${cgj}&counter=disposed`)).filter(
      (x) => x.caseId === c.id,
    );
    expect(stage.stage.pausedMinutes).toBe(10 * 24 * 60);
    await at(T0);
  });
});

describe('overdue is a fact of time, not of the sweeper', () => {
  it('a 延期 asked before the deadline and granted after it: no overdue and no automatic 督办', async () => {
    const c = await dispatched();
    await act('unit', c.id, { action: 'accept' });
    const deadline = new Date(c.disposeDeadline).getTime();
    await at(deadline - HOUR);
    await act('unit', c.id, {
      action: 'request_extension',
      reason: '材料未到',
      deadline: new Date(deadline + 5 * DAY).toISOString(),
    });
    await at(deadline + DAY);
    await t.services.sweeper.sweep();
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
    expect(events.map((e) => e.type)).not.toContain('auto_supervise');
    const mine = async (counter: string) =>
      (await drill(`dimension=unit&key=${cgj}&counter=${counter}`)).filter((x) => x.caseId === c.id);
    expect(await mine('needDispose')).toEqual([]);
    await act('leader', c.id, { action: 'approve_extension', note: '同意延期' });
    await feedback('unit', c.id);
    expect((await mine('disposedOnTime')).map((x) => x.stage.overdue)).toEqual([false]);
    expect((await mine('needDispose')).length).toBe(1);
    await at(T0);
  });

  it('a late or failed sweep never changes a KPI: the same figures before and after sweeping', async () => {
    const c = await dispatched();
    await act('unit', c.id, { action: 'accept' });
    await at(new Date(c.disposeDeadline).getTime() + 2 * DAY);
    const dims = ['unit', 'district', 'grid', 'category', 'month'];
    const strip = (r: any) => ({ ...r, sweep: undefined });
    const before = await Promise.all(dims.map((d) => kpis(`dimension=${d}`).then(strip)));
    const late = await drill(`dimension=unit&key=${cgj}&counter=needDispose`);
    expect(late.find((x) => x.caseId === c.id)?.stage.overdue).toBe(true);
    const swept = await t.services.sweeper.sweep();
    expect(swept.escalated).toBeGreaterThan(0);
    const after = await Promise.all(dims.map((d) => kpis(`dimension=${d}`).then(strip)));
    expect(after).toEqual(before);
    await at(T0);
  });
});

describe('area figures, drill-down and the stage rows', () => {
  it('lists every community, grid and block in scope, those without cases too, named from the org tables', async () => {
    const communities = await t.db
      .select()
      .from(regions)
      .where(and(eq(regions.cityId, cityId), eq(regions.level, 'community')));
    const currentGrids = await t.db
      .select()
      .from(grids)
      .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)));
    const allBlocks = await t.db.select().from(blocks).where(eq(blocks.cityId, cityId));
    const byCommunity = await kpis('dimension=community');
    expect(byCommunity.rows.map((r: any) => r.key).sort()).toEqual(communities.map((r) => r.id).sort());
    expect(byCommunity.rows.some((r: any) => r.counters.reported === 0)).toBe(true);
    const byGrid = await kpis('dimension=grid');
    expect(byGrid.rows.filter((r: any) => r.key).length).toBe(currentGrids.length);
    const zero = byGrid.rows.find((r: any) => r.counters.reported === 0);
    const g = currentGrids.find((x) => x.id === zero.key)!;
    expect(zero.name).toBe(`${g.code} ${g.name}`);
    const byBlock = await kpis('dimension=block');
    for (const b of allBlocks) expect(byBlock.rows.find((r: any) => r.key === b.id)?.name).toBe(b.name);
  });

  it('every figure of a row drills down to exactly as many stages or cases', async () => {
    for (const dimension of ['unit', 'district']) {
      const r = await kpis(`dimension=${dimension}`);
      for (const row of r.rows.filter((x: any) => x.counters.reported > 0).slice(0, 3)) {
        for (const counter of [
          'reported',
          'dispatches',
          'returns',
          'needDispose',
          'disposedOnTime',
          'closed',
        ]) {
          const items = await drill(`dimension=${dimension}&key=${row.key}&counter=${counter}`);
          const n = counter === 'reported' ? new Set(items.map((x) => x.caseId)).size : items.length;
          expect(n, `${dimension} ${row.name} ${counter}`).toBe(row.counters[counter]);
        }
      }
    }
  });

  it('the stage rows of every case equal a recomputation from its event log', async () => {
    const all = await t.db.select({ cityId: cases.cityId, id: cases.id }).from(cases);
    expect(all.length).toBeGreaterThan(8);
    for (const c of all) {
      const stored = await t.db
        .select()
        .from(caseStages)
        .where(and(eq(caseStages.cityId, c.cityId), eq(caseStages.caseId, c.id)))
        .orderBy(caseStages.seq);
      const fromLog = await t.db.transaction((tx) => stagesFromLog(tx, c.cityId, c.id));
      expect(stored).toEqual(fromLog);
    }
  });

  it('a database from before stage rows gets them from the event log (backfill job, idempotent)', async () => {
    const all = () => t.db.select().from(caseStages).orderBy(caseStages.caseId, caseStages.seq);
    const before = await all();
    await t.db.delete(caseStages);
    const first = await backfillStages(t.db);
    expect(first.rebuilt).toBeGreaterThan(8);
    expect(await all()).toEqual(before);
    expect((await backfillStages(t.db)).rebuilt).toBe(0);
  });

  it('the KPI answer carries the sweeper’s health for the console’s banner; a failed sweep shows', async () => {
    expect((await kpis('dimension=unit')).sweep).toMatchObject({ state: expect.stringMatching(/ok|late/) });
    await t.db.execute(
      sql.raw(`create function kpi_sweep_blocked() returns trigger language plpgsql as $$
        begin raise exception '案卷表暂不可写'; end $$`),
    );
    await t.db.execute(
      sql.raw(
        'create trigger kpi_sweep_blocked before update on cases for each statement execute function kpi_sweep_blocked()',
      ),
    );
    try {
      const run = await t.services.jobs.enqueue('cases.sweep', {});
      await t.services.jobs.start();
      for (let i = 0; i < 100; i++) {
        const job = await t.services.jobs.get(run);
        if (job?.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const k = await kpis('dimension=unit');
      expect(k.sweep).toMatchObject({ state: 'failing', failedJobId: expect.any(String) });
    } finally {
      await t.services.jobs.stop({ timeoutMs: 2000 });
      await t.db.execute(sql.raw('drop trigger kpi_sweep_blocked on cases'));
    }
  });
});
