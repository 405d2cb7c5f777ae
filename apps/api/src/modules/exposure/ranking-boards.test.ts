import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { caseDriver, cityFacts } from '../../../test/exposure-helpers';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { caseStages, cases, rankingBoards } from '../../db/schema/index';
import { newId } from '../../platform/ids';

const T0 = '2026-11-23T02:00:00Z'; // Monday 10:00 in the city
const DAY = 86_400_000;
const PERIOD = 'from=2026-11-01&to=2026-11-30';

let t: TestApp;
let office: Session;
let leader: Session;
const ids = { cgj: '', zjj: '', third: '' };
let thirdName = '';

const boardsCount = async () => {
  const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(rankingBoards);
  return n!.n;
};
const preview = (query: string, session = office) =>
  t.call('GET', `/api/ranking-boards/preview?${query}`, { session });
const names = (entries: { unitName: string }[]) => entries.map((e) => e.unitName);

/**
 * 城管局 closes its three cases on time; 住建局 closes one of three and lets two run overdue; a third
 * unit has one overdue case (under the default minimum of 3 cases).
 */
beforeAll(async () => {
  t = await createTestApp();
  const { cityId } = await withDemoCity(t, 60);
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  t.clock.set(new Date(T0));
  office = await t.login('office');
  const inspector = await t.login('inspector');
  const unit = await t.login('unit');
  const facts = await cityFacts(t, cityId, office);
  ids.cgj = facts.unitId('城管局');
  ids.zjj = facts.unitId('住建局');
  const third = facts.units.find((u) => u.id !== ids.cgj && u.id !== ids.zjj && u.name.endsWith('局'))!;
  ids.third = third.id;
  thirdName = third.name;
  const zjj = await userSession(t, 'zjj', 'unit', { unitId: ids.zjj });
  const drive = caseDriver(t, facts.categoryId);

  const newCase = async (unitId: string) => {
    const id = await drive.report(inspector, facts.point);
    await drive.dispatch(office, id, unitId);
    return id;
  };
  for (let i = 0; i < 3; i++) await drive.close(unit, inspector, await newCase(ids.cgj));
  const z = [await newCase(ids.zjj), await newCase(ids.zjj), await newCase(ids.zjj)];
  await drive.close(zjj, inspector, z[0]!);
  await drive.act(zjj, z[1]!, { action: 'accept' });
  await newCase(ids.third);

  t.clock.set(new Date(new Date(T0).getTime() + 20 * DAY));
  const swept = await t.services.sweeper.sweep();
  expect(swept.escalated).toBe(3);
  office = await t.login('office');
  leader = await t.login('leader');
  const overdue = await t.db.select().from(cases).where(eq(cases.leadUnitId, ids.zjj));
  expect(overdue.filter((c) => c.overdueAt !== null)).toHaveLength(2);
});
afterAll(() => t?.close());

