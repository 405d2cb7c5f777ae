/**
 * Bulk case generator for benchmarks: realistic case rows (and, on request, their event logs) for a
 * demo city, made without the services so a million of them take seconds rather than hours.
 *
 * Each case walks a timeline like the demo scenario (modules/demo/cases.ts) — report, file, dispatch,
 * accept, feedback, verify, with voids, returns, extensions, reworks and units that never report back —
 * through the domain's own `nextClock` on the real working calendar, with the sweeper's escalation
 * (overdue + auto_supervise events) applied whenever a unit still holds a case past its disposal
 * deadline. Stages, deadlines, lights and the materialised counters (`computeCounters` over the
 * synthetic events) are therefore consistent with the status, as the workflow would have left them.
 * Locations, routes and category snapshots come from the city's real grids, regions and catalogue.
 */
import { SOURCE_DEFAULT_PRIORITY, type StageLimits } from '@chuangcheng/contracts';
import {
  type CaseClock,
  type CaseCounters,
  type CaseStatus,
  type CounterEvent,
  computeCounters,
  createCalendar,
  DEFAULT_CALENDAR,
  lightAt,
  NO_CLOCK,
  nextClock,
  stagesOf,
  type WorkCalendar,
} from '@chuangcheng/domain';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Services } from '../../apps/api/src/app';
import { caseEvents, caseStages, cases } from '../../apps/api/src/db/schema/index';
import type { Ctx } from '../../apps/api/src/platform/actor';
import { newId } from '../../apps/api/src/platform/ids';
import type { RawSql } from './bench-db';
import { mulberry32 } from './lattice';

export type CaseInsert = typeof cases.$inferInsert;
export type EventInsert = typeof caseEvents.$inferInsert;
export type StageInsert = typeof caseStages.$inferInsert;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CITY_OFFSET_MS = 8 * HOUR;
const UNIT_HOLDS: readonly CaseStatus[] = ['dispatched', 'in_progress'];
const SOURCES = ['inspector', 'grid_worker', 'grid_worker', 'hotline', 'citizen', 'media', 'upper'] as const;
const FAVOURITES = [
  '暴露垃圾',
  '占道经营',
  '乱贴乱画',
  '卫生死角',
  '乱停车',
  '垃圾满溢',
  '餐饮油烟',
  '公厕',
  '病媒',
  '建筑工地',
];
const PLACES = ['主干道旁', '小区门口', '背街小巷内', '农贸市场周边', '学校附近', '公交站旁'];

interface GridRef {
  id: string;
  code: string;
  name: string;
  communityId: string;
  streetId: string | null;
  districtId: string | null;
  blockId: string | null;
  leadUnitId: string | null;
  box: [number, number, number, number];
}

interface CategoryRef {
  id: string;
  code: string;
  name: string;
  kind: 'component' | 'event';
  path: string[];
  severity: string;
  departmentId: string | null;
  departmentName: string | null;
  condition: { id: string; text: string; closing: string; limit: { value: number; unit: string } };
}

interface UserRef {
  id: string;
  name: string;
  role: string;
  unitId: string | null;
}

/** What the generator draws from: the city's grids with their regions, fileable categories, people. */
export interface CaseGenRefs {
  cityId: string;
  grids: GridRef[];
  categories: CategoryRef[];
  unitIds: string[];
  users: Record<'office' | 'inspector' | 'grid' | 'leader' | 'unit', UserRef>;
}

