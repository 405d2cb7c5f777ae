import { and, asc, count, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { blocks, blockUnits, grids, people, units } from '../../db/schema/index';
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
    async list(f: { cityId: string | null; leadUnitId?: string; q?: string }, offset: number, limit: number) {
      const cond = and(
        f.cityId ? eq(blocks.cityId, f.cityId) : undefined,
        f.leadUnitId ? eq(blocks.leadUnitId, f.leadUnitId) : undefined,
        f.q ? or(ilike(blocks.name, likePattern(f.q)), ilike(blocks.code, likePattern(f.q))) : undefined,
      );
      const rows = await base().where(cond).orderBy(asc(blocks.code)).offset(offset).limit(limit);
      const [t] = await db.select({ n: count() }).from(blocks).where(cond);
      return { rows, total: Number(t?.n ?? 0) };
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
