import type { LostPoint, NodeResult, RoundDetail } from '@chuangcheng/contracts';
import { and, count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { assessmentRounds, assessmentScores, auditLog, cases } from '../../db/schema/index';
import { newId } from '../../platform/ids';
import { fileCase, gridPoint, insertCampaign } from './assessments.test-helpers';

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
const byCode = (r: RoundDetail, code: string): NodeResult => r.nodes.find((n) => n.code === code)!;

/** Full marks everywhere, veto met. */
const fullMarks = () => [
  { nodeId: node('1.1'), score: 20 },
  { nodeId: node('1.2'), occurrences: 0 },
  { nodeId: node('2.1'), value: 95 },
  { nodeId: node('2.2'), value: 92 },
  { nodeId: node('3.1.1'), occurrences: 1 },
  { nodeId: node('3.1.2'), score: 20 },
  { nodeId: node('V.1'), passed: true },
];

describe('a round scored by hand', () => {
  let id: string;

  it('opens with nothing scored: total 0, fail, the veto unknown; audited', async () => {
    const r = await newRound({ derive: false, name: '自查', kind: 'self' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({ total: 0, verdict: 'fail', vetoUnknown: 1, vetoFailed: 0, leaves: 7 });
    expect(r.body.scoredLeaves).toBe(0);
    expect(r.body.nodes.map((n: NodeResult) => n.code)).toEqual([
      '1',
      '1.1',
      '1.2',
      '2',
      '2.1',
      '2.2',
      '3',
      '3.1',
      '3.1.1',
      '3.1.2',
      'V',
      'V.1',
    ]);
    expect(r.body.nodes.every((n: NodeResult) => n.source === 'none')).toBe(true);
    const [a] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'assessment_round'), eq(auditLog.entityId, id)));
    expect(a!.n).toBe(1);
  });

  it('full marks and the veto met: 100, pass', async () => {
    const r = await score(id, fullMarks());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      total: 100,
      verdict: 'pass',
      vetoFailed: 0,
      vetoUnknown: 0,
      scoredLeaves: 7,
    });
    expect(byCode(r.body, '3.1')).toMatchObject({ score: 30, lost: 0, points: 30, source: 'manual' });
    expect(byCode(r.body, 'V.1')).toMatchObject({ vetoStatus: 'met', source: 'manual', veto: true });
  });

  it('85 is a basic pass; 65 fails; the rules deduct as the standard says', async () => {
    let r = await score(id, [{ nodeId: node('1.1'), score: 5, note: '主干道有垃圾' }]);
    expect(r.body).toMatchObject({ total: 85, verdict: 'basic' });
    expect(byCode(r.body, '1.1')).toMatchObject({ score: 5, lost: 15, note: '主干道有垃圾' });
    r = await score(id, [
      { nodeId: node('1.2'), occurrences: 3 }, // 3 × 5 = 15 off
      { nodeId: node('2.1'), value: 70 }, // linear 50 → 90: 15 × 20/40 = 7.5
      { nodeId: node('3.1.1'), occurrences: 4 }, // (4 − 1) × 2 = 6 off
    ]);
    expect(byCode(r.body, '1.2')).toMatchObject({ score: 5, lost: 15, occurrences: 3 });
    expect(byCode(r.body, '2.1')).toMatchObject({ score: 7.5, lost: 7.5, value: 70 });
    expect(byCode(r.body, '3.1.1')).toMatchObject({ score: 4, lost: 6 });
    expect(r.body.total).toBe(85 - 15 - 7.5 - 6);
    expect(r.body.verdict).toBe('fail');
  });

  it('a failed veto fails the round whatever the total', async () => {
    let r = await score(id, fullMarks());
    expect(r.body.verdict).toBe('pass');
    r = await score(id, [{ nodeId: node('V.1'), passed: false }]);
    expect(r.body).toMatchObject({ total: 100, verdict: 'fail', vetoFailed: 1 });
    const lost = (await t.call('GET', `/api/rounds/${id}/lost-points`, { session: leader }))
      .body as LostPoint[];
    expect(lost[0]).toMatchObject({
      code: 'V.1',
      veto: true,
      pathText: 'V 必备条件 › V.1 近三年未发生重大传染病疫情',
    });
  });

  it('a manual round derives nothing: linked cases do not count', async () => {
    const r = await t.call('POST', `/api/rounds/${id}/recompute`, { session: inspector });
    expect(r.status).toBe(200);
    expect(byCode(r.body, '1.2').source).toBe('manual');
  });

  it('closing freezes it: scoring, recompute and delete answer 409 ROUND_CLOSED', async () => {
    const leaderClose = await t.call('POST', `/api/rounds/${id}/close`, { session: inspector });
    expect(leaderClose.status).toBe(403);
    const c = await t.call('POST', `/api/rounds/${id}/close`, { session: office });
    expect(c.status).toBe(200);
    expect(c.body.status).toBe('closed');
    for (const r of [
      await score(id, fullMarks()),
      await t.call('POST', `/api/rounds/${id}/recompute`, { session: office }),
      await t.call('DELETE', `/api/rounds/${id}`, { session: office }),
      await t.call('POST', `/api/rounds/${id}/close`, { session: office }),
    ]) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('ROUND_CLOSED');
    }
  });
});

