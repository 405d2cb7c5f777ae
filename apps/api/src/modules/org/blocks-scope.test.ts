import { and, asc, count, eq, inArray, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { upload, xlsx } from '../../../test/xlsx';
import { auditLog, blocks, grids, regions, units } from '../../db/schema/index';
import { newId } from '../../platform/ids';

// 责任区块 scope: a block lies where its current grids lie (no grids: where its lead unit lies). A
// district office reads a block when any of it lies in its district and writes it only when all of it
// does; every grid a write assigns must lie in its district. City-wide offices are unchanged.

let t: TestApp;
let cityId: string;
let office: Session;
let officeA: Session;
let officeB: Session;
let stranger: Session;
let gridsA: string[];
let gridsB: string[];
let deptId: string;
let unitA: string;
let unitB: string;
const ids: { a: string; b: string; ab: string } = { a: '', b: '', ab: '' };

const codesOf = async (blockId: string) =>
  (
    await t.db
      .select({ code: grids.code })
      .from(grids)
      .where(and(eq(grids.blockId, blockId), isNull(grids.validTo)))
      .orderBy(asc(grids.code))
  ).map((g) => g.code);
const auditRows = async () => Number((await t.db.select({ n: count() }).from(auditLog))[0]!.n);
const blockRows = async () => Number((await t.db.select({ n: count() }).from(blocks))[0]!.n);

async function newBlock(s: Session, code: string, gridCodes: string[], leadUnitId = deptId) {
  return t.call('POST', '/api/blocks', {
    session: s,
    body: { code, name: `区块${code}`, leadUnitId, gridCodes },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const demo = await withDemoCity(t, 60);
  cityId = demo.cityId;
  const [a, b] = demo.districts
    .filter((d) => d.cityId === cityId)
    .sort((x, y) => x.code.localeCompare(y.code));
  const gridsUnder = async (path: string) =>
    (
      await t.db
        .select({ code: grids.code })
        .from(grids)
        .innerJoin(regions, eq(regions.id, grids.communityId))
        .where(and(isNull(grids.validTo), like(regions.path, `${path}%`)))
        .orderBy(asc(grids.code))
    ).map((g) => g.code);
  gridsA = await gridsUnder(a!.path);
  gridsB = await gridsUnder(b!.path);
  expect(gridsA.length).toBeGreaterThanOrEqual(6);
  expect(gridsB.length).toBeGreaterThanOrEqual(6);
  const unitUnder = async (path: string) =>
    (
      await t.db
        .select({ id: units.id })
        .from(units)
        .innerJoin(regions, eq(regions.id, units.regionId))
        .where(like(regions.path, `${path}%`))
        .limit(1)
    )[0]!.id;
  unitA = await unitUnder(a!.path);
  unitB = await unitUnder(b!.path);
  deptId = (await t.db.select().from(units).where(eq(units.kind, 'department')).limit(1))[0]!.id;

  const otherCity = newId();
  await t.db.insert(regions).values({
    id: otherCity,
    cityId: otherCity,
    parentId: null,
    code: '999600',
    name: '他市',
    level: 'city',
    path: `/${otherCity}/`,
  });
  office = await t.login('office');
  officeA = await userSession(t, 'blk-office-a', 'office', { regionId: a!.id });
  officeB = await userSession(t, 'blk-office-b', 'office', { regionId: b!.id });
  stranger = await userSession(t, 'blk-office-x', 'office', { regionId: otherCity });

  // The city office lays out three blocks: wholly in A, wholly in B, and one spanning A and B.
  for (const [key, code, codes] of [
    ['a', 'SCOPE-A', gridsA.slice(0, 2)],
    ['b', 'SCOPE-B', gridsB.slice(0, 3)],
    ['ab', 'SCOPE-AB', [...gridsA.slice(2, 4), ...gridsB.slice(3, 5)]],
  ] as const) {
    const r = await newBlock(office, code, [...codes]);
    expect(r.status).toBe(201);
    ids[key] = r.body.id;
  }
});
afterAll(() => t.close());

describe('reading blocks', () => {
  it('a district office lists and opens blocks lying (partly) in its district, not the others', async () => {
    const listA = await t.call('GET', '/api/blocks?pageSize=200&q=SCOPE', { session: officeA });
    expect(listA.status).toBe(200);
    expect(listA.body.items.map((b: { id: string }) => b.id).sort()).toEqual([ids.a, ids.ab].sort());
    expect(listA.body.total).toBe(2);
    expect((await t.call('GET', `/api/blocks/${ids.a}`, { session: officeA })).status).toBe(200);
    expect((await t.call('GET', `/api/blocks/${ids.ab}`, { session: officeA })).status).toBe(200);
    const other = await t.call('GET', `/api/blocks/${ids.b}`, { session: officeA });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN_SCOPE');

    // The spanning block is readable by both districts.
    const listB = await t.call('GET', '/api/blocks?pageSize=200&q=SCOPE', { session: officeB });
    expect(listB.body.items.map((b: { id: string }) => b.id).sort()).toEqual([ids.b, ids.ab].sort());
    // The city office sees all three; a user of another city none of them.
    const all = await t.call('GET', '/api/blocks?pageSize=200&q=SCOPE', { session: office });
    expect(all.body.total).toBe(3);
    const list = await t.call('GET', '/api/blocks?pageSize=200', { session: stranger });
    expect(list.body.total).toBe(0);
    for (const id of Object.values(ids))
      expect((await t.call('GET', `/api/blocks/${id}`, { session: stranger })).status).toBe(403);
  });
});

describe('writing blocks', () => {
  it('district A cannot rename, empty or delete a block of district B: 403, nothing written', async () => {
    const audit = await auditRows();
    for (const r of [
      await t.call('PATCH', `/api/blocks/${ids.b}`, { session: officeA, body: { name: '改名' } }),
      await t.call('PATCH', `/api/blocks/${ids.b}`, { session: officeA, body: { gridCodes: [] } }),
      await t.call('DELETE', `/api/blocks/${ids.b}`, { session: officeA }),
      await t.call('PATCH', `/api/blocks/${ids.b}`, { session: stranger, body: { gridCodes: [] } }),
      await t.call('DELETE', `/api/blocks/${ids.b}`, { session: stranger }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN_SCOPE');
    }
    expect(await codesOf(ids.b)).toEqual(gridsB.slice(0, 3));
    expect((await t.db.select().from(blocks).where(eq(blocks.id, ids.b)))[0]?.name).toBe('区块SCOPE-B');
    expect(await auditRows()).toBe(audit);
  });

  it('a block spanning A and B is writable by neither district office, only by the city', async () => {
    const audit = await auditRows();
    for (const s of [officeA, officeB]) {
      const patch = await t.call('PATCH', `/api/blocks/${ids.ab}`, { session: s, body: { name: 'x' } });
      expect(patch.status).toBe(403);
      expect(patch.body.error.message).toMatch(/管辖/);
      expect((await t.call('DELETE', `/api/blocks/${ids.ab}`, { session: s })).status).toBe(403);
    }
    expect(await codesOf(ids.ab)).toEqual([...gridsA.slice(2, 4), ...gridsB.slice(3, 5)].sort());
    expect(await auditRows()).toBe(audit);
    const ok = await t.call('PATCH', `/api/blocks/${ids.ab}`, { session: office, body: { note: '跨区' } });
    expect(ok.status).toBe(200);
  });

  it('a grid of district B cannot be pulled into a block of A (update or create): 403 naming it, nothing written', async () => {
    const audit = await auditRows();
    const blocksBefore = await blockRows();
    const patch = await t.call('PATCH', `/api/blocks/${ids.a}`, {
      session: officeA,
      body: { gridCodes: [gridsA[0]!, gridsB[0]!] },
    });
    expect(patch.status).toBe(403);
    expect(patch.body.error.code).toBe('FORBIDDEN_SCOPE');
    expect(patch.body.error.details.gridCodes).toEqual([gridsB[0]]);
    expect(patch.body.error.details.fields[0].field).toBe('gridCodes');
    expect(patch.body.error.message).toContain(gridsB[0]);
    const created = await newBlock(officeA, 'SCOPE-A2', [gridsA[4]!, gridsB[5]!]);
    expect(created.status).toBe(403);
    expect(created.body.error.details.gridCodes).toEqual([gridsB[5]]);
    expect(await codesOf(ids.a)).toEqual(gridsA.slice(0, 2));
    expect(await codesOf(ids.b)).toEqual(gridsB.slice(0, 3));
    expect(await blockRows()).toBe(blocksBefore);
    expect(await auditRows()).toBe(audit);

    // District A runs its own blocks: create, set grids, rename, delete.
    const mine = await newBlock(officeA, 'SCOPE-A5', [gridsA[4]!]);
    expect(mine.status).toBe(201);
    const id = mine.body.id as string;
    const renamed = await t.call('PATCH', `/api/blocks/${id}`, {
      session: officeA,
      body: { name: '甲区五号区块', gridCodes: [gridsA[4]!, gridsA[5]!] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.gridCount).toBe(2);
    expect((await t.call('DELETE', `/api/blocks/${id}`, { session: officeA })).status).toBe(200);
    const left = await t.db
      .select({ n: count() })
      .from(grids)
      .where(and(eq(grids.blockId, id), inArray(grids.code, [gridsA[4]!, gridsA[5]!])));
    expect(Number(left[0]!.n)).toBe(0);
  });

  it('a block without grids lies with its lead unit: district A may not create one led from B', async () => {
    const refused = await newBlock(officeA, 'SCOPE-A3', [], unitB);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.fields[0].field).toBe('leadUnitId');
    const ok = await newBlock(officeA, 'SCOPE-A4', [], unitA);
    expect(ok.status).toBe(201);
    expect((await t.call('GET', `/api/blocks/${ok.body.id}`, { session: officeA })).status).toBe(200);
    expect((await t.call('GET', `/api/blocks/${ok.body.id}`, { session: officeB })).status).toBe(403);
  });
});

describe('putting a grid into a block', () => {
  it('district A cannot put its own grid into a block of district B by editing the grid; into its own, yes', async () => {
    const code = gridsA.at(-1)!;
    const [g] = await t.db
      .select()
      .from(grids)
      .where(and(eq(grids.code, code), isNull(grids.validTo)));
    const before = await auditRows();
    const refused = await t.call('PATCH', `/api/grids/${g!.id}`, {
      session: officeA,
      body: { blockId: ids.b },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN_SCOPE');
    expect(refused.body.error.details.fields[0].field).toBe('blockId');
    expect(await codesOf(ids.b)).not.toContain(code);
    expect(await auditRows()).toBe(before);
    // the spanning block is not wholly A's either
    const spanning = await t.call('PATCH', `/api/grids/${g!.id}`, {
      session: officeA,
      body: { blockId: ids.ab },
    });
    expect(spanning.status).toBe(403);
    const own = await t.call('PATCH', `/api/grids/${g!.id}`, { session: officeA, body: { blockId: ids.a } });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(await codesOf(ids.a)).toContain(code);
  });
});

describe('putting grids into blocks by import', () => {
  it('a grid attributes import naming a block of district B is refused row by row for district A, nothing written', async () => {
    const code = gridsA.at(-2)!;
    const [g] = await t.db
      .select()
      .from(grids)
      .where(and(eq(grids.code, code), isNull(grids.validTo)));
    const header = ['网格编码*', '责任区块编码'];
    const before = await auditRows();
    const refused = await upload(
      t,
      officeA,
      '/api/imports/grids',
      await xlsx(header, [[code, 'SCOPE-B']]),
      {},
      'g.xlsx',
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.rows.map((r: { column: string }) => r.column)).toEqual([
      '责任区块编码',
    ]);
    const [after] = await t.db.select().from(grids).where(eq(grids.id, g!.id));
    expect(after!.blockId).toBe(g!.blockId);
    expect(await auditRows()).toBe(before);
    const ok = await upload(
      t,
      officeA,
      '/api/imports/grids',
      await xlsx(header, [[code, 'SCOPE-A']]),
      {},
      'g.xlsx',
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await codesOf(ids.a)).toContain(code);
  });
});
