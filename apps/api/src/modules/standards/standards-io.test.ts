import type { StandardDetail } from '@chuangcheng/contracts';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { standardNodes, standards } from '../../db/schema/index';
import { download, readXlsx, STANDARD_HEADER, upload, xlsx } from './standards.test-helpers';

let t: TestApp;
let office: Session;

beforeAll(async () => {
  t = await createTestApp();
  await withDemoCity(t, 50);
  office = await t.login('office');
});
afterAll(() => t.close());

const head = { code: 'IMP', name: '导入标准', type: '创文', totalPoints: 100, passScore: 90, basicScore: 75 };
const rows = async () => ({
  standards: Number((await t.db.select({ n: count() }).from(standards))[0]!.n),
  nodes: Number((await t.db.select({ n: count() }).from(standardNodes))[0]!.n),
});
const detail = async (id: string) =>
  (await t.call('GET', `/api/standards/${id}`, { session: office })).body as StandardDetail;
/** A tree's meaning, ids aside. */
const meaning = (d: StandardDetail) => {
  const codes = new Map(d.nodes.map((n) => [n.id, n.code]));
  return d.nodes.map((n) => [
    n.code,
    n.title,
    n.parentId ? codes.get(n.parentId) : null,
    n.description,
    n.points,
    n.rule,
    n.params,
    n.evidence,
    n.unitNames,
  ]);
};
// 编码 名称 上级编码 说明 分值 评分方式 每次扣分 扣分上限 允许数 指标 目标值 零分值 方向 必备资料 责任单位 案件来源
const good: (string | number | null)[][] = [
  ['1', '市容环境', null, null, 60, null, null, null, null, null, null, null, null, null, null],
  [
    '1.1',
    '暴露垃圾',
    '1',
    '每处扣2分',
    30,
    '计数扣分',
    2,
    20,
    3,
    null,
    null,
    null,
    null,
    '保洁记录|每月\n年度计划|每年',
    '城管局、住建局',
  ],
  [
    '1.2',
    '满意率',
    '1',
    null,
    30,
    '指标达标',
    null,
    null,
    null,
    '群众满意率',
    90,
    70,
    '越高越好',
    null,
    null,
  ],
  ['2', '否决项', null, null, null, '一票否决', null, null, null, null, null, null, null, null, '卫健委'],
  [
    '3',
    '返工率',
    null,
    null,
    40,
    '指标达标',
    null,
    null,
    null,
    '返工率',
    5,
    15,
    '越低越好',
    null,
    null,
    '热线、市民随手拍',
  ],
];

