import type { Db } from '../../db/client';
import { newId } from '../../platform/ids';
import { createCatalogRepository } from './catalog.repository';
import { type ClassNode, flattenTree, matchDepartment, type UnitRef } from './catalog.tree';
import { DEFAULT_CATALOG, type SeedClass, type SeedMajor } from './default-catalog';

export interface DefaultCatalogResult {
  versionId: string;
  categories: number;
  conditions: number;
  /** Department names of the catalogue that matched no unit of the city (kept as text). */
  unmatched: string[];
}

/** The seed as a tree to write, with departments matched to the city's units. */
export function seedTree(
  seed: readonly SeedMajor[],
  units: readonly UnitRef[],
  unmatched: Set<string>,
): ClassNode[] {
  const classNode = (s: SeedClass, kind: SeedMajor['kind'], level: 'minor' | 'detail'): ClassNode => {
    const unit = matchDepartment(units, s.department);
    if (!unit && s.department) unmatched.add(s.department);
    return {
      kind,
      level,
      code: s.code,
      name: s.name,
      departmentId: unit?.id ?? null,
      departmentName: unit?.name ?? (s.department || null),
      severity: s.severity,
      disabled: false,
      conditions: s.conditions.map((c) => ({ text: c.text, limit: c.limit, closing: c.closing })),
      children: (s.details ?? []).map((d) => classNode(d, kind, 'detail')),
    };
  };
  return seed.map((m) => ({
    kind: m.kind,
    level: 'major',
    code: m.code,
    name: m.name,
    departmentId: null,
    departmentName: null,
    severity: 'normal',
    disabled: false,
    conditions: [],
    children: m.minors.map((s) => classNode(s, m.kind, 'minor')),
  }));
}

/**
 * Writes the default catalogue as the city's active version 1, inside the caller's transaction.
 * Idempotent: a city that already has any catalogue version is left alone (returns null).
 * The caller (demo loader, CLI) writes the audit entry of the whole load.
 */
export async function loadDefaultCatalog(
  tx: Db,
  cityId: string,
  now: Date = new Date(),
): Promise<DefaultCatalogResult | null> {
  const repo = createCatalogRepository(tx);
  if ((await repo.lastVersionNumber(cityId)) > 0) return null;
  const unmatched = new Set<string>();
  const tree = seedTree(DEFAULT_CATALOG, await repo.unitsOfCity(cityId), unmatched);
  const versionId = newId(now.getTime());
  await repo.insertVersion({
    id: versionId,
    cityId,
    version: 1,
    note: '默认问题分类目录',
    active: true,
    createdAt: now,
  });
  const rows = flattenTree(tree, { cityId, versionId, now });
  await repo.insertCategories(rows.categories, rows.conditions);
  return {
    versionId,
    categories: rows.categories.length,
    conditions: rows.conditions.length,
    unmatched: [...unmatched].sort(),
  };
}
