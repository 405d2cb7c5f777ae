import type { blockListQuerySchema, updateBlockSchema } from '@chuangcheng/contracts';
import { inRegion, requireCity, requireRole } from '../../platform/access';
import type { Actor, Ctx } from '../../platform/actor';
import { AppError, fieldDetails, isUniqueViolation } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import { createBlocksRepository } from './blocks.repository';
import type { GridsService } from './grids.service';
import type { OrgDeps } from './org.deps';
import { cityForCreate, ORG_READ, ORG_WRITE } from './org.policy';
import { ref } from './org.presenter';
import type { Block, CreateBlock, Page, z } from './org.types';
import type { PeopleService } from './people.service';
import type { RegionsService } from './regions.service';
import type { UnitsService } from './units.service';

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof createBlocksRepository>['byId']>>>;

/**
 * The scope of a 责任区块. A block lies where its current grids lie (their communities' paths); a block
 * without grids lies where its lead unit does (a unit without a region: the whole city). A user scoped
 * to a region READS a block when any of it lies in their subtree — a block spanning districts A and B is
 * readable by both district offices — and WRITES it (edit, set grids or units, delete) only when all of
 * it does: only a scope holding every grid of the spanning block (the city, or a common ancestor) may
 * change it. Every grid a write assigns must lie in the writer's subtree too. City-wide users read and
 * write every block of their city. The list applies the read rule in SQL (blocks.repository inSubtree).
 */
export const readsBlock = (actor: Actor, cityId: string, places: readonly (string | null)[]) =>
  places.some((p) => inRegion(actor, cityId, p));
export const writesBlock = (actor: Actor, cityId: string, places: readonly (string | null)[]) =>
  places.length > 0 && places.every((p) => inRegion(actor, cityId, p));

