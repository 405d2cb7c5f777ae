import { geometryAreaM2, geometryBbox } from '@chuangcheng/domain';
import { cellPolygon, hilbertLattice, type Lattice } from './lattice';
import { BLOCKS } from './names';
import { addPerson, type DemoContext, type Org } from './org';
import { apportion } from './random';
import { type CommunityNode, MAX_GRIDS_PER_COMMUNITY, type RegionTree } from './regions';
import type { DemoBlock, DemoBlockUnit, DemoGrid, DemoGridUnit, DemoGridWorker, DemoPerson } from './types';

/** Grids with their links, and the blocks they are grouped into. */
export interface GridLayer {
  grids: DemoGrid[];
  gridUnits: DemoGridUnit[];
  gridWorkers: DemoGridWorker[];
  blocks: DemoBlock[];
  blockUnits: DemoBlockUnit[];
  /** Grid workers by community region id, in grid order. */
  workers: Map<string, DemoPerson[]>;
}

/** 万米单元网格 start date of the demo's grid version. */
const VALID_FROM = '2026-01-01';
/** The brief's "one grid worker per ~8–12 grids". */
const GRIDS_PER_WORKER = 10;
/** Each sponsoring leader takes this many consecutive (hence neighbouring) blocks. */
const BLOCKS_PER_LEADER = 3;
/** A block lists at most this many street offices, leaving room for its partner department (2–4 units). */
const MAX_BLOCK_STREETS = 3;

/**
 * Lays `count` grids along the Hilbert curve: communities take consecutive runs in tree order (so
 * streets and districts are runs too), and the 27 blocks cut the same sequence independently.
 */
export function buildGridLayer(ctx: DemoContext, tree: RegionTree, org: Org, count: number): GridLayer {
  const lattice = hilbertLattice(count);
  // Uneven sizes look like a real city; weights come from their own stream so names stay put.
  const perCommunity = apportion(
    count,
    tree.communities.map(() => ctx.layout.range(0.6, 1.4)),
    1,
  );
  const perBlock = apportion(
    count,
    BLOCKS.map(() => ctx.layout.range(0.7, 1.3)),
    1,
  );
  const layer: GridLayer = {
    grids: [],
    gridUnits: [],
    gridWorkers: [],
    blocks: [],
    blockUnits: [],
    workers: new Map(),
  };
  const blockOfCell = cellOwners(perBlock, count);
  layer.blocks = BLOCKS.map((b, i) => ({
    id: ctx.ids.blocks.uuid(),
    cityId: ctx.cityId,
    code: `B${String(i + 1).padStart(2, '0')}`,
    name: b.name,
    leadUnitId: org.departments.get(b.lead)!.id,
    leaderId: org.leaders[Math.floor(i / BLOCKS_PER_LEADER) % org.leaders.length]!.id,
    note: null,
  }));
  let offset = 0;
  tree.communities.forEach((community, c) => {
    const size = perCommunity[c]!;
    // communityCount() keeps sizes near 500, so this guards the code format rather than expecting to fire.
    if (size > MAX_GRIDS_PER_COMMUNITY) {
      throw new RangeError(`community ${community.region.code} got ${size} grids`);
    }
    addCommunityGrids(ctx, org, layer, { lattice, community, offset, size, blockOfCell });
    offset += size;
  });
  linkBlockUnits(org, tree, layer, blockOfCell);
  return layer;
}

/** Owner index of each cell when consecutive runs of the given sizes are handed out in order. */
function cellOwners(sizes: number[], count: number): Uint16Array {
  const owners = new Uint16Array(count);
  let at = 0;
  sizes.forEach((size, owner) => {
    owners.fill(owner, at, at + size);
    at += size;
  });
  return owners;
}

interface CommunityRun {
  lattice: Lattice;
  community: CommunityNode;
  offset: number;
  size: number;
  blockOfCell: Uint16Array;
}

function addCommunityGrids(ctx: DemoContext, org: Org, layer: GridLayer, run: CommunityRun): void {
  const { community, offset, size } = run;
  const leadUnit = org.communityUnits.get(community.region.id)!;
  const streetUnit = org.streetUnits.get(community.street.region.id)!;
  // GB/T 30428.1: two sequence digits while they suffice, three beyond 99; sequence 0 is never used.
  const digits = size <= 99 ? 2 : 3;
  const workerCount = Math.max(1, Math.round(size / GRIDS_PER_WORKER));
  const workers: DemoPerson[] = [];
  for (let w = 0; w < workerCount; w++)
    workers.push(addPerson(ctx, org, leadUnit, '专职网格员', ['grid_worker']));
  layer.workers.set(community.region.id, workers);
  for (let j = 0; j < size; j++) {
    const geometry = cellPolygon(run.lattice, ctx.seed, offset + j);
    const [minLng, minLat, maxLng, maxLat] = geometryBbox(geometry);
    const seq = String(j + 1).padStart(digits, '0');
    const block = layer.blocks[run.blockOfCell[offset + j]!]!;
    const grid: DemoGrid = {
      id: ctx.ids.grids.uuid(),
      cityId: ctx.cityId,
      code: `${community.region.code}${seq}`,
      name: `${community.district.name}${community.region.name}第${seq}网格`,
      communityId: community.region.id,
      blockId: block.id,
      leadUnitId: leadUnit.id,
      leaderId: block.leaderId,
      geometry,
      minLng,
      minLat,
      maxLng,
      maxLat,
      areaM2: Math.round(geometryAreaM2(geometry) * 100) / 100,
      validFrom: VALID_FROM,
      validTo: null,
    };
    layer.grids.push(grid);
    layer.gridUnits.push({ gridId: grid.id, unitId: streetUnit.id });
    // Consecutive grids go to the same worker, so each worker patrols one contiguous patch.
    const worker = workers[Math.floor((j * workerCount) / size)]!;
    layer.gridWorkers.push({ gridId: grid.id, personId: worker.id });
  }
}

/** Responsible units of each block: the street offices it covers most, then its partner department. */
function linkBlockUnits(org: Org, tree: RegionTree, layer: GridLayer, blockOfCell: Uint16Array): void {
  const streetOf = new Map(tree.communities.map((c) => [c.region.id, c.street.region]));
  const cover = layer.blocks.map(() => new Map<string, number>());
  layer.grids.forEach((grid, i) => {
    const street = streetOf.get(grid.communityId)!;
    const counts = cover[blockOfCell[i]!]!;
    counts.set(street.id, (counts.get(street.id) ?? 0) + 1);
  });
  const streetName = new Map(tree.streets.map((s) => [s.region.id, `${s.district.name}${s.region.name}`]));
  layer.blocks.forEach((block, b) => {
    // Stable sort: equal counts keep first-seen (curve) order, so the choice is deterministic.
    const streets = [...cover[b]!.entries()].sort((x, y) => y[1] - x[1]).slice(0, MAX_BLOCK_STREETS);
    for (const [streetId] of streets) {
      layer.blockUnits.push({ blockId: block.id, unitId: org.streetUnits.get(streetId)!.id });
    }
    const partner = org.departments.get(BLOCKS[b]!.partner)!;
    layer.blockUnits.push({ blockId: block.id, unitId: partner.id });
    block.note = `覆盖${streets.map(([id]) => streetName.get(id)).join('、')}；配合单位：${partner.name}`;
  });
}
