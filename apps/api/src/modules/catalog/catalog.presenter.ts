import type {
  CalendarData,
  CatalogVersion,
  Category,
  Owner,
  RoutingRule,
  StageLimits,
} from '@chuangcheng/contracts';
import type { CategoryRow, VersionRow } from './catalog.repository';
import type { CatalogTree } from './catalog.tree';
import type { RuleRow } from './routing.repository';

type Named = { id: string; name: string };

/** A category as the console shows it: full path, resolved department, its 立案条件. */
export function presentCategory(
  tree: CatalogTree,
  r: CategoryRow,
  units: ReadonlyMap<string, Named>,
): Category {
  const unit = r.departmentId ? units.get(r.departmentId) : undefined;
  return {
    id: r.id,
    parentId: r.parentId,
    kind: r.kind,
    level: r.level,
    code: r.code,
    name: r.name,
    path: tree.pathText(r.id),
    department: unit ? { id: unit.id, name: unit.name } : null,
    departmentName: r.departmentName,
    severity: r.severity,
    conditions: tree.conditionsOf(r.id).map((c) => ({
      id: c.id,
      text: c.text,
      timeLimit: { value: c.limitValue, unit: c.limitUnit },
      closingCondition: c.closing,
    })),
    disabled: r.disabled,
  };
}

export function presentVersion(
  v: Omit<VersionRow, 'cityId'> & { categoryCount: number | null },
): CatalogVersion {
  return {
    id: v.id,
    version: v.version,
    note: v.note,
    active: v.active,
    categoryCount: Number(v.categoryCount ?? 0),
    createdAt: v.createdAt.toISOString(),
  };
}

/** Names of everything a rule points at; a reference that no longer resolves shows as （已删除）. */
export interface RuleRefs {
  categories: ReadonlyMap<string, Named>;
  regions: ReadonlyMap<string, Named>;
  blocks: ReadonlyMap<string, Named>;
  units: ReadonlyMap<string, Named>;
}

const GONE = '（已删除）';
const named = (map: ReadonlyMap<string, Named>, id: string): Named => ({
  id,
  name: map.get(id)?.name ?? GONE,
});

export function presentRule(r: RuleRow, refs: RuleRefs): RoutingRule {
  return {
    id: r.id,
    priority: r.priority,
    name: r.name,
    enabled: r.enabled,
    categories: r.categoryIds.map((id) => named(refs.categories, id)),
    region: r.regionId ? named(refs.regions, r.regionId) : null,
    block: r.blockId ? named(refs.blocks, r.blockId) : null,
    sources: r.sources,
    owners: r.owners as Owner[],
    leadUnit: named(refs.units, r.leadUnitId),
    coUnits: r.coUnitIds.map((id) => named(refs.units, id)),
    limits: r.limits as StageLimits,
  };
}

export function presentCalendar(d: CalendarData): CalendarData {
  return {
    officeHours: d.officeHours,
    holidays: d.holidays,
    makeupWorkdays: d.makeupWorkdays,
    utcOffsetMinutes: d.utcOffsetMinutes,
    holidayYears: d.holidayYears,
    dayNames: d.dayNames ?? {},
  };
}
