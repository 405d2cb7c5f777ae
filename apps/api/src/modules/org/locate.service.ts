import type { LocateResult } from '@chuangcheng/contracts';
import { type AreaGeometry, GridIndex } from '@chuangcheng/domain';
import { inArray } from 'drizzle-orm';
import { blocks, regions, units } from '../../db/schema/index';
import { inCity, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
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

  return {
    /** Marks the index stale (this process changed grids). */
    invalidate(): void {
      dirty = true;
    },

    /** The grid id under a point, or null (no authorization: for other services). */
    async locateGridId(lng: number, lat: number): Promise<string | null> {
      return (await current()).index.locate(lng, lat);
    },

    /** Grid, community, street, district, block and lead unit under a point, within the actor's city. */
    async locate(ctx: Ctx, lng: number, lat: number): Promise<LocateResult> {
      requireRole(ctx.actor, ORG_READ);
      const b = await current();
      const id = b.index.locate(lng, lat);
      const g = id ? b.grids.get(id) : undefined;
      const empty: LocateResult = {
        grid: null,
        community: null,
        street: null,
        district: null,
        block: null,
        leadUnit: null,
      };
      if (!id || !g || !inCity(ctx.actor, g.cityId)) return empty;
      const community = (
        await deps.db
          .select()
          .from(regions)
          .where(inArray(regions.id, [g.communityId]))
      )[0];
      const ancestorIds = community ? community.path.split('/').filter(Boolean) : [];
      const chain = ancestorIds.length
        ? await deps.db.select().from(regions).where(inArray(regions.id, ancestorIds))
        : [];
      const at = (level: string) => {
        const r = chain.find((x) => x.level === level);
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
        community: at('community'),
        street: at('street'),
        district: at('district'),
        block: block ? { id: block.id, code: block.code, name: block.name } : null,
        leadUnit: lead ? { id: lead.id, code: lead.code, name: lead.name } : null,
      };
    },
  };
}

export type LocateService = ReturnType<typeof createLocateService>;
