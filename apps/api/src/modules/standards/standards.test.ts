import type { Standard, StandardDetail } from '@chuangcheng/contracts';
import { validateStandardTree } from '@chuangcheng/domain';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { standardNodes, standards, units } from '../../db/schema/index';

let t: TestApp;
let office: Session;
let leader: Session;
let unit: Session;

beforeAll(async () => {
  t = await createTestApp();
  await withDemoCity(t, 50);
  office = await t.login('office');
  leader = await t.login('leader');
  unit = await t.login('unit');
});
afterAll(() => t.close());

const rows = async () => ({
  standards: Number((await t.db.select({ n: count() }).from(standards))[0]!.n),
  nodes: Number((await t.db.select({ n: count() }).from(standardNodes))[0]!.n),
});
const detail = async (id: string) =>
  (await t.call('GET', `/api/standards/${id}`, { session: office })).body as StandardDetail;
const asTree = (d: StandardDetail) =>
  d.nodes.map((n) => ({
    key: n.id,
    parentKey: n.parentId,
    code: n.code,
    title: n.title,
    points: n.points,
    rule: n.rule,
    params: n.params,
  }));

describe('samples', () => {
  it('loads the three labelled samples once, each a valid tree', async () => {
    const first = await t.call('POST', '/api/standards/samples', { session: office });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 3 });
    const again = await t.call('POST', '/api/standards/samples', { session: office });
    expect(again.body).toEqual({ created: 0 });

    const list = (await t.call('GET', '/api/standards?pageSize=50', { session: leader })).body
      .items as Standard[];
    expect(list).toHaveLength(3);
    for (const s of list) {
      expect(s.sample).toBe(true);
      expect(s.name.startsWith('【示例】')).toBe(true);
      expect(s.note).toContain('示例');
      const d = await detail(s.id);
      expect(validateStandardTree(asTree(d), d.totalPoints)).toEqual([]);
    }
    const national = list.find((s) => s.code === 'SAMPLE-NHC')!;
    expect(national.vetoCount).toBe(11);
    const nd = await detail(national.id);
    expect(nd.nodes.filter((n) => n.depth === 0 && !n.veto)).toHaveLength(9); // 必备条件 group + 8 categories

    const county = await detail(list.find((s) => s.code === 'SAMPLE-COUNTY')!.id);
    const leaves = county.nodes.filter((n) => n.leaf);
    expect(leaves.length).toBeGreaterThanOrEqual(60);
    expect(new Set(leaves.map((n) => n.rule))).toEqual(
      new Set(['manual', 'deduction', 'count', 'threshold', 'veto']),
    );
    expect(county.passScore).toBe(900);
    expect(county.basicScore).toBe(750);
    expect(leaves.some((n) => n.evidence.some((e) => e.periodicity === 'monthly'))).toBe(true);
    expect(county.nodes.find((n) => n.code === '3.1.1')!.unitNames).toEqual(['城管局']);
    // pre-order with natural code order: 3.1.x before 3.2, 10 after 9
    const codes = county.nodes.map((n) => n.code);
    expect(codes.indexOf('3.1.3')).toBeLessThan(codes.indexOf('3.2'));
    expect(codes.indexOf('9.4')).toBeLessThan(codes.indexOf('10'));

    const prov = await detail(list.find((s) => s.code === 'SAMPLE-PROV')!.id);
    const top = prov.nodes.filter((n) => n.depth === 0).map((n) => [n.title, n.points]);
    expect(top).toEqual([
      ['创卫工作', 800],
      ['检查曝光', 100],
      ['社会监督', 100],
    ]);
    expect(prov.nodes.find((n) => n.code === '3.2')!.params).toEqual({
      metric: 'satisfaction_rate',
      target: 90,
    });
  });
});

