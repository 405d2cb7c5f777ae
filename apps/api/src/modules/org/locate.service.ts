import type { LocateResult } from '@chuangcheng/contracts';
import { type AreaGeometry, GridIndex } from '@chuangcheng/domain';
import { inArray } from 'drizzle-orm';
import { blocks, regions, units } from '../../db/schema/index';
import { inCity, inRegion, requireRole } from '../../platform/access';
import type { Actor, Ctx } from '../../platform/actor';
import type { GridsRepository } from './grids.repository';
import type { OrgDeps } from './org.deps';
import { ORG_READ } from './org.policy';

/** How stale another process's grid change may be before this process notices it. */
const VERSION_POLL_MS = 2000;

interface Built {
  version: string;
  index: GridIndex;
  grids: Map<
    string,
    {
      cityId: string;
      code: string;
      name: string;
      communityId: string;
      blockId: string | null;
      leadUnitId: string | null;
    }
  >;
}

/**
 * locate(lng, lat): an in-memory R-tree (flatbush) over the current grids plus exact point-in-polygon,
 * rebuilt when the grids version (meta.grids_version, bumped in every grid-changing transaction) moves.
 */
export function createLocateService(deps: OrgDeps, gridsRepo: GridsRepository) {
  let built: Promise<Built> | null = null;
  let checkedAt = 0;
  let dirty = true;

  async function build(): Promise<Built> {
    const version = await gridsRepo.version();
    const rows = await gridsRepo.currentGeometries({ cityId: null, pathPrefix: null });
    const index = GridIndex.build(
      rows.map((r) => ({
        id: r.id,
        geometry: r.geometry as AreaGeometry,
        bbox: [r.minLng, r.minLat, r.maxLng, r.maxLat],
      })),
    );
    return { version, index, grids: new Map(rows.map((r) => [r.id, r])) };
  }

  async function current(): Promise<Built> {
    const now = Date.now();
    if (built && !dirty && now - checkedAt > VERSION_POLL_MS) {
      checkedAt = now;
      const b = await built;
      if ((await gridsRepo.version()) !== b.version) dirty = true;
    }
    if (!built || dirty) {
      dirty = false;
      checkedAt = now;
      built = build().catch((e) => {
        built = null;
        throw e;
      });
    }
    return built;
  }

  /**
   * The grid under a point with its community, and whether it lies in the actor's scope (their city and
   * region subtree). null: the point is in no current grid.
   */
  async function gridAt(actor: Actor, lng: number, lat: number) {
    const b = await current();
    const id = b.index.locate(lng, lat);
    const g = id ? b.grids.get(id) : undefined;
    if (!id || !g) return null;
    if (!inCity(actor, g.cityId)) return { id, grid: g, community: undefined, inScope: false };
    const [community] = await deps.db
      .select()
      .from(regions)
      .where(inArray(regions.id, [g.communityId]));
    return { id, grid: g, community, inScope: inRegion(actor, g.cityId, community?.path ?? null) };
  }

  return {
    /** Marks the index stale (this process changed grids). */
    invalidate(): void {
      dirty = true;
    },

    /** The grid id under a point, or null (no authorization: for other services). */
    async locateGridId(lng: number, lat: number): Promise<string | null> {
      return (await current()).index.locate(lng, lat);
    },

    /**
     * False when the point lies in a grid outside the actor's scope (another district or city): what
     * lies there — grid, community, units, the dispatch decision — is not theirs to see.
     */
    async pointInScope(actor: Actor, lng: number, lat: number): Promise<boolean> {
      return (await gridAt(actor, lng, lat))?.inScope ?? true;
    },

    /**
     * Grid, community, street, district, block and lead unit under a point. A point in a grid outside
     * the reader's scope answers only that fact (outOfScope, every name withheld).
     */
    async locate(ctx: Ctx, lng: number, lat: number): Promise<LocateResult> {
      requireRole(ctx.actor, ORG_READ);
      const at = await gridAt(ctx.actor, lng, lat);
      const empty: LocateResult = {
        grid: null,
        community: null,
        street: null,
        district: null,
        block: null,
        leadUnit: null,
        outOfScope: false,
      };
      if (!at) return empty;
      if (!at.inScope) return { ...empty, outOfScope: true };
      const { id, grid: g, community } = at;
      const ancestorIds = community ? community.path.split('/').filter(Boolean) : [];
      const chain = ancestorIds.length
        ? await deps.db.select().from(regions).where(inArray(regions.id, ancestorIds))
        : [];
      const level = (name: string) => {
        const r = chain.find((x) => x.level === name);
        return r ? { id: r.id, code: r.code, name: r.name } : null;
      };
      const [block] = g.blockId
        ? await deps.db
            .select()
            .from(blocks)
            .where(inArray(blocks.id, [g.blockId]))
        : [];
      const [lead] = g.leadUnitId
        ? await deps.db
            .select()
            .from(units)
            .where(inArray(units.id, [g.leadUnitId]))
        : [];
      return {
        grid: { id, code: g.code, name: g.name },
        community: level('community'),
        street: level('street'),
        district: level('district'),
        block: block ? { id: block.id, code: block.code, name: block.name } : null,
        leadUnit: lead ? { id: lead.id, code: lead.code, name: lead.name } : null,
        outOfScope: false,
      };
    },
  };
}

export type LocateService = ReturnType<typeof createLocateService>;
