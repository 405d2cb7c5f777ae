import { and, asc, count, eq, ilike, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { grids, memberships, regions, units } from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type RegionRow = typeof regions.$inferSelect;

// Spelled out: drizzle leaves columns unqualified in single-table selects, which would bind to `c`.
const childCount = sql<number>`(select count(*) from regions c where c.parent_id = "regions"."id")::int`;

export function createRegionsRepository(db: Db) {
  return {
    async byId(id: string): Promise<RegionRow | undefined> {
      const [r] = await db.select().from(regions).where(eq(regions.id, id)).limit(1);
      return r;
    },
    async byCode(code: string): Promise<RegionRow | undefined> {
      const [r] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
      return r;
    },
    async cities(): Promise<RegionRow[]> {
      return db.select().from(regions).where(eq(regions.level, 'city')).orderBy(asc(regions.code));
    },
    /** Every region under `pathPrefix` (or of the city), with child counts: the tree. */
    async subtree(cityId: string | null, pathPrefix: string | null) {
      return db
        .select({ ...regionCols, childCount })
        .from(regions)
        .where(
          and(
            cityId ? eq(regions.cityId, cityId) : undefined,
            pathPrefix ? like(regions.path, `${pathPrefix}%`) : undefined,
          ),
        )
        .orderBy(asc(regions.code));
    },
    async list(
      f: {
        cityId: string | null;
        pathPrefix: string | null;
        parentId?: string;
        level?: RegionRow['level'];
        q?: string;
      },
      offset: number,
      limit: number,
    ) {
      const cond = and(
        f.cityId ? eq(regions.cityId, f.cityId) : undefined,
        f.pathPrefix ? like(regions.path, `${f.pathPrefix}%`) : undefined,
        f.parentId ? eq(regions.parentId, f.parentId) : undefined,
        f.level ? eq(regions.level, f.level) : undefined,
        f.q ? or(ilike(regions.name, likePattern(f.q)), ilike(regions.code, likePattern(f.q))) : undefined,
      );
      const rows = await db
        .select({ ...regionCols, childCount })
        .from(regions)
        .where(cond)
        .orderBy(asc(regions.code))
        .offset(offset)
        .limit(limit);
      const [t] = await db.select({ n: count() }).from(regions).where(cond);
      return { rows, total: Number(t?.n ?? 0) };
    },
    async insert(tx: Db, row: typeof regions.$inferInsert): Promise<void> {
      await tx.insert(regions).values(row);
    },
    async rename(tx: Db, id: string, name: string, at: Date): Promise<void> {
      await tx.update(regions).set({ name, updatedAt: at }).where(eq(regions.id, id));
    },
    async remove(tx: Db, id: string): Promise<void> {
      await tx.delete(regions).where(eq(regions.id, id));
    },
    /** What still points at a region (children, grids, units, users) — a region in use is not deleted. */
    async references(id: string): Promise<number> {
      const q = async (p: Promise<{ n: number }[]>) => Number((await p)[0]?.n ?? 0);
      return (
        (await q(db.select({ n: count() }).from(regions).where(eq(regions.parentId, id)))) +
        (await q(db.select({ n: count() }).from(grids).where(eq(grids.communityId, id)))) +
        (await q(db.select({ n: count() }).from(units).where(eq(units.regionId, id)))) +
        (await q(db.select({ n: count() }).from(memberships).where(eq(memberships.regionId, id))))
      );
    },
    async anyCity(): Promise<boolean> {
      const [r] = await db.select({ id: regions.id }).from(regions).where(eq(regions.level, 'city')).limit(1);
      return Boolean(r);
    },
  };
}

const regionCols = {
  id: regions.id,
  parentId: regions.parentId,
  cityId: regions.cityId,
  code: regions.code,
  name: regions.name,
  level: regions.level,
  path: regions.path,
};

export type RegionsRepository = ReturnType<typeof createRegionsRepository>;