describe('standards CRUD', () => {
  let id: string;
  let rootId: string;

  it('creates a standard and nodes; roles outside the write list are refused', async () => {
    const res = await t.call('POST', '/api/standards', {
      session: office,
      body: {
        code: 'T1',
        name: '测试标准',
        type: 'civilized',
        totalPoints: 100,
        passScore: 90,
        basicScore: 75,
      },
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ version: 1, sample: false, nodeCount: 0 });
    expect(
      (
        await t.call('POST', '/api/standards', {
          session: leader,
          body: { code: 'X', name: 'x', type: 'other' },
        })
      ).status,
    ).toBe(403);
    expect((await t.call('GET', `/api/standards/${id}`, { session: unit })).status).toBe(403);

    const bad = await t.call('POST', '/api/standards', {
      session: office,
      body: { code: 'T2', name: 'x', type: 'other', totalPoints: 100, passScore: 80, basicScore: 90 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('basicScore');

    const root = await t.call('POST', `/api/standards/${id}/nodes`, {
      session: office,
      body: { code: '1', title: '市容', points: 60 },
    });
    expect(root.status).toBe(201);
    rootId = root.body.id;
    const [u] = await t.db.select().from(units).limit(1);
    const child = await t.call('POST', `/api/standards/${id}/nodes`, {
      session: office,
      body: {
        parentId: rootId,
        code: '1.1',
        title: '暴露垃圾',
        points: 30,
        rule: 'deduction',
        params: { perOccurrence: 2 },
        evidence: [{ title: '保洁记录', periodicity: 'monthly' }],
        unitIds: [u!.id],
      },
    });
    expect(child.status).toBe(201);
    expect(child.body).toMatchObject({ depth: 1, leaf: true, unitNames: [u!.name], veto: false });
    const d = await detail(id);
    expect(d.nodes.map((n) => [n.code, n.depth, n.leaf])).toEqual([
      ['1', 0, false],
      ['1.1', 1, true],
    ]);
  });

  it('refuses a change that breaks the tree, naming every issue; nothing written', async () => {
    const before = await rows();
    const over = await t.call('POST', `/api/standards/${id}/nodes`, {
      session: office,
      body: { parentId: rootId, code: '1.2', title: '超分', points: 40 },
    });
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('STANDARD_INVALID');
    expect(over.body.error.details.issues[0].message).toContain('超过');
    const veto = await t.call('POST', `/api/standards/${id}/nodes`, {
      session: office,
      body: { code: '2', title: '否决', points: 5, rule: 'veto' },
    });
    expect(veto.status).toBe(400);
    expect(veto.body.error.details.issues[0].message).toContain('一票否决');
    const dup = await t.call('POST', `/api/standards/${id}/nodes`, {
      session: office,
      body: { code: '1.1', title: '重复', points: 1, parentId: rootId },
    });
    expect(dup.body.error.code).toBe('STANDARD_INVALID');
    const unitBad = await t.call('POST', `/api/standards/${id}/nodes`, {
      session: office,
      body: { code: '3', title: 'x', unitIds: ['00000000-0000-4000-8000-000000000001'] },
    });
    expect(unitBad.status).toBe(400);
    expect(unitBad.body.error.code).toBe('VALIDATION_FAILED');
    expect(unitBad.body.error.details.fields[0].field).toBe('unitIds');
    const lower = await t.call('PATCH', `/api/standards/${id}`, {
      session: office,
      body: { totalPoints: 50, passScore: 45, basicScore: 40 },
    });
    expect(lower.body.error.code).toBe('STANDARD_INVALID');
    expect(await rows()).toEqual(before);
  });

  it('updates and deletes nodes; a node with children is refused', async () => {
    const d = await detail(id);
    const leaf = d.nodes.find((n) => n.code === '1.1')!;
    const patched = await t.call('PATCH', `/api/standard-nodes/${leaf.id}`, {
      session: office,
      body: { title: '无暴露垃圾', points: 20, rule: 'count', params: { perOccurrence: 1, allowed: 3 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: '无暴露垃圾', points: 20, rule: 'count' });
    const tooMuch = await t.call('PATCH', `/api/standard-nodes/${leaf.id}`, {
      session: office,
      body: { points: 61 },
    });
    expect(tooMuch.body.error.code).toBe('STANDARD_INVALID');
    const del = await t.call('DELETE', `/api/standard-nodes/${rootId}`, { session: office });
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('IN_USE');
    expect((await t.call('DELETE', `/api/standard-nodes/${leaf.id}`, { session: office })).status).toBe(200);
    expect((await t.call('DELETE', `/api/standard-nodes/${rootId}`, { session: office })).status).toBe(200);
    const renamed = await t.call('PATCH', `/api/standards/${id}`, {
      session: office,
      body: { name: '改名' },
    });
    expect(renamed.body.name).toBe('改名');
    expect((await t.call('DELETE', `/api/standards/${id}`, { session: office })).status).toBe(200);
    expect((await t.call('GET', `/api/standards/${id}`, { session: office })).status).toBe(404);
  });

  it('a code that exists gets its next version', async () => {
    const body = { code: 'SAMPLE-NHC', name: '自建版本', type: 'sanitary' };
    const res = await t.call('POST', '/api/standards', { session: office, body });
    expect(res.body.version).toBe(2);
    await t.call('DELETE', `/api/standards/${res.body.id}`, { session: office });
  });
});
