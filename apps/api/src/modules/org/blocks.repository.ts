import { and, asc, count, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { blocks, blockUnits, grids, people, regions, units } from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

const gridCount = sql<number>`(select count(*) from grids g where g.block_id = ${blocks.id} and g.valid_to is null)::int`;
const cols = {
  id: blocks.id,
  cityId: blocks.cityId,
  code: blocks.code,
  name: blocks.name,
  leadUnitId: blocks.leadUnitId,
  leadUnitCode: units.code,
  leadUnitName: units.name,
  leaderId: blocks.leaderId,
  leaderName: people.name,
  note: blocks.note,
  gridCount,
};

/**
 * The list's form of the block scope rule (blocks.service placesOf): a current grid of the block lies in
 * the subtree, or the block has no current grid and its lead unit's region lies in the subtree.
 */
const inSubtree = (prefix: string) => {
  const like = `${prefix}%`;
  return sql`(exists (select 1 from grids g join regions r on r.id = g.community_id
      where g.block_id = ${blocks.id} and g.valid_to is null and r.path like ${like})
    or (not exists (select 1 from grids g where g.block_id = ${blocks.id} and g.valid_to is null)
      and exists (select 1 from units u join regions r on r.id = u.region_id
        where u.id = ${blocks.leadUnitId} and r.path like ${like})))`;
};

export function createBlocksRepository(db: Db) {
  const base = () =>
    db
      .select(cols)
      .from(blocks)
      .leftJoin(units, eq(units.id, blocks.leadUnitId))
      .leftJoin(people, eq(people.id, blocks.leaderId));
  return {
    async byId(id: string) {
      const [r] = await base().where(eq(blocks.id, id)).limit(1);
      return r;
    },
    /** `regionPath`: only blocks lying (at least partly) in that subtree. */
    async list(
      f: { cityId: string | null; regionPath?: string | null; leadUnitId?: string; q?: string },
      offset: number,
      limit: number,
    ) {
      const cond = and(
        f.cityId ? eq(blocks.cityId, f.cityId) : undefined,
        f.regionPath ? inSubtree(f.regionPath) : undefined,
        f.leadUnitId ? eq(blocks.leadUnitId, f.leadUnitId) : undefined,
        f.q ? or(ilike(blocks.name, likePattern(f.q)), ilike(blocks.code, likePattern(f.q))) : undefined,
      );
      const rows = await base().where(cond).orderBy(asc(blocks.code)).offset(offset).limit(limit);
      const [t] = await db.select({ n: count() }).from(blocks).where(cond);
      return { rows, total: Number(t?.n ?? 0) };
    },
    /** The community paths of a block's current grids. */
    async gridPaths(blockId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ path: regions.path })
        .from(grids)
        .innerJoin(regions, eq(regions.id, grids.communityId))
        .where(and(eq(grids.blockId, blockId), isNull(grids.validTo)));
      return rows.map((r) => r.path);
    },
    /** A unit's region path (null: a city-level unit, or none). */
    async unitRegionPath(unitId: string): Promise<string | null> {
      const [r] = await db
        .select({ path: regions.path })
        .from(units)
        .innerJoin(regions, eq(regions.id, units.regionId))
        .where(eq(units.id, unitId));
      return r?.path ?? null;
    },
    /** The current grids of the city with these codes, with their community's path. */
    async currentGrids(cityId: string, codes: readonly string[]): Promise<{ code: string; path: string }[]> {
      const out: { code: string; path: string }[] = [];
      for (let i = 0; i < codes.length; i += 1000) {
        out.push(
          ...(await db
            .select({ code: grids.code, path: regions.path })
            .from(grids)
            .innerJoin(regions, eq(regions.id, grids.communityId))
            .where(
              and(
                eq(grids.cityId, cityId),
                inArray(grids.code, codes.slice(i, i + 1000)),
                isNull(grids.validTo),
              ),
            )),
        );
      }
      return out;
    },
    async responsibleUnits(blockIds: string[]) {
      if (blockIds.length === 0) return [];
      return db
        .select({ blockId: blockUnits.blockId, id: units.id, code: units.code, name: units.name })
        .from(blockUnits)
        .innerJoin(units, eq(units.id, blockUnits.unitId))
        .where(inArray(blockUnits.blockId, blockIds))
        .orderBy(asc(units.code));
    },
    async insert(tx: Db, row: typeof blocks.$inferInsert) {
      await tx.insert(blocks).values(row);
    },
    async update(tx: Db, id: string, patch: Partial<typeof blocks.$inferInsert>) {
      await tx.update(blocks).set(patch).where(eq(blocks.id, id));
    },
    async setUnits(tx: Db, blockId: string, unitIds: string[]) {
      await tx.delete(blockUnits).where(eq(blockUnits.blockId, blockId));
      if (unitIds.length)
        await tx.insert(blockUnits).values([...new Set(unitIds)].map((unitId) => ({ blockId, unitId })));
    },
    /** Makes exactly these current grids the block's members; returns codes that matched no current grid. */
    async setGrids(tx: Db, cityId: string, blockId: string, codes: string[]): Promise<string[]> {
      await tx
        .update(grids)
        .set({ blockId: null })
        .where(and(eq(grids.blockId, blockId), isNull(grids.validTo)));
      const missing: string[] = [];
      for (let i = 0; i < codes.length; i += 1000) {
        const chunk = codes.slice(i, i + 1000);
        const hit = await tx
          .update(grids)
          .set({ blockId })
          .where(and(eq(grids.cityId, cityId), inArray(grids.code, chunk), isNull(grids.validTo)))
          .returning({ code: grids.code });
        const found = new Set(hit.map((h) => h.code));
        missing.push(...chunk.filter((c) => !found.has(c)));
      }
      return missing;
    },
    async remove(tx: Db, id: string) {
      await tx.update(grids).set({ blockId: null }).where(eq(grids.blockId, id));
      await tx.delete(blockUnits).where(eq(blockUnits.blockId, id));
      await tx.delete(blocks).where(eq(blocks.id, id));
    },
  };
}