describe('红黑榜 (ranking boards)', () => {
  it('previews: the unit with every case closed on time above the one with overdue cases', async () => {
    const r = await preview(PERIOD);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ k: 5, minCases: 3, rankedUnits: 2, unrankedUnits: 1 });
    expect(r.body.red).toEqual([
      {
        rank: 1,
        unitId: ids.cgj,
        unitName: '城管局',
        needClose: 3,
        closed: 3,
        closedOnTime: 3,
        onTimeCloseRate: 1,
        closeRate: 1,
      },
    ]);
    expect(r.body.black).toHaveLength(1);
    expect(r.body.black[0]).toMatchObject({
      rank: 2,
      unitName: '住建局',
      needClose: 3,
      closed: 1,
      closedOnTime: 1,
    });
    expect(r.body.black[0].onTimeCloseRate).toBeCloseTo(1 / 3, 6);
  });

  it('honours minCases and k', async () => {
    const all = await preview(`${PERIOD}&minCases=1`);
    expect(all.body.rankedUnits).toBe(3);
    expect(all.body.unrankedUnits).toBe(0);
    expect(names(all.body.red)).toEqual(['城管局', '住建局']);
    expect(names(all.body.black)).toEqual([thirdName]);
    const one = await preview(`${PERIOD}&minCases=1&k=1`);
    expect(names(one.body.red)).toEqual(['城管局']);
    expect(names(one.body.black)).toEqual([thirdName]);
    const none = await preview(`${PERIOD}&minCases=4`);
    expect(none.body).toMatchObject({ rankedUnits: 0, unrankedUnits: 3, red: [], black: [] });
    // Cases are counted by the day they were reported: October has none.
    const october = await preview('from=2026-10-01&to=2026-10-31');
    expect(october.body).toMatchObject({ rankedUnits: 0, unrankedUnits: 0 });
  });

  it('refuses bad input with Chinese messages and writes nothing', async () => {
    const before = await boardsCount();
    const reversed = await t.call('POST', '/api/ranking-boards', {
      session: office,
      body: { from: '2026-11-30', to: '2026-11-01' },
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.code).toBe('VALIDATION_FAILED');
    expect(reversed.body.error.details.fields).toEqual([
      { field: 'to', message: '结束日期不能早于开始日期' },
    ]);
    const reversedPreview = await preview('from=2026-11-30&to=2026-11-01');
    expect(JSON.stringify(reversedPreview.body.error.details)).toContain('结束日期不能早于开始日期');
    const noDates = await t.call('POST', '/api/ranking-boards', { session: office, body: {} });
    expect(JSON.stringify(noDates.body.error.details)).toContain('请选择开始日期');
    const badK = await preview(`${PERIOD}&k=0`);
    expect(JSON.stringify(badK.body.error.details)).toContain('每榜至少 1 个单位');
    const empty = await t.call('POST', '/api/ranking-boards', {
      session: office,
      body: { from: '2026-10-01', to: '2026-10-31' },
    });
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe('RANKING_EMPTY');
    expect(empty.body.error.message).toContain('没有达到参评条件的单位');
    const missing = await t.call('POST', `/api/ranking-boards/${newId()}/publish`, { session: office });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('RANKING_BOARD_NOT_FOUND');
    expect(await boardsCount()).toBe(before);
  });

  it('creates a frozen board, public only while published', async () => {
    const created = await t.call('POST', '/api/ranking-boards', {
      session: office,
      body: { from: '2026-11-01', to: '2026-11-30', minCases: 1, k: 1 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      title: '2026-11-01 至 2026-11-30 红黑榜',
      published: false,
      publishedAt: null,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
    });
    expect(names(created.body.result.red)).toEqual(['城管局']);
    expect((await t.call('GET', '/api/public/ranking-boards')).body.total).toBe(0);
    expect((await t.call('GET', `/api/public/ranking-boards/${id}`)).status).toBe(404);

    const published = await t.call('POST', `/api/ranking-boards/${id}/publish`, { session: leader });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.published).toBe(true);
    expect(published.body.publishedAt).toBeTruthy();
    const list = await t.call('GET', '/api/public/ranking-boards');
    expect(list.body.total).toBe(1);
    const board = list.body.items[0];
    expect(board).toMatchObject({ id, rankedUnits: 3 });
    expect(names(board.red)).toEqual(['城管局']);
    expect(names(board.black)).toEqual([thirdName]);
    expect(board).not.toHaveProperty('createdByName');
    const one = await t.call('GET', `/api/public/ranking-boards/${id}`);
    expect(one.body).toEqual(board);

    // Frozen: a later closing does not change the published lists. The KPIs read the stage rows, so
    // the third unit's stage is written as closed on time (as if the log said so).
    const [open] = await t.db.select().from(cases).where(eq(cases.leadUnitId, ids.third));
    const [stage] = await t.db
      .select()
      .from(caseStages)
      .where(and(eq(caseStages.caseId, open!.id), eq(caseStages.kind, 'dispose')));
    await t.db
      .update(caseStages)
      .set({ outcome: 'fed_back', closes: true, endedAt: new Date(stage!.startedAt.getTime() + 60_000) })
      .where(and(eq(caseStages.caseId, open!.id), eq(caseStages.seq, stage!.seq)));
    const live = await preview(`${PERIOD}&minCases=1&k=1`);
    expect(names(live.body.black)).not.toEqual([thirdName]);
    expect((await t.call('GET', `/api/public/ranking-boards/${id}`)).body).toEqual(board);

    const down = await t.call('POST', `/api/ranking-boards/${id}/unpublish`, { session: office });
    expect(down.body.published).toBe(false);
    expect((await t.call('GET', '/api/public/ranking-boards')).body.total).toBe(0);
    expect((await t.call('GET', `/api/public/ranking-boards/${id}`)).status).toBe(404);
    const mine = await t.call('GET', '/api/ranking-boards', { session: office });
    expect(mine.body.items.map((b: any) => [b.id, b.published])).toEqual([[id, false]]);
  });

  it('lets only the office and leaders in', async () => {
    const unit = await t.login('unit');
    const inspector = await t.login('inspector');
    for (const session of [unit, inspector]) {
      for (const r of [
        await preview(PERIOD, session),
        await t.call('GET', '/api/ranking-boards', { session }),
        await t.call('POST', '/api/ranking-boards', {
          session,
          body: { from: '2026-11-01', to: '2026-11-30' },
        }),
        await t.call('POST', `/api/ranking-boards/${newId()}/publish`, { session }),
      ]) {
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('FORBIDDEN_ROLE');
      }
    }
    expect((await t.call('GET', `/api/ranking-boards/preview?${PERIOD}`)).status).toBe(401);
  });
});