describe('standard import', () => {
  it('documents the endpoints; the static import path wins over the org /api/imports/{kind}', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    for (const p of [
      '/api/standards/{id}/export',
      '/api/imports/standards',
      '/api/campaigns/{id}/tasks/import',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    const res = await t.call('POST', '/api/imports/standards', { session: office, body: new FormData() });
    expect(res.body.error.details.fields[0].field).toBe('file');
  });

  it('serves a template with the columns, drop-downs and a 说明 sheet', async () => {
    const res = await download(t, office, '/api/imports/standards/template');
    expect(res.status).toBe(200);
    const book = await readXlsx(res.data);
    expect(book.sheets).toEqual(['考核标准', '说明']);
    expect(book.rows('考核标准')[0]!.map((h) => h.replace('*', ''))).toEqual(STANDARD_HEADER);
  });

  it('imports a good file as a new standard', async () => {
    const res = await upload(t, office, '/api/imports/standards', await xlsx(STANDARD_HEADER, good), head);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nodes: 5, veto: 1 });
    const d = await detail(res.body.standardId);
    expect(d).toMatchObject({ code: 'IMP', type: 'civilized', version: 1, totalPoints: 100 });
    const n11 = d.nodes.find((n) => n.code === '1.1')!;
    expect(n11).toMatchObject({
      rule: 'count',
      params: { perOccurrence: 2, cap: 20, allowed: 3 },
      evidence: [
        { title: '保洁记录', periodicity: 'monthly' },
        { title: '年度计划', periodicity: 'yearly' },
      ],
      unitNames: ['城管局', '住建局'],
    });
    expect(d.nodes.find((n) => n.code === '1.2')!.params).toEqual({
      metric: 'satisfaction_rate',
      target: 90,
      zeroAt: 70,
      direction: 'min',
    });
    expect(d.nodes.find((n) => n.code === '3')!.params.sources).toEqual(['hotline', 'citizen']);
    expect(d.nodes.find((n) => n.code === '3')!.params).toMatchObject({
      metric: 'rework_rate',
      direction: 'max',
    });
  });

  it('lists every bad row of a bad file and writes nothing', async () => {
    const before = await rows();
    const bad = [
      ...good,
      ['1.1', '重复编码', '1', null, 1, null, null, null, null, null, null, null, null, null, null],
      ['4', '否决带分', null, null, 5, '一票否决', null, null, null, null, null, null, null, null, null],
      ['5', '未知单位', null, null, 0, '人工评分', null, null, null, null, null, null, null, null, '火星局'],
      ['6', '坏方式', null, null, 0, '随便打分', null, null, null, null, null, null, null, '资料|每周', null],
    ];
    const res = await upload(t, office, '/api/imports/standards', await xlsx(STANDARD_HEADER, bad), head);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_INVALID');
    const issues = res.body.error.details.rows as { row: number; column: string; message: string }[];
    const at = (row: number) => issues.filter((i) => i.row === row).map((i) => i.column);
    expect(at(7)).toContain('编码'); // duplicate 1.1
    expect(at(8)).toContain('分值'); // veto with points
    expect(at(9)).toEqual(['责任单位']);
    expect(at(10)).toEqual(expect.arrayContaining(['评分方式', '必备资料']));
    // 1 is now over: 30 + 30 + 1 > 60
    expect(issues.some((i) => i.row === 2 && i.column === '分值')).toBe(true);
    expect(await rows()).toEqual(before);
  });

  it('reports a child over its parent and missing columns', async () => {
    const before = await rows();
    const over = await upload(
      t,
      office,
      '/api/imports/standards',
      await xlsx(STANDARD_HEADER, [
        good[0]!,
        ['1.1', '超分', '1', null, 70, null, null, null, null, null, null, null, null, null, null],
      ]),
      head,
    );
    expect(over.status).toBe(422);
    expect(over.body.error.details.rows).toEqual([
      expect.objectContaining({ row: 2, column: '分值', message: expect.stringContaining('超过本项分值') }),
    ]);
    const missing = await upload(
      t,
      office,
      '/api/imports/standards',
      await xlsx(['编码', '名称'], [['1', '只有两列']]),
      head,
    );
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.rows.map((r: { column: string }) => r.column)).toEqual([
      '上级编码',
      '分值',
      '评分方式',
    ]);
    const noFields = await upload(t, office, '/api/imports/standards', await xlsx(STANDARD_HEADER, good), {
      code: 'x y',
    });
    expect(noFields.status).toBe(400);
    expect(noFields.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['code', 'name', 'type']),
    );
    expect(await rows()).toEqual(before);
  });

  it('exports a standard that re-imports to the same tree (a new version)', async () => {
    await t.call('POST', '/api/standards/samples', { session: office });
    const list = (await t.call('GET', '/api/standards?q=SAMPLE-COUNTY', { session: office })).body.items;
    const original = await detail(list[0].id);
    const file = await download(t, office, `/api/standards/${original.id}/export`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('standard-SAMPLE-COUNTY-v1.xlsx');
    const res = await upload(t, office, '/api/imports/standards', file.data, {
      code: original.code,
      name: '县城细则（本地版）',
      type: original.type,
      totalPoints: original.totalPoints,
      passScore: original.passScore,
      basicScore: original.basicScore,
    });
    expect(res.status).toBe(200);
    const copy = await detail(res.body.standardId);
    expect(copy.version).toBe(2);
    expect(copy.sample).toBe(false);
    expect(meaning(copy)).toEqual(meaning(original));
  });
});
