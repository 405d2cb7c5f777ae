import type { Owner, StageLimits, TimeLimit } from '@chuangcheng/contracts';
import { type RouteDecision, type RoutingFallbacks, type RoutingRuleFacts, route } from '@chuangcheng/domain';
import { AppError } from '../../platform/app-error';
import type { CatalogDeps } from './catalog.deps';
import { type CatalogRepository, type CategoryRow, createCatalogRepository } from './catalog.repository';
import { buildTree } from './catalog.tree';
import { createRoutingRepository, type RuleRow } from './routing.repository';

/** A category as a case snapshots it (code and name are copied: later edits never rewrite history). */
export interface CategorySnapshot {
  id: string;
  code: string;
  name: string;
  kind: 'component' | 'event';
  /** The category and its ancestors, nearest first. */
  path: string[];
  pathText: string;
  severity: 'low' | 'normal' | 'high' | 'critical';
  departmentId: string | null;
  condition: { id: string; text: string; closing: string; limit: TimeLimit };
}

export interface RouteCaseInput {
  category: CategorySnapshot;
  /** Null for a report with an address only: it goes to the city's office to be placed first. */
  lng: number | null;
  lat: number | null;
  source: string;
  owner: Owner | string;
}

export interface RouteResult {
  leadUnitId: string | null;
  coUnitIds: string[];
  limits: StageLimits;
  grid: {
    id: string;
    code: string;
    name: string;
    communityId: string;
    blockId: string | null;
    leadUnitId: string | null;
  } | null;
  regions: { communityId: string | null; streetId: string | null; districtId: string | null };
  outOfGrid: boolean;
  route: {
    kind: 'rule' | 'category' | 'grid' | 'region' | 'manual';
    ruleId: string | null;
    rulePriority: number | null;
    text: string;
  };
}

/** A fileable category of the city's active version, with the chosen (or first) 立案条件. */
export async function resolveCategory(
  repo: CatalogRepository,
  cityId: string,
  categoryId: string,
  conditionId?: string,
): Promise<CategorySnapshot> {
  const row = await repo.categoryById(categoryId);
  const active = row && row.cityId === cityId ? await repo.activeVersion(cityId) : undefined;
  if (!row || !active || active.id !== row.versionId) throw new AppError('CATEGORY_NOT_FOUND');
  const tree = buildTree(await repo.categoriesOf(row.versionId), await repo.conditionsOfCategory(row.id));
  if (!tree.fileable(row.id)) throw new AppError('CATEGORY_NOT_FILEABLE', { categoryId });
  const conds = tree.conditionsOf(row.id);
  const c = conditionId ? conds.find((x) => x.id === conditionId) : conds[0];
  if (!c) throw new AppError('CONDITION_NOT_FOUND', { categoryId, conditionId });
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    path: tree.ancestry(row.id).map((r) => r.id),
    pathText: tree.pathText(row.id),
    severity: row.severity,
    departmentId: row.departmentId,
    condition: {
      id: c.id,
      text: c.text,
      closing: c.closing,
      limit: { value: c.limitValue, unit: c.limitUnit },
    },
  };
}

/**
 * Rules name categories by id, but ids change with every catalogue version: a rule's categories are
 * carried to the active version by kind and code, so an Excel re-import does not silently break routing.
 */
async function rulesForActiveVersion(
  repo: CatalogRepository,
  rules: readonly RuleRow[],
  activeRows: readonly CategoryRow[],
): Promise<NamedRule[]> {
  const key = (r: CategoryRow) => `${r.kind}:${r.code}`;
  const active = new Map(activeRows.map((r) => [key(r), r.id]));
  const referenced = new Map(
    (await repo.categoriesByIds([...new Set(rules.flatMap((r) => r.categoryIds))])).map((r) => [r.id, r]),
  );
  return rules.map((r) => ({
    ...r,
    categoryIds: r.categoryIds.map((id) => {
      const c = referenced.get(id);
      return (c && active.get(key(c))) ?? id;
    }),
    limits: r.limits as RoutingRuleFacts['limits'],
  }));
}

type NamedRule = RoutingRuleFacts & { name: string };

type GridFacts = NonNullable<Awaited<ReturnType<CatalogDeps['org']['grids']['repo']['byId']>>>;

/** The grid under the point, if it is a current grid of this city. */
async function gridAt(
  deps: CatalogDeps,
  cityId: string,
  lng: number,
  lat: number,
): Promise<GridFacts | null> {
  const id = await deps.org.locate.locateGridId(lng, lat);
  const g = id ? await deps.org.grids.repo.byId(id) : undefined;
  return g && g.cityId === cityId ? g : null;
}

/**
 * Where a case goes: ordered rules, then the category's department (行业管理), then the grid's lead
 * unit (属地), then the area's office — the street office of the grid's street, or for a point outside
 * every grid the city's campaign office (see routing.repository officeUnit). The domain decides; this
 * gathers the facts and writes the explanation.
 */
