import type { createRegionSchema, regionListQuerySchema } from '@chuangcheng/contracts';
import {
  type Page,
  REGION_LEVEL_LABELS,
  REGION_LEVELS,
  type Region,
  type RegionLevel,
} from '@chuangcheng/contracts';
import { childCodeOk, REGION_CODE_LENGTHS, regionCodeLevelOk } from '@chuangcheng/domain';
import type { z } from 'zod';
import { requireRegion, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldDetails, isUniqueViolation } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { OrgDeps } from './org.deps';
import { ORG_READ, ORG_WRITE } from './org.policy';
import { presentRegion } from './org.presenter';
import { createRegionsRepository, type RegionRow } from './regions.repository';

export function createRegionsService(deps: OrgDeps) {
  const repo = createRegionsRepository(deps.db);

  async function get(ctx: Ctx, id: string): Promise<RegionRow> {
    requireRole(ctx.actor, ORG_READ);
    const r = await repo.byId(id);
    if (!r) throw new AppError('REGION_NOT_FOUND');
    // Ancestors of one's scope are visible (names on screen), everything else only inside the subtree.
    const ancestor = ctx.actor.regionPath?.includes(`/${r.id}/`) ?? false;
    if (!ancestor) requireRegion(ctx.actor, r.cityId, r.path);
    return r;
  }

  return {
    repo,
    get,
    async getRegion(ctx: Ctx, id: string): Promise<Region> {
      return presentRegion(await get(ctx, id));
    },

    /** The whole tree the actor may see, flat (the web nests it). */
    async tree(ctx: Ctx): Promise<Region[]> {
      requireRole(ctx.actor, ORG_READ);
      return (await repo.subtree(ctx.actor.cityId, ctx.actor.regionPath)).map(presentRegion);
    },

    async listRegions(ctx: Ctx, q: z.infer<typeof regionListQuerySchema>): Promise<Page<Region>> {
      requireRole(ctx.actor, ORG_READ);
      const { rows, total } = await repo.list(
        {
          cityId: ctx.actor.cityId,
          pathPrefix: ctx.actor.regionPath,
          parentId: q.parentId,
          level: q.level,
          q: q.q,
        },
        offsetOf(q),
        q.pageSize,
      );
      return pageResult(rows.map(presentRegion), total, q);
    },

    /** Adds a region under a parent: level one below it, code extending the parent's (a city only by admins). */
    async createRegion(ctx: Ctx, input: z.infer<typeof createRegionSchema>): Promise<Region> {
      requireRole(ctx.actor, ORG_WRITE);
      const now = deps.clock.now();
      const id = newId(now.getTime());
      let parent: RegionRow | undefined;
      if (input.parentId) {
        parent = await repo.byId(input.parentId);
        if (!parent) throw new AppError('REGION_NOT_FOUND', fieldDetails('parentId', '上级区划不存在'));
        requireRegion(ctx.actor, parent.cityId, parent.path);
        const expected = REGION_LEVELS[REGION_LEVELS.indexOf(parent.level) + 1];
        if (input.level !== expected) {
          throw new AppError(
            'VALIDATION_FAILED',
            fieldDetails(
              'level',
              expected ? `${parent.name}的下级应为 ${expected}` : '社区/村之下不能再建区划',
            ),
          );
        }
      } else {
        requireRole(ctx.actor, ['admin']);
        if (ctx.actor.cityId) throw new AppError('FORBIDDEN_SCOPE');
        if (input.level !== 'city')
          throw new AppError('VALIDATION_FAILED', fieldDetails('parentId', '只有"市"可以没有上级'));
      }
      checkCode(input.code, input.level, parent);
      const row = {
        id,
        cityId: parent?.cityId ?? id,
        parentId: parent?.id ?? null,
        code: input.code,
        name: input.name,
        level: input.level,
        path: `${parent?.path ?? '/'}${id}/`,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await deps.db.transaction(async (tx) => {
          await repo.insert(tx, row);
          await deps.audit.record(tx, ctx, {
            cityId: row.cityId,
            action: 'create',
            entityType: 'region',
            entityId: id,
            after: row,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('DUPLICATE_CODE', fieldDetails('code', `区划编码 ${input.code} 已存在`));
        throw e;
      }
      return presentRegion({ ...row, childCount: 0 });
    },

    async renameRegion(ctx: Ctx, id: string, name: string): Promise<Region> {
      const r = await get(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      requireRegion(ctx.actor, r.cityId, r.path);
      await deps.db.transaction(async (tx) => {
        await repo.rename(tx, id, name, deps.clock.now());
        await deps.audit.record(tx, ctx, {
          cityId: r.cityId,
          action: 'update',
          entityType: 'region',
          entityId: id,
          before: { name: r.name },
          after: { name },
        });
      });
      return presentRegion({ ...r, name });
    },

    async deleteRegion(ctx: Ctx, id: string): Promise<void> {
      const r = await get(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      requireRegion(ctx.actor, r.cityId, r.path);
      const refs = await repo.references(id);
      if (refs > 0)
        throw new AppError(
          'IN_USE',
          { references: refs },
          `该区划仍有 ${refs} 处下级区划、网格、单位或用户引用，不能删除`,
        );
      await deps.db.transaction(async (tx) => {
        await repo.remove(tx, id);
        await deps.audit.record(tx, ctx, {
          cityId: r.cityId,
          action: 'delete',
          entityType: 'region',
          entityId: id,
          before: r,
        });
      });
    },
  };
}

function checkCode(code: string, level: RegionLevel, parent: RegionRow | undefined): void {
  if (!regionCodeLevelOk(code, level)) {
    throw new AppError(
      'INVALID_CODE',
      fieldDetails(
        'code',
        `${REGION_LEVEL_LABELS[level].zh}级区划编码应为 ${REGION_CODE_LENGTHS[level]} 位数字`,
      ),
    );
  }
  if (parent && !childCodeOk(parent.code, code)) {
    throw new AppError(
      'INVALID_CODE',
      fieldDetails('code', `编码 ${code} 不属于上级区划 ${parent.name}（${parent.code}）`),
    );
  }
}

export type RegionsService = ReturnType<typeof createRegionsService>;
