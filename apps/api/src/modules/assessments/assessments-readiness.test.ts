import type { LostPoint, NodeResult, RoundDetail } from '@chuangcheng/contracts';
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { assessmentRounds, indicatorCases, regions } from '../../db/schema/index';
import { newId } from '../../platform/ids';
import { memberActor } from '../auth/index';
import { fileCase, gridPoint, insertCampaign, SMALL_STANDARD } from './assessments.test-helpers';
import { seedDemoRounds } from './demo-rounds';

let t: TestApp;
let cityId: string;
let office: Session;
let inspector: Session;
let leader: Session;
let campaignId: string;
let node: (code: string) => string;
let categoryId: string;
let point: { lng: number; lat: number };

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  inspector = await t.login('inspector');
  leader = await t.login('leader');
  const c = await insertCampaign(t.db, cityId, { leads: { '1': '城管局', '3.1': '卫健委' } });
  campaignId = c.campaignId;
  node = (code) => c.nodeIds.get(code)!;
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: office });
  categoryId = cats.body.find((x: { department?: { name: string } }) => x.department?.name === '城管局').id;
  point = await gridPoint(t.db, cityId);
});
afterAll(() => t.close());

const newRound = async (body: Record<string, unknown> = {}, session = inspector) =>
  t.call('POST', '/api/rounds', {
    session,
    body: { campaignId, kind: 'mock', name: '模拟测评', heldOn: '2026-11-23', ...body },
  });
const score = (id: string, entries: Record<string, unknown>[], session = inspector) =>
  t.call('PUT', `/api/rounds/${id}/scores`, { session, body: { entries } });
const _byCode = (r: RoundDetail, code: string): NodeResult => r.nodes.find((n) => n.code === code)!;

