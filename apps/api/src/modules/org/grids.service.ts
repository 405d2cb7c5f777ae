import type { GridFeatureCollection, gridListQuerySchema } from '@chuangcheng/contracts';
import {
  type AreaGeometry,
  geometryAreaM2,
  geometryBbox,
  getGridCodeValidator,
  validateAreaGeometry,
} from '@chuangcheng/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { blocks } from '../../db/schema/index';
import { inRegion, requireCity, requireRegion, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldDetails, isUniqueViolation } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import { createBlocksRepository } from './blocks.repository';
import { createGridsRepository } from './grids.repository';
import type { OrgDeps } from './org.deps';
import { ORG_READ, ORG_WRITE } from './org.policy';
import { ref } from './org.presenter';
import type { CreateGrid, Grid, GridDetail, Page, UpdateGrid, z } from './org.types';
import type { PeopleService } from './people.service';
import type { RegionsService } from './regions.service';
import type { UnitsService } from './units.service';

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof createGridsRepository>['byId']>>>;
type ListRow = Row;

/** The city's calendar day (Asia/Shanghai) for valid_from / valid_to. */
export function cityDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function toGrid(
  r: ListRow,
  members: { units: { gridId: string; unitId: string }[]; workers: { gridId: string; personId: string }[] },
): Grid {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    community: ref(r.communityId, r.communityCode, r.communityName),
    street: ref(r.streetId, r.streetCode, r.streetName),
    district: ref(r.districtId, r.districtCode, r.districtName),
    block: ref(r.blockId, r.blockCode, r.blockName),
    leadUnit: ref(r.leadUnitId, r.leadUnitCode, r.leadUnitName),
    memberUnitIds: members.units.filter((m) => m.gridId === r.id).map((m) => m.unitId),
    workerIds: members.workers.filter((m) => m.gridId === r.id).map((m) => m.personId),
    leaderId: r.leaderId,
    areaM2: Math.round(r.areaM2 * 10) / 10,
    bbox: [r.minLng, r.minLat, r.maxLng, r.maxLat],
    validFrom: String(r.validFrom),
    validTo: r.validTo === null ? null : String(r.validTo),
  };
}

