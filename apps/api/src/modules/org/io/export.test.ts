import { count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { withDemoCity } from '../../../../test/fixtures';
import { download, readXlsx, upload } from '../../../../test/io-helpers';
import { grids, people, units } from '../../../db/schema/index';

let t: TestApp;
let office: Session;
const total = async (q: Promise<{ n: number }[]>) => Number((await q)[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  await withDemoCity(t, 50);
  office = await t.login('office');
});
afterAll(() => t.close());

/** Exports as `session`, re-imports the file as the office and expects every row to update, none to be created. */
async function roundTrip(entity: 'units' | 'people' | 'grids', expected: number) {
  const file = await download(t, office, `/api/exports/${entity}.xlsx`);
  expect(file.status).toBe(200);
  const r = await upload(t, office, `/api/imports/${entity}`, { name: `${entity}.xlsx`, data: file.data });
  expect(r.status, JSON.stringify(r.body).slice(0, 800)).toBe(200);
  expect(r.body).toMatchObject({ total: expected, created: 0, updated: expected });
}

describe('exports', () => {
  it('writes Chinese headers, a frozen header row and a dated UTF-8 file name', async () => {
    const r = await download(t, office, '/api/exports/units.xlsx');
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="units-20261123.xlsx"; filename*=UTF-8''${encodeURIComponent('单位-20261123.xlsx')}`,
    );
    const book = await readXlsx(r.data);
    const ws = book.wb.getWorksheet('单位')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(book.rows()[0]).toEqual([
      '单位编码',
      '单位名称',
      '单位类型',
      '上级单位编码',
      '上级单位名称',
      '所属区划编码',
      '所属区划名称',
      '联系人',
      '联系电话',
      '地址',
    ]);
    expect(book.rows().length - 1).toBe(await total(t.db.select({ n: count() }).from(units)));
  });

  it('applies the list filters', async () => {
    const r = await download(t, office, '/api/exports/units.xlsx?kind=department');
    const kinds = new Set(
      (await readXlsx(r.data))
        .rows()
        .slice(1)
        .map((row) => row[2]),
    );
    expect([...kinds]).toEqual(['职能部门']);
  });

  it('masks phones exactly as the people list does', async () => {
    const leader = await t.login('leader');
    const [listed] = (await t.call('GET', '/api/people?pageSize=1', { session: leader })).body.items;
    const rows = (await readXlsx((await download(t, leader, '/api/exports/people.xlsx')).data)).rows();
    const phoneCol = rows[0]!.indexOf('手机号码');
    const exported = rows.find((row) => row[0] === listed.name);
    expect(exported?.[phoneCol]).toBe(listed.phone);
    expect(listed.phone).toContain('****');
  });

  it('exports regions and blocks to readers, users only to admins', async () => {
    expect((await download(t, office, '/api/exports/regions.xlsx')).status).toBe(200);
    const blocks = await readXlsx((await download(t, office, '/api/exports/blocks.xlsx')).data);
    expect(blocks.rows()[0]?.slice(0, 2)).toEqual(['区块编码', '区块名称']);
    expect((await download(t, office, '/api/exports/users.xlsx')).status).toBe(403);
    const admin = await t.login('admin');
    const users = await readXlsx((await download(t, admin, '/api/exports/users.xlsx')).data);
    expect(users.rows().map((r) => r[0])).toContain('office');
  });
});

describe('export → import round trip', () => {
  it('re-imports units unchanged', async () => {
    await roundTrip('units', await total(t.db.select({ n: count() }).from(units)));
  });

  it('re-imports people unchanged', async () => {
    const before = await t.db.select().from(people).orderBy(people.id);
    await roundTrip('people', before.length);
    const after = await t.db.select().from(people).orderBy(people.id);
    expect(after.map(({ updatedAt: _u, ...p }) => p)).toEqual(before.map(({ updatedAt: _u, ...p }) => p));
  });

  it('re-imports grid attributes unchanged', async () => {
    const current = await t.db.select().from(grids).where(isNull(grids.validTo)).orderBy(grids.id);
    await roundTrip('grids', current.length);
    const after = await t.db.select().from(grids).where(isNull(grids.validTo)).orderBy(grids.id);
    const strip = (g: (typeof current)[number]) => ({
      id: g.id,
      name: g.name,
      blockId: g.blockId,
      leadUnitId: g.leadUnitId,
    });
    expect(after.map(strip)).toEqual(current.map(strip));
    const [one] = await t.db.select().from(grids).where(eq(grids.id, current[0]!.id));
    expect(one!.validTo).toBeNull();
  });
});
