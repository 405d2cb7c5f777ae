import type { blockListQuerySchema, updateBlockSchema } from '@chuangcheng/contracts';
import { requireCity, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
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

  async function load(ctx: Ctx, id: string): Promise<Row> {
    requireRole(ctx.actor, ORG_READ);
    const b = await repo.byId(id);
    if (!b) throw new AppError('BLOCK_NOT_FOUND');
    requireCity(ctx.actor, b.cityId);
    return b;
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
        { cityId: ctx.actor.cityId, leadUnitId: q.leadUnitId, q: q.q },
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