describe('checkpoint photos', () => {
  const jpeg = (shade: number) =>
    sharp({ create: { width: 48, height: 32, channels: 3, background: { r: shade, g: 80, b: 40 } } })
      .jpeg()
      .toBuffer();
  const uploadAs = async (session: Session) => {
    const form = new FormData();
    form.set('kind', 'other');
    form.set('file', new File([new Uint8Array(await jpeg(120))], 'p.jpg', { type: 'image/jpeg' }));
    const r = await t.call('POST', '/api/photos', { body: form, session });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };

  it('an assessor attaches photos to a checkpoint; readers of the round see them, nothing else is served', async () => {
    const r = await newRound({ derive: false, name: '暗访记录', kind: 'self' });
    const id = r.body.id as string;
    const photo = await uploadAs(inspector);
    const scored = await score(id, [
      { nodeId: node('1.1'), score: 1, note: '路口有垃圾', photoIds: [photo] },
    ]);
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    const n = scored.body.nodes.find((x: NodeResult) => x.code === '1.1');
    expect(n.photoIds).toEqual([photo]);
    // The leader did not upload it but reads the round: the round serves it.
    const thumb = await t.app.request(`/api/rounds/${id}/photos/${photo}/thumb`, {
      headers: { cookie: `cc_session=${leader.token}` },
    });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    // A photo that is not on this round's sheet is not served through it.
    const other = await uploadAs(inspector);
    const refused = await t.call('GET', `/api/rounds/${id}/photos/${other}/thumb`, { session: leader });
    expect(refused.status).toBe(404);
    // A case's photo cannot be borrowed onto a scoring sheet.
    const casePhoto = await uploadAs(inspector);
    const made = await t.call('POST', '/api/cases', {
      session: inspector,
      body: { source: 'inspector', categoryId, description: '占道经营', ...point, photoIds: [casePhoto] },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const borrowed = await score(id, [{ nodeId: node('1.2'), score: 1, photoIds: [casePhoto] }]);
    expect(borrowed.body.error.code).toBe('PHOTO_NOT_FOUND');
  });
});

describe('derived scores', () => {
  let id: string;
  const caseIds: string[] = [];

  it('deduction leaves count open linked cases; metrics without data stay unscored', async () => {
    for (let i = 0; i < 3; i++) caseIds.push(await fileCase(t, inspector, { categoryId, ...point }));
    for (const caseId of caseIds) {
      const l = await t.call('POST', `/api/campaigns/${campaignId}/indicators/${node('1.2')}/cases`, {
        session: inspector,
        body: { caseId },
      });
      expect(l.status, JSON.stringify(l.body)).toBe(200);
    }
    // Linking twice is a no-op.
    await t.call('POST', `/api/campaigns/${campaignId}/indicators/${node('1.2')}/cases`, {
      session: inspector,
      body: { caseId: caseIds[0] },
    });
    const r = await newRound({ name: '第二次模拟测评' });
    id = r.body.id;
    expect(byCode(r.body, '1.2')).toMatchObject({
      occurrences: 3,
      lost: 15,
      source: 'cases',
      linkedCaseCount: 3,
    });
    expect(byCode(r.body, '3.1.1')).toMatchObject({ occurrences: 0, lost: 0, source: 'cases' });
    // No case has been closed or gone overdue: 按期结案率 has no denominator yet; satisfaction has no source.
    expect(byCode(r.body, '2.1').source).toBe('none');
    expect(byCode(r.body, '2.2').source).toBe('none');
    expect(byCode(r.body, '1.1').source).toBe('none');
    expect(r.body.total).toBe(5 + 10);
    expect(byCode(r.body, '1').source).toBe('cases');
  });

  it('a manual entry wins over the derived figure; clearing it derives again', async () => {
    let r = await score(id, [{ nodeId: node('1.2'), occurrences: 1 }]);
    expect(byCode(r.body, '1.2')).toMatchObject({ occurrences: 1, lost: 5, source: 'manual' });
    r = await score(id, [{ nodeId: node('1.2'), note: '以系统案件为准' }]);
    expect(byCode(r.body, '1.2')).toMatchObject({
      occurrences: 3,
      lost: 15,
      source: 'cases',
      note: '以系统案件为准',
    });
  });

  it('closing (voiding) a linked case changes the recompute; unlinking too', async () => {
    const v = await t.call('POST', `/api/cases/${caseIds[0]}/transitions`, {
      session: office,
      body: { action: 'void', reason: '重复上报' },
    });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    await t.db.update(cases).set({ status: 'closed' }).where(eq(cases.id, caseIds[1]!));
    let r = await t.call('POST', `/api/rounds/${id}/recompute`, { session: inspector });
    expect(byCode(r.body, '1.2')).toMatchObject({ occurrences: 1, lost: 5, linkedCaseCount: 3 });
    const u = await t.call(
      'DELETE',
      `/api/campaigns/${campaignId}/indicators/${node('1.2')}/cases/${caseIds[2]}`,
      {
        session: inspector,
      },
    );
    expect(u.status).toBe(200);
    r = await t.call('POST', `/api/rounds/${id}/recompute`, { session: inspector });
    expect(byCode(r.body, '1.2')).toMatchObject({ occurrences: 0, lost: 0, linkedCaseCount: 2 });
    const again = await t.call(
      'DELETE',
      `/api/campaigns/${campaignId}/indicators/${node('1.2')}/cases/${caseIds[2]}`,
      { session: inspector },
    );
    expect(again.status).toBe(404);
  });

  it('a case of nowhere or a node of another standard cannot be linked', async () => {
    const r1 = await t.call('POST', `/api/campaigns/${campaignId}/indicators/${node('1.2')}/cases`, {
      session: inspector,
      body: { caseId: newId() },
    });
    expect(r1.body.error.code).toBe('CASE_NOT_FOUND');
    const r2 = await t.call('POST', `/api/campaigns/${campaignId}/indicators/${newId()}/cases`, {
      session: inspector,
      body: { caseId: caseIds[0] },
    });
    expect(r2.body.error.code).toBe('STANDARD_NODE_NOT_FOUND');
  });
});

describe('bad input changes nothing', () => {
  let id: string;
  let before: { total: number; scores: number; audit: number };

  const snapshot = async () => {
    const [r] = await t.db.select().from(assessmentRounds).where(eq(assessmentRounds.id, id));
    const [s] = await t.db
      .select({ n: count() })
      .from(assessmentScores)
      .where(eq(assessmentScores.roundId, id));
    const [a] = await t.db.select({ n: count() }).from(auditLog);
    return { total: r!.total, scores: s!.n, audit: a!.n };
  };

  beforeAll(async () => {
    id = (await newRound({ derive: false, name: '校验' })).body.id;
    await score(id, [{ nodeId: node('1.1'), score: 10 }]);
    before = await snapshot();
  });

  it.each([
    ['score over the points', [{ score: 21, code: '1.1' }], 'entries[0].score'],
    ['occurrences on a manual node', [{ occurrences: 2, code: '1.1' }], 'entries[0].occurrences'],
    ['passed on a non-veto', [{ passed: true, code: '1.2' }], 'entries[0].passed'],
    ['a value on a deduction node', [{ value: 3, code: '1.2' }], 'entries[0].value'],
    ['a score on a veto', [{ score: 1, code: 'V.1' }], 'entries[0].score'],
    ['scoring an inner node', [{ score: 1, code: '1' }], 'entries[0].nodeId'],
    [
      'the same node twice',
      [
        { score: 1, code: '1.1' },
        { score: 2, code: '1.1' },
      ],
      'entries[1].nodeId',
    ],
  ])('%s → 400 VALIDATION_FAILED naming the field', async (_name, raw, field) => {
    const entries = raw.map(({ code, ...rest }) => ({ nodeId: node(code), ...rest }));
    const r = await score(id, [{ nodeId: node('3.1.2'), score: 20 }, ...entries]);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const shifted = field.replace(/\[(\d+)\]/, (_m, i) => `[${Number(i) + 1}]`);
    expect(r.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(shifted);
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown node → 404 STANDARD_NODE_NOT_FOUND; a missing photo → PHOTO_NOT_FOUND; bad shapes → 400', async () => {
    let r = await score(id, [{ nodeId: newId(), score: 1 }]);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('STANDARD_NODE_NOT_FOUND');
    expect(r.body.error.details.fields[0].field).toBe('entries[0].nodeId');
    r = await score(id, [{ nodeId: node('1.1'), score: 1, photoIds: [newId()] }]);
    expect(r.body.error.code).toBe('PHOTO_NOT_FOUND');
    expect(r.body.error.details.fields[0].field).toBe('entries[0].photoIds');
    r = await score(id, [{ nodeId: node('1.1'), score: -1 }]);
    expect(r.status).toBe(400);
    r = await score(id, []);
    expect(r.status).toBe(400);
    r = await t.call('POST', '/api/rounds', {
      session: inspector,
      body: { campaignId: newId(), kind: 'mock', name: 'x', heldOn: '2026-11-23' },
    });
    expect(r.body.error.code).toBe('CAMPAIGN_NOT_FOUND');
    r = await newRound({ kind: 'nope' });
    expect(r.status).toBe(400);
    r = await t.call('GET', `/api/rounds/${newId()}`, { session: leader });
    expect(r.body.error.code).toBe('ROUND_NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });
});

describe('system metrics', () => {
  it('threshold leaves take the KPI rates of the 90 days up to heldOn and the archive completeness', async () => {
    const c = await insertCampaign(t.db, cityId, {
      name: '指标',
      nodes: [
        { code: '1', title: '长效管理', points: 30 },
        {
          code: '1.1',
          parent: '1',
          title: '按期结案率',
          points: 15,
          rule: 'threshold',
          params: { metric: 'on_time_close_rate', target: 90, zeroAt: 50 },
        },
        {
          code: '1.2',
          parent: '1',
          title: '台账完整率',
          points: 15,
          rule: 'threshold',
          params: { metric: 'evidence_completeness', target: 100, zeroAt: 0 },
        },
      ],
    });
    await t.db
      .update(cases)
      .set({ nNeedClose: 1, nClosed: 1, nClosedOnTime: 1 })
      .where(eq(cases.cityId, cityId));
    const r = await newRound({ campaignId: c.campaignId, name: '指标测评' });
    expect(byCode(r.body, '1.1')).toMatchObject({ source: 'metric', value: 100, score: 15 });
    // Nothing is required of the archive yet: complete.
    expect(byCode(r.body, '1.2')).toMatchObject({ source: 'evidence', value: 100, score: 15 });
    // A case of the window left open well past its deadline (overdue is a fact of time): the rate drops.
    const late = await fileCase(t, inspector, { categoryId, ...point });
    const filed = await t.call('POST', `/api/cases/${late}/transitions`, {
      session: office,
      body: { action: 'file' },
    });
    const sent = await t.call('POST', `/api/cases/${late}/transitions`, {
      session: office,
      body: { action: 'dispatch', unitId: filed.body.leadUnit.id },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const now = t.clock.now();
    t.clock.advance(40 * 86_400_000);
    await t.services.sweeper.sweep();
    const again = await t.call('POST', `/api/rounds/${r.body.id}/recompute`, {
      session: await t.login('inspector'),
    });
    t.clock.set(now);
    const after = byCode(again.body, '1.1');
    expect(after.source).toBe('metric');
    expect(after.value!).toBeLessThan(100);
    expect(after.score).toBeLessThan(15);
    // A round held before any case existed has no KPI data: unscored.
    const early = await newRound({ campaignId: c.campaignId, name: '早期', heldOn: '2026-01-10' });
    expect(byCode(early.body, '1.1').source).toBe('none');
  });
});
