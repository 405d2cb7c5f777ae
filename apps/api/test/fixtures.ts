import type { Role } from '@chuangcheng/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { grids, regions } from '../src/db/schema/index';
import { loadDemoCity } from '../src/modules/demo/index';
import { systemCtx } from '../src/platform/actor';
import { TEST_PASSWORD, type TestApp } from './app';

/** Loads a small demo city (deterministic) and an admin; returns handy ids. */
export async function withDemoCity(t: TestApp, grids = 60) {
  const demo = await loadDemoCity(t.db, { grids, password: TEST_PASSWORD });
  await t.services.auth.ensureAdmin(TEST_PASSWORD);
  const districts = await t.db.select().from(regions).where(eq(regions.level, 'district'));
  return { demo, cityId: demo.cityId, districts };
}

/**
 * Creates a user of `role` scoped as given, and logs in. Without a scope, a staff account belongs to the
 * whole city — the database's only city unless `cityId` says which.
 */
export async function userSession(
  t: TestApp,
  username: string,
  role: Role,
  scope: { cityId?: string | null; regionId?: string | null; unitId?: string | null } = {},
) {
  let cityId = scope.cityId ?? null;
  if (role !== 'admin' && !cityId && !scope.regionId && !scope.unitId) {
    const cities = await t.db.select({ id: regions.id }).from(regions).where(eq(regions.level, 'city'));
    if (cities.length !== 1)
      throw new Error(`userSession(${username}): name the city (${cities.length} cities)`);
    cityId = cities[0]!.id;
  }
  await t.services.auth.createUser(systemCtx(), {
    username,
    displayName: username,
    role,
    password: TEST_PASSWORD,
    cityId,
    regionId: scope.regionId ?? null,
    unitId: scope.unitId ?? null,
  });
  return t.login(username);
}

/** A current grid of the city with its centre and district (the demo's communities lie under streets). */
export interface GridPoint {
  grid: typeof grids.$inferSelect;
  gridId: string;
  lng: number;
  lat: number;
  districtId: string;
}

/** The city's current grids ordered by code, each with its centre point and district. */
export async function gridPoints(t: TestApp, cityId: string): Promise<GridPoint[]> {
  const all = await t.db.select().from(regions).where(eq(regions.cityId, cityId));
  const byId = new Map(all.map((r) => [r.id, r]));
  const districtOf = (communityId: string) => byId.get(byId.get(communityId)!.parentId!)!.parentId!;
  const current = await t.db
    .select()
    .from(grids)
    .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)))
    .orderBy(grids.code);
  return current.map((g) => ({
    grid: g,
    gridId: g.id,
    lng: (g.minLng + g.maxLng) / 2,
    lat: (g.minLat + g.maxLat) / 2,
    districtId: districtOf(g.communityId),
  }));
}
