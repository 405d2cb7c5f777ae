import type { CatalogVersion, Category } from '@chuangcheng/contracts';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/app';
import { auditLog, categories } from '../../db/schema/index';
import {
  CATALOG_HEADER,
  type CatalogTestApp,
  createCatalogTestApp,
  readXlsx,
  xlsx,
} from './catalog.test-helpers';

let c: CatalogTestApp;
let office: Session;

beforeAll(async () => {
  c = await createCatalogTestApp(50);
  office = await c.t.login('office');
});
afterAll(() => c.t.close());

const versions = async () => (await c.call('GET', '/api/catalog/versions', office)).body as CatalogVersion[];
const list = async () => (await c.call('GET', '/api/catalog/categories', office)).body as Category[];
const categoryRows = async () => Number((await c.t.db.select({ n: count() }).from(categories))[0]!.n);
/** What a catalogue means, ids aside: kind, code, name, level, department, severity, conditions. */
const meaning = (cs: Category[]) =>
  cs
    .map((x) =>
      JSON.stringify([
        x.kind,
        x.code,
        x.name,
        x.level,
        x.department?.name ?? null,
        x.severity,
        x.disabled,
        x.conditions.map((k) => [k.text, k.timeLimit, k.closingCondition]),
      ]),
    )
    .sort();

const good = [
  [
    '事件',
    '01',
    '市容环境',
    '0101',
    '暴露垃圾',
    '',
    '',
    '城管局',
    '较重',
    '公共区域有暴露垃圾',
    2,
    '工作时',
    '清理干净',
  ],
  [
    '事件',
    '01',
    '市容环境',
    '0101',
    '暴露垃圾',
    '',
    '',
    '城管局',
    '较重',
    '垃圾堆积超过1立方米',
    1,
    '工作日',
    '清运完毕',
  ],
  [
    '事件',
    '01',
    '市容环境',
    '0102',
    '乱贴乱画',
    '010201',
    '小广告',
    '市场监管局',
    '一般',
    '张贴小广告',
    4,
    '工作时',
    '清除',
  ],
  [
    '部件',
    '01',
    '公用设施',
    '0101',
    '上水井盖',
    '',
    '',
    '水务集团',
    '严重',
    '井盖缺失',
    2,
    '紧急工作时',
    '恢复',
  ],
  ['部件', '02', '道路交通', '', '', '', '', '', '', '', '', '', ''],
];

describe('template', () => {
  it('has the columns (required marked *), drop-downs, a 说明 sheet, and its examples import', async () => {
    const r = await c.download(office, '/api/imports/catalog/template');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('问题分类导入模板.xlsx'));
    const book = await readXlsx(r.data);
    expect(book.sheets).toEqual(['问题分类', '说明']);
    const header = book.rows('问题分类')[0]!;
    expect(header.slice(0, 3)).toEqual(['类型*', '大类编码*', '大类名称*']);
    expect(header.map((h) => h.replace('*', '')).slice(0, 13)).toEqual(CATALOG_HEADER);
    const unit = book.wb.getWorksheet('问题分类')!.getCell('L50').dataValidation;
    expect(unit?.formulae?.[0]).toContain('紧急工作时,工作时,工作日,自然日');
    const dry = await c.upload(office, '/api/imports/catalog?dryRun=true', {
      name: 'tpl.xlsx',
      data: r.data,
    });
    expect(dry.body).toEqual({
      kind: 'catalog',
      dryRun: true,
      total: 2,
      created: 2,
      updated: 0,
      versionId: null,
      version: null,
    });
    expect(await versions()).toHaveLength(1);
  });
});

