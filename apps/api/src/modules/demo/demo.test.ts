import { createHash } from 'node:crypto';
import type { Position } from '@chuangcheng/domain';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db';
import type { Database } from '../../db/client';
import * as schema from '../../db/schema/index';
import { verifyPassword } from '../../platform/password';
import { edgeIndex, gridLocator, isConnected, lcg } from './geometry.test-helpers';
import { type DemoCity, type DemoGrid, generateDemoCity, loadDemoCity } from './index';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const sha = (city: DemoCity) => createHash('sha256').update(JSON.stringify(city)).digest('hex');
const groupBy = <T>(rows: readonly T[], key: (r: T) => string) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

describe('generateDemoCity (default: 2,000 grids)', () => {
  const city = generateDemoCity();
  const byLevel = groupBy(city.regions, (r) => r.level);
  const regionById = new Map(city.regions.map((r) => [r.id, r]));
  const unitById = new Map(city.units.map((u) => [u.id, u]));
  const personById = new Map(city.people.map((p) => [p.id, p]));

  it('has the region tree 示范市 → 3 districts → 12 streets → 60 communities with nested codes', () => {
    expect(city.city).toMatchObject({ code: '990100', name: '示范市', level: 'city', parentId: null });
    expect(byLevel.get('city')).toHaveLength(1);
    expect(byLevel.get('district')!.map((d) => `${d.code}${d.name}`)).toEqual([
      '990102东湖区',
      '990103南山区',
      '990104北城区',
    ]);
    expect(byLevel.get('street')).toHaveLength(12);
    expect(byLevel.get('community')).toHaveLength(60);
    const digits = { city: 6, district: 6, street: 9, community: 12 };
    for (const r of city.regions) {
      expect(r.cityId).toBe(city.city.id);
      expect(r.code).toMatch(new RegExp(`^\\d{${digits[r.level]}}$`));
      expect(r.name).toMatch(
        r.level === 'street' ? /街道$/ : r.level === 'community' ? /(社区|村)$/ : /(市|区)$/,
      );
      const parent = r.parentId ? regionById.get(r.parentId)! : null;
      expect(r.path).toBe(`${parent?.path ?? '/'}${r.id}/`);
      if (parent && r.level !== 'district') expect(r.code.startsWith(parent.code)).toBe(true);
    }
    expect(new Set(city.regions.map((r) => r.code)).size).toBe(city.regions.length);
  });

  it('gives every table UUID ids that are unique across the city, and the city id on every row', () => {
    const ids = [city.regions, city.units, city.people, city.grids, city.blocks, city.users]
      .flat()
      .map((r) => r.id);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rows of [city.units, city.people, city.grids, city.blocks, city.users]) {
      expect(rows.every((r) => r.cityId === city.city.id)).toBe(true);
    }
  });

  it('has at least the requested grids, with GB/T 30428.1 codes under their community code', () => {
    expect(city.grids.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(city.grids.map((g) => g.code)).size).toBe(city.grids.length);
    for (const [communityId, grids] of groupBy(city.grids, (g) => g.communityId)) {
      const community = regionById.get(communityId)!;
      expect(community.level).toBe('community');
      const digits = grids.length <= 99 ? 2 : 3;
      for (const g of grids) {
        expect(g.code).toMatch(new RegExp(`^${community.code}\\d{${digits}}$`));
        expect(Number(g.code.slice(12))).toBeGreaterThan(0);
        expect(g.name).toMatch(new RegExp(`^.+区${community.name}第\\d{${digits}}网格$`));
        expect(g).toMatchObject({ validFrom: '2026-01-01', validTo: null });
      }
    }
    // Every community has grids, so every community has someone patrolling it.
    expect(groupBy(city.grids, (g) => g.communityId).size).toBe(60);
  });

  it('makes grids of about 100 m × 100 m around lng 117.02, lat 36.65', () => {
    const mean = city.grids.reduce((s, g) => s + g.areaM2, 0) / city.grids.length;
    expect(mean).toBeGreaterThan(9500);
    expect(mean).toBeLessThan(10500);
    for (const g of city.grids) {
      expect(g.areaM2).toBeGreaterThan(5000);
      expect(g.areaM2).toBeLessThan(15000);
      expect(g.minLng).toBeGreaterThan(116.9);
      expect(g.maxLng).toBeLessThan(117.14);
      expect(g.minLat).toBeGreaterThan(36.6);
      expect(g.maxLat).toBeLessThan(36.7);
    }
  });

  it('tiles the plane: edges are shared by at most two grids, and points never fall in two grids', () => {
    const edges = edgeIndex(city.grids);
    expect(Math.max(...[...edges.values()].map((l) => l.length))).toBe(2);
    const locate = gridLocator(city.grids);
    // Just either side of every shared edge's midpoint lies exactly one grid: no gap, no overlap.
    for (const [key, pair] of edges) {
      if (pair.length < 2) continue;
      const [a, b] = key.split('|').map((s) => s.split(',').map(Number)) as [Position, Position];
      const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const [nx, ny] = [-(b[1] - a[1]), b[0] - a[0]].map((v) => v * 0.01);
      const sides = [locate([mid[0] + nx!, mid[1] + ny!]), locate([mid[0] - nx!, mid[1] - ny!])];
      expect(sides.map((s) => s.length)).toEqual([1, 1]);
      expect(new Set(sides.flat().map((g) => g.id))).toEqual(new Set(pair.map((g) => g.id)));
    }
    const rand = lcg(7);
    const [minLng, maxLng] = [
      Math.min(...city.grids.map((g) => g.minLng)),
      Math.max(...city.grids.map((g) => g.maxLng)),
    ];
    const [minLat, maxLat] = [
      Math.min(...city.grids.map((g) => g.minLat)),
      Math.max(...city.grids.map((g) => g.maxLat)),
    ];
    for (let i = 0; i < 5000; i++) {
      const p: Position = [minLng + rand() * (maxLng - minLng), minLat + rand() * (maxLat - minLat)];
      expect(locate(p).length).toBeLessThanOrEqual(1);
    }
  });

  it('partitions the grids into contiguous communities, streets and districts', () => {
    const edges = edgeIndex(city.grids);
    const ancestor = (g: DemoGrid, depth: number) => regionById.get(g.communityId)!.path.split('/')[depth]!;
    for (const depth of [2, 3, 4]) {
      for (const grids of groupBy(city.grids, (g) => ancestor(g, depth)).values()) {
        expect(isConnected(grids, edges)).toBe(true);
      }
    }
  });

  it('has 27 contiguous blocks, each led by a different department, covering every grid once', () => {
    expect(city.blocks).toHaveLength(27);
    const leads = city.blocks.map((b) => unitById.get(b.leadUnitId)!);
    expect(leads.every((u) => u.kind === 'department')).toBe(true);
    expect(new Set(leads.map((u) => u.id)).size).toBe(27);
    const blockIds = new Set(city.blocks.map((b) => b.id));
    expect(city.grids.every((g) => g.blockId !== null && blockIds.has(g.blockId))).toBe(true);
    const edges = edgeIndex(city.grids);
    const byBlock = groupBy(city.grids, (g) => g.blockId!);
    expect(byBlock.size).toBe(27);
    for (const grids of byBlock.values()) expect(isConnected(grids, edges)).toBe(true);
    for (const [blockId, links] of groupBy(city.blockUnits, (l) => l.blockId)) {
      expect(links.length).toBeGreaterThanOrEqual(2);
      expect(links.length).toBeLessThanOrEqual(4);
      const kinds = links.map((l) => unitById.get(l.unitId)!.kind);
      expect(kinds.filter((k) => k === 'department')).toHaveLength(1);
      const block = city.blocks.find((b) => b.id === blockId)!;
      expect(links.some((l) => l.unitId === block.leadUnitId)).toBe(false);
    }
  });

  it('has the units: 27 departments, 12 street offices, one committee per community, each staffed', () => {
    const byKind = groupBy(city.units, (u) => u.kind);
    expect(byKind.get('department')!.map((u) => u.code)).toEqual(
      Array.from({ length: 27 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`),
    );
    expect(byKind.get('street')!.map((u) => regionById.get(u.regionId!)!.level)).toEqual(
      Array(12).fill('street'),
    );
    for (const u of byKind.get('community')!) {
      const region = regionById.get(u.regionId!)!;
      expect(region.level).toBe('community');
      expect(unitById.get(u.parentId!)!.regionId).toBe(region.parentId);
    }
    expect(byKind.get('community')).toHaveLength(60);
    const staff = groupBy(
      city.people.filter((p) => p.duties.includes('contact') || p.duties.includes('responsible')),
      (p) => p.unitId,
    );
    for (const u of city.units) {
      expect(staff.get(u.id)?.length).toBeGreaterThanOrEqual(1);
      expect(staff.get(u.id)?.length).toBeLessThanOrEqual(2);
      expect(u.contactPhone).toMatch(/^1\d{10}$/);
    }
    expect(new Set(city.units.map((u) => u.code)).size).toBe(city.units.length);
  });

  it('assigns each grid its community committee, street office, one grid worker and a sponsoring leader', () => {
    const workersPerGrid = groupBy(city.gridWorkers, (w) => w.gridId);
    const membersPerGrid = groupBy(city.gridUnits, (l) => l.gridId);
    for (const g of city.grids) {
      const lead = unitById.get(g.leadUnitId!)!;
      expect(lead).toMatchObject({ kind: 'community', regionId: g.communityId });
      expect(membersPerGrid.get(g.id)!.map((l) => l.unitId)).toEqual([lead.parentId]);
      const [worker] = workersPerGrid.get(g.id)!;
      const person = personById.get(worker!.personId)!;
      expect(person.duties).toEqual(['grid_worker']);
      expect(person.unitId).toBe(lead.id);
      expect(personById.get(g.leaderId!)!.duties).toContain('sponsor_leader');
    }
    const gridsPerWorker = city.grids.length / groupBy(city.gridWorkers, (w) => w.personId).size;
    expect(gridsPerWorker).toBeGreaterThanOrEqual(8);
    expect(gridsPerWorker).toBeLessThanOrEqual(12);
    expect(city.people.filter((p) => p.duties.includes('inspector')).length).toBeGreaterThanOrEqual(3);
  });

  it('creates one demo user per role except admin, each linked to the person it stands for', () => {
    expect(city.users.map((u) => [u.username, u.role])).toEqual([
      ['office', 'office'],
      ['leader', 'leader'],
      ['unit', 'unit'],
      ['grid', 'grid_worker'],
      ['inspector', 'inspector'],
    ]);
    const byName = new Map(city.users.map((u) => [u.username, u]));
    expect(byName.get('office')!.regionId).toBeNull();
    expect(unitById.get(byName.get('unit')!.unitId!)!.name).toBe('城管局');
    const grid = byName.get('grid')!;
    expect(regionById.get(grid.regionId!)!.level).toBe('community');
    for (const u of city.users) {
      expect(u.displayName).toMatch(/[\u4e00-\u9fff]/);
      const linked = city.people.filter((p) => p.userId === u.id);
      expect(linked).toHaveLength(1);
    }
    const gridPerson = city.people.find((p) => p.userId === grid.id)!;
    expect(gridPerson.duties).toContain('grid_worker');
    expect(unitById.get(gridPerson.unitId)!.regionId).toBe(grid.regionId);
  });
});

describe('generateDemoCity options', () => {
  it('is deterministic: the same seed and size give byte-identical output', () => {
    const a = sha(generateDemoCity({ seed: 42, grids: 500 }));
    expect(sha(generateDemoCity({ seed: 42, grids: 500 }))).toBe(a);
    expect(sha(generateDemoCity({ seed: 43, grids: 500 }))).not.toBe(a);
    expect(sha(generateDemoCity())).toBe(sha(generateDemoCity({ seed: 20261123, grids: 2000 })));
  });

  it('rejects sizes outside 50–500,000 and still gives every community a grid at the minimum', () => {
    expect(() => generateDemoCity({ grids: 49 })).toThrow(RangeError);
    expect(() => generateDemoCity({ grids: 500_001 })).toThrow(RangeError);
    expect(() => generateDemoCity({ grids: 100.5 })).toThrow(RangeError);
    const small = generateDemoCity({ grids: 50 });
    expect(small.grids.length).toBeGreaterThanOrEqual(50);
    expect(new Set(small.grids.map((g) => g.communityId)).size).toBe(60);
  });

  it('adds communities in a very large city so none exceeds 999 grids (3-digit sequence)', () => {
    const big = generateDemoCity({ grids: 60_000 });
    expect(big.grids).toHaveLength(60_000);
    const sizes = [...groupBy(big.grids, (g) => g.communityId).values()].map((l) => l.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(999);
    expect(big.grids.every((g) => /^\d{14,15}$/.test(g.code))).toBe(true);
  });
});

describe('loadDemoCity', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  const tables = {
    regions: schema.regions,
    units: schema.units,
    users: schema.users,
    people: schema.people,
    blocks: schema.blocks,
    blockUnits: schema.blockUnits,
    grids: schema.grids,
    gridUnits: schema.gridUnits,
    gridWorkers: schema.gridWorkers,
  };

  it('rejects a weak password before writing anything', async () => {
    await expect(loadDemoCity(database.db, { password: 'demo', grids: 300 })).rejects.toThrow(/密码/);
    const [row] = await database.db.select({ n: count() }).from(schema.regions);
    expect(row!.n).toBe(0);
  });

  it('loads 300 grids in one go: every generated row is in the database', async () => {
    const progress: [number, number, string][] = [];
    const result = await loadDemoCity(database.db, {
      password: 'Demo@2026',
      grids: 300,
      onProgress: (done, total, stage) => progress.push([done, total, stage]),
    });
    const generated = generateDemoCity({ grids: 300 });
    expect(result.cityId).toBe(generated.city.id);
    for (const [name, table] of Object.entries(tables)) {
      const [row] = await database.db.select({ n: count() }).from(table);
      const expected = (generated as unknown as Record<string, unknown[]>)[name]!.length;
      expect({ name, n: row!.n }).toEqual({ name, n: expected });
      expect(result.counts[name]).toBe(expected);
    }
    const total = Object.values(result.counts).reduce((s, n) => s + n, 0);
    expect(progress.at(-1)).toEqual([total, total, 'gridWorkers']);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);
    expect(result.accounts.map((a) => a.username)).toEqual(['office', 'leader', 'unit', 'grid', 'inspector']);
    const [user] = await database.db.select().from(schema.users).where(eq(schema.users.username, 'grid'));
    expect(await verifyPassword(user!.passwordHash, 'Demo@2026')).toBe(true);
  });

  it('stores values exactly as generated (geometry, coordinates, dates, arrays, defaults)', async () => {
    const generated = generateDemoCity({ grids: 300 });
    const last = generated.grids.at(-1)!;
    const [grid] = await database.db.select().from(schema.grids).where(eq(schema.grids.id, last.id));
    expect(grid).toMatchObject(last);
    expect(grid!.createdAt).toBeInstanceOf(Date);
    const leader = generated.people.find((p) => p.duties.includes('sponsor_leader'))!;
    const [person] = await database.db.select().from(schema.people).where(eq(schema.people.id, leader.id));
    expect(person).toMatchObject(leader);
    const [region] = await database.db.select().from(schema.regions).where(eq(schema.regions.code, '990100'));
    expect(region).toMatchObject(generated.city);
    // The locate index of every process polls this to notice new grids.
    const [version] = await database.db
      .select()
      .from(schema.meta)
      .where(eq(schema.meta.key, 'grids_version'));
    expect(Number(version!.value)).toBeGreaterThan(0);
  });

  it('refuses to load the demo city twice', async () => {
    await expect(loadDemoCity(database.db, { password: 'Demo@2026', grids: 300 })).rejects.toThrow(
      /已存在.*already exists/,
    );
    const [row] = await database.db.select({ n: count() }).from(schema.grids);
    expect(row!.n).toBe(300);
  });
});