export async function routeCase(
  deps: CatalogDeps,
  cityId: string,
  input: RouteCaseInput,
): Promise<RouteResult> {
  const repo = createCatalogRepository(deps.db);
  const routing = createRoutingRepository(deps.db);
  if (input.lng === null || input.lat === null) return awaitingPlacing(routing, cityId, input);
  const grid = await gridAt(deps, cityId, input.lng, input.lat);
  const active = await repo.activeVersion(cityId);
  const rules = await rulesForActiveVersion(
    repo,
    await routing.enabled(cityId),
    active ? await repo.categoriesOf(active.id) : [],
  );
  const street = grid?.streetId ? await routing.streetOffice(grid.streetId) : undefined;
  const office = street ?? (await routing.officeUnit(cityId));
  const fallbacks: RoutingFallbacks = {
    categoryDepartmentId: input.category.departmentId,
    gridLeadUnitId: grid?.leadUnitId ?? null,
    regionOfficeUnitId: office?.id ?? null,
  };
  const regionIds = [grid?.communityId, grid?.streetId, grid?.districtId, cityId].filter(
    (x): x is string => !!x,
  );
  const decision = route(
    rules,
    {
      categoryPath: input.category.path,
      regionIds,
      blockId: grid?.blockId ?? null,
      source: input.source,
      owner: input.owner,
    },
    fallbacks,
  );
  const limits: StageLimits = { dispose: input.category.condition.limit };
  for (const [k, v] of Object.entries(decision.limits)) if (v) limits[k as keyof StageLimits] = v;
  return {
    leadUnitId: decision.leadUnitId,
    coUnitIds: decision.coUnitIds,
    limits,
    grid: grid
      ? {
          id: grid.id,
          code: grid.code,
          name: grid.name,
          communityId: grid.communityId,
          blockId: grid.blockId,
          leadUnitId: grid.leadUnitId,
        }
      : null,
    regions: {
      communityId: grid?.communityId ?? null,
      streetId: grid?.streetId ?? null,
      districtId: grid?.districtId ?? null,
    },
    outOfGrid: grid === null,
    route: {
      kind: decision.kind === 'none' ? 'manual' : decision.kind,
      ruleId: decision.ruleId,
      rulePriority: decision.rulePriority,
      text: await explain(deps, repo, decision, rules, grid === null),
    },
  };
}

/**
 * 待定位: without a point no grid, rule or department can be chosen, so the case goes to the city's
 * campaign office, which places it on the map before it is dispatched. The explanation says so.
 */
async function awaitingPlacing(
  routing: ReturnType<typeof createRoutingRepository>,
  cityId: string,
  input: RouteCaseInput,
): Promise<RouteResult> {
  const office = await routing.officeUnit(cityId);
  return {
    leadUnitId: office?.id ?? null,
    coUnitIds: [],
    limits: { dispose: input.category.condition.limit },
    grid: null,
    regions: { communityId: null, streetId: null, districtId: null },
    outOfGrid: false,
    route: {
      kind: office ? 'region' : 'manual',
      ruleId: null,
      rulePriority: null,
      text: office
        ? `待定位：仅有地址、没有经纬度，先交 ${office.name} 在地图上定位后再派遣`
        : '待定位：仅有地址、没有经纬度，请在地图上定位后人工派遣',
    },
  };
}

/** "规则 3：占道经营 · 南湖街道 → 城管局南湖中队", "无匹配规则，按类别主管部门（行业管理）→ 城管局" … */
async function explain(
  deps: CatalogDeps,
  repo: CatalogRepository,
  d: RouteDecision,
  rules: readonly NamedRule[],
  outOfGrid: boolean,
): Promise<string> {
  const [lead] = d.leadUnitId ? await repo.unitsByIds([d.leadUnitId]) : [];
  const to = lead?.name ?? '（单位已删除）';
  const where = outOfGrid ? '（点位不在任何网格内）' : '';
  switch (d.kind) {
    case 'rule': {
      const rule = rules.find((r) => r.id === d.ruleId);
      const parts = [
        d.matched.categoryId ? (await repo.categoryById(d.matched.categoryId))?.name : undefined,
        d.matched.regionId ? (await deps.org.regions.repo.byId(d.matched.regionId))?.name : undefined,
        d.matched.blockId ? (await repo.blocksByIds([d.matched.blockId]))[0]?.name : undefined,
      ].filter((x): x is string => Boolean(x));
      return `规则 ${d.rulePriority}：${parts.length ? parts.join(' · ') : (rule?.name ?? '')} → ${to}`;
    }
    case 'category':
      return `无匹配规则，按类别主管部门（行业管理）→ ${to}${where}`;
    case 'grid':
      return `无匹配规则且类别无主管部门，按网格牵头单位（属地兜底）→ ${to}`;
    case 'region':
      return outOfGrid
        ? `点位不在任何网格内，由属地兜底 → ${to}`
        : `无匹配规则、类别无主管部门且网格无牵头单位，由属地兜底 → ${to}`;
    default:
      return `无匹配规则且无兜底单位${where}，请人工派遣`;
  }
}
