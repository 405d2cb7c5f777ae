import {
  CASE_SOURCE_LABELS,
  KPI_COUNTERS,
  type KpiCounter,
  type KpiCounters,
  type KpiDimension,
  type KpiDrill,
  type KpiDrillCounter,
  type KpiDrillQuery,
  type KpiQuery,
  type KpiResult,
  type KpiRow,
  type SweepStatus,
} from '@chuangcheng/contracts';
import { ratesOf } from '@chuangcheng/domain';
import { and, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseStages, cases } from '../../db/schema/index';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { KPI_READ, scopeOf } from './cases.policy';
import { type CaseScope, type CasesRepository, caseFilters } from './cases.repository';
import { kpiRoster } from './kpis.roster';

/** The grouping column of each dimension over the filtered cases `c` (periods by city-local date). */
function groupExpr(d: KpiDimension): SQL {
  switch (d) {
    case 'unit':
      return sql`null::text`;
    case 'district':
      return sql`${cases.districtId}::text`;
    case 'street':
      return sql`${cases.streetId}::text`;
    case 'community':
      return sql`${cases.communityId}::text`;
    case 'grid':
      return sql`${cases.gridId}::text`;
    case 'block':
      return sql`${cases.blockId}::text`;
    case 'category':
      return sql`${cases.categoryCode} || ' ' || ${cases.categoryName}`;
    case 'source':
      return sql`${cases.source}`;
    case 'month':
      return sql`to_char(${cases.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
    case 'day':
      return sql`to_char(${cases.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  }
}

/**
 * A figure: counted over the stage rows `s` or over the cases `c`, where a predicate holds;
 * `sum` adds a value instead of counting, `distinctCase` counts cases rather than rows.
 */
interface Figure {
  over: 's' | 'c';
  where: SQL;
  sum?: SQL;
  distinctCase?: boolean;
}

const lead = sql`s.kind = 'dispose' and s.role = 'lead'`;
const fedBack = sql`${lead} and s.outcome = 'fed_back'`;
const rework = sql`${lead} and s.started_by in ('verify_fail', 'reopen')`;
const assist = sql`s.kind = 'dispose' and s.role = 'assist'`;
/** The unit's own disposal figures: its 主办 stages (shared by both views). */
const DISPOSAL: Partial<Record<KpiDrillCounter, Figure>> = {
  dispatches: { over: 's', where: sql`${lead} and s.started_by = 'dispatch'` },
  returns: { over: 's', where: sql`${lead} and s.outcome = 'returned'` },
  needDispose: { over: 's', where: sql`${lead} and (s.outcome = 'fed_back' or s.od)` },
  disposed: { over: 's', where: fedBack },
  disposedOnTime: { over: 's', where: sql`${fedBack} and not s.od` },
  feedbacks: { over: 's', where: fedBack },
  reworks: { over: 's', where: rework },
  disposeMinutes: { over: 's', where: fedBack, sum: sql`s.minutes` },
  assists: { over: 's', where: assist },
  assistsOverdue: { over: 's', where: sql`${assist} and s.od` },
};

/**
 * Attributed view (the unit dimension, or a unit filter): every figure from the unit's own 主办
 * stages — what it received, returned, fed back, and whether its feedback closed the case. Filing,
 * voids and dispatch belong to the office, not to a unit.
 */
const ATTRIBUTED: Partial<Record<KpiDrillCounter, Figure>> = {
  ...DISPOSAL,
  reported: { over: 's', where: lead, distinctCase: true },
  filed: { over: 's', where: lead, distinctCase: true },
  needClose: { over: 's', where: sql`${lead} and (s.closes or s.od)` },
  closed: { over: 's', where: sql`${lead} and s.closes` },
  closedOnTime: { over: 's', where: sql`${lead} and s.closes and not s.od` },
};

/**
 * Area view (regions, blocks, grids, categories, sources, periods): case facts for filing and closing
 * (a case is late when any 主办 stage was overdue), the office's dispatch stages for 应派遣 — a filed
 * case still waiting past its dispatch limit counts as not on time — and the 主办 stages for disposal.
 */
const dispatchStage = sql`s.kind = 'dispatch'`;
const AREA: Partial<Record<KpiDrillCounter, Figure>> = {
  ...DISPOSAL,
  reported: { over: 'c', where: sql`c.n_reported > 0` },
  filed: { over: 'c', where: sql`c.n_filed > 0` },
  voidedAfterFiling: { over: 'c', where: sql`c.n_voided_after_filing > 0` },
  needDispatch: {
    over: 's',
    where: sql`${dispatchStage} and (s.outcome = 'dispatched' or (s.outcome is null and s.od))`,
  },
  dispatchedOnTime: { over: 's', where: sql`${dispatchStage} and s.outcome = 'dispatched' and not s.od` },
  needClose: { over: 'c', where: sql`(c.status = 'closed' or c.late)` },
  closed: { over: 'c', where: sql`c.status = 'closed'` },
  closedOnTime: { over: 'c', where: sql`c.status = 'closed' and not c.late` },
};

/**
 * Overdue is a fact of time (domain `stageOverdueAt`, same rule): ended after the deadline; or open
 * and past it at `asOf`, unless a request made in time is waiting, or parked before the deadline.
 */
function overdueSql(asOf: SQL): SQL {
  return sql`(st.deadline is not null and case
    when st.ended_at is not null and st.ended_at <= ${asOf} then st.ended_at > st.deadline
    when st.pending_since is not null then false
    when st.paused_since is not null then st.paused_since > st.deadline
    else ${asOf} > st.deadline end)`;
}

const DRILL_LIMIT = 500;

export interface KpiDeps {
  db: Db;
  repo: CasesRepository;
  clock: { now(): Date };
  /** The sweeper's latest runs (the job layer's health), for the console's banner. */
  sweepHealth?: () => Promise<(Omit<SweepStatus, 'state'> & { failing: boolean }) | null>;
  /** Seconds between sweeps; 0 = the sweeper is off. */
  sweepEverySeconds?: number;
}

/**
 * KPIs with the standard definitions, counted from the stage rows (`case_stages`, written from the
 * event log with every event): per unit, each figure belongs to the unit whose stage it was; per
 * area, every region / block / grid in scope is listed, with zeros. Overdue is judged at `now`.
 */
export function createKpisService(deps: KpiDeps) {
  const { db } = deps;

  /** The filtered cases (scope and query) with their grouping key, and the stage rows of them. */
  function sources(ctx: Ctx, q: KpiQuery, asOf: Date) {
    const scope = scopeOf(ctx.actor);
    const attributedUnit = q.unitId ?? null;
    const attributed = q.dimension === 'unit' || attributedUnit !== null;
    const where = and(...kpiCaseFilters(scope, q)) ?? sql`true`;
    const at = sql`${asOf.toISOString()}::timestamptz`;
    const c = sql`select ${cases.cityId} as city_id, ${cases.id} as id, ${groupExpr(q.dimension)} as key,
        ${cases.status} as status, ${cases.nReported} as n_reported, ${cases.nFiled} as n_filed,
        ${cases.nVoidedAfterFiling} as n_voided_after_filing
      from ${cases} where ${where}`;
    const key = q.dimension === 'unit' ? sql`st.unit_id::text` : sql`fc.key`;
    const s = sql`select st.*, ${key} as key, ${overdueSql(at)} as od,
        case when st.ended_at is not null
          then greatest(0, round(extract(epoch from st.ended_at - st.started_at) / 60) - st.paused_minutes)
          else 0 end as minutes
      from ${caseStages} st join fc on st.city_id = fc.city_id and st.case_id = fc.id
      where st.started_at <= ${at}${attributed ? sql` and st.kind = 'dispose'` : sql``}${
        attributedUnit ? sql` and st.unit_id = ${attributedUnit}::uuid` : sql``
      }`;
    // A case is late (area view) when any of its 主办 stages is overdue (grouped, then hash-joined).
    const cLate = sql`select fc.*, coalesce(l.late, false) as late from fc left join (
        select s.city_id, s.case_id, bool_or(s.od) as late from s
        where s.kind = 'dispose' and s.role = 'lead' group by 1, 2) l
      on l.city_id = fc.city_id and l.case_id = fc.id`;
    const ctes = sql`with fc as (${c}), s as (${s}), cc as (${cLate})`;
    return { ctes, attributed, figures: attributed ? ATTRIBUTED : AREA };
  }

  function aggregate(f: Figure | undefined): SQL {
    if (!f) return sql`0`;
    if (f.sum) return sql`coalesce(sum(${f.sum}) filter (where ${f.where}), 0)`;
    if (f.distinctCase) return sql`count(distinct s.case_id) filter (where ${f.where})`;
    return sql`count(*) filter (where ${f.where})`;
  }

  async function sweepStatus(): Promise<SweepStatus | undefined> {
    if (!deps.sweepHealth) return undefined;
    const h = await deps.sweepHealth();
    if (!h) return { state: 'off', lastSuccessAt: null, lastRunAt: null, failedJobId: null };
    const every = deps.sweepEverySeconds ?? 0;
    const last = h.lastSuccessAt ? Date.parse(h.lastSuccessAt) : null;
    // The job layer runs on wall-clock time. Never swept yet (just started) is not late.
    const late = every > 0 && last !== null && Date.now() - last > Math.max(3 * every, 300) * 1000;
    const state = h.failing ? 'failing' : late ? 'late' : 'ok';
    return { state, lastSuccessAt: h.lastSuccessAt, lastRunAt: h.lastRunAt, failedJobId: h.failedJobId };
  }

  return {
    /**
     * 群众满意率 from the reporters' ratings (citizen portal): cases of the filter that were rated,
     * and those rated 3 stars or more (满意 + 基本满意). null rate when nobody rated.
     */
    async satisfaction(ctx: Ctx, q: Omit<KpiQuery, 'dimension'>) {
      requireRole(ctx.actor, KPI_READ);
      const where = and(...caseFilters(scopeOf(ctx.actor), q), sql`${cases.ratedAt} is not null`);
      const [r] = rowsOf<{ rated: number; satisfied: number }>(
        await db.execute(
          sql`select count(*)::int as rated, count(*) filter (where ${cases.ratingScore} >= 3)::int as satisfied
              from ${cases} where ${where}`,
        ),
      );
      const rated = Number(r?.rated ?? 0);
      const satisfied = Number(r?.satisfied ?? 0);
      return { rated, satisfied, rate: rated > 0 ? satisfied / rated : null };
    },

    /** The KPI table: one row per unit / region / block / grid … in scope, the total, the sweep's health. */
    async kpis(ctx: Ctx, q: KpiQuery): Promise<KpiResult> {
      requireRole(ctx.actor, KPI_READ);
      const asOf = deps.clock.now();
      const { ctes, attributed, figures } = sources(ctx, q, asOf);
      const stageCols = sql.join(
        [...KPI_COUNTERS, 'assists' as const, 'assistsOverdue' as const].map(
          (k) =>
            sql`${figures[k]?.over === 'c' ? sql`0` : aggregate(figures[k])}::bigint as ${sql.identifier(k)}`,
        ),
        sql`, `,
      );
      const caseCols = sql.join(
        KPI_COUNTERS.map(
          (k) =>
            sql`${figures[k]?.over === 'c' ? sql`count(*) filter (where ${figures[k]?.where})` : sql`0`}::bigint as ${sql.identifier(k)}`,
        ),
        sql`, `,
      );
      const [byStage, byCase] = await Promise.all([
        db.execute(sql`${ctes} select s.key, ${stageCols} from s group by 1`),
        attributed
          ? Promise.resolve([])
          : db.execute(sql`${ctes} select c.key, ${caseCols} from cc c group by 1`),
      ]);
      const sums = new Map<string, Record<string, number>>();
      for (const r of [
        ...rowsOf<Record<string, unknown>>(byStage),
        ...rowsOf<Record<string, unknown>>(byCase),
      ]) {
        const k = r.key === null || r.key === undefined ? '' : String(r.key);
        const into = sums.get(k) ?? {};
        for (const [name, v] of Object.entries(r))
          if (name !== 'key') into[name] = (into[name] ?? 0) + Number(v ?? 0);
        sums.set(k, into);
      }
      // Every unit / region / block / grid in scope is listed, those with no cases too.
      const roster = await kpiRoster(db, deps.repo, ctx, q, [...sums.keys()].filter(Boolean));
      for (const k of roster.keys()) if (!sums.has(k)) sums.set(k, {});
      const rows = [...sums.entries()]
        .map(([key, r]) => toRow(key, key ? (roster.get(key) ?? nameOf(q.dimension, key)) : '（未指定）', r))
        .sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.name.localeCompare(b.name, 'zh')));
      const total: Record<string, number> = {};
      for (const r of sums.values()) for (const [k, v] of Object.entries(r)) total[k] = (total[k] ?? 0) + v;
      const sweep = await sweepStatus();
      return {
        dimension: q.dimension,
        total: toRow('total', '合计', total),
        rows,
        asOf: asOf.toISOString(),
        attributed,
        ...(sweep ? { sweep } : {}),
      };
    },

    /** The cases (and stages) behind one figure of the KPI table: same filters, one row key, one figure. */
    async drill(ctx: Ctx, q: KpiDrillQuery): Promise<KpiDrill> {
      requireRole(ctx.actor, KPI_READ);
      const asOf = deps.clock.now();
      const { ctes, figures } = sources(ctx, q, asOf);
      const f = figures[q.counter];
      if (!f) return { items: [], truncated: false };
      const key = q.key === '' ? sql`is null` : sql`= ${q.key}`;
      const query =
        f.over === 's'
          ? sql`${ctes} select s.case_id, k.number, k.category_name, k.status, s.kind, s.role, s.unit_id,
                u.name as unit_name, s.started_at, s.ended_at, s.deadline, s.outcome, s.paused_minutes, s.od
              from s join cases k on k.city_id = s.city_id and k.id = s.case_id
              left join units u on u.id = s.unit_id
              where s.key ${key} and ${f.where} order by s.started_at desc limit ${DRILL_LIMIT + 1}`
          : sql`${ctes} select c.id as case_id, k.number, k.category_name, k.status
              from cc c join cases k on k.city_id = c.city_id and k.id = c.id
              where c.key ${key} and ${f.where} order by k.created_at desc limit ${DRILL_LIMIT + 1}`;
      const rows = rowsOf<Record<string, unknown>>(await db.execute(query));
      const iso = (v: unknown) =>
        v === null || v === undefined ? null : new Date(v as string).toISOString();
      return {
        truncated: rows.length > DRILL_LIMIT,
        items: rows.slice(0, DRILL_LIMIT).map((r) => ({
          caseId: String(r.case_id),
          number: String(r.number),
          categoryName: String(r.category_name),
          status: r.status as KpiDrill['items'][number]['status'],
          stage:
            f.over === 's'
              ? {
                  kind: String(r.kind),
                  role: String(r.role),
                  unitId: (r.unit_id as string | null) ?? null,
                  unitName: (r.unit_name as string | null) ?? null,
                  startedAt: iso(r.started_at) as string,
                  endedAt: iso(r.ended_at),
                  deadline: iso(r.deadline),
                  outcome: (r.outcome as string | null) ?? null,
                  pausedMinutes: Number(r.paused_minutes ?? 0),
                  overdue: r.od === true || r.od === 't',
                }
              : null,
        })),
      };
    },
  };
}