/** Reads the references once (the catalogue through the catalog service, as the console lists it). */
export async function loadCaseGenRefs(
  raw: RawSql,
  catalog: Services['catalog'],
  ctx: Ctx,
  cityId: string,
): Promise<CaseGenRefs> {
  const grids = await raw.query<Record<string, unknown>>(
    `select g.id, g.code, g.name, g.community_id, s.id as street_id, s.parent_id as district_id,
            g.block_id, g.lead_unit_id, g.min_lng, g.min_lat, g.max_lng, g.max_lat
       from grids g join regions c on c.id = g.community_id left join regions s on s.id = c.parent_id
      where g.city_id = $1 and g.valid_to is null order by g.code`,
    [cityId],
  );
  const all = await catalog.listCategories(ctx, {} as never);
  const fileable = await catalog.listCategories(ctx, { fileable: 'true' } as never);
  const parent = new Map(all.map((c) => [c.id, c.parentId]));
  const pathOf = (id: string) => {
    const out: string[] = [];
    for (let at: string | null | undefined = id; at; at = parent.get(at)) out.push(at);
    return out;
  };
  const units = await raw.query<{ id: string }>('select id from units where city_id = $1 order by code', [
    cityId,
  ]);
  const people = await raw.query<{
    id: string;
    username: string;
    display_name: string;
    role: string;
    unit_id: string | null;
  }>(
    `select u.id, u.username, u.display_name, m.role, m.unit_id
       from memberships m join users u on u.id = m.user_id where m.city_id = $1`,
    [cityId],
  );
  const user = (username: string): UserRef => {
    const u = people.find((p) => p.username === username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return { id: u.id, name: u.display_name, role: u.role, unitId: u.unit_id };
  };
  const num = (v: unknown) => Number(v);
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    cityId,
    grids: grids.map((g) => ({
      id: String(g.id),
      code: String(g.code),
      name: String(g.name),
      communityId: String(g.community_id),
      streetId: str(g.street_id),
      districtId: str(g.district_id),
      blockId: str(g.block_id),
      leadUnitId: str(g.lead_unit_id),
      box: [num(g.min_lng), num(g.min_lat), num(g.max_lng), num(g.max_lat)],
    })),
    categories: fileable
      .filter((c) => c.conditions.length > 0)
      .map((c) => {
        const cond = c.conditions[0]!;
        return {
          id: c.id,
          code: c.code,
          name: c.name,
          kind: c.kind,
          path: pathOf(c.id),
          severity: c.severity,
          departmentId: c.department?.id ?? null,
          departmentName: c.department?.name ?? null,
          condition: {
            id: cond.id,
            text: cond.text,
            closing: cond.closingCondition,
            limit: { value: cond.timeLimit.value, unit: cond.timeLimit.unit },
          },
        };
      }),
    unitIds: units.map((u) => u.id),
    users: {
      office: user('office'),
      inspector: user('inspector'),
      grid: user('grid'),
      leader: user('leader'),
      unit: user('unit'),
    },
  };
}

export interface CaseGenOptions {
  seed: number;
  /** The benchmark's "now": nothing happens after it. */
  now: Date;
  /**
   * 'history': cases created uniformly over `spanDays` before now, each walked until it closes or
   * reaches now (so old cases are closed, recent ones open, ~2 % stuck with the unit and escalated).
   * 'open': the same walk over `spanDays` before `asOf`, keeping only the cases still open then
   * (lifetimes of hours to days, so the backlog has the age mix a city with steady intake has).
   */
  mode: 'history' | 'open';
  spanDays: number;
  /** The instant of the last sweep: lights and escalations are stored as of then. Default: now. */
  asOf?: Date;
  /** Which cases get their event rows generated too (the counters always come from events). */
  eventsFor?: (row: CaseInsert) => boolean;
}

export interface CaseBatch {
  cases: CaseInsert[];
  events: EventInsert[];
  /** Every case's stage rows (what the API writes with each event), for the KPIs. */
  stages: StageInsert[];
}

interface SimEvent extends CounterEvent {
  from: CaseStatus | null;
  to: CaseStatus;
  actor: UserRef | null;
}

