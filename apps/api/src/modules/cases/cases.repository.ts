import type { CaseListQuery, KpiCounters } from '@chuangcheng/contracts';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  blocks,
  caseEvents,
  cases,
  categories,
  grids,
  memberships,
  regions,
  sequences,
  units,
  unitTrades,
  users,
} from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';
import { syncStages } from './case-stages';

export type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;
export type EventRow = typeof caseEvents.$inferSelect;

/** Who sees which cases: the city, the region subtree, and for unit users their own unit's cases. */
export interface CaseScope {
  cityId: string | null;
  regionId: string | null;
  unitId: string | null;
}

/** Counter columns by KPI counter name (the domain computes, the row stores). */
export const COUNTER_COLUMNS = {
  reported: cases.nReported,
  filed: cases.nFiled,
  voidedAfterFiling: cases.nVoidedAfterFiling,
  needDispatch: cases.nNeedDispatch,
  dispatchedOnTime: cases.nDispatchedOnTime,
  dispatches: cases.nDispatches,
  returns: cases.nReturns,
  needDispose: cases.nNeedDispose,
  disposed: cases.nDisposed,
  disposedOnTime: cases.nDisposedOnTime,
  feedbacks: cases.nFeedbacks,
  reworks: cases.nReworks,
  needClose: cases.nNeedClose,
  closed: cases.nClosed,
  closedOnTime: cases.nClosedOnTime,
  disposeMinutes: cases.nDisposeMinutes,
} as const;

export function counterPatch(c: KpiCounters): Partial<CaseInsert> {
  return {
    nReported: c.reported,
    nFiled: c.filed,
    nVoidedAfterFiling: c.voidedAfterFiling,
    nNeedDispatch: c.needDispatch,
    nDispatchedOnTime: c.dispatchedOnTime,
    nDispatches: c.dispatches,
    nReturns: c.returns,
    nNeedDispose: c.needDispose,
    nDisposed: c.disposed,
    nDisposedOnTime: c.disposedOnTime,
    nFeedbacks: c.feedbacks,
    nReworks: c.reworks,
    nNeedClose: c.needClose,
    nClosed: c.closed,
    nClosedOnTime: c.closedOnTime,
    nDisposeMinutes: c.disposeMinutes,
  };
}

/** The start of a city-local day as an instant, whatever the server's TimeZone setting. */
const CITY_DAY = (d: string) => sql`(${d}::date::timestamp at time zone 'Asia/Shanghai')`;

/** The cases a unit handles: lead unit (主办) or co-unit (协办). */
function unitCases(unitId: string): SQL {
  return or(
    eq(cases.leadUnitId, unitId),
    sql`${cases.coUnitIds} @> ${JSON.stringify([unitId])}::jsonb`,
  ) as SQL;
}

/**
 * 行业主管 (谁主管、谁负责): the case's category, or one of its ancestors, is a trade the unit supervises
 * (kind + code, any catalogue version), and the case lies in the unit's region subtree (a unit without a
 * region, or of the city itself, covers the whole city). One predicate for lists, KPIs and single cases.
 */
export function tradeOversight(unitId: string): SQL {
  return sql`(exists (select 1 from ${units} u where u.id = ${unitId}::uuid and u.city_id = ${cases.cityId}
      and (u.region_id is null or u.region_id in (${cases.cityId}, ${cases.districtId}, ${cases.streetId}, ${cases.communityId})))
    and ${cases.categoryPath} ?| array(select c.id::text from ${unitTrades} t
      join ${categories} c on c.city_id = t.city_id and c.kind = t.kind and c.code = t.code
      where t.unit_id = ${unitId}::uuid and t.city_id = ${cases.cityId}))`;
}

/** Filters shared by the list, the map, the Excel export and the KPIs. */
export function caseFilters(
  scope: CaseScope,
  q: Partial<Omit<CaseListQuery, 'page' | 'pageSize' | 'sort' | 'queue'>>,
): SQL[] {
  const where: SQL[] = [];
  if (scope.cityId) where.push(eq(cases.cityId, scope.cityId));
  const inRegion = (id: string) =>
    or(eq(cases.districtId, id), eq(cases.streetId, id), eq(cases.communityId, id)) as SQL;
  if (scope.regionId) where.push(inRegion(scope.regionId));
  // A unit reads the cases it handles and those of the trades it supervises (行业主管).
  if (scope.unitId) where.push(or(unitCases(scope.unitId), tradeOversight(scope.unitId)) as SQL);
  if (q.status?.length) where.push(inArray(cases.status, q.status));
  if (q.light) where.push(eq(cases.light, q.light));
  if (q.unitId) where.push(eq(cases.leadUnitId, q.unitId));
  if (q.regionId) where.push(inRegion(q.regionId));
  if (q.blockId) where.push(eq(cases.blockId, q.blockId));
  if (q.gridId) where.push(eq(cases.gridId, q.gridId));
  if (q.categoryId) {
    where.push(sql`${cases.categoryPath} @> ${JSON.stringify([q.categoryId])}::jsonb`);
  }
  if (q.source) where.push(eq(cases.source, q.source));
  if (q.supervised === 'true') where.push(sql`${cases.supervisionLevel} > 0`);
  if (q.from) where.push(gte(cases.createdAt, sql`${CITY_DAY(q.from)}`));
  if (q.to) where.push(lt(cases.createdAt, sql`${CITY_DAY(q.to)} + interval '1 day'`));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(or(ilike(cases.number, p), ilike(cases.description, p), ilike(cases.address, p)) as SQL);
  }
  return where;
}

