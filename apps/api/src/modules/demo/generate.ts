import { buildGridLayer, type GridLayer } from './grids';
import { buildOrg, createContext, type DemoContext, type Org } from './org';
import { buildRegionTree, communityCount, type RegionTree } from './regions';
import type { DemoCity, DemoOptions, DemoPerson, DemoUser } from './types';

export type * from './types';

/** Default seed: the same city on every machine unless asked otherwise. */
export const DEFAULT_DEMO_SEED = 20261123;
/** Default number of unit grids (about 20 km²). */
export const DEFAULT_DEMO_GRIDS = 2000;
/** Bounds on the number of grids the generator accepts. */
export const DEMO_GRIDS_RANGE = { min: 50, max: 500_000 } as const;

/**
 * Generates the fictional 示范市 (region tree, units, people, grids, blocks, demo users), purely from the
 * seed: the same options give byte-identical output.
 */
export function generateDemoCity(opts: DemoOptions = {}): DemoCity {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const requested = opts.grids ?? DEFAULT_DEMO_GRIDS;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`demo seed must be an integer, got ${seed}`);
  if (!Number.isInteger(requested) || requested < DEMO_GRIDS_RANGE.min || requested > DEMO_GRIDS_RANGE.max) {
    throw new RangeError(
      `网格数应为 ${DEMO_GRIDS_RANGE.min}–${DEMO_GRIDS_RANGE.max} 的整数 / grids must be an integer in ` +
        `[${DEMO_GRIDS_RANGE.min}, ${DEMO_GRIDS_RANGE.max}], got ${requested}`,
    );
  }
  const communities = communityCount(requested);
  // Every community needs at least one grid, so a city asked for fewer grids than it has communities
  // gets one grid per community (the brief allows "at least N").
  const gridCount = Math.max(requested, communities);
  const tree = buildRegionTree(seed, communities);
  const ctx = createContext(seed, tree.city.id);
  const org = buildOrg(ctx, tree);
  const layer = buildGridLayer(ctx, tree, org, gridCount);
  const users = buildUsers(ctx, tree, org, layer);
  return {
    city: tree.city,
    regions: tree.all,
    units: org.units,
    people: org.people,
    grids: layer.grids,
    gridUnits: layer.gridUnits,
    gridWorkers: layer.gridWorkers,
    blocks: layer.blocks,
    blockUnits: layer.blockUnits,
    users,
  };
}

/**
 * One login per role except admin (the server creates that one). Each is linked to the person it
 * stands for (people.user_id), so e.g. the grid worker sees the grids assigned to that person.
 */
function buildUsers(ctx: DemoContext, tree: RegionTree, org: Org, layer: GridLayer): DemoUser[] {
  const cityAdmin = org.departments.get('城管局')!;
  const firstCommunity = tree.communities[0]!.region;
  const plan: {
    username: string;
    role: DemoUser['role'];
    person: DemoPerson;
    label: string;
    scope?: Partial<DemoUser>;
  }[] = [
    { username: 'office', role: 'office', person: org.contacts.get(org.office.id)!, label: org.office.name },
    { username: 'leader', role: 'leader', person: org.leaders[1]!, label: org.leaders[1]!.title! },
    {
      username: 'unit',
      role: 'unit',
      person: org.contacts.get(cityAdmin.id)!,
      label: cityAdmin.name,
      scope: { unitId: cityAdmin.id },
    },
    {
      username: 'grid',
      role: 'grid_worker',
      person: layer.workers.get(firstCommunity.id)![0]!,
      label: '网格员',
      scope: { regionId: firstCommunity.id },
    },
    { username: 'inspector', role: 'inspector', person: org.inspectors[0]!, label: '督查员' },
  ];
  return plan.map(({ username, role, person, label, scope }) => {
    const user: DemoUser = {
      id: ctx.ids.users.uuid(),
      cityId: ctx.cityId,
      username,
      displayName: `${label} ${person.name}`,
      role,
      // No region means the whole city: office, leader and inspector work city-wide.
      regionId: scope?.regionId ?? null,
      unitId: scope?.unitId ?? null,
    };
    person.userId = user.id;
    return user;
  });
}
