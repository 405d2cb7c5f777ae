import { OPEN_CASE_STATUSES, type RevisitStatus } from '@chuangcheng/contracts';
import type { BBox } from '@chuangcheng/domain';
import {
  and,
  asc,
  between,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  like,
  lt,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { cases, photos, revisits } from '../../db/schema/index';
import { newId } from '../../platform/ids';
import type { CaseRow } from './cases.repository';

export type RevisitRow = typeof revisits.$inferSelect;

/** One degree of latitude in metres (the cell maths of hotspots; the exact distance is haversine). */
const M_PER_DEG_LAT = 111_320;
/** A hotspot lists at most this many of its case ids. */
const HOTSPOT_IDS = 50;

/** The start of a city-local day as an instant, whatever the server's TimeZone setting. */
export const cityDayStart = (d: string) => sql`(${d}::date::timestamp at time zone 'Asia/Shanghai')`;

/** A category code and every code below it (codes extend their parent's code). */
export function codePrefix(code: string): SQL {
  return like(cases.categoryCode, `${code.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
}

export interface NearbyQuery {
  cityId: string;
  kind?: string | undefined;
  code: string;
  box: BBox;
  status: 'open' | 'closed';
  /** created_at (open) or closed_at (closed) on or after this instant. */
  since: Date;
  excludeId?: string | undefined;
  /** The actor's scope (cases.repository caseFilters). */
  scope?: SQL[];
}

/**
 * Cases of one category inside a box (uses cases_spot_idx: city, category code, lng); the caller
 * measures the exact distance. A box of 100 m holds a handful of rows.
 */
export async function nearbyCases(tx: Db, q: NearbyQuery) {
  const [minLng, minLat, maxLng, maxLat] = q.box;
  const where: SQL[] = [
    eq(cases.cityId, q.cityId),
    eq(cases.categoryCode, q.code),
    between(cases.lng, minLng, maxLng),
    between(cases.lat, minLat, maxLat),
    ...(q.scope ?? []),
  ];
  if (q.kind) where.push(eq(cases.categoryKind, q.kind));
  if (q.excludeId) where.push(ne(cases.id, q.excludeId));
  if (q.status === 'open') {
    where.push(inArray(cases.status, [...OPEN_CASE_STATUSES]), gte(cases.createdAt, q.since));
  } else {
    where.push(eq(cases.status, 'closed'), gte(cases.closedAt, q.since));
  }
  return tx
    .select({
      id: cases.id,
      number: cases.number,
      status: cases.status,
      categoryName: cases.categoryName,
      description: cases.description,
      address: cases.address,
      lng: cases.lng,
      lat: cases.lat,
      createdAt: cases.createdAt,
      closedAt: cases.closedAt,
    })
    .from(cases)
    .where(and(...where))
    .limit(500);
}

/** Reporters with accounts of the cases merged into `parentId` (each with the child's number). */
export async function childReporters(tx: Db, cityId: string, parentId: string) {
  return tx
    .select({ id: cases.id, number: cases.number, userId: cases.reporterUserId })
    .from(cases)
    .where(and(eq(cases.cityId, cityId), eq(cases.parentCaseId, parentId), isNotNull(cases.reporterUserId)));
}

export function createCaseLinksRepository(db: Db) {
  return {
    nearby: nearbyCases,

    async children(tx: Db, cityId: string, parentId: string): Promise<CaseRow[]> {
      return tx
        .select()
        .from(cases)
        .where(and(eq(cases.cityId, cityId), eq(cases.parentCaseId, parentId)))
        .orderBy(asc(cases.createdAt));
    },

    async hasChildren(tx: Db, cityId: string, parentId: string): Promise<boolean> {
      const [r] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.cityId, cityId), eq(cases.parentCaseId, parentId)))
        .limit(1);
      return !!r;
    },

    childReporters,

    /** Copies a case's photo rows onto another case; the stored files are shared (they never change). */
    async copyPhotos(
      tx: Db,
      cityId: string,
      fromCaseId: string,
      toCaseId: string,
      now: Date,
    ): Promise<number> {
      const rows = await tx
        .select()
        .from(photos)
        .where(and(eq(photos.cityId, cityId), eq(photos.caseId, fromCaseId)))
        .orderBy(asc(photos.createdAt));
      if (rows.length > 0) {
        await tx
          .insert(photos)
          .values(rows.map((p) => ({ ...p, id: newId(now.getTime()), caseId: toCaseId })));
      }
      return rows.length;
    },

    async byIds(ids: readonly string[]): Promise<CaseRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(cases)
        .where(inArray(cases.id, [...ids]));
    },

    /**
     * Places that keep coming back: the period's cases (not voided) grouped by category and a metric
     * cell of about `cellM` metres (rows are bands of latitude; a band's columns use the cosine of its
     * middle so they line up), ranked by count, then relapses, then the most recent.
     */
    async hotspots(where: SQL[], cellM: number, minCount: number, limit: number) {
      const latStep = sql.raw(String(cellM / M_PER_DEG_LAT));
      const row = sql`floor(${cases.lat} / ${latStep})`;
      const col = sql`floor(${cases.lng} / (${latStep} / cos(radians((floor(${cases.lat} / ${latStep}) + 0.5) * ${latStep}))))`;
      const n = sql<number>`count(*)::int`;
      const relapses = sql<number>`count(${cases.relapseOfCaseId})::int`;
      const latestAt = sql`max(${cases.createdAt})`;
      // Newest first; a case number breaks ties within one instant (numbers count up per day).
      // Cases awaiting placing (待定位) have no place yet.
      return db
        .select({
          kind: cases.categoryKind,
          code: cases.categoryCode,
          name: sql<string>`(array_agg(${cases.categoryName} order by ${cases.createdAt} desc, ${cases.number} desc))[1]`,
          count: n,
          relapses,
          open: sql<number>`(count(*) filter (where ${inArray(cases.status, [...OPEN_CASE_STATUSES])}))::int`,
          lng: sql<number>`avg(${cases.lng})::float8`,
          lat: sql<number>`avg(${cases.lat})::float8`,
          ids: sql<
            string[]
          >`(array_agg(${cases.id}::text order by ${cases.createdAt} desc, ${cases.number} desc))[1:${sql.raw(String(HOTSPOT_IDS))}]`,
        })
        .from(cases)
        .where(and(...where, ne(cases.status, 'voided'), isNotNull(cases.lng), isNotNull(cases.lat)))
        .groupBy(cases.categoryKind, cases.categoryCode, row, col)
        .having(sql`count(*) >= ${minCount}`)
        .orderBy(desc(n), desc(relapses), desc(latestAt))
        .limit(limit);
    },

    /** Ids of the cases closed in [from, to] (city days) within `where`, in id order. */
    async closedIn(where: SQL[], from: string, to: string): Promise<string[]> {
      const rows = await db
        .select({ id: cases.id })
        .from(cases)
        .where(
          and(
            ...where,
            eq(cases.status, 'closed'),
            gte(cases.closedAt, sql`${cityDayStart(from)}`),
            lt(cases.closedAt, sql`${cityDayStart(to)} + interval '1 day'`),
          ),
        )
        .orderBy(asc(cases.id));
      return rows.map((r) => r.id);
    },

    async insertRevisits(tx: Db, rows: (typeof revisits.$inferInsert)[]): Promise<void> {
      if (rows.length > 0) await tx.insert(revisits).values(rows);
    },

    async revisit(tx: Db, id: string): Promise<RevisitRow | undefined> {
      const [r] = await tx.select().from(revisits).where(eq(revisits.id, id)).limit(1);
      return r;
    },

    /** Records a result only while the revisit is still pending: false means someone else did. */
    async finishRevisit(
      tx: Db,
      r: RevisitRow,
      patch: {
        status: RevisitStatus;
        note: string | null;
        relapseCaseId: string | null;
        by: string;
        at: Date;
      },
    ): Promise<boolean> {
      const done = await tx
        .update(revisits)
        .set({
          status: patch.status,
          note: patch.note,
          relapseCaseId: patch.relapseCaseId,
          doneByName: patch.by,
          doneAt: patch.at,
        })
        .where(and(eq(revisits.cityId, r.cityId), eq(revisits.id, r.id), eq(revisits.status, 'pending')))
        .returning({ id: revisits.id });
      return done.length === 1;
    },

    /** Revisits with their cases (scoped by `where` on the case), newest batch first. */
    async revisits(where: SQL[], offset: number, limit: number) {
      const relapse = alias(cases, 'relapse_case');
      const cond = and(...where);
      const join = and(eq(cases.cityId, revisits.cityId), eq(cases.id, revisits.caseId));
      const [rows, [total]] = await Promise.all([
        db
          .select({
            revisit: revisits,
            c: cases,
            relapseNumber: relapse.number,
          })
          .from(revisits)
          .innerJoin(cases, join)
          .leftJoin(relapse, and(eq(relapse.cityId, revisits.cityId), eq(relapse.id, revisits.relapseCaseId)))
          .where(cond)
          .orderBy(desc(revisits.createdAt), asc(cases.number))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(revisits).innerJoin(cases, join).where(cond),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },

    /** Batches as counts per status (scoped by `where` on the case), newest first. */
    async batches(where: SQL[], limit: number) {
      const by = (s: RevisitStatus) => sql<number>`(count(*) filter (where ${revisits.status} = ${s}))::int`;
      return db
        .select({
          batchId: revisits.batchId,
          createdAt: sql<Date>`min(${revisits.createdAt})`.mapWith(revisits.createdAt),
          createdByName: sql<string>`min(${revisits.createdByName})`,
          dueDate: sql<string | null>`min(${revisits.dueDate})::text`,
          total: sql<number>`count(*)::int`,
          pending: by('pending'),
          ok: by('ok'),
          relapsed: by('relapsed'),
          closedFrom: sql<Date | null>`min(${cases.closedAt})`.mapWith(cases.closedAt),
          closedTo: sql<Date | null>`max(${cases.closedAt})`.mapWith(cases.closedAt),
        })
        .from(revisits)
        .innerJoin(cases, and(eq(cases.cityId, revisits.cityId), eq(cases.id, revisits.caseId)))
        .where(and(...where))
        .groupBy(revisits.batchId)
        .orderBy(desc(sql`min(${revisits.createdAt})`))
        .limit(limit);
    },
  };
}

export type CaseLinksRepository = ReturnType<typeof createCaseLinksRepository>;
