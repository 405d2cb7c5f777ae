import { and, count, desc, eq, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases, exposures, photos, rankingBoards, units } from '../../db/schema/index';

export type ExposureRow = typeof exposures.$inferSelect;
export type RankingBoardRow = typeof rankingBoards.$inferSelect;

/** An exposure with what its presenters need of the case (read live: the status follows the case). */
export const exposureView = {
  exposure: exposures,
  caseNumber: cases.number,
  caseStatus: cases.status,
  category: cases.categoryName,
  address: cases.address,
  unitName: units.name,
};
export type ExposureView = {
  exposure: ExposureRow;
  caseNumber: string;
  caseStatus: string;
  category: string;
  address: string | null;
  unitName: string | null;
};

export interface ExposureFilter {
  cityId: string;
  /** A region-scoped user: only cases in the region's subtree. */
  regionId?: string | null;
  state?: 'active' | 'withdrawn';
  caseId?: string;
}

export type PublicPhotoRow = { id: string; caseId: string | null; kind: string };

/** Exposures and ranking boards; reads the case, unit and photo tables (a read model on them). */
export function createExposureRepository(db: Db) {
  function where(f: ExposureFilter): SQL | undefined {
    const w: SQL[] = [eq(exposures.cityId, f.cityId)];
    if (f.regionId) {
      w.push(
        or(
          eq(cases.districtId, f.regionId),
          eq(cases.streetId, f.regionId),
          eq(cases.communityId, f.regionId),
        ) as SQL,
      );
    }
    if (f.state === 'active') w.push(isNull(exposures.withdrawnAt));
    if (f.state === 'withdrawn') w.push(isNotNull(exposures.withdrawnAt));
    if (f.caseId) w.push(eq(exposures.caseId, f.caseId));
    return and(...w);
  }

  const joined = () =>
    db
      .select(exposureView)
      .from(exposures)
      .innerJoin(cases, and(eq(cases.cityId, exposures.cityId), eq(cases.id, exposures.caseId)))
      .leftJoin(units, eq(units.id, cases.leadUnitId));

  return {
    async list(
      f: ExposureFilter,
      offset: number,
      limit: number,
    ): Promise<{ rows: ExposureView[]; total: number }> {
      const [rows, [n]] = await Promise.all([
        joined()
          .where(where(f))
          .orderBy(desc(exposures.publishedAt), desc(exposures.id))
          .offset(offset)
          .limit(limit),
        db
          .select({ n: count() })
          .from(exposures)
          .innerJoin(cases, and(eq(cases.cityId, exposures.cityId), eq(cases.id, exposures.caseId)))
          .where(where(f)),
      ]);
      return { rows: rows as ExposureView[], total: Number(n?.n ?? 0) };
    },

    async view(cityId: string, id: string): Promise<ExposureView | undefined> {
      const [r] = await joined()
        .where(and(eq(exposures.cityId, cityId), eq(exposures.id, id)))
        .limit(1);
      return r as ExposureView | undefined;
    },

    /** A published, not withdrawn exposure by id (the public side knows no city). */
    async active(id: string): Promise<ExposureRow | undefined> {
      const [r] = await db
        .select()
        .from(exposures)
        .where(and(eq(exposures.id, id), isNull(exposures.withdrawnAt)))
        .limit(1);
      return r;
    },

    async byId(tx: Db, cityId: string, id: string): Promise<ExposureRow | undefined> {
      const [r] = await tx
        .select()
        .from(exposures)
        .where(and(eq(exposures.cityId, cityId), eq(exposures.id, id)))
        .limit(1);
      return r;
    },

    async byCase(tx: Db, cityId: string, caseId: string): Promise<ExposureRow | undefined> {
      const [r] = await tx
        .select()
        .from(exposures)
        .where(and(eq(exposures.cityId, cityId), eq(exposures.caseId, caseId)))
        .limit(1);
      return r;
    },

    async insert(tx: Db, row: ExposureRow): Promise<void> {
      await tx.insert(exposures).values(row);
    },

    async update(tx: Db, row: ExposureRow, patch: Partial<ExposureRow>): Promise<void> {
      await tx
        .update(exposures)
        .set(patch)
        .where(and(eq(exposures.cityId, row.cityId), eq(exposures.id, row.id)));
    },

    /** Before and after photos of the cases that have a metadata-free public copy, oldest first. */
    async publicPhotos(cityId: string, caseIds: readonly string[]): Promise<PublicPhotoRow[]> {
      if (caseIds.length === 0) return [];
      return db
        .select({ id: photos.id, caseId: photos.caseId, kind: photos.kind })
        .from(photos)
        .where(
          and(
            eq(photos.cityId, cityId),
            inArray(photos.caseId, [...caseIds]),
            inArray(photos.kind, ['before', 'after']),
            isNotNull(photos.publicKey),
          ),
        )
        .orderBy(photos.createdAt);
    },

    // ---- 红黑榜 --------------------------------------------------------------------------------

    async boards(
      cityId: string,
      opts: { publishedOnly: boolean },
      offset: number,
      limit: number,
    ): Promise<{ rows: RankingBoardRow[]; total: number }> {
      const w = and(
        eq(rankingBoards.cityId, cityId),
        opts.publishedOnly ? eq(rankingBoards.published, true) : undefined,
      );
      const order = opts.publishedOnly
        ? [desc(rankingBoards.publishedAt), desc(rankingBoards.id)]
        : [desc(rankingBoards.createdAt), desc(rankingBoards.id)];
      const [rows, [n]] = await Promise.all([
        db
          .select()
          .from(rankingBoards)
          .where(w)
          .orderBy(...order)
          .offset(offset)
          .limit(limit),
        db.select({ n: count() }).from(rankingBoards).where(w),
      ]);
      return { rows, total: Number(n?.n ?? 0) };
    },

    async board(tx: Db, cityId: string | null, id: string): Promise<RankingBoardRow | undefined> {
      const [r] = await tx
        .select()
        .from(rankingBoards)
        .where(and(eq(rankingBoards.id, id), cityId ? eq(rankingBoards.cityId, cityId) : undefined))
        .limit(1);
      return r;
    },

    async insertBoard(tx: Db, row: RankingBoardRow): Promise<void> {
      await tx.insert(rankingBoards).values(row);
    },

    async updateBoard(tx: Db, row: RankingBoardRow, patch: Partial<RankingBoardRow>): Promise<void> {
      await tx
        .update(rankingBoards)
        .set(patch)
        .where(and(eq(rankingBoards.cityId, row.cityId), eq(rankingBoards.id, row.id)));
    },
  };
}

export type ExposureRepository = ReturnType<typeof createExposureRepository>;
