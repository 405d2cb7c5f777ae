/**
 * Routing (派遣规则): which unit leads a case, who assists, and with what time limits.
 * Ordered rules first; then the category's department (条, 行业管理); then the grid's lead unit
 * (块, 属地兜底); then the region's office. The result says which of these decided, and why.
 */

export interface TimeLimitLike {
  value: number;
  unit: 'urgent_hours' | 'work_hours' | 'work_days' | 'natural_days';
}
export interface StageLimitsLike {
  dispatch?: TimeLimitLike | undefined;
  accept?: TimeLimitLike | undefined;
  dispose?: TimeLimitLike | undefined;
  verify?: TimeLimitLike | undefined;
}

export interface RoutingRuleFacts {
  id: string;
  priority: number;
  enabled: boolean;
  /** Matches the case's category or any of its ancestors; empty matches all. */
  categoryIds: readonly string[];
  /** Matches when this region is the case's district, street or community (a subtree); null matches all. */
  regionId: string | null;
  blockId: string | null;
  sources: readonly string[];
  owners: readonly string[];
  leadUnitId: string;
  coUnitIds: readonly string[];
  limits: StageLimitsLike;
}

export interface RoutingInput {
  /** The case's category and its ancestors, nearest first. */
  categoryPath: readonly string[];
  /** The regions containing the case (community, street, district, city). */
  regionIds: readonly string[];
  blockId: string | null;
  source: string;
  owner: string;
}

export interface RoutingFallbacks {
  categoryDepartmentId: string | null;
  gridLeadUnitId: string | null;
  regionOfficeUnitId: string | null;
}

export type RouteKind = 'rule' | 'category' | 'grid' | 'region' | 'none';

export interface RouteDecision {
  kind: RouteKind;
  ruleId: string | null;
  rulePriority: number | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  limits: StageLimitsLike;
  /** What the rule matched on, for the explanation ("占道经营 in 南湖街道"). */
  matched: { categoryId: string | null; regionId: string | null; blockId: string | null };
}

function matches(rule: RoutingRuleFacts, input: RoutingInput): boolean {
  if (!rule.enabled) return false;
  if (rule.categoryIds.length > 0 && !input.categoryPath.some((id) => rule.categoryIds.includes(id))) {
    return false;
  }
  if (rule.regionId !== null && !input.regionIds.includes(rule.regionId)) return false;
  if (rule.blockId !== null && rule.blockId !== input.blockId) return false;
  if (rule.sources.length > 0 && !rule.sources.includes(input.source)) return false;
  if (rule.owners.length > 0 && !rule.owners.includes(input.owner)) return false;
  return true;
}

/** Rules are tried by ascending priority (then id, so equal priorities stay deterministic). */
export function route(
  rules: readonly RoutingRuleFacts[],
  input: RoutingInput,
  fallbacks: RoutingFallbacks,
): RouteDecision {
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id));
  const rule = ordered.find((r) => matches(r, input));
  if (rule) {
    return {
      kind: 'rule',
      ruleId: rule.id,
      rulePriority: rule.priority,
      leadUnitId: rule.leadUnitId,
      coUnitIds: rule.coUnitIds.filter((id) => id !== rule.leadUnitId),
      limits: rule.limits,
      matched: {
        categoryId: input.categoryPath.find((id) => rule.categoryIds.includes(id)) ?? null,
        regionId: rule.regionId,
        blockId: rule.blockId,
      },
    };
  }
  const none = { categoryId: null, regionId: null, blockId: null };
  const base = { ruleId: null, rulePriority: null, coUnitIds: [], limits: {}, matched: none };
  if (fallbacks.categoryDepartmentId) {
    return { ...base, kind: 'category', leadUnitId: fallbacks.categoryDepartmentId };
  }
  if (fallbacks.gridLeadUnitId) return { ...base, kind: 'grid', leadUnitId: fallbacks.gridLeadUnitId };
  if (fallbacks.regionOfficeUnitId) {
    return { ...base, kind: 'region', leadUnitId: fallbacks.regionOfficeUnitId };
  }
  return { ...base, kind: 'none', leadUnitId: null };
}
