import type {
  CreateRoutingRule,
  FieldIssue,
  Page,
  PageQuery,
  RoutePreview,
  RoutePreviewQuery,
  RoutingRule,
  UpdateRoutingRule,
} from '@chuangcheng/contracts';
import { requireCity, requireRegion, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { CatalogDeps } from './catalog.deps';
import { CATALOG_MANAGE_READ, CATALOG_WRITE } from './catalog.policy';
import { presentRule, type RuleRefs } from './catalog.presenter';
import { createCatalogRepository } from './catalog.repository';
import type { CategoriesService } from './categories.service';
import { resolveCategory, routeCase } from './route-case';
import { createRoutingRepository, type RuleRow } from './routing.repository';

type RefInput = Pick<UpdateRoutingRule, 'categoryIds' | 'regionId' | 'blockId' | 'leadUnitId' | 'coUnitIds'>;

const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];

/** Routing rules (派遣规则): ordered, audited, and a preview of what the dispatcher would decide. */
export function createRoutingService(deps: CatalogDeps, categories: CategoriesService) {
  const repo = createRoutingRepository(deps.db);
  const catalog = createCatalogRepository(deps.db);

  /** Every referenced category, region, block and unit exists in the city; all problems at once. */
  async function checkRefs(cityId: string, input: RefInput): Promise<void> {
    const issues: FieldIssue[] = [];
    const active = await catalog.activeVersion(cityId);
    if (input.categoryIds?.length) {
      const found = await catalog.categoriesByIds(input.categoryIds);
      const ok = new Set(found.filter((c) => c.versionId === active?.id).map((c) => c.id));
      const bad = input.categoryIds.filter((id) => !ok.has(id));
      if (bad.length)
        issues.push({ field: 'categoryIds', message: `问题类别不在当前目录中：${bad.join('、')}` });
    }
    if (input.regionId) {
      const r = await deps.org.regions.repo.byId(input.regionId);
      if (!r || r.cityId !== cityId) issues.push({ field: 'regionId', message: '区域不是本市的行政区划' });
    }
    if (input.blockId) {
      const [b] = await catalog.blocksByIds([input.blockId]);
      if (!b || b.cityId !== cityId) issues.push({ field: 'blockId', message: '责任区块不存在' });
    }
    const unitIds = uniq([...(input.leadUnitId ? [input.leadUnitId] : []), ...(input.coUnitIds ?? [])]);
    const units = new Set(
      (await catalog.unitsByIds(unitIds)).filter((u) => u.cityId === cityId).map((u) => u.id),
    );
    if (input.leadUnitId && !units.has(input.leadUnitId))
      issues.push({ field: 'leadUnitId', message: '牵头单位不是本市的单位' });
    const badCo = (input.coUnitIds ?? []).filter((id) => !units.has(id));
    if (badCo.length)
      issues.push({ field: 'coUnitIds', message: `协办单位不是本市的单位：${badCo.join('、')}` });
    if (issues.length) throw new AppError('VALIDATION_FAILED', { fields: issues });
  }

  async function refsOf(rows: readonly RuleRow[]): Promise<RuleRefs> {
    const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));
    const regionIds = uniq(rows.map((r) => r.regionId).filter((x): x is string => Boolean(x)));
    const regions = await Promise.all(regionIds.map((id) => deps.org.regions.repo.byId(id)));
    return {
      categories: byId(await catalog.categoriesByIds(uniq(rows.flatMap((r) => r.categoryIds)))),
      regions: byId(regions.filter((r) => r !== undefined)),
      blocks: byId(
        await catalog.blocksByIds(uniq(rows.map((r) => r.blockId).filter((x): x is string => !!x))),
      ),
      units: byId(await catalog.unitsByIds(uniq(rows.flatMap((r) => [r.leadUnitId, ...r.coUnitIds])))),
    };
  }

  async function present(rows: readonly RuleRow[]): Promise<RoutingRule[]> {
    const refs = await refsOf(rows);
    return rows.map((r) => presentRule(r, refs));
  }

  /**
   * A rule is written by whoever's scope holds its region: a rule for a district by that district's
   * users (or city-wide ones), a city-wide rule (no region) by city-wide users only.
   */
  async function requireRuleScope(ctx: Ctx, cityId: string, regionId: string | null): Promise<void> {
    const r = await deps.org.regions.repo.byId(regionId ?? cityId);
    requireRegion(ctx.actor, cityId, r?.cityId === cityId ? r.path : null);
  }

  async function load(ctx: Ctx, id: string): Promise<RuleRow> {
    requireRole(ctx.actor, CATALOG_WRITE);
    const r = await repo.byId(id);
    if (!r) throw new AppError('ROUTING_RULE_NOT_FOUND');
    requireCity(ctx.actor, r.cityId);
    await requireRuleScope(ctx, r.cityId, r.regionId);
    return r;
  }

  async function write(
    ctx: Ctx,
    cityId: string,
    action: string,
    id: string,
    work: (r: typeof repo) => Promise<void>,
    audit: { before?: unknown; after?: unknown },
  ) {
    await deps.db.transaction(async (tx) => {
      await work(createRoutingRepository(tx));
      await deps.audit.record(tx, ctx, {
        cityId,
        action,
        entityType: 'routing_rule',
        entityId: id,
        ...audit,
      });
    });
  }

  return {
    /** The city's rules in the order the router tries them. */
    async listRules(ctx: Ctx, q: PageQuery): Promise<Page<RoutingRule>> {
      requireRole(ctx.actor, CATALOG_MANAGE_READ);
      const { rows, total } = await repo.list(await categories.cityOf(ctx), q.q, offsetOf(q), q.pageSize);
      return pageResult(await present(rows), total, q);
    },

    async createRule(ctx: Ctx, input: CreateRoutingRule): Promise<RoutingRule> {
      requireRole(ctx.actor, CATALOG_WRITE);
      const cityId = await categories.cityOf(ctx);
      await checkRefs(cityId, input);
      await requireRuleScope(ctx, cityId, input.regionId ?? null);
      const now = deps.clock.now();
      const row: RuleRow = {
        id: newId(now.getTime()),
        cityId,
        priority: input.priority,
        name: input.name,
        enabled: input.enabled,
        categoryIds: uniq(input.categoryIds),
        regionId: input.regionId ?? null,
        blockId: input.blockId ?? null,
        sources: uniq(input.sources),
        owners: uniq(input.owners),
        leadUnitId: input.leadUnitId,
        coUnitIds: uniq(input.coUnitIds),
        limits: input.limits as RuleRow['limits'],
        createdAt: now,
        updatedAt: now,
      };
      await write(ctx, cityId, 'create', row.id, (r) => r.insert(row), { after: row });
      return (await present([row]))[0]!;
    },

    async updateRule(ctx: Ctx, id: string, patch: UpdateRoutingRule): Promise<RoutingRule> {
      const before = await load(ctx, id);
      await checkRefs(before.cityId, patch);
      if (patch.regionId !== undefined) await requireRuleScope(ctx, before.cityId, patch.regionId);
      const { limits, ...rest } = patch;
      const set = {
        ...rest,
        ...(limits ? { limits: limits as RuleRow['limits'] } : {}),
        updatedAt: deps.clock.now(),
      };
      await write(ctx, before.cityId, 'update', id, (r) => r.update(id, set), { before, after: patch });
      return (await present([(await repo.byId(id))!]))[0]!;
    },

    async deleteRule(ctx: Ctx, id: string): Promise<void> {
      const before = await load(ctx, id);
      await write(ctx, before.cityId, 'delete', id, (r) => r.remove(id), { before });
    },

    /**
     * What the dispatcher would decide for this category at this point, and why (nothing is written).
     * A point in a grid outside the reader's scope (another district) answers only that fact: no grid,
     * unit or rule of that district is named.
     */
    async previewRoute(ctx: Ctx, q: RoutePreviewQuery): Promise<RoutePreview> {
      requireRole(ctx.actor, CATALOG_MANAGE_READ);
      const cityId = await categories.cityOf(ctx);
      const category = await resolveCategory(catalog, cityId, q.categoryId, q.conditionId);
      if (!(await deps.org.locate.pointInScope(ctx.actor, q.lng, q.lat)))
        return {
          leadUnit: null,
          coUnits: [],
          route: {
            kind: 'manual',
            ruleId: null,
            rulePriority: null,
            text: '该点位所在网格不在您的管辖范围内，不显示派遣结果',
          },
          grid: null,
          outOfGrid: false,
          outOfScope: true,
          limits: { dispose: category.condition.limit },
        };
      const r = await routeCase(deps, cityId, {
        category,
        lng: q.lng,
        lat: q.lat,
        source: q.source,
        owner: q.owner,
      });
      const units = new Map(
        (await catalog.unitsByIds(uniq([...(r.leadUnitId ? [r.leadUnitId] : []), ...r.coUnitIds]))).map(
          (u) => [u.id, u],
        ),
      );
      const ref = (id: string) => ({ id, name: units.get(id)?.name ?? '（已删除）' });
      return {
        leadUnit: r.leadUnitId ? ref(r.leadUnitId) : null,
        coUnits: r.coUnitIds.map(ref),
        route: r.route,
        grid: r.grid ? { id: r.grid.id, code: r.grid.code, name: r.grid.name } : null,
        outOfGrid: r.outOfGrid,
        outOfScope: false,
        limits: r.limits,
      };
    },
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
