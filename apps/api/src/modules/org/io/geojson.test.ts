import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { withDemoCity } from '../../../../test/fixtures';
import { grids } from '../../../db/schema/index';
import { featureCollection, square, upload } from './io.test-helpers';

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
    expect(r.body).toEqual({ kind: 'grids-geojson', dryRun: false, total: 2, created: 2, updated: 0 });
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