/**
 * The preset queues of the dispatch board, unit inbox and verification queue. A unit's work queues hold
 * only the cases it handles, never those it merely supervises; 'claimable' holds the filed, undispatched
 * cases of its trades nobody has asked for yet (主动认领), 'claims' the claims awaiting the office.
 */
export function queueFilter(
  queue: NonNullable<CaseListQuery['queue']>,
  now: Date,
  unitId?: string | null,
): SQL {
  if (queue === 'claimable') {
    return unitId
      ? (and(eq(cases.status, 'filed'), isNull(cases.pending), tradeOversight(unitId)) as SQL)
      : sql`false`;
  }
  const q = queueOnly(queue, now);
  return unitId ? (and(q, unitCases(unitId)) as SQL) : q;
}

function queueOnly(queue: Exclude<NonNullable<CaseListQuery['queue']>, 'claimable'>, now: Date): SQL {
  switch (queue) {
    case 'to_file':
      return inArray(cases.status, ['reported', 'self_handled']);
    case 'to_dispatch':
      return inArray(cases.status, ['filed', 'returned']);
    case 'requests':
      // 延期/挂账 awaiting approval; claims have their own queue.
      return sql`${cases.pending} is not null and ${cases.pending}->>'kind' <> 'claim'`;
    case 'claims':
      return sql`${cases.pending}->>'kind' = 'claim'`;
    case 'to_accept':
      return eq(cases.status, 'dispatched');
    case 'to_dispose':
      return eq(cases.status, 'in_progress');
    case 'overdue':
      return and(inArray(cases.status, ['dispatched', 'in_progress']), lt(cases.disposeDeadline, now)) as SQL;
    case 'to_verify':
      return eq(cases.status, 'feedback');
  }
}