/** A deterministic (per seed) stream of generated cases; call `next(n)` for each batch. */
export function createCaseGenerator(refs: CaseGenRefs, opts: CaseGenOptions) {
  const rnd = mulberry32(opts.seed);
  const cal: WorkCalendar = createCalendar(DEFAULT_CALENDAR);
  const now = opts.now.getTime();
  const asOf = (opts.asOf ?? opts.now).getTime();
  const seqByDay = new Map<string, number>();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const range = (a: number, b: number) => a + rnd() * (b - a);
  // As in the demo scenario: the classes campaigns talk about most take 70 % of the cases.
  const favourites = refs.categories.filter((c) => FAVOURITES.some((f) => c.name.includes(f)));
  const category = () => (rnd() < 0.7 && favourites.length ? pick(favourites) : pick(refs.categories));
  const unitUser = (unitId: string | null): UserRef => ({ ...refs.users.unit, unitId });

  function one(): { row: CaseInsert; events: EventInsert[] | null; stages: StageInsert[] } {
    const grid = pick(refs.grids);
    const cat = category();
    const source = pick(SOURCES);
    const reporter =
      source === 'grid_worker' ? refs.users.grid : source === 'inspector' ? refs.users.inspector : null;
    const leadUnitId = cat.departmentId ?? grid.leadUnitId;
    const limits: StageLimits = { dispose: cat.condition.limit as StageLimits['dispose'] };
    const roll = rnd();
    const selfHandled = source === 'grid_worker' && roll > 0.92;
    const end = opts.mode === 'history' ? now : asOf;
    let t = Math.floor(end - rnd() * opts.spanDays * DAY);
    const created = t;
    let status: CaseStatus = selfHandled ? 'self_handled' : 'reported';
    let clock: CaseClock = nextClock(cal, NO_CLOCK, {
      to: status,
      action: 'report',
      now: new Date(t),
      limits,
    });
    const log: SimEvent[] = [
      {
        type: 'report',
        at: new Date(t),
        deadlineBefore: null,
        disposeDeadline: null,
        from: null,
        to: status,
        actor: reporter,
      },
    ];
    let overdueAt: number | null = null;
    let rectifier: string | null = selfHandled ? (reporter?.id ?? null) : null;
    let closedAt: number | null = null;
    let coUnitIds: string[] = [];
    /** The sweeper's escalation if the unit held the case past its disposal deadline before `until`. */
    const escalateBefore = (until: number) => {
      const due = clock.disposeDeadline?.getTime();
      if (overdueAt !== null || !UNIT_HOLDS.includes(status) || due === undefined) return;
      if (due >= Math.min(until, asOf)) return;
      overdueAt = due + Math.floor(rnd() * 60_000);
      for (const type of ['overdue', 'auto_supervise']) {
        log.push({
          type,
          at: new Date(overdueAt),
          deadlineBefore: clock.disposeDeadline,
          disposeDeadline: clock.disposeDeadline,
          from: status,
          to: status,
          actor: null,
        });
      }
    };
    /** One action after `hours`; false (and nothing done) if that moment is past the end. */
    const act = (action: string, to: CaseStatus, hours: number, actor: UserRef | null, extra?: Date) => {
      const at = t + hours * HOUR;
      escalateBefore(at);
      if (at >= end) return false;
      t = at;
      const before = clock.stageDeadline;
      clock = nextClock(cal, clock, {
        to,
        action,
        now: new Date(t),
        limits,
        newDisposeDeadline: extra ?? null,
      });
      log.push({
        type: action,
        at: new Date(t),
        deadlineBefore: before,
        disposeDeadline: clock.disposeDeadline,
        from: status,
        to,
        actor,
      });
      status = to;
      return true;
    };

    /** Hours from now to a point `a`–`b` of the way through the time left in the disposal window. */
    const unitHours = (a: number, b: number) =>
      Math.max(0.05, (((clock.disposeDeadline?.getTime() ?? t + DAY) - t) / HOUR) * range(a, b));
    /** Most units report back within 10–95 % of the time left; late ones 5–150 % of a window after it. */
    const feedbackHours = (late: boolean) => {
      const window =
        ((clock.disposeDeadline?.getTime() ?? t + DAY) - (clock.disposeStartedAt?.getTime() ?? t)) / HOUR;
      return late ? unitHours(1, 1) + window * range(0.05, 1.5) : unitHours(0.1, 0.95);
    };

    /** One case's path through the loop; returns where the simulation stops. */
    const walk = (): void => {
      const office = refs.users.office;
      const unit = unitUser(leadUnitId);
      if (selfHandled) {
        if (act('confirm_self_handled', 'closed', range(0.5, 8), office)) closedAt = t;
        return;
      }
      if (roll < 0.04) {
        if (act('void', 'voided', range(0.2, 2), office)) closedAt = t;
        return;
      }
      if (!act('file', 'filed', range(0.2, 2), office)) return;
      if (!act('dispatch', 'dispatched', range(0.1, 1.5), office)) return;
      if (rnd() < 0.05) coUnitIds = [pick(refs.unitIds)];
      if (roll > 0.04 && roll < 0.09) {
        if (!act('return', 'returned', range(0.2, 3), unit)) return;
        if (!act('dispatch', 'dispatched', range(0.5, 4), office)) return;
      }
      if (!act('accept', 'in_progress', Math.min(range(0.2, 3), unitHours(0.02, 0.15)), unit)) return;
      if (roll > 0.09 && roll < 0.13) {
        const asked = new Date(t + 5 * DAY);
        if (!act('request_extension', status, 2, unit)) return;
        if (!act('approve_extension', status, 1, refs.users.leader, asked)) return;
      }
      if (roll > 0.98) {
        escalateBefore(end); // never reports back: the sweeper escalates it
        return;
      }
      if (!act('submit_feedback', 'feedback', feedbackHours(roll > 0.85), unit)) return;
      rectifier = unit.id;
      if (roll > 0.13 && roll < 0.3) {
        if (!act('verify_fail', 'in_progress', range(0.5, 6), refs.users.inspector)) return;
        rectifier = null;
        if (!act('submit_feedback', 'feedback', feedbackHours(roll > 0.27), unit)) return;
        rectifier = unit.id;
      }
      if (act('verify_pass', 'closed', range(0.5, 6), refs.users.inspector)) closedAt = t;
    };
    walk();
    escalateBefore(end);

    const id = newId(created);
    const day = new Date(created + CITY_OFFSET_MS).toISOString().slice(0, 10);
    const n = (seqByDay.get(day) ?? 0) + 1;
    seqByDay.set(day, n);
    const lastAt = log.at(-1)!.at;
    // Timed open cases carry the light of the last sweep; others the light of their last transition.
    const swept = ['filed', 'returned', 'dispatched', 'in_progress', 'feedback', 'self_handled'].includes(
      status,
    );
    const light =
      overdueAt !== null && UNIT_HOLDS.includes(status)
        ? 'red'
        : lightAt(clock, swept ? new Date(asOf) : lastAt);
    const counters: CaseCounters = computeCounters(log);
    const row: CaseInsert = {
      cityId: refs.cityId,
      id,
      number: `${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`,
      status,
      source,
      version: log.length,
      categoryId: cat.id,
      categoryCode: cat.code,
      categoryName: cat.name,
      categoryKind: cat.kind,
      categoryPath: cat.path,
      severity: cat.severity,
      conditionId: cat.condition.id,
      conditionText: cat.condition.text,
      closingCondition: cat.condition.closing,
      limitValue: cat.condition.limit.value,
      limitUnit: cat.condition.limit.unit,
      description: `${cat.name}：${pick(PLACES)}发现问题，请尽快处理。`,
      address: null,
      lng: grid.box[0] + (grid.box[2] - grid.box[0]) * range(0.3, 0.7),
      lat: grid.box[1] + (grid.box[3] - grid.box[1]) * range(0.3, 0.7),
      owner: 'public',
      gridId: grid.id,
      gridCode: grid.code,
      gridName: grid.name,
      communityId: grid.communityId,
      streetId: grid.streetId,
      districtId: grid.districtId,
      blockId: grid.blockId,
      outOfGrid: false,
      leadUnitId,
      coUnitIds,
      route: {
        kind: cat.departmentId ? 'category' : 'grid',
        ruleId: null,
        rulePriority: null,
        text: cat.departmentId
          ? `无匹配规则，按类别主管部门（行业管理）→ ${cat.departmentName}`
          : '无匹配规则，按网格属地责任单位',
      },
      stageLimits: limits,
      reporterUserId: reporter?.id ?? null,
      reporterName: reporter?.name ?? '市民',
      reporterPhone: reporter ? null : '13800138000',
      priority: SOURCE_DEFAULT_PRIORITY[source],
      idempotencyKey: null,
      verified: reporter !== null,
      rectifierUserId: rectifier,
      pending: null,
      resumeStatus: null,
      supervisionLevel: overdueAt !== null ? 1 : 0,
      autoSupervisedAt: overdueAt !== null ? new Date(overdueAt) : null,
      stage: clock.stage,
      stageStartedAt: clock.stageStartedAt,
      stageDeadline: clock.stageDeadline,
      yellowAt: clock.yellowAt,
      light,
      disposeStartedAt: clock.disposeStartedAt,
      disposeDeadline: clock.disposeDeadline,
      disposeUnit: clock.disposeUnit,
      pausedRemaining: clock.pausedRemaining,
      overdueAt: overdueAt !== null ? new Date(overdueAt) : null,
      createdAt: new Date(created),
      updatedAt: new Date(Math.max(lastAt.getTime(), overdueAt ?? 0)),
      closedAt: closedAt !== null ? new Date(closedAt) : null,
      ...counterColumns(counters),
    };
    const events = opts.eventsFor?.(row) ? eventRows(refs.cityId, id, grid, log) : null;
    return { row, events, stages: stageRows(refs.cityId, id, grid, log) };
  }

  return {
    /** The next `n` cases (and the events of those `eventsFor` selects). */
    next(n: number): CaseBatch {
      const out: CaseBatch = { cases: [], events: [], stages: [] };
      for (let i = 0; i < n; i++) {
        let made = one();
        // Open mode keeps only cases still open at asOf: the backlog of a city with steady intake.
        while (opts.mode === 'open' && made.row.closedAt) made = one();
        const { row, events, stages } = made;
        out.cases.push(row);
        if (events) out.events.push(...events);
        out.stages.push(...stages);
      }
      return out;
    },
  };
}

