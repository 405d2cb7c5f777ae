import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { withDemoCity } from '../../../../test/fixtures';
import { featureCollection, square, upload } from '../../../../test/io-helpers';
import { grids } from '../../../db/schema/index';

// Far from the demo city (around 117°E, 36°N), so locate finds only what these tests import.
const LNG = 80.5;
const LAT = 40.5;
const COMMUNITY = '990102001001';
const mapping = JSON.stringify({ code: 'WGBM', name: 'WGMC', community: 'SQBM', leadUnit: 'QTDW' });

let t: TestApp;
let office: Session;
const gridCount = async () => Number((await t.db.select({ n: count() }).from(grids))[0]!.n);
const geojson = (body: string) => ({ name: 'grids.geojson', data: body });
const props = (seq: string, name: string) => ({
  WGBM: `${COMMUNITY}${seq}`,
  WGMC: name,
  SQBM: COMMUNITY,
  QTDW: 'D01',
});

beforeAll(async () => {
  t = await createTestApp();
  await withDemoCity(t, 50);
  office = await t.login('office');
});
afterAll(() => t.close());

describe('grids GeoJSON import', () => {
  it('reports every bad feature (self-intersection, LineString, unknown community, out-of-range) and writes nothing', async () => {
    const before = await gridCount();
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [LNG, LAT],
          [LNG + 0.01, LAT + 0.01],
          [LNG + 0.01, LAT],
          [LNG, LAT + 0.01],
          [LNG, LAT],
        ],
      ],
    };
    const line = {
      type: 'LineString',
      coordinates: [
        [LNG, LAT],
        [LNG + 0.01, LAT],
      ],
    };
    const body = featureCollection([
      { properties: props('91', '自相交网格'), geometry: bowtie },
      { properties: props('92', '线状网格'), geometry: line },
      {
        properties: { ...props('93', '未知社区'), SQBM: '990199999999', WGBM: '99019999999993' },
        geometry: square(LNG, LAT),
      },
      { properties: props('94', '越界网格'), geometry: square(200, LAT) },
      { properties: props('91', '重复编码'), geometry: square(LNG + 1, LAT) },
    ]);
    const r = await upload(t, office, '/api/imports/grids-geojson', geojson(body), { mapping });
    expect(r.status).toBe(422);
    const rows = r.body.error?.details?.rows ?? [];
    expect(rows.map((x) => [x.row, x.column])).toEqual([
      [1, 'geometry'],
      [2, 'geometry'],
      [3, 'SQBM'],
      [4, 'geometry'],
      [5, 'WGBM'],
    ]);
    expect(rows[0]!.message).toContain('自相交');
    expect(rows[1]!.message).toContain('LineString');
    expect(rows[3]!.message).toContain('超出经纬度范围');
    expect(await gridCount()).toBe(before);
  });

  it('rejects a file that is not JSON or not a FeatureCollection with a clear 400', async () => {
    const notJson = await upload(
      t,
      office,
      '/api/imports/grids-geojson',
      geojson('{"type": "FeatureCollection", '),
    );
    expect(notJson.status).toBe(400);
    expect(notJson.body.error?.message).toContain('不是有效的 JSON');
    const notFc = await upload(t, office, '/api/imports/grids-geojson', geojson('{"type":"Feature"}'));
    expect(notFc.body.error?.message).toContain('FeatureCollection');
    const badMapping = await upload(t, office, '/api/imports/grids-geojson', geojson(featureCollection([])), {
      mapping: '{code:',
    });
    expect(badMapping.body.error?.details?.fields?.[0]?.field).toBe('mapping');
  });

  it('creates grids that locate finds at once (the index is rebuilt)', async () => {
    const where = `/api/locate?lng=${LNG + 0.0005}&lat=${LAT + 0.0005}`;
    expect((await t.call('GET', where, { session: office })).body.grid).toBeNull();
    const body = featureCollection([
      { properties: props('81', '导入一号网格'), geometry: square(LNG, LAT) },
      { properties: props('82', '导入二号网格'), geometry: square(LNG + 0.002, LAT) },
    ]);
    const r = await upload(t, office, '/api/imports/grids-geojson', geojson(body), { mapping });
    expect(r.body).toEqual({
      kind: 'grids-geojson',
      dryRun: false,
      total: 2,
      created: 2,
      updated: 0,
      warnings: [],
    });
    const found = await t.call('GET', where, { session: office });
    expect(found.body.grid).toMatchObject({ code: `${COMMUNITY}81`, name: '导入一号网格' });
    expect(found.body.leadUnit).toMatchObject({ code: 'D01' });
  });

  it('opens a new version when a re-import changes the geometry, and keeps the old one in history', async () => {
    const body = featureCollection([
      { properties: props('81', '导入一号网格'), geometry: square(LNG + 0.01, LAT + 0.01) },
      { properties: props('82', '二号网格改名'), geometry: square(LNG + 0.002, LAT) },
    ]);
    const before = await gridCount();
    const r = await upload(t, office, '/api/imports/grids-geojson', geojson(body), { mapping });
    expect(r.body).toMatchObject({ created: 0, updated: 2 });
    expect(await gridCount()).toBe(before + 1); // only the moved grid got a new row

    const moved = await t.call('GET', `/api/locate?lng=${LNG + 0.0105}&lat=${LAT + 0.0105}`, {
      session: office,
    });
    expect(moved.body.grid?.code).toBe(`${COMMUNITY}81`);
    const history = await t.call('GET', `/api/grids/${moved.body.grid.id}/history`, { session: office });
    expect(history.body).toHaveLength(2);
    expect(history.body[0].validTo).not.toBeNull();
    expect(history.body[1].validTo).toBeNull();
    const old = await t.call('GET', `/api/locate?lng=${LNG + 0.0005}&lat=${LAT + 0.0005}`, {
      session: office,
    });
    expect(old.body.grid).toBeNull();
    const renamed = await t.call('GET', `/api/locate?lng=${LNG + 0.0025}&lat=${LAT + 0.0005}`, {
      session: office,
    });
    expect(renamed.body.grid?.name).toBe('二号网格改名');
  });

  it('dry run counts without writing', async () => {
    const before = await gridCount();
    const body = featureCollection([
      { properties: props('71', '试导入网格'), geometry: square(LNG + 0.02, LAT) },
    ]);
    const r = await upload(t, office, '/api/imports/grids-geojson?dryRun=true', geojson(body), { mapping });
    expect(r.body).toMatchObject({ dryRun: true, created: 1 });
    expect(await gridCount()).toBe(before);
  });
});

