import { and, asc, count, eq, ilike, inArray, like, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import {
  blocks,
  blockUnits,
  grids,
  gridUnits,
  memberships,
  people,
  regions,
  units,
} from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type UnitRow = typeof units.$inferSelect;
const parent = alias(units, 'parent');

const cols = {
  id: units.id,
  cityId: units.cityId,
  code: units.code,
  name: units.name,
  kind: units.kind,
  parentId: units.parentId,
  parentName: parent.name,
  regionId: units.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  contactName: units.contactName,
  contactPhone: units.contactPhone,
  address: units.address,
};

export function createUnitsRepository(db: Db) {
  const base = () =>
    db
      .select(cols)
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .leftJoin(regions, eq(regions.id, units.regionId));
  return {
    async byId(id: string) {
      const [r] = await base().where(eq(units.id, id)).limit(1);
      return r;
    },
    async byIds(ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: units.id, cityId: units.cityId, code: units.code, name: units.name })
        .from(units)
        .where(inArray(units.id, ids));
    },
    async list(
      f: {
        cityId: string | null;
        pathPrefix: string | null;
        kind?: UnitRow['kind'];
        regionId?: string;
        q?: string;
        onlyId?: string;
      },
      offset: number,
      limit: number,
    ) {
      // A region-scoped viewer sees the units of their area plus the city-wide departments (no region).
      const cond = and(
        f.cityId ? eq(units.cityId, f.cityId) : undefined,
        f.pathPrefix ? or(like(regions.path, `${f.pathPrefix}%`), eq(units.kind, 'department')) : undefined,
        f.kind ? eq(units.kind, f.kind) : undefined,
        f.regionId ? eq(units.regionId, f.regionId) : undefined,
        f.onlyId ? eq(units.id, f.onlyId) : undefined,
        f.q ? or(ilike(units.name, likePattern(f.q)), ilike(units.code, likePattern(f.q))) : undefined,
      );
      const rows = await base()
        .where(cond)
        .orderBy(asc(units.kind), asc(units.code))
        .offset(offset)
        .limit(limit);
      const [t] = await db
        .select({ n: count() })
        .from(units)
        .leftJoin(regions, eq(regions.id, units.regionId))
        .where(cond);
      return { rows, total: Number(t?.n ?? 0) };
    },
    async insert(tx: Db, row: typeof units.$inferInsert) {
      await tx.insert(units).values(row);
    },
    async update(tx: Db, id: string, patch: Partial<typeof units.$inferInsert>) {
      await tx.update(units).set(patch).where(eq(units.id, id));
    },
    async remove(tx: Db, id: string) {
      await tx.delete(units).where(eq(units.id, id));
    },
    async references(id: string): Promise<number> {
      const n = async (p: Promise<{ n: number }[]>) => Number((await p)[0]?.n ?? 0);
      return (
        (await n(db.select({ n: count() }).from(units).where(eq(units.parentId, id)))) +
        (await n(db.select({ n: count() }).from(people).where(eq(people.unitId, id)))) +
        (await n(db.select({ n: count() }).from(grids).where(eq(grids.leadUnitId, id)))) +
        (await n(db.select({ n: count() }).from(gridUnits).where(eq(gridUnits.unitId, id)))) +
        (await n(db.select({ n: count() }).from(blocks).where(eq(blocks.leadUnitId, id)))) +
        (await n(db.select({ n: count() }).from(blockUnits).where(eq(blockUnits.unitId, id)))) +
        (await n(db.select({ n: count() }).from(memberships).where(eq(memberships.unitId, id))))
      );
    },
  };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