function eventRows(cityId: string, caseId: string, grid: GridRef, log: SimEvent[]): EventInsert[] {
  return log.map((e, i) => ({
    cityId,
    id: newId(e.at.getTime()),
    caseId,
    seq: i + 1,
    type: e.type,
    fromStatus: e.from,
    toStatus: e.to,
    actorUserId: e.actor?.id ?? null,
    actorName: e.actor?.name ?? '系统',
    actorRole: e.actor?.role ?? null,
    unitId: e.actor?.unitId ?? grid.leadUnitId,
    note: null,
    photoIds: [],
    payload: {
      deadlineBefore: e.deadlineBefore?.toISOString() ?? null,
      disposeDeadline: e.disposeDeadline?.toISOString() ?? null,
    },
    at: e.at,
  }));
}

/** The stage rows of a simulated log, as the API derives them from the events it writes. */
function stageRows(cityId: string, caseId: string, grid: GridRef, log: SimEvent[]): StageInsert[] {
  const events = log.map((e, i) => ({
    seq: i + 1,
    type: e.type,
    at: e.at,
    unitId: e.actor?.unitId ?? grid.leadUnitId,
    toStatus: e.to,
    payload: {
      deadlineBefore: e.deadlineBefore?.toISOString() ?? null,
      disposeDeadline: e.disposeDeadline?.toISOString() ?? null,
    },
  }));
  return stagesOf(events).map((s) => ({ cityId, caseId, ...s }));
}