/**
 * The case filters of the KPIs: the list's filters, except that a unit reader also reads every case
 * it held a stage of (its own figures are the same whoever reads them), and a unit filter selects
 * the cases the unit held — the figures themselves then count only its stages.
 */
function kpiCaseFilters(scope: CaseScope, q: KpiQuery): SQL[] {
  const where = caseFilters({ ...scope, unitId: null }, { ...q, unitId: undefined });
  const heldBy = (unitId: string) =>
    sql`exists (select 1 from ${caseStages} h where h.city_id = ${cases.cityId} and h.case_id = ${cases.id} and h.unit_id = ${unitId}::uuid)`;
  if (scope.unitId) {
    const seen = and(...caseFilters({ cityId: null, regionId: null, unitId: scope.unitId }, {}));
    where.push(sql`(${seen ?? sql`false`} or ${heldBy(scope.unitId)})`);
  }
  if (q.unitId) where.push(heldBy(q.unitId));
  return where;
}

function nameOf(d: KpiDimension, key: string): string {
  if (d === 'source') return (CASE_SOURCE_LABELS as Record<string, { zh: string }>)[key]?.zh ?? key;
  return key;
}

function toRow(key: string, name: string, r: Record<string, number>): KpiRow {
  const counters = Object.fromEntries(KPI_COUNTERS.map((k: KpiCounter) => [k, r[k] ?? 0])) as KpiCounters;
  return {
    key,
    name,
    counters,
    rates: ratesOf(counters),
    assist: { assists: r.assists ?? 0, assistsOverdue: r.assistsOverdue ?? 0 },
  };
}

/** node-postgres returns { rows }, PGlite returns { rows } too; normalise the driver's result. */
function rowsOf<T>(r: unknown): T[] {
  return ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];
}

export type KpisService = ReturnType<typeof createKpisService>;
