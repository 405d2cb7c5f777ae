import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { blocks, grids, regions, units } from '../../db/schema/index';

let t: TestApp;
let office: Session;
let community: { id: string; code: string };
let leadUnitId: string;

/** A ~100 m square at (lng, lat), outside the demo lattice unless placed inside it. */
const square = (lng: number, lat: number, d = 0.001) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng, lat],
      [lng + d, lat],
      [lng + d, lat + d],
      [lng, lat + d],
      [lng, lat],
    ],
  ],
});

beforeAll(async () => {
  t = await createTestApp();
  await withDemoCity(t, 60);
  office = await t.login('office', TEST_PASSWORD);
  const [c] = await t.db
    .select()
    .from(regions)
    .where(eq(regions.level, 'community'))
    .orderBy(regions.code)
    .limit(1);
  community = c!;
  const [u] = await t.db.select().from(units).where(eq(units.kind, 'department')).limit(1);
  leadUnitId = u!.id;
});
afterAll(() => t.close());

describe('grids', () => {
  const code = () => `${community.code}98`;

  it('creates a grid that locate finds at once (index rebuilt)', async () => {
    const before = await t.call('GET', '/api/locate?lng=120.0005&lat=30.0005', { session: office });
    expect(before.body.grid).toBeNull();
    const r = await t.call('POST', '/api/grids', {
      session: office,
      body: {
        code: code(),
        name: '测试网格',
        communityId: community.id,
        leadUnitId,
        geometry: square(120, 30),
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.areaM2).toBeGreaterThan(8000);
    expect(r.body.areaM2).toBeLessThan(12000);
    const after = await t.call('GET', '/api/locate?lng=120.0005&lat=30.0005', { session: office });
    expect(after.body.grid.code).toBe(code());
    expect(after.body.community.id).toBe(community.id);
    expect(after.body.street).not.toBeNull();
    expect(after.body.district).not.toBeNull();
  });

  it('refuses a duplicate code with 409 and a bad code with 400', async () => {
    const dup = await t.call('POST', '/api/grids', {
      session: office,
      body: { code: code(), name: '重复', communityId: community.id, geometry: square(121, 30) },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_CODE');
    const bad = await t.call('POST', '/api/grids', {
      session: office,
      body: { code: '12345', name: '错码', communityId: community.id, geometry: square(121, 30) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_CODE');
    expect(bad.body.error.details.fields[0].field).toBe('code');
  });

  it('refuses self-intersecting and non-polygon geometry, naming the problem', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    const r = await t.call('POST', '/api/grids', {
      session: office,
      body: { code: `${community.code}97`, name: '自相交', communityId: community.id, geometry: bowtie },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_GEOMETRY');
    expect(r.body.error.message).toMatch(/自相交/);
    const line = await t.call('POST', '/api/grids', {
      session: office,
      body: {
        code: `${community.code}97`,
        name: '线',
        communityId: community.id,
        geometry: {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
      },
    });
    expect(line.status).toBe(400);
    const n = await t.db
      .select()
      .from(grids)
      .where(eq(grids.code, `${community.code}97`));
    expect(n).toHaveLength(0);
  });

  it('refuses a grid whose lead unit does not exist', async () => {
    const r = await t.call('POST', '/api/grids', {
      session: office,
      body: {
        code: `${community.code}96`,
        name: '无单位',
        communityId: community.id,
        leadUnitId: '00000000-0000-4000-8000-000000000001',
        geometry: square(122, 30),
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields[0].field).toBe('leadUnitId');
  });

  it('a geometry change opens a new version and keeps the old one in history', async () => {
    const [g] = await t.db.select().from(grids).where(eq(grids.code, code()));
    t.clock.advance(2 * 86_400_000);
    office = await t.login('office', TEST_PASSWORD); // the old session idled out meanwhile
    const r = await t.call('PATCH', `/api/grids/${g!.id}`, {
      session: office,
      body: { geometry: square(120, 30, 0.002) },
    });
    expect(r.status).toBe(200);
    expect(r.body.id).not.toBe(g!.id);
    const hist = await t.call('GET', `/api/grids/${r.body.id}/history`, { session: office });
    expect(hist.body).toHaveLength(2);
    expect(hist.body[0].validTo).not.toBeNull();
    const asOf = await t.call('GET', `/api/grids?q=${code()}&asOf=2026-11-23`, { session: office });
    expect(asOf.body.items[0].id).toBe(g!.id);
    const now = await t.call('GET', `/api/grids?q=${code()}`, { session: office });
    expect(now.body.items[0].id).toBe(r.body.id);
    const loc = await t.call('GET', '/api/locate?lng=120.0015&lat=30.0015', { session: office });
    expect(loc.body.grid.id).toBe(r.body.id);
  });
});

describe('blocks', () => {
  it('creates a block over grid codes; an unknown code rolls the whole thing back', async () => {
    const [u] = await t.db.select().from(units).limit(1);
    const bad = await t.call('POST', '/api/blocks', {
      session: office,
      body: {
        code: 'BX1',
        name: '测试区块',
        leadUnitId: u!.id,
        gridCodes: [`${community.code}98`, '99999999999999'],
      },
    });
    expect(bad.status).toBe(404);
    expect(bad.body.error.message).toMatch(/99999999999999/);
    expect(await t.db.select().from(blocks).where(eq(blocks.code, 'BX1'))).toHaveLength(0);
    const ok = await t.call('POST', '/api/blocks', {
      session: office,
      body: { code: 'BX1', name: '测试区块', leadUnitId: u!.id, gridCodes: [`${community.code}98`] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.gridCount).toBe(1);
    const loc = await t.call('GET', '/api/locate?lng=120.0015&lat=30.0015', { session: office });
    expect(loc.body.block.code).toBe('BX1');
  });
});

describe('units and regions', () => {
  it('refuses to delete a unit that is still referenced', async () => {
    const r = await t.call('DELETE', `/api/units/${leadUnitId}`, { session: office });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('IN_USE');
  });

  it('checks region codes against their parent', async () => {
    const [street] = await t.db.select().from(regions).where(eq(regions.level, 'street')).limit(1);
    const bad = await t.call('POST', '/api/regions', {
      session: office,
      body: { parentId: street!.id, code: '111111111111', name: '错社区', level: 'community' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_CODE');
    const ok = await t.call('POST', '/api/regions', {
      session: office,
      body: { parentId: street!.id, code: `${street!.code}901`, name: '新社区', level: 'community' },
    });
    expect(ok.status).toBe(201);
  });
});

describe('edge limits', () => {
  it('rejects an oversized body with 413 and keeps serving', async () => {
    const big = { code: 'BIG', name: 'x', kind: 'other', address: 'x'.repeat(2 * 1024 * 1024) };
    const r = await t.call('POST', '/api/units', { session: office, body: big });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await t.call('GET', '/healthz')).status).toBe(200);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const r = await t.call('GET', '/api/nope', { session: office });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});

describe('region tree and console config', () => {
  it('counts children in the tree', async () => {
    const tree = await t.call('GET', '/api/regions/tree', { session: office });
    const city = tree.body.find((r: { level: string }) => r.level === 'city');
    expect(city.childCount).toBe(
      tree.body.filter((r: { parentId: string }) => r.parentId === city.id).length,
    );
    expect(city.childCount).toBeGreaterThan(0);
  });

  it('tells the console the city and the map centre', async () => {
    const r = await t.call('GET', '/api/config');
    expect(r.body.cityName).toBe('示范市');
    expect(r.body.center[0]).toBeGreaterThan(116);
    expect(r.body.center[1]).toBeGreaterThan(30);
  });
});
