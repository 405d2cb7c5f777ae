import {
  CATEGORY_KIND_LABELS,
  type CategoryKind,
  type CategoryLevel,
  type Severity,
  type TimeLimit,
} from '@chuangcheng/contracts';
import { newId } from '../../platform/ids';
import type { CategoryInsert, CategoryRow, ConditionInsert, ConditionRow } from './catalog.repository';

/** A class of a catalogue being written (default catalogue, Excel import), before it has ids. */
export interface ClassNode {
  kind: CategoryKind;
  level: CategoryLevel;
  code: string;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  severity: Severity;
  disabled: boolean;
  conditions: { text: string; limit: TimeLimit; closing: string }[];
  children: ClassNode[];
}

/** Rows of a new version: ids are made here, `sort` keeps the order of the source. */
export function flattenTree(
  nodes: readonly ClassNode[],
  at: { cityId: string; versionId: string; now: Date },
): { categories: CategoryInsert[]; conditions: ConditionInsert[] } {
  const out = { categories: [] as CategoryInsert[], conditions: [] as ConditionInsert[] };
  const t = at.now.getTime();
  const walk = (list: readonly ClassNode[], parentId: string | null) => {
    for (const n of list) {
      const id = newId(t);
      out.categories.push({
        id,
        cityId: at.cityId,
        versionId: at.versionId,
        parentId,
        kind: n.kind,
        level: n.level,
        code: n.code,
        name: n.name,
        departmentId: n.departmentId,
        departmentName: n.departmentName,
        severity: n.severity,
        disabled: n.disabled,
        sort: out.categories.length,
      });
      n.conditions.forEach((c, i) => {
        out.conditions.push({
          id: newId(t),
          cityId: at.cityId,
          categoryId: id,
          text: c.text,
          limitValue: c.limit.value,
          limitUnit: c.limit.unit,
          closing: c.closing,
          sort: i,
        });
      });
      walk(n.children, id);
    }
  };
  walk(nodes, null);
  return out;
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

/**
 * The city's unit for a catalogue department name: the unit of exactly that name, else one whose name
 * ends with it (市城管局 for 城管局), the shortest such name first (then by code).
 */
export function matchDepartment(units: readonly UnitRef[], name: string): UnitRef | null {
  const wanted = name.trim();
  if (!wanted) return null;
  const exact = units.find((u) => u.name === wanted);
  if (exact) return exact;
  const suffix = units
    .filter((u) => u.name.endsWith(wanted))
    .sort((a, b) => a.name.length - b.name.length || a.code.localeCompare(b.code));
  return suffix[0] ?? null;
}

/** One version's categories in memory: parents, children, conditions, paths. Catalogues hold hundreds of rows. */
export function buildTree(rows: readonly CategoryRow[], conds: readonly ConditionRow[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, CategoryRow[]>();
  for (const r of rows) {
    if (!r.parentId) continue;
    const list = children.get(r.parentId) ?? [];
    list.push(r);
    children.set(r.parentId, list);
  }
  const conditions = new Map<string, ConditionRow[]>();
  for (const c of conds) {
    const list = conditions.get(c.categoryId) ?? [];
    list.push(c);
    conditions.set(c.categoryId, list);
  }
  /** The category and its ancestors, nearest first. */
  const ancestry = (id: string): CategoryRow[] => {
    const out: CategoryRow[] = [];
    for (let r = byId.get(id); r && out.length < 8; r = r.parentId ? byId.get(r.parentId) : undefined)
      out.push(r);
    return out;
  };
  const tree = {
    rows,
    byId,
    ancestry,
    childrenOf: (id: string) => children.get(id) ?? [],
    conditionsOf: (id: string) => conditions.get(id) ?? [],
    /** "事件 / 市容环境 / 暴露垃圾". */
    pathText(id: string): string {
      const chain = ancestry(id).reverse();
      const kind = chain[0] ? CATEGORY_KIND_LABELS[chain[0].kind].zh : '';
      return [kind, ...chain.map((r) => r.name)].join(' / ');
    },
    /** Disabled itself or under a disabled ancestor. */
    disabled: (id: string) => ancestry(id).some((r) => r.disabled),
    /** A case may be filed under it: a 小类/细类, enabled, with at least one 立案条件. */
    fileable(id: string): boolean {
      const r = byId.get(id);
      return Boolean(r && r.level !== 'major' && !tree.disabled(id) && tree.conditionsOf(id).length > 0);
    },
  };
  return tree;
}

export type CatalogTree = ReturnType<typeof buildTree>;

/** The level under a parent of `level` (大类 → 小类 → 细类), or null below 细类. */
export function childLevel(level: CategoryLevel | null): CategoryLevel | null {
  if (level === null) return 'major';
  if (level === 'major') return 'minor';
  if (level === 'minor') return 'detail';
  return null;
}
