import { and, arrayContains, asc, count, eq, ilike, inArray, like, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { blocks, grids, gridWorkers, people, regions, units } from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type PersonRow = typeof people.$inferSelect;

const cols = {
  id: people.id,
  cityId: people.cityId,
  name: people.name,
  unitId: people.unitId,
  unitName: units.name,
  unitKind: units.kind,
  unitRegionPath: regions.path,
  title: people.title,
  phone: people.phone,
  duties: people.duties,
  userId: people.userId,
};

export function createPeopleRepository(db: Db) {
  const base = () =>
    db
      .select(cols)
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .leftJoin(regions, eq(regions.id, units.regionId));
  return {
    async byId(id: string) {
      const [r] = await base().where(eq(people.id, id)).limit(1);
      return r;
    },
    async byIds(ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: people.id, cityId: people.cityId, name: people.name })
        .from(people)
        .where(inArray(people.id, ids));
    },
    async list(
      f: { cityId: string | null; pathPrefix: string | null; unitId?: string; duty?: string; q?: string },
      offset: number,
      limit: number,
    ) {
      const cond = and(
        f.cityId ? eq(people.cityId, f.cityId) : undefined,
        f.pathPrefix ? or(like(regions.path, `${f.pathPrefix}%`), eq(units.kind, 'department')) : undefined,
        f.unitId ? eq(people.unitId, f.unitId) : undefined,
        f.duty ? arrayContains(people.duties, [f.duty]) : undefined,
        f.q ? or(ilike(people.name, likePattern(f.q)), ilike(units.name, likePattern(f.q))) : undefined,
      );
      const rows = await base()
        .where(cond)
        .orderBy(asc(units.code), asc(people.name))
        .offset(offset)
        .limit(limit);
      const [t] = await db
        .select({ n: count() })
        .from(people)
        .innerJoin(units, eq(units.id, people.unitId))
        .leftJoin(regions, eq(regions.id, units.regionId))
        .where(cond);
      return { rows, total: Number(t?.n ?? 0) };
    },
    async insert(tx: Db, row: typeof people.$inferInsert) {
      await tx.insert(people).values(row);
    },
    async update(tx: Db, id: string, patch: Partial<typeof people.$inferInsert>) {
      await tx.update(people).set(patch).where(eq(people.id, id));
    },
    async remove(tx: Db, id: string) {
      await tx.delete(gridWorkers).where(eq(gridWorkers.personId, id));
      await tx.update(grids).set({ leaderId: null }).where(eq(grids.leaderId, id));
      await tx.update(blocks).set({ leaderId: null }).where(eq(blocks.leaderId, id));
      await tx.delete(people).where(eq(people.id, id));
    },
  };
}
