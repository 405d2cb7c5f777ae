import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { cases } from '../../db/schema/index';

// A case without a point (a public report with an address only, 待定位) works everywhere: it is
// routed to the city's office, listed and shown without a place, left out of maps, hotspots and
// duplicate suggestions, exported, counted, and moves through the workflow.

let t: TestApp;
let cityId: string;
let office: Session;
let categoryId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: office });
  categoryId = cats.body[0].id;
});
afterAll(() => t.close());

async function fileUnplaced(address: string) {
  const { row } = await t.services.cases.public.create(
    cityId,
    {
      source: 'citizen',
      categoryId,
      description: '人行道上有流动摊贩占道经营',
      address,
      lng: null,
      lat: null,
      owner: 'public',
      photoIds: [],
      selfHandled: false,
      afterPhotoIds: [],
      fileNow: false,
    },
    { reporterName: '市民', photoIds: [] },
  );
  return row;
}

describe('a case awaiting placing (no point)', () => {
  it('is filed to the office, listed and shown without a place, and left off maps and hotspots', async () => {
    const a = await fileUnplaced('幸福路 8 号');
    const b = await fileUnplaced('幸福路 10 号');
    const [row] = await t.db.select().from(cases).where(eq(cases.id, a.id));
    expect(row).toMatchObject({
      lng: null,
      lat: null,
      gridId: null,
      outOfGrid: false,
      relapseOfCaseId: null,
    });
    expect((row!.route as { text: string }).text).toContain('待定位');
    expect(row!.leadUnitId).not.toBeNull();

    const list = await t.call('GET', '/api/cases?q=幸福路', { session: office });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const mine = list.body.items.filter((c: any) => [a.id, b.id].includes(c.id));
    expect(mine).toHaveLength(2);
    for (const c of mine) expect(c).toMatchObject({ lng: null, lat: null, grid: null });

    const map = await t.call('GET', '/api/cases/map', { session: office });
    expect(map.status).toBe(200);
    expect(map.body.points.every((p: any) => typeof p.lng === 'number' && typeof p.lat === 'number')).toBe(
      true,
    );
    expect(map.body.points.map((p: any) => p.id)).not.toContain(a.id);

    const hot = await t.call('GET', '/api/cases/hotspots?minCount=1&limit=200', { session: office });
    expect(hot.status, JSON.stringify(hot.body)).toBe(200);
    for (const h of hot.body.items) {
      expect(Number.isFinite(h.lng) && Number.isFinite(h.lat)).toBe(true);
      expect(h.lng === 0 && h.lat === 0, 'no hotspot at (0, 0) from cases without a point').toBe(false);
    }

    const [placed] = await t.db.select().from(cases).where(eq(cases.categoryId, categoryId)).limit(1);
    const dups = await t.call(
      'GET',
      `/api/cases/duplicates?categoryId=${categoryId}&lng=${placed?.lng ?? 113.3}&lat=${placed?.lat ?? 23.1}`,
      { session: office },
    );
    expect(dups.status, JSON.stringify(dups.body)).toBe(200);
    expect(dups.body.items.map((d: any) => d.id)).not.toContain(a.id);
  });

  it('is exported, counted in the KPIs and moves through the workflow', async () => {
    const c = await fileUnplaced('幸福路 12 号');
    const exported = await t.call('GET', '/api/exports/cases.xlsx?q=幸福路 12', { session: office });
    expect(exported.status).toBe(200);
    const kpis = await t.call('GET', '/api/kpis?dimension=unit', { session: office });
    expect(kpis.status, JSON.stringify(kpis.body)).toBe(200);

    let r = await t.call('POST', `/api/cases/${c.id}/transitions`, {
      session: office,
      body: { action: 'file', expectedVersion: c.version },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    r = await t.call('POST', `/api/cases/${c.id}/transitions`, {
      session: office,
      body: { action: 'dispatch', unitId: r.body.leadUnit.id, expectedVersion: r.body.version },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ lng: null, lat: null, status: 'dispatched' });

    const detail = await t.call('GET', `/api/cases/${c.id}`, { session: office });
    expect(detail.status).toBe(200);
    expect(detail.body.route.text).toContain('待定位');
  });
});