export function createCasesRepository(db: Db) {
  return {
    async byId(tx: Db, id: string): Promise<CaseRow | undefined> {
      const [r] = await tx.select().from(cases).where(eq(cases.id, id)).limit(1);
      return r;
    },

    async byIdempotencyKey(cityId: string, userId: string, key: string): Promise<CaseRow | undefined> {
      const [r] = await db
        .select()
        .from(cases)
        .where(and(eq(cases.cityId, cityId), eq(cases.reporterUserId, userId), eq(cases.idempotencyKey, key)))
        .limit(1);
      return r;
    },

    async insert(tx: Db, row: CaseInsert): Promise<void> {
      await tx.insert(cases).values(row);
    },

    /** Optimistic update: only if the version is still the one read; false means someone else won. */
    async update(tx: Db, row: CaseRow, patch: Partial<CaseInsert>): Promise<boolean> {
      const done = await tx
        .update(cases)
        .set({ ...patch, version: row.version + 1 })
        .where(and(eq(cases.cityId, row.cityId), eq(cases.id, row.id), eq(cases.version, row.version)))
        .returning({ id: cases.id });
      return done.length === 1;
    },

    async events(tx: Db, cityId: string, caseId: string): Promise<EventRow[]> {
      return tx
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.cityId, cityId), eq(caseEvents.caseId, caseId)))
        .orderBy(asc(caseEvents.seq));
    },

    /** Appends an event and rewrites the case's stage rows from the log, in the caller's transaction. */
    async insertEvent(tx: Db, row: typeof caseEvents.$inferInsert): Promise<void> {
      await tx.insert(caseEvents).values(row);
      await syncStages(tx, row.cityId, row.caseId);
    },

    /** Next number of a per-city sequence (case numbers per day, 督办单 per year); atomic. */
    async nextSeq(tx: Db, cityId: string, scope: string): Promise<number> {
      const [r] = await tx
        .insert(sequences)
        .values({ cityId, scope, last: 1 })
        .onConflictDoUpdate({
          target: [sequences.cityId, sequences.scope],
          set: { last: sql`${sequences.last} + 1` },
        })
        .returning({ last: sequences.last });
      return r!.last;
    },

    async list(where: SQL[], sort: CaseListQuery['sort'], offset: number, limit: number) {
      const order = {
        createdAt: asc(cases.createdAt),
        '-createdAt': desc(cases.createdAt),
        stageDeadline: sql`${cases.stageDeadline} asc nulls last`,
        '-stageDeadline': sql`${cases.stageDeadline} desc nulls last`,
      }[sort];
      const cond = and(...where);
      const [rows, [total]] = await Promise.all([
        db.select().from(cases).where(cond).orderBy(order, desc(cases.id)).limit(limit).offset(offset),
        db.select({ n: count() }).from(cases).where(cond),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },

    async count(where: SQL[]): Promise<number> {
      const [r] = await db
        .select({ n: count() })
        .from(cases)
        .where(and(...where));
      return Number(r?.n ?? 0);
    },

    async mapPoints(where: SQL[], limit: number) {
      // A case awaiting placing (待定位) has no point to show.
      return db
        .select({
          id: cases.id,
          number: cases.number,
          status: cases.status,
          light: cases.light,
          lng: cases.lng,
          lat: cases.lat,
          categoryName: cases.categoryName,
        })
        .from(cases)
        .where(and(...where, isNotNull(cases.lng), isNotNull(cases.lat)))
        .orderBy(desc(cases.createdAt))
        .limit(limit);
    },

    /** Names for the ids on a page of cases (regions, units, blocks), in three queries. */
    async names(regionIds: string[], unitIds: string[], blockIds: string[]) {
      const [r, u, b] = await Promise.all([
        regionIds.length
          ? db
              .select({ id: regions.id, name: regions.name })
              .from(regions)
              .where(inArray(regions.id, regionIds))
          : [],
        unitIds.length
          ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))
          : [],
        blockIds.length
          ? db.select({ id: blocks.id, name: blocks.name }).from(blocks).where(inArray(blocks.id, blockIds))
          : [],
      ]);
      return new Map([...r, ...u, ...b].map((x) => [x.id, x.name]));
    },

    /**
     * The active accounts to notify about a case: members of its city whose scope holds it — a city-wide
     * membership, or one whose region is the case's district, street or community; unit members only for
     * the case's lead or co-units. A notification never names a case its reader cannot open.
     */
    async userIds(
      tx: Db,
      c: Pick<CaseRow, 'cityId' | 'districtId' | 'streetId' | 'communityId' | 'leadUnitId' | 'coUnitIds'>,
      filter: { unitId?: string; roles?: string[] },
    ): Promise<string[]> {
      const regionIds = [c.cityId, c.districtId, c.streetId, c.communityId].filter((x): x is string => !!x);
      const caseUnits = [c.leadUnitId, ...(c.coUnitIds ?? [])].filter((x): x is string => !!x);
      const where: (SQL | undefined)[] = [
        eq(memberships.cityId, c.cityId),
        eq(users.disabled, false),
        or(isNull(memberships.regionId), inArray(memberships.regionId, regionIds)),
        caseUnits.length
          ? or(ne(memberships.role, 'unit'), inArray(memberships.unitId, caseUnits))
          : ne(memberships.role, 'unit'),
      ];
      if (filter.unitId) where.push(eq(memberships.unitId, filter.unitId));
      if (filter.roles) where.push(inArray(memberships.role, filter.roles as never[]));
      const rows = await tx
        .selectDistinct({ id: users.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(...where));
      return rows.map((r) => r.id);
    },

    /** Does the unit supervise this case's trade in its region (行业主管)? */
    async oversees(tx: Db, unitId: string | null, c: Pick<CaseRow, 'cityId' | 'id'>): Promise<boolean> {
      if (!unitId) return false;
      const [r] = await tx
        .select({ n: count() })
        .from(cases)
        .where(and(eq(cases.cityId, c.cityId), eq(cases.id, c.id), tradeOversight(unitId)));
      return Number(r?.n ?? 0) > 0;
    },

    async unitInCity(tx: Db, cityId: string, unitId: string): Promise<boolean> {
      const [u] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.id, unitId), eq(units.cityId, cityId)));
      return !!u;
    },

    /** The city's extent from its current grids, to refuse points far outside it. */
    async cityExtent(cityId: string) {
      const [r] = await db
        .select({
          minLng: sql<number>`min(${grids.minLng})`,
          minLat: sql<number>`min(${grids.minLat})`,
          maxLng: sql<number>`max(${grids.maxLng})`,
          maxLat: sql<number>`max(${grids.maxLat})`,
        })
        .from(grids)
        .where(and(eq(grids.cityId, cityId), sql`${grids.validTo} is null`));
      return r?.minLng == null ? null : r;
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
