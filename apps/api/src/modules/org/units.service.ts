import type { unitListQuerySchema } from '@chuangcheng/contracts';
import { requireCity, requireRegion, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldDetails, isUniqueViolation } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { OrgDeps } from './org.deps';
import { cityForCreate, ORG_READ, ORG_WRITE } from './org.policy';
import { presentUnit } from './org.presenter';
import type { CreateUnit, Page, Unit, UpdateUnit, z } from './org.types';
import type { RegionsService } from './regions.service';
import { createUnitsRepository } from './units.repository';

export function createUnitsService(deps: OrgDeps, regions: RegionsService) {
  const repo = createUnitsRepository(deps.db);

  async function load(ctx: Ctx, id: string) {
    requireRole(ctx.actor, ORG_READ);
    const u = await repo.byId(id);
    if (!u) throw new AppError('UNIT_NOT_FOUND');
    requireCity(ctx.actor, u.cityId);
    if (ctx.actor.regionPath && u.kind !== 'department') requireRegion(ctx.actor, u.cityId, u.regionPath);
    return u;
  }

  /** The referenced parent unit and region exist, belong to the city and (region) lie in the actor's scope. */
  async function checkRefs(
    ctx: Ctx,
    cityId: string,
    input: { parentId?: string | null; regionId?: string | null },
    selfId?: string,
  ) {
    if (input.parentId) {
      if (input.parentId === selfId)
        throw new AppError('VALIDATION_FAILED', fieldDetails('parentId', '上级单位不能是自己'));
      const p = await repo.byId(input.parentId);
      if (!p || p.cityId !== cityId)
        throw new AppError('UNIT_NOT_FOUND', fieldDetails('parentId', '上级单位不存在'));
    }
    if (input.regionId) {
      const r = await regions.repo.byId(input.regionId);
      if (!r || r.cityId !== cityId)
        throw new AppError('REGION_NOT_FOUND', fieldDetails('regionId', '所属区划不存在'));
      requireRegion(ctx.actor, r.cityId, r.path);
    }
  }

  const strip = ({ regionPath: _p, cityId: _c, ...u }: Awaited<ReturnType<typeof load>>) => u;

  return {
    repo,
    async getUnit(ctx: Ctx, id: string): Promise<Unit> {
      return presentUnit(ctx.actor, strip(await load(ctx, id)));
    },

    async listUnits(ctx: Ctx, q: z.infer<typeof unitListQuerySchema>): Promise<Page<Unit>> {
      requireRole(ctx.actor, ORG_READ);
      const { rows, total } = await repo.list(
        {
          cityId: ctx.actor.cityId,
          pathPrefix: ctx.actor.regionPath,
          kind: q.kind,
          regionId: q.regionId,
          q: q.q,
        },
        offsetOf(q),
        q.pageSize,
      );
      return pageResult(
        rows.map((r) => presentUnit(ctx.actor, strip(r))),
        total,
        q,
      );
    },

    async createUnit(ctx: Ctx, input: CreateUnit): Promise<Unit> {
      requireRole(ctx.actor, ORG_WRITE);
      const cities = ctx.actor.cityId ? [] : await regions.repo.cities();
      const regionCity = input.regionId ? ((await regions.repo.byId(input.regionId))?.cityId ?? null) : null;
      const cityId = cityForCreate(ctx.actor, regionCity, cities.length === 1 ? cities[0]!.id : null);
      if (ctx.actor.regionPath && !input.regionId) {
        throw new AppError(
          'FORBIDDEN_SCOPE',
          fieldDetails('regionId', '区域账号新建单位须指定本辖区内的所属区划'),
        );
      }
      await checkRefs(ctx, cityId, input);
      const now = deps.clock.now();
      const row = {
        id: newId(now.getTime()),
        cityId,
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: input.parentId ?? null,
        regionId: input.regionId ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        address: input.address ?? null,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await deps.db.transaction(async (tx) => {
          await repo.insert(tx, row);
          await deps.audit.record(tx, ctx, {
            cityId,
            action: 'create',
            entityType: 'unit',
            entityId: row.id,
            after: row,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('DUPLICATE_CODE', fieldDetails('code', `单位编码 ${input.code} 已存在`));
        throw e;
      }
      return this.getUnit(ctx, row.id);
    },

    async updateUnit(ctx: Ctx, id: string, patch: UpdateUnit): Promise<Unit> {
      const before = await load(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      if (ctx.actor.regionPath) requireRegion(ctx.actor, before.cityId, before.regionPath);
      await checkRefs(ctx, before.cityId, patch, id);
      try {
        await deps.db.transaction(async (tx) => {
          await repo.update(tx, id, { ...patch, updatedAt: deps.clock.now() });
          await deps.audit.record(tx, ctx, {
            cityId: before.cityId,
            action: 'update',
            entityType: 'unit',
            entityId: id,
            before: strip(before),
            after: patch,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('DUPLICATE_CODE', fieldDetails('code', `单位编码 ${patch.code} 已存在`));
        throw e;
      }
      return this.getUnit(ctx, id);
    },

    async deleteUnit(ctx: Ctx, id: string): Promise<void> {
      const before = await load(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      if (ctx.actor.regionPath) requireRegion(ctx.actor, before.cityId, before.regionPath);
      const refs = await repo.references(id);
      if (refs > 0)
        throw new AppError(
          'IN_USE',
          { references: refs },
          `该单位仍被 ${refs} 处下级单位、人员、网格、区块或用户引用，不能删除`,
        );
      await deps.db.transaction(async (tx) => {
        await repo.remove(tx, id);
        await deps.audit.record(tx, ctx, {
          cityId: before.cityId,
          action: 'delete',
          entityType: 'unit',
          entityId: id,
          before: strip(before),
        });
      });
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