export function createBlocksService(
  deps: OrgDeps,
  org: { regions: RegionsService; units: UnitsService; people: PeopleService; grids: GridsService },
  onChange: () => void,
) {
  const repo = createBlocksRepository(deps.db);

  async function present(rows: Row[]): Promise<Block[]> {
    const resp = await repo.responsibleUnits(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      leadUnit: ref(r.leadUnitId, r.leadUnitCode, r.leadUnitName),
      responsibleUnits: resp
        .filter((u) => u.blockId === r.id)
        .map(({ id, code, name }) => ({ id, code, name })),
      leaderId: r.leaderId,
      leaderName: r.leaderName,
      gridCount: Number(r.gridCount),
      note: r.note,
    }));
  }

  /** Where the block lies: its grids' community paths, else its lead unit's region path (see readsBlock). */
  async function placesOf(gridPaths: string[], leadUnitId: string): Promise<(string | null)[]> {
    return gridPaths.length ? gridPaths : [await repo.unitRegionPath(leadUnitId)];
  }

  async function load(ctx: Ctx, id: string): Promise<Row> {
    requireRole(ctx.actor, ORG_READ);
    const b = await repo.byId(id);
    if (!b) throw new AppError('BLOCK_NOT_FOUND');
    requireCity(ctx.actor, b.cityId);
    if (ctx.actor.regionPath !== null) {
      const places = await placesOf(await repo.gridPaths(id), b.leadUnitId);
      if (!readsBlock(ctx.actor, b.cityId, places)) throw new AppError('FORBIDDEN_SCOPE', { id });
    }
    return b;
  }

  /**
   * A write is allowed when the block lies wholly in the actor's scope before (the block's current
   * grids) and after (the grids it is given, else the lead unit it keeps or gets); FORBIDDEN_SCOPE
   * otherwise, checked before anything is written.
   */
  async function checkWrite(
    ctx: Ctx,
    cityId: string,
    before: { id: string; leadUnitId: string } | null,
    after: { leadUnitId: string; gridCodes: string[] | undefined },
  ): Promise<void> {
    if (ctx.actor.regionPath === null) return;
    const current = before ? await repo.gridPaths(before.id) : [];
    if (before && !writesBlock(ctx.actor, cityId, await placesOf(current, before.leadUnitId)))
      throw new AppError(
        'FORBIDDEN_SCOPE',
        { id: before.id },
        '该责任区块有网格不在您的管辖范围内，只能由管辖其全部网格的用户修改或删除',
      );
    let next = current;
    if (after.gridCodes) {
      const found = await repo.currentGrids(cityId, after.gridCodes);
      const outside = found.filter((g) => !inRegion(ctx.actor, cityId, g.path)).map((g) => g.code);
      if (outside.length)
        throw new AppError('FORBIDDEN_SCOPE', {
          ...fieldDetails(
            'gridCodes',
            `网格 ${outside.slice(0, 20).join(', ')}${outside.length > 20 ? ` 等 ${outside.length} 个` : ''} 不在您的管辖范围内`,
          ),
          gridCodes: outside,
        });
      next = found.map((g) => g.path);
    }
    if (!writesBlock(ctx.actor, cityId, await placesOf(next, after.leadUnitId)))
      throw new AppError(
        'FORBIDDEN_SCOPE',
        fieldDetails('leadUnitId', '没有网格的责任区块按牵头单位所在区域管辖，该牵头单位不在您的管辖范围内'),
      );
  }

  async function checkRefs(cityId: string, input: Partial<CreateBlock>) {
    const ids = [...(input.leadUnitId ? [input.leadUnitId] : []), ...(input.responsibleUnitIds ?? [])];
    const found = await org.units.repo.byIds(ids);
    const missing = ids.filter((id) => !found.some((u) => u.id === id && u.cityId === cityId));
    if (missing.length)
      throw new AppError(
        'UNIT_NOT_FOUND',
        fieldDetails(
          input.leadUnitId && missing.includes(input.leadUnitId) ? 'leadUnitId' : 'responsibleUnitIds',
          `单位不存在：${missing.join(', ')}`,
        ),
      );
    if (input.leaderId) {
      const [p] = await org.people.repo.byIds([input.leaderId]);
      if (!p || p.cityId !== cityId)
        throw new AppError('PERSON_NOT_FOUND', fieldDetails('leaderId', '包保领导不存在'));
    }
  }

  async function assignGrids(
    tx: Parameters<Parameters<typeof deps.db.transaction>[0]>[0],
    cityId: string,
    blockId: string,
    codes: string[] | undefined,
  ) {
    if (!codes) return;
    const missing = await repo.setGrids(tx, cityId, blockId, codes);
    if (missing.length) {
      throw new AppError(
        'GRID_NOT_FOUND',
        fieldDetails(
          'gridCodes',
          `以下网格编码不存在：${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ` 等 ${missing.length} 个` : ''}`,
        ),
      );
    }
    await org.grids.repo.bumpVersion(tx);
  }

  return {
    async getBlock(ctx: Ctx, id: string): Promise<Block> {
      return (await present([await load(ctx, id)]))[0]!;
    },

    async listBlocks(ctx: Ctx, q: z.infer<typeof blockListQuerySchema>): Promise<Page<Block>> {
      requireRole(ctx.actor, ORG_READ);
      const { rows, total } = await repo.list(
        { cityId: ctx.actor.cityId, regionPath: ctx.actor.regionPath, leadUnitId: q.leadUnitId, q: q.q },
        offsetOf(q),
        q.pageSize,
      );
      return pageResult(await present(rows), total, q);
    },

    async createBlock(ctx: Ctx, input: CreateBlock): Promise<Block> {
      requireRole(ctx.actor, ORG_WRITE);
      const lead = (await org.units.repo.byIds([input.leadUnitId]))[0];
      if (!lead) throw new AppError('UNIT_NOT_FOUND', fieldDetails('leadUnitId', '牵头单位不存在'));
      const cityId = cityForCreate(ctx.actor, lead.cityId, null);
      await checkRefs(cityId, input);
      await checkWrite(ctx, cityId, null, { leadUnitId: input.leadUnitId, gridCodes: input.gridCodes });
      const now = deps.clock.now();
      const row = {
        id: newId(now.getTime()),
        cityId,
        code: input.code,
        name: input.name,
        leadUnitId: input.leadUnitId,
        leaderId: input.leaderId ?? null,
        note: input.note ?? null,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await deps.db.transaction(async (tx) => {
          await repo.insert(tx, row);
          await repo.setUnits(tx, row.id, input.responsibleUnitIds ?? []);
          await assignGrids(tx, cityId, row.id, input.gridCodes);
          await deps.audit.record(tx, ctx, {
            cityId,
            action: 'create',
            entityType: 'block',
            entityId: row.id,
            after: {
              ...row,
              responsibleUnitIds: input.responsibleUnitIds,
              gridCount: input.gridCodes?.length ?? 0,
            },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('DUPLICATE_CODE', fieldDetails('code', `区块编码 ${input.code} 已存在`));
        throw e;
      }
      if (input.gridCodes) onChange();
      return this.getBlock(ctx, row.id);
    },

    async updateBlock(ctx: Ctx, id: string, patch: z.infer<typeof updateBlockSchema>): Promise<Block> {
      const before = await load(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      await checkRefs(before.cityId, patch);
      await checkWrite(ctx, before.cityId, before, {
        leadUnitId: patch.leadUnitId ?? before.leadUnitId,
        gridCodes: patch.gridCodes,
      });
      const { responsibleUnitIds, gridCodes, ...attrs } = patch;
      try {
        await deps.db.transaction(async (tx) => {
          await repo.update(tx, id, { ...attrs, updatedAt: deps.clock.now() });
          if (responsibleUnitIds) await repo.setUnits(tx, id, responsibleUnitIds);
          await assignGrids(tx, before.cityId, id, gridCodes);
          await deps.audit.record(tx, ctx, {
            cityId: before.cityId,
            action: 'update',
            entityType: 'block',
            entityId: id,
            before,
            after: { ...attrs, responsibleUnitIds, gridCount: gridCodes?.length },
          });
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('DUPLICATE_CODE', fieldDetails('code', `区块编码 ${patch.code} 已存在`));
        throw e;
      }
      if (gridCodes) onChange();
      return this.getBlock(ctx, id);
    },

    async deleteBlock(ctx: Ctx, id: string): Promise<void> {
      const before = await load(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      await checkWrite(ctx, before.cityId, before, { leadUnitId: before.leadUnitId, gridCodes: undefined });
      await deps.db.transaction(async (tx) => {
        await repo.remove(tx, id);
        await org.grids.repo.bumpVersion(tx);
        await deps.audit.record(tx, ctx, {
          cityId: before.cityId,
          action: 'delete',
          entityType: 'block',
          entityId: id,
          before,
        });
      });
      onChange();
    },
  };
}

export type BlocksService = ReturnType<typeof createBlocksService>;
