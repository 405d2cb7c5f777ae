import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases, rectlistRows, rectlists, units } from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type RectlistRowRecord = typeof rectlistRows.$inferSelect;
export type RectlistRecord = typeof rectlists.$inferSelect;

/** Which batches a reader sees: the city, and within a district only the district's own uploads. */
export interface RectlistScope {
  cityId: string;
  /** The reader's region path; null = the whole city. */
  regionPath: string | null;
}

function scopeWhere(s: RectlistScope): SQL[] {
  const w: SQL[] = [eq(rectlists.cityId, s.cityId)];
  // Region paths are '/uuid/…/': no LIKE wildcards inside.
  if (s.regionPath) w.push(sql`${rectlists.regionPath} like ${`${s.regionPath}%`}`);
  return w;
}

export function createRectlistsRepository(db: Db) {
  return {
    async byId(cityId: string, id: string): Promise<RectlistRecord | undefined> {
      const [r] = await db
        .select()
        .from(rectlists)
        .where(and(eq(rectlists.cityId, cityId), eq(rectlists.id, id)))
        .limit(1);
      return r;
    },

    /** Earlier batches of the same file (by SHA-256) in the city. */
    async byHash(cityId: string, hash: string) {
      return db
        .select({
          id: rectlists.id,
          number: rectlists.number,
          title: rectlists.title,
          createdAt: rectlists.createdAt,
        })
        .from(rectlists)
        .where(and(eq(rectlists.cityId, cityId), eq(rectlists.fileHash, hash)))
        .orderBy(asc(rectlists.createdAt));
    },

    async insert(tx: Db, batch: typeof rectlists.$inferInsert, rows: (typeof rectlistRows.$inferInsert)[]) {
      await tx.insert(rectlists).values(batch);
      for (let i = 0; i < rows.length; i += 500) await tx.insert(rectlistRows).values(rows.slice(i, i + 500));
    },

    async update(tx: Db, cityId: string, id: string, patch: Partial<typeof rectlists.$inferInsert>) {
      await tx
        .update(rectlists)
        .set(patch)
        .where(and(eq(rectlists.cityId, cityId), eq(rectlists.id, id)));
    },

    async rows(cityId: string, batchId: string): Promise<RectlistRowRecord[]> {
      return db
        .select()
        .from(rectlistRows)
        .where(and(eq(rectlistRows.cityId, cityId), eq(rectlistRows.batchId, batchId)))
        .orderBy(asc(rectlistRows.row));
    },

    /** Records a row's outcome and recounts the batch from its rows, in one transaction. */
    async finishRow(
      tx: Db,
      cityId: string,
      batchId: string,
      row: number,
      outcome: { caseId: string } | { error: string },
    ): Promise<{ created: number; failed: number }> {
      await tx
        .update(rectlistRows)
        .set('caseId' in outcome ? { caseId: outcome.caseId, error: null } : { error: outcome.error })
        .where(
          and(eq(rectlistRows.cityId, cityId), eq(rectlistRows.batchId, batchId), eq(rectlistRows.row, row)),
        );
      const [c] = await tx
        .select({
          created: sql<number>`count(*) filter (where ${isNotNull(rectlistRows.caseId)})`.mapWith(Number),
          failed: sql<number>`count(*) filter (where ${isNotNull(rectlistRows.error)})`.mapWith(Number),
        })
        .from(rectlistRows)
        .where(and(eq(rectlistRows.cityId, cityId), eq(rectlistRows.batchId, batchId)));
      const counts = { created: c?.created ?? 0, failed: c?.failed ?? 0 };
      await tx
        .update(rectlists)
        .set({ createdCount: counts.created, failedCount: counts.failed })
        .where(and(eq(rectlists.cityId, cityId), eq(rectlists.id, batchId)));
      return counts;
    },

    async list(
      s: RectlistScope,
      f: { state?: string | undefined; q?: string | undefined },
      offset: number,
      limit: number,
    ) {
      const where = scopeWhere(s);
      if (f.state) where.push(eq(rectlists.state, f.state as RectlistRecord['state']));
      if (f.q) {
        const p = likePattern(f.q);
        where.push(or(ilike(rectlists.title, p), ilike(rectlists.number, p), ilike(rectlists.upperUnit, p))!);
      }
      const [items, [total]] = await Promise.all([
        db
          .select()
          .from(rectlists)
          .where(and(...where))
          .orderBy(desc(rectlists.createdAt), desc(rectlists.id))
          .offset(offset)
          .limit(limit),
        db
          .select({ n: count() })
          .from(rectlists)
          .where(and(...where)),
      ]);
      return { rows: items, total: total?.n ?? 0 };
    },

    /** Closed cases per batch (the progress of rectification). */
    async closedCounts(cityId: string, batchIds: string[]): Promise<Map<string, number>> {
      if (batchIds.length === 0) return new Map();
      const rows = await db
        .select({ batchId: rectlistRows.batchId, n: count() })
        .from(rectlistRows)
        .innerJoin(cases, and(eq(cases.cityId, rectlistRows.cityId), eq(cases.id, rectlistRows.caseId)))
        .where(
          and(
            eq(rectlistRows.cityId, cityId),
            inArray(rectlistRows.batchId, batchIds),
            eq(cases.status, 'closed'),
          ),
        )
        .groupBy(rectlistRows.batchId);
      return new Map(rows.map((r) => [r.batchId, r.n]));
    },

    /** The batch's cases as they are now: number, status, lead unit, route, deadlines. */
    async casesOf(cityId: string, caseIds: string[]) {
      if (caseIds.length === 0) return [];
      return db
        .select({
          id: cases.id,
          number: cases.number,
          status: cases.status,
          leadUnitName: units.name,
          route: cases.route,
          disposeDeadline: cases.disposeDeadline,
          closedAt: cases.closedAt,
        })
        .from(cases)
        .leftJoin(units, eq(units.id, cases.leadUnitId))
        .where(and(eq(cases.cityId, cityId), inArray(cases.id, caseIds)));
    },

    /** Rows still to do (no case, no error): what a resumed run picks up. */
    async pendingCount(cityId: string, batchId: string): Promise<number> {
      const [r] = await db
        .select({ n: count() })
        .from(rectlistRows)
        .where(
          and(
            eq(rectlistRows.cityId, cityId),
            eq(rectlistRows.batchId, batchId),
            isNull(rectlistRows.caseId),
            isNull(rectlistRows.error),
          ),
        );
      return r?.n ?? 0;
    },
  };
}

export type RectlistsRepository = ReturnType<typeof createRectlistsRepository>;