/** The cases table's counter columns from the domain's counters. */
function counterColumns(c: CaseCounters): Partial<CaseInsert> {
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

/**
 * Rows as one multi-row INSERT whose rows travel as a single JSON parameter, each row a JSON array in
 * column order (half the bytes of objects with 75 repeated keys; jsonb, so picking element i does not
 * re-parse the row). Far cheaper to build than thousands of bind parameters, and PGlite's per-statement
 * cost is paid once per batch. A JSON null becomes SQL NULL in jsonb columns too. Only the columns the
 * rows set are listed, so a column the generator does not know takes its database default (as an
 * INSERT through drizzle would) instead of an explicit NULL.
 */
export function jsonInsert<T extends PgTable>(
  table: T,
): (raw: RawSql, rows: T['$inferInsert'][]) => Promise<void> {
  const all = Object.entries(getTableColumns(table)).map(([key, c]) => ({
    key,
    name: c.name,
    type: c.getSQLType(),
  }));
  const statements = new Map<string, string>();
  const statement = (columns: typeof all) => {
    const signature = columns.map((c) => c.key).join(',');
    let text = statements.get(signature);
    if (!text) {
      const list = columns.map((c) => `"${c.name}"`).join(', ');
      const exprs = columns
        .map((c, i) => (c.type === 'jsonb' ? `nullif(r->${i}, 'null'::jsonb)` : `(r->>${i})::${c.type}`))
        .join(', ');
      text = `insert into "${getTableName(table)}" (${list}) select ${exprs} from jsonb_array_elements($1::jsonb) r`;
      statements.set(signature, text);
    }
    return text;
  };
  return async (raw, rows) => {
    if (rows.length === 0) return;
    const records = rows as Record<string, unknown>[];
    const columns = all.filter((c) => records.some((r) => r[c.key] !== undefined));
    const json = JSON.stringify(records.map((r) => columns.map((c) => r[c.key] ?? null)));
    await raw.query(statement(columns), [json]);
  };
}

export const insertCases = jsonInsert(cases);
export const insertEvents = jsonInsert(caseEvents);
export const insertStages = jsonInsert(caseStages);

/** Secondary indexes of a table (primary keys stay): dropped before a bulk load, rebuilt after. */
export async function secondaryIndexes(raw: RawSql, table: string): Promise<{ name: string; def: string }[]> {
  return raw.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
      where schemaname = 'public' and tablename = $1
        and indexname not in (select conname from pg_constraint where contype = 'p')`,
    [table],
  );
}
