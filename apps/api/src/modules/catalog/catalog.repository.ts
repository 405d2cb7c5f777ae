import { and, asc, count, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { blocks, catalogVersions, categories, filingConditions, units } from '../../db/schema/index';

export type VersionRow = typeof catalogVersions.$inferSelect;
export type CategoryRow = typeof categories.$inferSelect;
export type ConditionRow = typeof filingConditions.$inferSelect;
export type CategoryInsert = typeof categories.$inferInsert;
export type ConditionInsert = typeof filingConditions.$inferInsert;

/** PGlite pays a fixed cost per statement: many rows per INSERT. */
const BATCH = 500;

/**
 * Catalogue versions, categories and their filing conditions. Bound to a handle: inside a transaction
 * build it with `tx` (never query through `db` while a transaction holds the PGlite connection).
 */
export function createCatalogRepository(db: Db) {
  return {
    async activeVersion(cityId: string): Promise<VersionRow | undefined> {
      const [r] = await db
        .select()
        .from(catalogVersions)
        .where(and(eq(catalogVersions.cityId, cityId), eq(catalogVersions.active, true)))
        .orderBy(desc(catalogVersions.version))
        .limit(1);
      return r;
    },
    async versionById(id: string): Promise<VersionRow | undefined> {
      const [r] = await db.select().from(catalogVersions).where(eq(catalogVersions.id, id)).limit(1);
      return r;
    },
    /** The city's versions, newest first, with how many categories each holds. */
    async versions(cityId: string) {
      const n = db
        .select({ versionId: categories.versionId, n: count().as('n') })
        .from(categories)
        .where(eq(categories.cityId, cityId))
        .groupBy(categories.versionId)
        .as('n');
      return db
        .select({
          id: catalogVersions.id,
          version: catalogVersions.version,
          note: catalogVersions.note,
          active: catalogVersions.active,
          createdAt: catalogVersions.createdAt,
          categoryCount: n.n,
        })
        .from(catalogVersions)
        .leftJoin(n, eq(n.versionId, catalogVersions.id))
        .where(eq(catalogVersions.cityId, cityId))
        .orderBy(desc(catalogVersions.version));
    },
    async lastVersionNumber(cityId: string): Promise<number> {
      const [r] = await db
        .select({ v: max(catalogVersions.version) })
        .from(catalogVersions)
        .where(eq(catalogVersions.cityId, cityId));
      return Number(r?.v ?? 0);
    },
    async insertVersion(row: typeof catalogVersions.$inferInsert): Promise<void> {
      await db.insert(catalogVersions).values(row);
    },
    /** Makes `id` the city's only active version. */
    async activate(cityId: string, id: string): Promise<void> {
      await db.update(catalogVersions).set({ active: false }).where(eq(catalogVersions.cityId, cityId));
      await db.update(catalogVersions).set({ active: true }).where(eq(catalogVersions.id, id));
    },

    async categoriesOf(versionId: string): Promise<CategoryRow[]> {
      return db
        .select()
        .from(categories)
        .where(eq(categories.versionId, versionId))
        .orderBy(asc(categories.kind), asc(categories.code));
    },
    async conditionsOf(versionId: string): Promise<ConditionRow[]> {
      return db
        .select({ c: filingConditions })
        .from(filingConditions)
        .innerJoin(categories, eq(categories.id, filingConditions.categoryId))
        .where(eq(categories.versionId, versionId))
        .orderBy(asc(filingConditions.sort), asc(filingConditions.id))
        .then((rows) => rows.map((r) => r.c));
    },
    async categoryById(id: string): Promise<CategoryRow | undefined> {
      const [r] = await db.select().from(categories).where(eq(categories.id, id)).limit(1);
      return r;
    },
    async categoriesByIds(ids: readonly string[]): Promise<CategoryRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(categories)
        .where(inArray(categories.id, [...ids]));
    },
    async categoryByCode(versionId: string, kind: CategoryRow['kind'], code: string) {
      const [r] = await db
        .select()
        .from(categories)
        .where(and(eq(categories.versionId, versionId), eq(categories.kind, kind), eq(categories.code, code)))
        .limit(1);
      return r;
    },
    async conditionsOfCategory(categoryId: string): Promise<ConditionRow[]> {
      return db
        .select()
        .from(filingConditions)
        .where(eq(filingConditions.categoryId, categoryId))
        .orderBy(asc(filingConditions.sort), asc(filingConditions.id));
    },
    async insertCategories(rows: CategoryInsert[], conds: ConditionInsert[]): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH)
        await db.insert(categories).values(rows.slice(i, i + BATCH));
      for (let i = 0; i < conds.length; i += BATCH)
        await db.insert(filingConditions).values(conds.slice(i, i + BATCH));
    },
    async updateCategory(id: string, patch: Partial<CategoryInsert>): Promise<void> {
      await db.update(categories).set(patch).where(eq(categories.id, id));
    },
    async replaceConditions(categoryId: string, conds: ConditionInsert[]): Promise<void> {
      await db.delete(filingConditions).where(eq(filingConditions.categoryId, categoryId));
      if (conds.length) await db.insert(filingConditions).values(conds);
    },

    /** The city's units, for matching the catalogue's department names and resolving ids. */
    async unitsOfCity(cityId: string) {
      return db
        .select({ id: units.id, code: units.code, name: units.name, kind: units.kind })
        .from(units)
        .where(eq(units.cityId, cityId))
        .orderBy(asc(units.code));
    },
    async unitsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: units.id, cityId: units.cityId, code: units.code, name: units.name })
        .from(units)
        .where(inArray(units.id, [...ids]));
    },
    async blocksByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: blocks.id, cityId: blocks.cityId, code: blocks.code, name: blocks.name })
        .from(blocks)
        .where(inArray(blocks.id, [...ids]));
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
