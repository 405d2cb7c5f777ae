import type { Category } from '@chuangcheng/contracts';
import { and, asc, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/app';
import { userSession } from '../../../test/fixtures';
import { grids, regions, units } from '../../db/schema/index';
import { newId } from '../../platform/ids';
import { type CatalogTestApp, createCatalogTestApp } from './catalog.test-helpers';

// What lies at a point — locate (org) and the dispatch preview (catalog, which asks locate) — is shown
// only to readers whose scope holds the grid there. A district office pointing into another district
// learns only that the point is outside its scope; city-wide readers see everything as before.

let c: CatalogTestApp;
let office: Session;
let officeA: Session;
let inspectorA: Session;
let stranger: Session;
let category: Category;
interface Spot {
  lng: number;
  lat: number;
  gridId: string;
  /** Names of what lies there (grid, community, street, district, lead unit): none may reach district A. */
  names: string[];
}
let inA: Spot;
let inB: Spot;

async function spotIn(districtPath: string): Promise<Spot> {
  const rows = await c.t.db
    .select({ g: grids, community: regions })
    .from(grids)
    .innerJoin(regions, eq(regions.id, grids.communityId))
    .where(and(isNull(grids.validTo), like(regions.path, `${districtPath}%`)))
    .orderBy(asc(grids.code));
  for (const { g, community } of rows) {
    const lng = (g.minLng + g.maxLng) / 2;
    const lat = (g.minLat + g.maxLat) / 2;
    if (!g.leadUnitId || (await c.t.services.org.locate.locateGridId(lng, lat)) !== g.id) continue;
    const ancestors = await Promise.all(
      community.path
        .split('/')
        .filter(Boolean)
        .slice(1)
        .map(async (id) => (await c.t.db.select().from(regions).where(eq(regions.id, id)))[0]!.name),
    );
    const [lead] = await c.t.db.select().from(units).where(eq(units.id, g.leadUnitId));
    return { lng, lat, gridId: g.id, names: [g.code, g.name, ...ancestors, lead!.name] };
  }
  throw new Error(`no grid with a lead unit under ${districtPath}`);
}

const locate = (s: Session, p: Spot) =>
  c.t.call('GET', `/api/locate?lng=${p.lng}&lat=${p.lat}`, { session: s });
const preview = (s: Session, p: Spot) =>
  c.call('GET', `/api/routing-rules/preview?categoryId=${category.id}&lng=${p.lng}&lat=${p.lat}`, s);

beforeAll(async () => {
  c = await createCatalogTestApp(60);
  const [a, b] = (await c.t.db.select().from(regions).where(eq(regions.level, 'district'))).sort((x, y) =>
    x.code.localeCompare(y.code),
  );
  inA = await spotIn(a!.path);
  inB = await spotIn(b!.path);
  const otherCity = newId();
  await c.t.db.insert(regions).values({
    id: otherCity,
    cityId: otherCity,
    parentId: null,
    code: '999500',
    name: '他市',
    level: 'city',
    path: `/${otherCity}/`,
  });
  office = await c.t.login('office');
  officeA = await userSession(c.t, 'pt-office-a', 'office', { regionId: a!.id });
  inspectorA = await userSession(c.t, 'pt-inspector-a', 'inspector', { regionId: a!.id });
  stranger = await userSession(c.t, 'pt-office-x', 'office', { regionId: otherCity });
  const fileable = (await c.call('GET', '/api/catalog/categories?fileable=true&kind=event', office))
    .body as Category[];
  category = fileable[0]!;
});
afterAll(() => c.t.close());

const noNamesOf = (body: unknown, spot: Spot) => {
  const text = JSON.stringify(body);
  for (const name of spot.names) expect(text).not.toContain(name);
};

describe('locate', () => {
  it('a district reader pointing into another district (or city) learns only that it is outside its scope', async () => {
    for (const s of [officeA, inspectorA, stranger]) {
      const r = await locate(s, inB);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        grid: null,
        community: null,
        street: null,
        district: null,
        block: null,
        leadUnit: null,
        outOfScope: true,
      });
      noNamesOf(r.body, inB);
    }
    // Its own district, and a city-wide reader anywhere, see the grid as before.
    const own = await locate(officeA, inA);
    expect(own.body).toMatchObject({ grid: { id: inA.gridId }, outOfScope: false });
    expect(own.body.district).not.toBeNull();
    const city = await locate(office, inB);
    expect(city.body).toMatchObject({ grid: { id: inB.gridId }, outOfScope: false });
    expect(city.body.leadUnit).not.toBeNull();
  });
});

describe('dispatch preview', () => {
  it('a district reader previewing a point of another district gets no grid, unit or rule of it', async () => {
    for (const s of [officeA, inspectorA]) {
      const r = await preview(s, inB);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        outOfScope: true,
        outOfGrid: false,
        grid: null,
        leadUnit: null,
        coUnits: [],
        route: { kind: 'manual', ruleId: null },
        limits: { dispose: category.conditions[0]!.timeLimit },
      });
      expect(r.body.route.text).toMatch(/管辖范围/);
      noNamesOf(r.body, inB);
    }
    // Another city's user cannot even name this city's category.
    expect((await preview(stranger, inB)).status).toBe(404);
    // Its own district, and the city office anywhere, get the decision as before.
    const own = await preview(officeA, inA);
    expect(own.body).toMatchObject({ grid: { id: inA.gridId }, outOfScope: false });
    expect(own.body.leadUnit).not.toBeNull();
    const city = await preview(office, inB);
    expect(city.body).toMatchObject({ grid: { id: inB.gridId }, outOfScope: false });
    expect(city.body.leadUnit).not.toBeNull();
  });
});