describe('lost points and rectification', () => {
  let id: string;

  it('ranks leaves by points lost with the lead unit of the nearest 任务分解表 row', async () => {
    id = (await newRound({ derive: false, name: '失分测评' })).body.id;
    await score(id, [
      { nodeId: node('1.1'), score: 12 },
      { nodeId: node('1.2'), occurrences: 1 },
      { nodeId: node('3.1.2'), score: 5 },
      { nodeId: node('V.1'), passed: true },
    ]);
    const r = await t.call('GET', `/api/rounds/${id}/lost-points`, { session: leader });
    expect(r.status).toBe(200);
    expect(r.body.map((p: LostPoint) => [p.code, p.lost, p.leadUnitName])).toEqual([
      ['3.1.2', 15, '卫健委'],
      ['1.1', 8, '城管局'],
      ['1.2', 5, '城管局'],
    ]);
    expect(r.body[0].pathText).toBe('3 病媒生物防制 › 3.1 鼠类 › 3.1.2 防鼠设施');
  });

  it('opens a rectification case from a lost point: routed by the loop and linked to the node', async () => {
    const r = await t.call('POST', `/api/rounds/${id}/cases`, {
      session: office,
      body: { nodeId: node('1.2'), categoryId, ...point, description: '测评发现：菜市场门口占道经营' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.number).toMatch(/^20261123-\d{4}$/);
    const c = await t.call('GET', `/api/cases/${r.body.caseId}`, { session: office });
    expect(c.body.description).toBe('【1.2 占道经营】测评发现：菜市场门口占道经营');
    expect(c.body.leadUnit?.name).toBe('城管局');
    expect(c.body.status).toBe('dispatched'); // the office files and dispatches at once
    expect(c.body.source).toBe('inspector');
    const links = await t.db
      .select()
      .from(indicatorCases)
      .where(and(eq(indicatorCases.caseId, r.body.caseId), eq(indicatorCases.nodeId, node('1.2'))));
    expect(links).toHaveLength(1);
    // Inspectors may too; administrators and leaders may not file cases.
    expect(
      (
        await t.call('POST', `/api/rounds/${id}/cases`, {
          session: leader,
          body: { nodeId: node('1.2'), categoryId, ...point, description: 'x' },
        })
      ).status,
    ).toBe(403);
  });

  it('exports the score sheet: every node, totals and the verdict', async () => {
    const res = await t.app.request(`/api/rounds/${id}/export`, {
      headers: { cookie: `cc_session=${leader.token}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))),
    );
    expect(rows[0]!.slice(0, 6)).toEqual(['编码', '考核指标', '评分方式', '分值', '得分', '失分']);
    expect(rows.filter((r) => /^\d|^V/.test(r[0]!))).toHaveLength(12);
    const total = rows.find((r) => r[1] === '合计')!;
    expect(total.slice(3, 6)).toEqual(['100', '32', '28']);
    expect(rows.find((r) => r[1] === '结论')![4]).toBe('不达标');
  });
});

describe('readiness', () => {
  it('projects the latest round with live data, carrying earlier manual scores forward', async () => {
    const fresh = await insertCampaign(t.db, cityId, { name: '准备度', leads: { '1': '城管局' } });
    const n = (code: string) => fresh.nodeIds.get(code)!;
    const mk = async (name: string, heldOn: string) =>
      (
        await t.call('POST', '/api/rounds', {
          session: office,
          body: { campaignId: fresh.campaignId, kind: 'mock', name, heldOn },
        })
      ).body.id as string;
    const first = await mk('第一次', '2026-09-01');
    await score(first, [
      { nodeId: n('1.1'), score: 10 },
      { nodeId: n('3.1.2'), score: 18 },
      { nodeId: n('2.2'), value: 95 },
    ]);
    const second = await mk('第二次', '2026-11-01');
    await score(second, [{ nodeId: n('1.1'), score: 16 }]);
    const linked = await fileCase(t, inspector, { categoryId, ...point });
    await t.call('POST', `/api/campaigns/${fresh.campaignId}/indicators/${n('1.2')}/cases`, {
      session: office,
      body: { caseId: linked },
    });
    const r = await t.call('GET', `/api/campaigns/${fresh.campaignId}/readiness`, { session: leader });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const x = r.body;
    expect(x.campaign.id).toBe(fresh.campaignId);
    expect(x.latestRound.id).toBe(second);
    // 1.1 16 (latest) + 1.2 15 (one live open case) + 2.2 15 (carried) + 3.1.1 10 (no cases) + 3.1.2 18 (carried)
    expect(x.projected).toBe(16 + 15 + 15 + 10 + 18);
    expect(x.projectedVerdict).toBe('fail');
    expect(x.vetoRisks.map((p: LostPoint) => p.code)).toEqual(['V.1']);
    expect(x.trend.map((p: { name: string }) => p.name)).toEqual(['第一次', '第二次']);
    expect(x.lostByCategory).toEqual([
      { code: '1', title: '市容环境', lost: 9, points: 40 },
      { code: '2', title: '社会监督', lost: 0, points: 30 },
      { code: '3', title: '病媒生物防制', lost: 2, points: 30 },
      { code: 'V', title: '必备条件', lost: 0, points: 0 },
    ]);
    expect(x.lostByUnit).toEqual([
      { unitName: '城管局', lost: 9, nodes: 2 },
      { unitName: '未分解', lost: 2, nodes: 1 },
    ]);
    expect(x.topLost.map((p: LostPoint) => p.code)).toEqual(['1.2', '1.1', '3.1.2']);
    expect(typeof x.evidencePercent).toBe('number');
  });
});

describe('roles and scope', () => {
  it('documents every endpoint under the assessments tag', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    for (const [p, m] of [
      ['/api/rounds', 'get'],
      ['/api/rounds/{id}/scores', 'put'],
      ['/api/rounds/{id}/lost-points', 'get'],
      ['/api/rounds/{id}/export', 'get'],
      ['/api/rounds/{id}/cases', 'post'],
      ['/api/campaigns/{id}/indicators/{nodeId}/cases/{caseId}', 'delete'],
      ['/api/campaigns/{id}/readiness', 'get'],
    ] as const)
      expect(doc.paths[p]?.[m]?.tags, `${m} ${p}`).toEqual(['assessments']);
  });

  it('leaders read but do not score; grid workers and units see nothing', async () => {
    const id = (await newRound({ name: '权限' })).body.id;
    expect((await t.call('GET', `/api/rounds/${id}`, { session: leader })).status).toBe(200);
    expect((await score(id, [{ nodeId: node('1.1'), score: 1 }], leader)).status).toBe(403);
    const grid = await t.login('grid');
    const unit = await t.login('unit');
    for (const s of [grid, unit]) {
      expect((await t.call('GET', `/api/rounds?campaignId=${campaignId}`, { session: s })).status).toBe(403);
      expect((await t.call('GET', `/api/campaigns/${campaignId}/readiness`, { session: s })).status).toBe(
        403,
      );
    }
    const list = await t.call('GET', `/api/rounds?campaignId=${campaignId}`, { session: leader });
    expect(list.body.total).toBeGreaterThanOrEqual(2);
    expect(list.body.items[0].campaignName).toBe('测试创卫');
    const del = await t.call('DELETE', `/api/rounds/${id}`, { session: office });
    expect(del.status).toBe(200);
    const [gone] = await t.db
      .select({ n: count() })
      .from(assessmentRounds)
      .where(eq(assessmentRounds.id, id));
    expect(gone!.n).toBe(0);
  });

  it('another city sees none of it', async () => {
    const otherCity = newId();
    await t.db.insert(regions).values({
      id: otherCity,
      cityId: otherCity,
      parentId: null,
      code: '999900',
      name: '他市',
      level: 'city',
      path: `/${otherCity}/`,
    });
    const stranger = await userSession(t, 'other_office', 'office', { regionId: otherCity });
    const id = (await newRound({ name: '他市不可见' })).body.id;
    for (const r of [
      await t.call('GET', `/api/rounds/${id}`, { session: stranger }),
      await score(id, [{ nodeId: node('1.1'), score: 1 }], stranger),
      await t.call('GET', `/api/campaigns/${campaignId}/readiness`, { session: stranger }),
      await newRound({ name: 'x' }, stranger),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN_SCOPE');
    }
    const list = await t.call('GET', '/api/rounds', { session: stranger });
    expect(list.body.total).toBe(0);
    // A district leader does not see a city-wide campaign's rounds either.
    const [district] = await t.db.select().from(regions).where(eq(regions.level, 'district')).limit(1);
    const local = await userSession(t, 'district_leader', 'leader', { regionId: district!.id });
    expect((await t.call('GET', '/api/rounds', { session: local })).body.total).toBe(0);
    expect((await t.call('GET', `/api/rounds/${id}`, { session: local })).body.error.code).toBe(
      'FORBIDDEN_SCOPE',
    );
  });
});

describe('demo rounds', () => {
  it('seeds three rounds showing progress on a 1000-point standard, the latest open', async () => {
    const big = SMALL_STANDARD.map((n) => ({ ...n, points: n.points * 10, params: scaled(n.params) }));
    const c = await insertCampaign(t.db, cityId, {
      nodes: big,
      totalPoints: 1000,
      passScore: 900,
      basicScore: 750,
    });
    const ctx = { actor: await memberActor(t.db, cityId, 'office'), meta: { requestId: null, ip: null } };
    const r = await seedDemoRounds({
      db: t.db,
      assessments: t.services.assessments,
      ctx,
      campaignId: c.campaignId,
      now: t.clock.now(),
    });
    expect(r.totals).toHaveLength(3);
    const [a, b, d] = r.totals as [number, number, number];
    expect(a).toBeGreaterThan(400);
    expect(a).toBeLessThan(600);
    expect(b).toBeGreaterThan(700);
    expect(b).toBeLessThan(830);
    expect(d).toBeGreaterThanOrEqual(900);
    expect(d).toBeLessThan(960);
    const list = await t.call('GET', `/api/rounds?campaignId=${c.campaignId}`, { session: leader });
    expect(list.body.items.map((x: { status: string }) => x.status)).toEqual(['open', 'closed', 'closed']);
    const ready = await t.call('GET', `/api/campaigns/${c.campaignId}/readiness`, { session: leader });
    expect(ready.body.trend.map((x: { total: number }) => x.total)).toEqual([a, b, d]);
    expect(ready.body.projectedVerdict).toBe('pass');
  });
});

function scaled(p: Record<string, unknown> | undefined) {
  if (!p || typeof p.perOccurrence !== 'number') return p;
  return {
    ...p,
    perOccurrence: p.perOccurrence * 10,
    ...(typeof p.cap === 'number' ? { cap: p.cap * 10 } : {}),
  };
}
