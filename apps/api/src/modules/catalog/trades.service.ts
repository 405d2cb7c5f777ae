import { CATEGORY_KIND_LABELS, type PutUnitTrades, type Role, type UnitTrades } from '@chuangcheng/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { regions, units, unitTrades } from '../../db/schema/index';
import { requireCity, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { buildSheet, type SheetSpec } from '../../platform/xlsx';
import type { CatalogDeps } from './catalog.deps';
import { CATALOG_WRITE } from './catalog.policy';
import type { DownloadFile } from './catalog-io.service';
import type { CategoriesService } from './categories.service';

/**
 * Who reads the 行业主管 configuration: every catalogue reader of the city (a district office sees who
 * supervises what, as it sees the routing rules); a unit user reads only its own unit's trades.
 */
export const TRADES_READ: readonly Role[] = ['admin', 'office', 'leader', 'inspector', 'unit'];

type TradeKey = 'unitCode' | 'unitName' | 'region' | 'kind' | 'code' | 'name';
const TRADES_SHEET: SheetSpec<TradeKey> = {
  sheet: '行业主管',
  columns: [
    { key: 'unitCode', header: '单位编码', width: 14, text: true },
    { key: 'unitName', header: '主管部门', width: 18 },
    { key: 'region', header: '监管范围', width: 14 },
    { key: 'kind', header: '类型', width: 8 },
    { key: 'code', header: '类别编码', width: 12, text: true },
    { key: 'name', header: '问题类别', width: 40 },
  ],
};

/**
 * 行业主管 (谁主管、谁负责): which categories each department supervises. A department reads every case
 * of these categories (and their descendants) in its region subtree, whoever handles it, and may claim
 * filed cases of them (主动认领); the rule itself lives in the cases module (`tradeOversight`).
 */
export function createTradesService(deps: CatalogDeps, categories: CategoriesService) {
  const { db } = deps;

  async function unitOf(ctx: Ctx, unitId: string) {
    const [u] = await db
      .select({
        id: units.id,
        cityId: units.cityId,
        code: units.code,
        name: units.name,
        kind: units.kind,
        regionId: units.regionId,
        regionName: regions.name,
      })
      .from(units)
      .leftJoin(regions, eq(regions.id, units.regionId))
      .where(eq(units.id, unitId))
      .limit(1);
    if (!u) throw new AppError('UNIT_NOT_FOUND');
    requireCity(ctx.actor, u.cityId);
    if (ctx.actor.role === 'unit' && ctx.actor.unitId !== u.id) throw new AppError('UNIT_NOT_FOUND');
    return u;
  }

  /** The city's configuration, unit by unit, with the categories resolved in the active version. */
  async function read(cityId: string, unitIds: string[] | null): Promise<UnitTrades[]> {
    const rows = await db
      .select({
        unitId: unitTrades.unitId,
        kind: unitTrades.kind,
        code: unitTrades.code,
        unitCode: units.code,
        unitName: units.name,
        regionId: units.regionId,
        regionName: regions.name,
      })
      .from(unitTrades)
      .innerJoin(units, eq(units.id, unitTrades.unitId))
      .leftJoin(regions, eq(regions.id, units.regionId))
      .where(and(eq(unitTrades.cityId, cityId), unitIds ? inArray(unitTrades.unitId, unitIds) : undefined))
      .orderBy(asc(units.code), asc(unitTrades.kind), asc(unitTrades.code));
    const tree = await categories.treeOf(await categories.repo.activeVersion(cityId));
    const active = new Map(tree.rows.map((r) => [`${r.kind}:${r.code}`, r]));
    const out = new Map<string, UnitTrades>();
    for (const r of rows) {
      let u = out.get(r.unitId);
      if (!u) {
        u = {
          unit: { id: r.unitId, code: r.unitCode, name: r.unitName },
          region: r.regionId && r.regionId !== cityId ? { id: r.regionId, name: r.regionName ?? '—' } : null,
          categories: [],
        };
        out.set(r.unitId, u);
      }
      const c = active.get(`${r.kind}:${r.code}`);
      u.categories.push({
        kind: r.kind,
        code: r.code,
        categoryId: c?.id ?? null,
        name: c?.name ?? null,
        path: c ? tree.pathText(c.id) : null,
      });
    }
    return [...out.values()];
  }

  return {
    /** Every department's supervised categories (a unit user: its own). */
    async listTrades(ctx: Ctx): Promise<UnitTrades[]> {
      requireRole(ctx.actor, TRADES_READ);
      const cityId = await categories.cityOf(ctx);
      const own =
        ctx.actor.role === 'unit' ? [ctx.actor.unitId ?? '00000000-0000-0000-0000-000000000000'] : null;
      return read(cityId, own);
    },

    async getUnitTrades(ctx: Ctx, unitId: string): Promise<UnitTrades> {
      requireRole(ctx.actor, TRADES_READ);
      const u = await unitOf(ctx, unitId);
      const [found] = await read(u.cityId, [u.id]);
      return (
        found ?? {
          unit: { id: u.id, code: u.code, name: u.name },
          region:
            u.regionId && u.regionId !== u.cityId ? { id: u.regionId, name: u.regionName ?? '—' } : null,
          categories: [],
        }
      );
    },

    /**
     * Replaces a department's supervised categories (categories of the active version, any level). A
     * city-level decision: a district-scoped office may not widen a department's reach.
     */
    async putUnitTrades(ctx: Ctx, unitId: string, input: PutUnitTrades): Promise<UnitTrades> {
      requireRole(ctx.actor, CATALOG_WRITE);
      const u = await unitOf(ctx, unitId);
      if (ctx.actor.regionId && ctx.actor.regionId !== u.cityId) throw new AppError('FORBIDDEN_SCOPE');
      if (u.kind !== 'department') {
        throw new AppError('TRADE_UNIT_NOT_DEPARTMENT', {
          fields: [{ field: 'unitId', message: `${u.name} 不是职能部门，不能配置主管行业` }],
        });
      }
      const ids = [...new Set(input.categoryIds)];
      const version = await categories.repo.activeVersion(u.cityId);
      const found = new Map((await categories.repo.categoriesByIds(ids)).map((c) => [c.id, c]));
      const bad = ids
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => {
          const c = found.get(id);
          return !c || c.cityId !== u.cityId || c.versionId !== version?.id;
        });
      if (bad.length) {
        throw new AppError('TRADE_CATEGORY_NOT_FOUND', {
          fields: bad.map(({ i }) => ({
            field: `categoryIds.${i}`,
            message: '问题类别不存在、不属于本市或不在现行目录版本中',
          })),
        });
      }
      const before = (await read(u.cityId, [u.id]))[0]?.categories.map((c) => `${c.kind}:${c.code}`) ?? [];
      const chosen = ids.map((id) => found.get(id)!);
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        await tx.delete(unitTrades).where(and(eq(unitTrades.cityId, u.cityId), eq(unitTrades.unitId, u.id)));
        if (chosen.length) {
          await tx.insert(unitTrades).values(
            chosen.map((c) => ({
              id: newId(now.getTime()),
              cityId: u.cityId,
              unitId: u.id,
              kind: c.kind,
              code: c.code,
              createdAt: now,
            })),
          );
        }
        await deps.audit.record(tx, ctx, {
          cityId: u.cityId,
          action: 'unit_trades.update',
          entityType: 'unit',
          entityId: u.id,
          before: { trades: before },
          after: { trades: chosen.map((c) => `${c.kind}:${c.code}`) },
        });
      });
      return this.getUnitTrades(ctx, u.id);
    },

    /** The configuration as a spreadsheet: one row per department × category. */
    async exportTrades(ctx: Ctx): Promise<DownloadFile> {
      const list = await this.listTrades(ctx);
      const rows = list.flatMap((u) =>
        u.categories.map((c) => ({
          unitCode: u.unit.code,
          unitName: u.unit.name,
          region: u.region?.name ?? '全市',
          kind: CATEGORY_KIND_LABELS[c.kind].zh,
          code: c.code,
          name: c.path ?? '（现行目录中已无此类别）',
        })),
      );
      return {
        data: await buildSheet(TRADES_SHEET, rows),
        fileName: '行业主管配置.xlsx',
        asciiName: 'trades.xlsx',
      };
    },
  };
}

export type TradesService = ReturnType<typeof createTradesService>;