describe('import', () => {
  it('a good file becomes version 2, active, in one audited transaction', async () => {
    const r = await c.upload(office, '/api/imports/catalog', {
      name: '新目录.xlsx',
      data: await xlsx(CATALOG_HEADER, good),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'catalog', dryRun: false, total: 5, created: 7, version: 2 });
    const vs = await versions();
    expect(vs.map((v) => [v.version, v.active, v.categoryCount])).toEqual([
      [2, true, 7],
      [1, false, expect.any(Number)],
    ]);
    expect(vs[0]!.note).toBe('Excel 导入 新目录.xlsx');
    const cs = await list();
    expect(cs.map((x) => `${x.kind}:${x.code}`)).toEqual([
      'component:01',
      'component:0101',
      'component:02',
      'event:01',
      'event:0101',
      'event:0102',
      'event:010201',
    ]);
    const garbage = cs.find((x) => x.code === '0101' && x.kind === 'event')!;
    expect(garbage.department?.name).toBe('城管局');
    expect(garbage.conditions.map((k) => k.timeLimit)).toEqual([
      { value: 2, unit: 'work_hours' },
      { value: 1, unit: 'work_days' },
    ]);
    expect(cs.find((x) => x.code === '010201')!.path).toBe('事件 / 市容环境 / 乱贴乱画 / 小广告');
    const audits = await c.t.db.select().from(auditLog).where(eq(auditLog.entityType, 'catalog'));
    expect(audits).toHaveLength(1);
  });

  it('a bad file lists every bad row (行/列/原因) and writes nothing', async () => {
    const before = await categoryRows();
    const bad = [
      ...good.slice(0, 2),
      ['事件', '01', '市容卫生', '0103', '占道', '', '', '城管局', '', '占道经营', 2, '工作时', '清除'],
      ['事件', '01', '市容环境', '0201', '错位', '', '', '城管局', '', '条件', 2, '工作时', '清除'],
      ['事件', '01', '市容环境', '0104', '时限', '', '', '城管局', '', '条件', 0, '工作时', '清除'],
      ['事件', '01', '市容环境', '0105', '单位', '', '', '城管局', '', '条件', 2, '小时', '清除'],
      ['事件', '01', '市容环境', '0106', '部门', '', '', '不存在局', '', '条件', 2, '工作时', '清除'],
      ['其他', '01', '市容环境', '0107', '类型', '', '', '', '', '', '', '', ''],
      ['事件', '01', '市容环境', '0101', '暴露垃圾', '', '', '住建局', '较重', '另一条', 2, '工作时', '清理'],
    ];
    const r = await c.upload(office, '/api/imports/catalog', {
      name: 'bad.xlsx',
      data: await xlsx(CATALOG_HEADER, bad),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    const rows = r.body.error.details.rows as { row: number; column: string; message: string }[];
    expect(rows.map((x) => [x.row, x.column])).toEqual([
      [4, '大类名称'],
      [5, '小类编码'],
      [6, '处置时限'],
      [7, '时限单位'],
      [8, '主管部门'],
      [9, '类型'],
      [10, '主管部门'],
    ]);
    expect(rows[0]!.message).toContain('市容环境');
    expect(rows[1]!.message).toContain('须以大类编码「01」开头');
    expect(rows[3]!.message).toContain('紧急工作时/工作时/工作日/自然日');
    expect(rows[4]!.message).toContain('不存在局');
    expect(await categoryRows()).toBe(before);
    expect((await versions())[0]!.version).toBe(2);
  });

  it('reports missing columns once, and a file that is not a workbook as a field error', async () => {
    const r = await c.upload(office, '/api/imports/catalog', {
      name: 'cols.xlsx',
      data: await xlsx(CATALOG_HEADER.slice(0, 9), [good[0]!.slice(0, 9)]),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details.rows).toEqual([
      { row: 1, column: '立案条件', message: '缺少列「立案条件」' },
      { row: 1, column: '处置时限', message: '缺少列「处置时限」' },
      { row: 1, column: '时限单位', message: '缺少列「时限单位」' },
      { row: 1, column: '结案条件', message: '缺少列「结案条件」' },
    ]);
    const junk = await c.upload(office, '/api/imports/catalog', {
      name: 'x.xlsx',
      data: new TextEncoder().encode('no'),
    });
    expect(junk.status).toBe(400);
    expect(junk.body.error.details.fields[0].field).toBe('file');
  });
});

describe('export and versions', () => {
  it('an export of the default catalogue re-imports to the same catalogue', async () => {
    const v1 = (await versions()).find((v) => v.version === 1)!;
    const act = await c.call('POST', `/api/catalog/versions/${v1.id}/activate`, office);
    expect(act.body).toMatchObject({ version: 1, active: true });
    const original = await list();
    const file = await c.download(office, '/api/exports/catalog.xlsx');
    expect(file.status).toBe(200);
    const book = await readXlsx(file.data);
    expect(book.rows()[0]).toEqual([...CATALOG_HEADER, '停用']);
    const r = await c.upload(office, '/api/imports/catalog', { name: 'export.xlsx', data: file.data });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(3);
    expect(r.body.created).toBe(original.length);
    expect(meaning(await list())).toEqual(meaning(original));
  });

  it('keeps one active version per city; an unknown version is 404; only office/admin activate', async () => {
    const vs = await versions();
    expect(vs.filter((v) => v.active)).toHaveLength(1);
    const two = vs.find((v) => v.version === 2)!;
    expect((await c.call('POST', `/api/catalog/versions/${two.id}/activate`, office)).status).toBe(200);
    expect((await versions()).filter((v) => v.active).map((v) => v.version)).toEqual([2]);
    expect((await list()).length).toBe(7);
    const none = await c.call(
      'POST',
      '/api/catalog/versions/00000000-0000-4000-8000-000000000000/activate',
      office,
    );
    expect(none.status).toBe(404);
    const leader = await c.t.login('leader');
    expect((await c.call('GET', '/api/catalog/versions', leader)).status).toBe(200);
    expect((await c.call('POST', `/api/catalog/versions/${two.id}/activate`, leader)).status).toBe(403);
  });
});
