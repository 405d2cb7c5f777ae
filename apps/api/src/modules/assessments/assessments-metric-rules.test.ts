/**
 * Assessment metrics that read the right thing: the exposure checkpoint counts the year's media
 * exposures (媒体曝光 cases) whatever became of them — first exposure −30, second → the item scores 0 — and
 * "按期办结投诉事项" reads the complaint sources it names, not every case.
 */
import type { KpiResult, NodeResult, RoundDetail } from '@chuangcheng/contracts';
import { round2 } from '@chuangcheng/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { accept, sample } from '../../../test/evidence-helpers';
import { caseDriver, cityFacts, type Point } from '../../../test/exposure-helpers';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { cases, exposures } from '../../db/schema/index';
import { insertCampaign, type TestNode } from './assessments.test-helpers';

const NODES: TestNode[] = [
  {
    code: '1',
    title: '检查曝光',
    points: 100,
    rule: 'exposure',
    params: { perOccurrence: 30, zeroAt: 2 },
  },
  {
    code: '2',
    title: '按期办结投诉事项',
    points: 50,
    rule: 'threshold',
    params: {
      metric: 'on_time_close_rate',
      target: 100,
      zeroAt: 0,
      sources: ['citizen', 'hotline', 'upper'],
    },
  },
  {
    code: '3',
    title: '按期结案率（全部来源）',
    points: 50,
    rule: 'threshold',
    params: { metric: 'on_time_close_rate', target: 100, zeroAt: 0 },
  },
];

let t: TestApp;
let cityId: string;
let office: Session;
let inspector: Session;
let unit: Session;
let point: Point;
let drive: ReturnType<typeof caseDriver>;
let roundId: string;
let node: (code: string) => string;