export function createGridsService(
  deps: OrgDeps,
  org: { regions: RegionsService; units: UnitsService; people: PeopleService },
  onChange: () => void,
) {
  const repo = createGridsRepository(deps.db);
  const codeValidator = getGridCodeValidator(deps.gridCodeRule);

  async function load(ctx: Ctx, id: string): Promise<Row> {
    requireRole(ctx.actor, ORG_READ);
    const g = await repo.byId(id);
    if (!g) throw new AppError('GRID_NOT_FOUND');
    requireRegion(ctx.actor, g.cityId, g.communityPath);
    return g;
  }

  function checkGeometry(geometry: unknown): AreaGeometry {
    const v = validateAreaGeometry(geometry);
    if (!v.ok)
      throw new AppError('INVALID_GEOMETRY', fieldDetails('geometry', v.reason), `几何图形无效：${v.reason}`);
    return v.geometry;
  }

  /** Every id the grid points at exists in the same city (and the community in the actor's scope). */
  async function checkRefs(
    ctx: Ctx,
    cityId: string,
    input: Partial<CreateGrid>,
    currentBlockId: string | null = null,
  ) {
    const sameCity = async (
      ids: string[],
      fetch: (ids: string[]) => Promise<{ id: string; cityId: string }[]>,
      name: string,
      label: string,
    ) => {
      const found = await fetch(ids);
      const missing = ids.filter((id) => !found.some((f) => f.id === id && f.cityId === cityId));
      if (missing.length)
        throw new AppError('VALIDATION_FAILED', fieldDetails(name, `${label}不存在：${missing.join(', ')}`));
    };
    if (input.leadUnitId) await sameCity([input.leadUnitId], org.units.repo.byIds, 'leadUnitId', '牵头单位');
    if (input.memberUnitIds?.length)
      await sameCity(input.memberUnitIds, org.units.repo.byIds, 'memberUnitIds', '成员单位');
    if (input.workerIds?.length)
      await sameCity(input.workerIds, org.people.repo.byIds, 'workerIds', '网格员');
    if (input.leaderId) await sameCity([input.leaderId], org.people.repo.byIds, 'leaderId', '包保领导');
    if (input.blockId) {
      const [b] = await deps.db
        .select({ id: blocks.id, cityId: blocks.cityId })
        .from(blocks)
        .where(eq(blocks.id, input.blockId));
      if (!b || b.cityId !== cityId)
        throw new AppError('BLOCK_NOT_FOUND', fieldDetails('blockId', '责任区块不存在'));
      // Putting a grid into a block changes the block: a region-scoped writer may do it only when the
      // block lies wholly in their subtree (the 责任区块 write rule: its current grids, else its lead
      // unit's region).
      if (input.blockId !== currentBlockId && ctx.actor.regionPath !== null) {
        const blocksRepo = createBlocksRepository(deps.db);
        const paths = await blocksRepo.gridPaths(input.blockId);
        const places = paths.length
          ? paths
          : [await blocksRepo.unitRegionPath((await blocksRepo.byId(input.blockId))?.leadUnitId ?? '')];
        if (!places.every((p) => inRegion(ctx.actor, cityId, p)))
          throw new AppError('FORBIDDEN_SCOPE', fieldDetails('blockId', '该责任区块不全在您的管辖范围内'));
      }
    }
  }

  async function community(ctx: Ctx, id: string) {
    const c = await org.regions.repo.byId(id);
    if (c?.level !== 'community')
      throw new AppError('REGION_NOT_FOUND', fieldDetails('communityId', '所属社区不存在'));
    requireRegion(ctx.actor, c.cityId, c.path);
    return c;
  }

  const geomCols = (g: AreaGeometry) => {
    const [minLng, minLat, maxLng, maxLat] = geometryBbox(g);
    return { geometry: g, minLng, minLat, maxLng, maxLat, areaM2: geometryAreaM2(g) };
  };

  async function changed(tx: Db) {
    await repo.bumpVersion(tx);
  }

  return {
    repo,
    async getGrid(ctx: Ctx, id: string): Promise<GridDetail> {
      const g = await load(ctx, id);
      return { ...toGrid(g, await repo.members([g.id])), geometry: g.geometry as GridDetail['geometry'] };
    },

    async gridHistory(ctx: Ctx, id: string): Promise<Grid[]> {
      const g = await load(ctx, id);
      const rows = await repo.history(g.cityId, g.code);
      const members = await repo.members(rows.map((r) => r.id));
      return rows.map((r) => toGrid(r, members));
    },

    async listGrids(ctx: Ctx, q: z.infer<typeof gridListQuerySchema>): Promise<Page<Grid>> {
      requireRole(ctx.actor, ORG_READ);
      const regionPath = q.regionId ? (await org.regions.get(ctx, q.regionId)).path : undefined;
      const { rows, total } = await repo.list(
        {
          cityId: ctx.actor.cityId,
          pathPrefix: ctx.actor.regionPath,
          day: q.asOf ?? cityDay(deps.clock.now()),
          regionPath,
          blockId: q.blockId,
          leadUnitId: q.leadUnitId,
          q: q.q,
        },
        offsetOf(q),
        q.pageSize,
      );
      const members = await repo.members(rows.map((r) => r.id));
      return pageResult(
        rows.map((r) => toGrid(r, members)),
        total,
        q,
      );
    },

    /** Every current grid in scope as GeoJSON, coordinates rounded to 1e-5° (~1 m) to keep the payload small. */
    async geojson(ctx: Ctx): Promise<GridFeatureCollection> {
      requireRole(ctx.actor, ORG_READ);
      const rows = await repo.currentGeometries({
        cityId: ctx.actor.cityId,
        pathPrefix: ctx.actor.regionPath,
      });
      const round = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(round) : Math.round((v as number) * 1e5) / 1e5;
      return {
        type: 'FeatureCollection',
        features: rows.map((r) => {
          const g = r.geometry as AreaGeometry;
          return {
            type: 'Feature' as const,
            id: r.id,
            properties: { code: r.code, name: r.name, blockId: r.blockId, communityId: r.communityId },
            geometry: {
              type: g.type,
              coordinates: round(g.coordinates),
            } as GridFeatureCollection['features'][number]['geometry'],
          };
        }),
      };
    },

    async createGrid(ctx: Ctx, input: CreateGrid): Promise<GridDetail> {
      requireRole(ctx.actor, ORG_WRITE);
      const c = await community(ctx, input.communityId);
      const reason = codeValidator.validate(input.code, { communityCode: c.code });
      if (reason) throw new AppError('INVALID_CODE', fieldDetails('code', reason), `网格编码无效：${reason}`);
      const geometry = checkGeometry(input.geometry);
      await checkRefs(ctx, c.cityId, input);
      const now = deps.clock.now();
      const row = {
        id: newId(now.getTime()),
        cityId: c.cityId,
        code: input.code,
        name: input.name,
        communityId: c.id,
        blockId: input.blockId ?? null,
        leadUnitId: input.leadUnitId ?? null,
        leaderId: input.leaderId ?? null,
        ...geomCols(geometry),
        validFrom: input.validFrom ?? cityDay(now),
        validTo: null,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await deps.db.transaction(async (tx) => {
          await repo.insert(tx, row, input.memberUnitIds ?? [], input.workerIds ?? []);
          await changed(tx);
          const { geometry: _g, ...after } = row;
          await deps.audit.record(tx, ctx, {
            cityId: c.cityId,
            action: 'create',
            entityType: 'grid',
            entityId: row.id,
            after,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('DUPLICATE_CODE', fieldDetails('code', `网格编码 ${input.code} 已存在`));
        throw e;
      }
      onChange();
      return this.getGrid(ctx, row.id);
    },

    /**
     * Attribute changes edit the current version; a geometry or community change closes it (valid_to =
     * today) and opens a new version with the same code, so history and old cases keep their grid.
     */
    async updateGrid(ctx: Ctx, id: string, patch: UpdateGrid): Promise<GridDetail> {
      const before = await load(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      if (before.validTo !== null)
        throw new AppError('CONFLICT', fieldDetails('id', '只能修改当前有效的网格版本'));
      requireRegion(ctx.actor, before.cityId, before.communityPath);
      const c = patch.communityId ? await community(ctx, patch.communityId) : null;
      if (c && c.cityId !== before.cityId) throw new AppError('FORBIDDEN_SCOPE');
      if (c) {
        const reason = codeValidator.validate(before.code, { communityCode: c.code });
        if (reason) throw new AppError('INVALID_CODE', fieldDetails('communityId', reason));
      }
      const geometry = patch.geometry ? checkGeometry(patch.geometry) : null;
      await checkRefs(ctx, before.cityId, patch, before.blockId);
      const now = deps.clock.now();
      const attrs = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.blockId !== undefined ? { blockId: patch.blockId } : {}),
        ...(patch.leadUnitId !== undefined ? { leadUnitId: patch.leadUnitId } : {}),
        ...(patch.leaderId !== undefined ? { leaderId: patch.leaderId } : {}),
      };
      let newIdValue = id;
      // Read before the transaction: on PGlite a query on `db` inside a transaction waits for it forever.
      const members = await repo.members([id]);
      await deps.db.transaction(async (tx) => {
        if (geometry || c) {
          const today = cityDay(now);
          newIdValue = newId(now.getTime());
          await repo.update(tx, id, { validTo: today, updatedAt: now });
          await repo.insert(
            tx,
            {
              id: newIdValue,
              cityId: before.cityId,
              code: before.code,
              name: before.name,
              communityId: c?.id ?? before.communityId,
              blockId: before.blockId,
              leadUnitId: before.leadUnitId,
              leaderId: before.leaderId,
              ...geomCols(geometry ?? (before.geometry as AreaGeometry)),
              ...attrs,
              validFrom: today,
              validTo: null,
              createdAt: now,
              updatedAt: now,
            },
            patch.memberUnitIds ?? members.units.map((m) => m.unitId),
            patch.workerIds ?? members.workers.map((m) => m.personId),
          );
        } else {
          await repo.update(tx, id, { ...attrs, updatedAt: now });
          await repo.setMembers(tx, id, patch.memberUnitIds, patch.workerIds);
        }
        await changed(tx);
        const { geometry: _g, ...rest } = patch;
        await deps.audit.record(tx, ctx, {
          cityId: before.cityId,
          action: 'update',
          entityType: 'grid',
          entityId: newIdValue,
          before: {
            id,
            code: before.code,
            name: before.name,
            blockId: before.blockId,
            leadUnitId: before.leadUnitId,
          },
          after: { ...rest, ...(geometry ? { geometryChanged: true, previousVersion: id } : {}) },
        });
      });
      onChange();
      return this.getGrid(ctx, newIdValue);
    },

    /** Retires a grid (valid_to = today); its history stays. */
    async retireGrid(ctx: Ctx, id: string): Promise<void> {
      const before = await load(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      requireCity(ctx.actor, before.cityId);
      if (before.validTo !== null) throw new AppError('CONFLICT', fieldDetails('id', '该网格版本已失效'));
      await deps.db.transaction(async (tx) => {
        await repo.update(tx, id, { validTo: cityDay(deps.clock.now()), updatedAt: deps.clock.now() });
        await changed(tx);
        await deps.audit.record(tx, ctx, {
          cityId: before.cityId,
          action: 'delete',
          entityType: 'grid',
          entityId: id,
          before: { code: before.code, name: before.name },
        });
      });
      onChange();
    },
  };
}

export type GridsService = ReturnType<typeof createGridsService>;