/** A closed ring through the corners, `(x, y)` in units of `u` degrees from (LNG + 0.05, LAT). */
const ring = (...pts: [number, number][]) => {
  const u = 0.001;
  const at = ([x, y]: [number, number]): [number, number] => [LNG + 0.05 + x * u, LAT + y * u];
  return [...pts.map(at), at(pts[0]!)];
};
const box = (x: number, y: number, w: number, h = w) => ring([x, y], [x + w, y], [x + w, y + h], [x, y + h]);
const storedGeometry = async (code: string) => {
  const [g] = await t.db
    .select({ geometry: grids.geometry })
    .from(grids)
    .where(and(eq(grids.code, code), isNull(grids.validTo)));
  return g?.geometry as { type: string; coordinates: unknown[] } | undefined;
};

describe('grid geometry validity (OGC simple features) through the GeoJSON import', () => {
  it('accepts parts touching at one point and a hole touching its ring at one point', async () => {
    const body = featureCollection([
      {
        properties: props('61', '两块相接的网格'),
        geometry: { type: 'MultiPolygon', coordinates: [[box(0, 0, 1)], [box(1, 1, 1)]] },
      },
      {
        properties: props('62', '内环贴边的网格'),
        geometry: { type: 'Polygon', coordinates: [box(3, 0, 4), ring([3, 0], [4, 2], [5, 1])] },
      },
    ]);
    const r = await upload(t, office, '/api/imports/grids-geojson', geojson(body), { mapping });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ created: 2, warnings: [] });
    expect((await storedGeometry(`${COMMUNITY}61`))?.coordinates).toHaveLength(2);
    expect((await storedGeometry(`${COMMUNITY}62`))?.coordinates).toHaveLength(2);
  });

  it('still refuses a self-intersection, and lists every problem of a feature', async () => {
    const before = await gridCount();
    const body = featureCollection([
      {
        properties: props('63', '自相交网格'),
        geometry: { type: 'Polygon', coordinates: [ring([0, 10], [2, 12], [2, 10], [0, 12])] },
      },
      {
        properties: props('64', '多处问题的网格'),
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [box(0, 20, 1).slice(0, 4)],
            [box(3, 20, 4), box(10, 20, 1)],
            [ring([20, 20], [21, 20], [22, 20])],
          ],
        },
      },
    ]);
    const r = await upload(t, office, '/api/imports/grids-geojson', geojson(body), { mapping });
    expect(r.status).toBe(422);
    const rows = r.body.error?.details?.rows ?? [];
    expect(rows.filter((x) => x.row === 1).map((x) => x.message)).toEqual([
      expect.stringMatching(/^多边形自相交：第 1 个环自身交叉（约在 /),
    ]);
    expect(rows.filter((x) => x.row === 2).map((x) => [x.column, x.message])).toEqual([
      ['geometry', '第 1 个多边形的第 1 个环未闭合（首尾坐标不同）'],
      ['geometry', '第 3 个多边形的第 1 个环面积为零（坐标点共线）'],
      ['geometry', '第 2 个多边形的第 2 个环（内环）不在外环之内'],
      ['geometry', expect.stringContaining('去掉面积为零的环')],
    ]);
    expect(await gridCount()).toBe(before);
  });

  it('drops a zero-area ring only when asked, with a warning per ring in the preview and the result', async () => {
    const before = await gridCount();
    const sliverHole = { type: 'Polygon', coordinates: [box(0, 30, 4), ring([1, 31], [2, 31], [3, 31])] };
    const sliverPart = {
      type: 'MultiPolygon',
      coordinates: [[box(6, 30, 2)], [ring([10, 30], [11, 31], [12, 32])]],
    };
    const body = featureCollection([
      { properties: props('65', '带碎片内环的网格'), geometry: sliverHole },
      { properties: props('66', '带碎片部分的网格'), geometry: sliverPart },
    ]);
    const refused = await upload(t, office, '/api/imports/grids-geojson', geojson(body), { mapping });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.details?.rows?.map((x) => [x.row, x.message])).toEqual([
      [1, '第 2 个环面积为零（坐标点共线）'],
      [1, expect.stringContaining('去掉面积为零的环')],
      [2, '第 2 个多边形的第 1 个环面积为零（坐标点共线）'],
      [2, expect.stringContaining('去掉面积为零的环')],
    ]);

    const warnings = [
      { row: 1, column: 'geometry', message: '第 2 个环面积为零（坐标点共线），已去掉' },
      {
        row: 2,
        column: 'geometry',
        message: '第 2 个多边形的第 1 个环面积为零（坐标点共线），已去掉第 2 个多边形',
      },
    ];
    const preview = await upload(
      t,
      office,
      '/api/imports/grids-geojson?dryRun=true&dropSlivers=true',
      geojson(body),
      { mapping },
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, created: 2, warnings });
    expect(await gridCount()).toBe(before);

    const done = await upload(t, office, '/api/imports/grids-geojson?dropSlivers=true', geojson(body), {
      mapping,
    });
    expect(done.body).toMatchObject({ dryRun: false, created: 2, warnings });
    expect(await storedGeometry(`${COMMUNITY}65`)).toEqual({ type: 'Polygon', coordinates: [box(0, 30, 4)] });
    expect(await storedGeometry(`${COMMUNITY}66`)).toEqual({
      type: 'MultiPolygon',
      coordinates: [[box(6, 30, 2)]],
    });
  });
});

describe('bulk GeoJSON on PGlite', () => {
  it('imports 2,000 grids in one transaction', async () => {
    const big = await createTestApp();
    try {
      await withDemoCity(big, 50);
      const session = await big.login('office');
      const features = Array.from({ length: 2000 }, (_, i) => {
        const community = `9901020010${String(1 + (i % 5)).padStart(2, '0')}`;
        return {
          properties: {
            code: `${community}${String(100 + Math.floor(i / 5)).padStart(3, '0')}`,
            name: `批量网格${i}`,
            community,
          },
          geometry: square(LNG + (i % 50) * 0.002, LAT + Math.floor(i / 50) * 0.002),
        };
      });
      const started = performance.now();
      const r = await upload(
        big,
        session,
        '/api/imports/grids-geojson',
        geojson(featureCollection(features)),
      );
      const ms = Math.round(performance.now() - started);
      expect(r.body, JSON.stringify(r.body).slice(0, 500)).toMatchObject({ created: 2000 });
      console.log(`2,000 grids GeoJSON import on PGlite: ${ms} ms`);
    } finally {
      await big.close();
    }
  });
});