const recompute = async (): Promise<RoundDetail> => {
  const r = await t.call('POST', `/api/rounds/${roundId}/recompute`, { session: office });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const at = (r: RoundDetail, code: string): NodeResult => r.nodes.find((n) => n.code === code)!;
/** Accepted, rectified with an after-photo of its own and verified (so no photo is flagged as reused). */
async function close(unitS: Session, inspectorS: Session, id: string, seed: number) {
  await drive.act(unitS, id, { action: 'accept' });
  const after = await drive.upload(unitS, 'after', seed);
  await drive.act(unitS, id, { action: 'submit_feedback', photoIds: [after], note: '已整改' });
  return drive.act(inspectorS, id, { action: 'verify_pass', note: '现场已整改' });
}

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  inspector = await t.login('inspector');
  const facts = await cityFacts(t, cityId, office);
  point = facts.point;
  drive = caseDriver(t, facts.categoryId);
  unit = await userSession(t, 'metric-unit', 'unit', { unitId: facts.unitId('城管局') });
  const c = await insertCampaign(t.db, cityId, {
    nodes: NODES,
    totalPoints: 200,
    passScore: 180,
    basicScore: 150,
  });
  node = (code) => c.nodeIds.get(code)!;
  const r = await t.call('POST', '/api/rounds', {
    session: office,
    body: { campaignId: c.campaignId, kind: 'self', name: '年度自查', heldOn: '2026-11-23' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  roundId = r.body.id;
});
afterAll(() => t.close());

describe('exposure checkpoint (第一次曝光扣30分，第二次曝光该项不得分)', () => {
  /** A problem the media exposed, reported by the office as a 媒体曝光 case. */
  async function mediaCase(description: string, seed: number) {
    const photoId = await drive.upload(office, 'before', seed);
    const { categoryId } = await cityFacts(t, cityId, office);
    const r = await t.call('POST', '/api/cases', {
      session: office,
      body: { source: 'media', categoryId, description, lng: point.lng, lat: point.lat, photoIds: [photoId] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; status: string; leadUnit: { id: string } | null };
  }

  it('scores full marks with no media exposure in the year; the city’s own 曝光台 costs nothing', async () => {
    const own = await drive.report(inspector, point, '人行道破损');
    await drive.dispatch(office, own);
    const p = await t.call('POST', '/api/exposures', {
      session: office,
      body: { caseId: own, title: '人行道破损' },
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(await t.db.select().from(exposures).where(eq(exposures.cityId, cityId))).toHaveLength(1);
    const r = await recompute();
    expect(at(r, '1')).toMatchObject({ score: 100, lost: 0, occurrences: 0, source: 'exposures' });
  });

  it('loses 30 at the first exposure, and keeps losing them once the exposed case is closed', async () => {
    const first = await mediaCase('暗访专题片：河道边堆放建筑垃圾', 11);
    expect(at(await recompute(), '1')).toMatchObject({ score: 70, lost: 30, occurrences: 1 });
    if (first.status === 'reported')
      await drive.dispatch(office, first.id, (await cityFacts(t, cityId, office)).unitId('城管局'));
    else
      await drive.act(office, first.id, {
        action: 'dispatch',
        unitId: (await cityFacts(t, cityId, office)).unitId('城管局'),
      });
    const closed = await close(unit, inspector, first.id, 5);
    expect(closed.status).toBe('closed');
    expect(at(await recompute(), '1')).toMatchObject({ score: 70, lost: 30, occurrences: 1 });
  });

  it('scores 0 from the second exposure on; a voided report and earlier years do not count', async () => {
    const second = await mediaCase('暗访专题片：农贸市场门口占道经营', 12);
    expect(at(await recompute(), '1')).toMatchObject({ score: 0, lost: 100, occurrences: 2 });

    const dup = await mediaCase('同一专题片的重复登记', 13);
    if (dup.status === 'reported') {
      await drive.act(office, dup.id, { action: 'void', reason: '重复登记' });
      expect(at(await recompute(), '1')).toMatchObject({ occurrences: 2 });
    }

    await t.db
      .update(cases)
      .set({ createdAt: new Date('2025-12-31T15:00:00Z') }) // 2025-12-31 23:00 in the city
      .where(eq(cases.id, second.id));
    expect(at(await recompute(), '1')).toMatchObject({ score: 70, occurrences: 1 });
  });

  it('an assessor’s count overrides the derived one', async () => {
    const s = await t.call('PUT', `/api/rounds/${roundId}/scores`, {
      session: office,
      body: { entries: [{ nodeId: node('1'), occurrences: 2 }] },
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(at(s.body, '1')).toMatchObject({ score: 0, source: 'manual' });
  });
});

describe('按期办结投诉事项 reads the complaint sources only', () => {
  it('rates the citizen, hotline and 上级交办 cases of the window, not the inspectors’ or grid workers’', async () => {
    // A hotline complaint closed on time; the window's other cases include the demo's overdue ones.
    const photoId = await drive.upload(office, 'before', 6);
    const { categoryId } = await cityFacts(t, cityId, office);
    const h = await t.call('POST', '/api/cases', {
      session: office,
      body: {
        source: 'hotline',
        categoryId,
        description: '12345 来电：路边垃圾未清运',
        lng: point.lng,
        lat: point.lat,
        photoIds: [photoId],
      },
    });
    expect(h.status, JSON.stringify(h.body)).toBe(201);
    const id = h.body.id as string;
    if (h.body.status === 'reported') await drive.dispatch(office, id);
    else if (h.body.status === 'filed')
      await drive.act(office, id, { action: 'dispatch', unitId: h.body.leadUnit.id });
    await close(unit, inspector, id, 7);
    // An inspector's case left open well past its deadline: it lowers the all-source rate only.
    const late = await drive.report(inspector, point, '公厕内地面积水');
    await drive.dispatch(office, late);
    t.clock.advance(40 * 86_400_000);
    await t.services.sweeper.sweep();
    office = await t.login('office');
    const r = await recompute();
    const kpi = await t.call('GET', '/api/kpis?dimension=source&from=2026-08-26&to=2026-11-23', {
      session: office,
    });
    expect(kpi.status, JSON.stringify(kpi.body)).toBe(200);
    const k = kpi.body as KpiResult;
    const complaints = k.rows.filter((row) => ['citizen', 'hotline', 'upper'].includes(row.key));
    const others = k.rows.filter((row) => !['citizen', 'hotline', 'upper'].includes(row.key));
    const need = complaints.reduce((s, row) => s + row.counters.needClose, 0);
    const onTime = complaints.reduce((s, row) => s + row.counters.closedOnTime, 0);
    expect(need, 'the demo city has complaint cases due in the window').toBeGreaterThan(0);
    expect(others.reduce((s, row) => s + row.counters.needClose, 0)).toBeGreaterThan(0);
    const expected = round2((onTime / need) * 100);
    const all = round2(k.total.rates.onTimeCloseRate! * 100);
    expect(expected, 'complaints and all sources differ here').not.toBe(all);

    expect(at(r, '2')).toMatchObject({ value: expected, source: 'metric', score: round2(expected / 2) });
    expect(at(r, '3')).toMatchObject({ value: all, source: 'metric' });
  });
});

describe('readiness never says 达标 without the archive', () => {
  it('holds a passing score at 基本达标 while completeness is under the floor, with the figure beside it', async () => {
    const c = await insertCampaign(t.db, cityId, {
      name: '台账底线',
      nodes: [
        {
          code: '1',
          title: '组织管理',
          points: 100,
          evidence: [{ title: '创卫工作方案', periodicity: 'once' }],
        },
      ],
    });
    const r = await t.call('POST', '/api/rounds', {
      session: office,
      body: { campaignId: c.campaignId, kind: 'self', name: '自查', heldOn: '2026-11-23' },
    });
    await t.call('PUT', `/api/rounds/${r.body.id}/scores`, {
      session: office,
      body: { entries: [{ nodeId: c.nodeIds.get('1')!, score: 100 }] },
    });
    const ready = async () =>
      (await t.call('GET', `/api/campaigns/${c.campaignId}/readiness`, { session: office })).body;
    expect(await ready()).toMatchObject({
      projected: 100,
      scoreVerdict: 'pass',
      projectedVerdict: 'basic',
      evidencePercent: 0,
      evidenceFloor: 90,
      evidenceShort: true,
    });
    // Filed and accepted: the archive is complete and the projection says 达标.
    const form = new FormData();
    const fields = {
      campaignId: c.campaignId,
      nodeId: c.nodeIds.get('1')!,
      requirement: '创卫工作方案',
      period: 'once',
      title: '2026年创卫工作方案',
      docDate: '2026-02-01',
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(await sample.pdf('方案'))]), '方案.pdf');
    const up = await t.call('POST', '/api/evidence', { body: form, session: office });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect((await ready()).projectedVerdict).toBe('basic'); // awaiting acceptance: not counted yet
    await accept(t, office, up.body.id);
    expect(await ready()).toMatchObject({
      scoreVerdict: 'pass',
      projectedVerdict: 'pass',
      evidencePercent: 100,
      evidenceShort: false,
    });
  });
});
