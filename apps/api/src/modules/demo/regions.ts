import { CITY, COMMUNITIES_PER_STREET, communityNamer, DISTRICTS } from './names';
import { apportion, createRng } from './random';
import type { DemoRegion } from './types';

/** A street with its district, as the later stages need both. */
export interface StreetNode {
  region: DemoRegion;
  district: DemoRegion;
  rural: boolean;
}

/** A community (社区) or village (村) with its ancestors. */
export interface CommunityNode {
  region: DemoRegion;
  street: StreetNode;
  district: DemoRegion;
  village: boolean;
}

/** The region tree, each level in code order. */
export interface RegionTree {
  city: DemoRegion;
  districts: DemoRegion[];
  streets: StreetNode[];
  communities: CommunityNode[];
  /** Every row, parents before children. */
  all: DemoRegion[];
}

/** GB/T 30428.1 grid codes have at most three sequence digits, so no community may hold more. */
export const MAX_GRIDS_PER_COMMUNITY = 999;
/** Average grids per community beyond which the city gets more communities than the default 60. */
const GRIDS_PER_COMMUNITY_TARGET = 500;

/**
 * How many communities a city of `grids` grids has: 60 normally; more for very large cities, so that
 * every community stays within the three-digit grid sequence (≤ 999 grids).
 */
export function communityCount(grids: number): number {
  const base = COMMUNITIES_PER_STREET.reduce((s, n) => s + n, 0);
  return Math.max(base, Math.ceil(grids / GRIDS_PER_COMMUNITY_TARGET));
}

/** Builds city → 3 districts → 12 streets → communities, with region codes per GB/T 2260 / 10114. */
export function buildRegionTree(seed: number, communities: number): RegionTree {
  const rng = createRng(seed, 'regions');
  const city = regionRow(rng.uuid(), null, null, CITY.code, CITY.name, 'city');
  const tree: RegionTree = { city, districts: [], streets: [], communities: [], all: [city] };
  const perStreet = apportion(communities, COMMUNITIES_PER_STREET, 1);
  const nextName = communityNamer();
  let streetIndex = 0;
  for (const d of DISTRICTS) {
    const district = regionRow(rng.uuid(), city, city, d.code, d.name, 'district');
    tree.districts.push(district);
    tree.all.push(district);
    d.streets.forEach((s, i) => {
      const code = `${d.code}${String(i + 1).padStart(3, '0')}`;
      const street: StreetNode = {
        region: regionRow(rng.uuid(), city, district, code, s.name, 'street'),
        district,
        rural: s.rural,
      };
      tree.streets.push(street);
      tree.all.push(street.region);
      const count = perStreet[streetIndex++]!;
      for (let c = 0; c < count; c++) {
        // 统计用区划代码: 001–199 are 居委会 (communities), 201–399 are 村委会 (villages).
        const seq = street.rural ? 201 + c : 1 + c;
        const name = nextName(street.rural);
        const region = regionRow(
          rng.uuid(),
          city,
          street.region,
          `${code}${String(seq).padStart(3, '0')}`,
          name,
          'community',
        );
        tree.communities.push({ region, street, district, village: street.rural });
        tree.all.push(region);
      }
    });
  }
  return tree;
}

function regionRow(
  id: string,
  city: DemoRegion | null,
  parent: DemoRegion | null,
  code: string,
  name: string,
  level: DemoRegion['level'],
): DemoRegion {
  return {
    id,
    cityId: city?.id ?? id,
    parentId: parent?.id ?? null,
    code,
    name,
    level,
    // '/<city>/…/<self>/': a subtree is every path starting with its root's path.
    path: `${parent?.path ?? '/'}${id}/`,
  };
}
