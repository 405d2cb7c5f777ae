import { and, asc, count, eq, gt, ilike, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { blocks, grids, gridUnits, gridWorkers, meta, regions, units } from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type GridRow = typeof grids.$inferSelect;
const street = alias(regions, 'street');
const district = alias(regions, 'district');

const cols = {
  id: grids.id,
  cityId: grids.cityId,
  code: grids.code,
  name: grids.name,
  communityId: grids.communityId,
  communityCode: regions.code,
  communityName: regions.name,
  communityPath: regions.path,
  streetId: street.id,
  streetCode: street.code,
  streetName: street.name,
  districtId: district.id,
  districtCode: district.code,
  districtName: district.name,
  blockId: grids.blockId,
  blockCode: blocks.code,
  blockName: blocks.name,
  leadUnitId: grids.leadUnitId,
  leadUnitCode: units.code,
  leadUnitName: units.name,
  leaderId: grids.leaderId,
  areaM2: grids.areaM2,
  minLng: grids.minLng,
  minLat: grids.minLat,
  maxLng: grids.maxLng,
  maxLat: grids.maxLat,
  validFrom: grids.validFrom,
  validTo: grids.validTo,
};

/** The version valid on `day` (ISO date): valid_from ≤ day < valid_to. */
export const validOn = (day: string) =>
  and(lte(grids.validFrom, day), or(isNull(grids.validTo), gt(grids.validTo, day)));

export function createGridsRepository(db: Db) {
  // One query shape for detail and lists; lists skip the (large) geometry column.
  const base = (withGeometry = false) =>
    db
      .select({ ...cols, geometry: withGeometry ? grids.geometry : sql<unknown>`null` })
      .from(grids)
      .innerJoin(regions, eq(regions.id, grids.communityId))
      .leftJoin(street, eq(street.id, regions.parentId))
      .leftJoin(district, eq(district.id, street.parentId))
      .leftJoin(blocks, eq(blocks.id, grids.blockId))
      .leftJoin(units, eq(units.id, grids.leadUnitId));

  return {
    async byId(id: string) {
      const [r] = await base(true).where(eq(grids.id, id)).limit(1);
      return r;
    },
    async currentByCode(cityId: string, code: string): Promise<GridRow | undefined> {
      const [r] = await db
        .select()
        .from(grids)
        .where(and(eq(grids.cityId, cityId), eq(grids.code, code), isNull(grids.validTo)))
        .limit(1);
      return r;
    },
    async history(cityId: string, code: string) {
      return base()
        .where(and(eq(grids.cityId, cityId), eq(grids.code, code)))
        .orderBy(asc(grids.validFrom), asc(grids.createdAt));
    },
    async list(
      f: {
        cityId: string | null;
        pathPrefix: string | null;
        day: string;
        regionPath?: string;
        blockId?: string;
        leadUnitId?: string;
        q?: string;
      },
      offset: number,
      limit: number,
    ) {
      const cond = and(
        validOn(f.day),
        f.cityId ? eq(grids.cityId, f.cityId) : undefined,
        f.pathPrefix ? like(regions.path, `${f.pathPrefix}%`) : undefined,
        f.regionPath ? like(regions.path, `${f.regionPath}%`) : undefined,
        f.blockId ? eq(grids.blockId, f.blockId) : undefined,
        f.leadUnitId ? eq(grids.leadUnitId, f.leadUnitId) : undefined,
        f.q ? or(ilike(grids.code, likePattern(f.q)), ilike(grids.name, likePattern(f.q))) : undefined,
      );
      const rows = await base().where(cond).orderBy(asc(grids.code)).offset(offset).limit(limit);
      const [t] = await db
        .select({ n: count() })
        .from(grids)
        .innerJoin(regions, eq(regions.id, grids.communityId))
        .where(cond);
      return { rows, total: Number(t?.n ?? 0) };
    },
    /** Current grids with geometry, for the map and the locate index. */
    async currentGeometries(f: { cityId: string | null; pathPrefix: string | null }) {
      return db
        .select({
          id: grids.id,
          cityId: grids.cityId,
          code: grids.code,
          name: grids.name,
          communityId: grids.communityId,
          blockId: grids.blockId,
          leadUnitId: grids.leadUnitId,
          geometry: grids.geometry,
          minLng: grids.minLng,
          minLat: grids.minLat,
          maxLng: grids.maxLng,
          maxLat: grids.maxLat,
        })
        .from(grids)
        .innerJoin(regions, eq(regions.id, grids.communityId))
        .where(
          and(
            isNull(grids.validTo),
            f.cityId ? eq(grids.cityId, f.cityId) : undefined,
            f.pathPrefix ? like(regions.path, `${f.pathPrefix}%`) : undefined,
          ),
        );
    },
    async members(gridIds: string[]) {
      if (gridIds.length === 0) return { units: [], workers: [] };
      const [u, w] = await Promise.all([
        db.select().from(gridUnits).where(inArray(gridUnits.gridId, gridIds)),
        db.select().from(gridWorkers).where(inArray(gridWorkers.gridId, gridIds)),
      ]);
      return { units: u, workers: w };
    },
    async insert(tx: Db, row: typeof grids.$inferInsert, unitIds: string[], workerIds: string[]) {
      await tx.insert(grids).values(row);
      await this.setMembers(tx, row.id, unitIds, workerIds);
    },
    async setMembers(tx: Db, gridId: string, unitIds: string[] | undefined, workerIds: string[] | undefined) {
      if (unitIds) {
        await tx.delete(gridUnits).where(eq(gridUnits.gridId, gridId));
        if (unitIds.length)
          await tx.insert(gridUnits).values([...new Set(unitIds)].map((unitId) => ({ gridId, unitId })));
      }
      if (workerIds) {
        await tx.delete(gridWorkers).where(eq(gridWorkers.gridId, gridId));
        if (workerIds.length)
          await tx
            .insert(gridWorkers)
            .values([...new Set(workerIds)].map((personId) => ({ gridId, personId })));
      }
    },
    async update(tx: Db, id: string, patch: Partial<typeof grids.$inferInsert>) {
      await tx.update(grids).set(patch).where(eq(grids.id, id));
    },
    /** Tells every process's locate index that the grids changed (read back by version polling). */
    async bumpVersion(tx: Db) {
      await tx
        .insert(meta)
        .values({ key: 'grids_version', value: '1' })
        .onConflictDoUpdate({
          target: meta.key,
          set: { value: sql`(${meta.value}::bigint + 1)::text`, updatedAt: sql`now()` },
        });
    },
    async center(): Promise<[number, number] | null> {
      const [r] = await db
        .select({
          lng: sql<number>`avg((${grids.minLng} + ${grids.maxLng}) / 2)`,
          lat: sql<number>`avg((${grids.minLat} + ${grids.maxLat}) / 2)`,
        })
        .from(grids)
        .where(isNull(grids.validTo));
      return r?.lng == null || r.lat == null ? null : [Number(r.lng), Number(r.lat)];
    },
    async version(): Promise<string> {
      const [r] = await db.select({ v: meta.value }).from(meta).where(eq(meta.key, 'grids_version')).limit(1);
      return r?.v ?? '0';
    },
  };
}

export type GridsRepository = ReturnType<typeof createGridsRepository>;
