import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { userSession, withDemoCity } from '../../../../test/fixtures';
import { download, readXlsx, upload, xlsx } from '../../../../test/io-helpers';
import { auditLog, grids, gridUnits, people, regions, units } from '../../../db/schema/index';

let t: TestApp;
let office: Session;
const UNIT_HEADER = [
  '单位编码*',
  '单位名称*',
  '单位类型*',
  '上级单位编码',
  '所属区划编码',
  '联系人',
  '联系电话',
  '地址',
];
const countOf = async (table: typeof units | typeof people) =>
  Number((await t.db.select({ n: count() }).from(table))[0]!.n);
const unitFile = async (rows: (string | null)[][]) => ({
  name: '单位.xlsx',
  data: await xlsx(UNIT_HEADER, rows, '单位'),
});

beforeAll(async () => {
  t = await createTestApp();
  await withDemoCity(t, 50);
  office = await t.login('office');
});
afterAll(() => t.close());

describe('templates', () => {
  it('downloads an xlsx with Chinese headers (required marked *), drop-downs and a 说明 sheet', async () => {
    const r = await download(t, office, '/api/imports/units/template');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('单位导入模板.xlsx')}`,
    );
    const book = await readXlsx(r.data);
    expect(book.sheets).toEqual(['单位', '说明']);
    const [header, example] = book.rows('单位');
    expect(header).toEqual(UNIT_HEADER);
    expect(example?.[2]).toBe('职能部门');
    const validation = book.wb.getWorksheet('单位')!.getCell('C100').dataValidation;
    expect(validation?.formulae?.[0]).toContain('职能部门,街道/乡镇,社区/村,其他');
  });

  it('reads back its own template (required markers, drop-downs, example row)', async () => {
    const tpl = await download(t, office, '/api/imports/units/template');
    const r = await upload(t, office, '/api/imports/units?dryRun=true', { name: 'tpl.xlsx', data: tpl.data });
    expect(r.body).toEqual({ kind: 'units', dryRun: true, total: 1, created: 1, updated: 0, warnings: [] });
  });

  it('has people and grid templates too', async () => {
    const p = await readXlsx((await download(t, office, '/api/imports/people/template')).data);
    expect(p.rows('人员')[0]).toEqual(['姓名*', '所属单位编码*', '职务', '手机号码', '职责']);
    const g = await readXlsx((await download(t, office, '/api/imports/grids/template')).data);
    expect(g.rows('网格')[0]).toEqual([
      '网格编码*',
      '网格名称',
      '责任区块编码',
      '牵头单位编码',
      '成员单位编码',
    ]);
  });
});

describe('units import', () => {
  it('lists every bad row with row number, column and reason, and writes nothing', async () => {
    const before = await countOf(units);
    const r = await upload(
      t,
      office,
      '/api/imports/units',
      await unitFile([
        ['X01', null, '职能部门'],
        ['X02', '二号单位', '不存在的类型'],
        ['X03', '三号单位', '其他', 'NOPE'],
        ['X04', '四号单位', '其他'],
      ]),
    );
    expect(r.status).toBe(422);
    expect(r.body.error?.code).toBe('IMPORT_INVALID');
    expect(r.body.error?.details?.rows).toEqual([
      { row: 2, column: '单位名称', message: '单位名称不能为空' },
      { row: 3, column: '单位类型', message: expect.stringContaining('不存在的类型') },
      { row: 4, column: '上级单位编码', message: expect.stringContaining('NOPE') },
    ]);
    expect(await countOf(units)).toBe(before);
  });

  it('reports missing required columns once on row 1, and duplicate codes inside the file', async () => {
    const noKind = await upload(t, office, '/api/imports/units', {
      name: 'u.xlsx',
      data: await xlsx(['单位编码', '单位名称'], [['Y1', 'y']]),
    });
    expect(noKind.body.error?.details?.rows).toEqual([
      { row: 1, column: '单位类型', message: '缺少必填列「单位类型」' },
    ]);
    const dup = await upload(
      t,
      office,
      '/api/imports/units',
      await unitFile([
        ['Y1', 'a', '其他'],
        ['Y1', 'b', '其他'],
      ]),
    );
    expect(dup.body.error?.details?.rows).toEqual([
      { row: 3, column: '单位编码', message: '单位编码 Y1 与第 2 行重复' },
    ]);
  });

  it('creates units (parents may be rows of the same file), then updates them on re-import', async () => {
    const rows = [
      ['T02', '测试科', '其他', 'T01', '990102'],
      ['T01', '测试局', '职能部门', null, null, '李四', '0755-1234567', '人民路 1 号'],
      ['T03', '测试社区', '社区', 'D01', '990102001001'],
    ];
    const first = await upload(t, office, '/api/imports/units', await unitFile(rows));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({
      kind: 'units',
      dryRun: false,
      total: 3,
      created: 3,
      updated: 0,
      warnings: [],
    });
    const [t01] = await t.db.select().from(units).where(eq(units.code, 'T01'));
    const [t02] = await t.db.select().from(units).where(eq(units.code, 'T02'));
    const [district] = await t.db.select().from(regions).where(eq(regions.code, '990102'));
    expect(t02).toMatchObject({ parentId: t01!.id, regionId: district!.id, kind: 'other' });
    expect(t01).toMatchObject({ contactPhone: '0755-1234567', kind: 'department' });

    rows[1]![1] = '测试局（更名）';
    const again = await upload(t, office, '/api/imports/units', await unitFile(rows));
    expect(again.body).toEqual({
      kind: 'units',
      dryRun: false,
      total: 3,
      created: 0,
      updated: 3,
      warnings: [],
    });
    const [renamed] = await t.db.select().from(units).where(eq(units.code, 'T01'));
    expect(renamed).toMatchObject({ id: t01!.id, name: '测试局（更名）' });

    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'import'), eq(auditLog.entityType, 'units')));
    expect(audits).toHaveLength(2);
    expect(audits[0]!.after).toEqual({ total: 3, created: 3, updated: 0, file: '单位.xlsx' });
  });

  it('dry run validates and counts but writes nothing', async () => {
    const before = await countOf(units);
    const r = await upload(
      t,
      office,
      '/api/imports/units?dryRun=true',
      await unitFile([['DRY1', '试导入单位', '其他']]),
    );
    expect(r.body).toEqual({ kind: 'units', dryRun: true, total: 1, created: 1, updated: 0, warnings: [] });
    expect(await countOf(units)).toBe(before);
  });

  it('keeps a region-scoped office inside its subtree', async () => {
    const ds = await t.db.select().from(regions).where(eq(regions.level, 'district')).orderBy(regions.code);
    const scoped = await userSession(t, 'office_east', 'office', { regionId: ds[0]!.id });
    const r = await upload(
      t,
      scoped,
      '/api/imports/units',
      await unitFile([
        ['S1', '外区单位', '其他', null, ds[1]!.code],
        ['S2', '无区划单位', '其他'],
        ['D01', '城管局', '职能部门'],
      ]),
    );
    expect(r.body.error?.details?.rows?.map((x) => [x.row, x.column])).toEqual([
      [2, '所属区划编码'],
      [3, '所属区划编码'],
      [4, '单位编码'],
    ]);
  });
});

describe('people import', () => {
  const header = ['姓名*', '所属单位编码*', '职务', '手机号码', '职责'];
  it('rejects unknown units and duty labels, then inserts and updates by (unit, name)', async () => {
    const bad = await upload(t, office, '/api/imports/people', {
      name: 'p.xlsx',
      data: await xlsx(header, [
        ['王五', 'NOPE', null, '12345', '联络员'],
        ['赵六', 'D01', null, null, '打杂'],
      ]),
    });
    expect(bad.body.error?.details?.rows?.map((x) => [x.row, x.column])).toEqual([
      [2, '所属单位编码'],
      [2, '手机号码'],
      [3, '职责'],
    ]);
    const rows = [
      ['王五', 'D01', '科员', '13800138000', '联络员、网格员'],
      ['赵六', 'D01', null, null, null],
    ];
    const ok = await upload(t, office, '/api/imports/people', {
      name: 'p.xlsx',
      data: await xlsx(header, rows),
    });
    expect(ok.body).toMatchObject({ created: 2, updated: 0, warnings: [] });
    rows[0]![2] = '科长';
    const again = await upload(t, office, '/api/imports/people', {
      name: 'p.xlsx',
      data: await xlsx(header, rows),
    });
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
    const wang = await t.db.select().from(people).where(eq(people.name, '王五'));
    expect(wang).toHaveLength(1);
    expect(wang[0]).toMatchObject({
      title: '科长',
      phone: '13800138000',
      duties: ['contact', 'grid_worker'],
    });
  });
});

describe('grid attributes import', () => {
  it('updates name, lead unit and member units of current grids by code', async () => {
    const [g] = await t.db.select().from(grids).where(isNull(grids.validTo)).orderBy(grids.code).limit(1);
    const header = ['网格编码*', '网格名称', '牵头单位编码', '成员单位编码'];
    const bad = await upload(t, office, '/api/imports/grids', {
      name: 'g.xlsx',
      data: await xlsx(header, [['99999999999999', null, 'NOPE', 'D02,NOPE2']]),
    });
    expect(bad.body.error?.details?.rows?.map((x) => x.column)).toEqual([
      '网格编码',
      '牵头单位编码',
      '成员单位编码',
    ]);
    const ok = await upload(t, office, '/api/imports/grids', {
      name: 'g.xlsx',
      data: await xlsx(header, [[g!.code, '新名称网格', 'D02', 'D03、D04']]),
    });
    expect(ok.body).toMatchObject({ created: 0, updated: 1 });
    const [after] = await t.db.select().from(grids).where(eq(grids.id, g!.id));
    const [d02] = await t.db.select().from(units).where(eq(units.code, 'D02'));
    expect(after).toMatchObject({ name: '新名称网格', leadUnitId: d02!.id, blockId: g!.blockId });
    expect(await t.db.select().from(gridUnits).where(eq(gridUnits.gridId, g!.id))).toHaveLength(2);
  });
});

describe('OpenAPI', () => {
  it('documents the upload as multipart and the downloads as xlsx', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/imports/{kind}'].post.requestBody.content)).toEqual([
      'multipart/form-data',
    ]);
    expect(Object.keys(doc.paths['/api/exports/units.xlsx'].get.responses['200'].content)[0]).toContain(
      'spreadsheetml',
    );
  });
});

describe('bad uploads and access', () => {
  it('answers a non-xlsx file with a clear 400, not a stack trace', async () => {
    const r = await upload(t, office, '/api/imports/units', {
      name: 'units.csv',
      data: '单位编码,单位名称\nA,B\n',
    });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toContain('不是有效的 Excel 工作簿');
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.js|node_modules/);
  });

  it('requires a file field', async () => {
    const r = await t.call('POST', '/api/imports/units', { session: office, body: {} });
    expect(r.status).toBe(400);
  });

  it('is closed to anonymous callers (401) and grid workers (403)', async () => {
    const file = await unitFile([['Z1', 'z', '其他']]);
    expect((await upload(t, null, '/api/imports/units', file)).status).toBe(401);
    const grid = await t.login('grid');
    expect((await upload(t, grid, '/api/imports/units', file)).status).toBe(403);
    expect((await download(t, grid, '/api/imports/units/template')).status).toBe(403);
  });

  it('refuses an upload over UPLOAD_LIMIT_MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const small = await createTestApp({ UPLOAD_LIMIT_MB: '1' });
    try {
      await small.services.auth.ensureAdmin('Test@12345');
      const admin = await small.login('admin');
      const r = await upload(small, admin, '/api/imports/units', {
        name: 'big.xlsx',
        data: new Uint8Array(1_500_000),
      });
      expect(r.status).toBe(413);
      expect(r.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});
