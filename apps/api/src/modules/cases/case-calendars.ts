import type { StageLimits } from '@chuangcheng/contracts';
import { createCalendar, recomputeEstimatedClock, stageUnitOf, type WorkCalendar } from '@chuangcheng/domain';
import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema/index';
import type { Clock } from '../../platform/clock';
import { defineJob, type JobContext } from '../../platform/jobs/index';
import { appendSystemEvents } from './case-events';
import { clockOf, clockPatch } from './case-transition';
import type { CatalogPort } from './cases.deps';
import type { CaseRow, CasesRepository } from './cases.repository';

const TTL_MS = 60_000;

/** Each city's working calendar, rebuilt at most once a minute after an edit (at once after an import). */
export function createCalendarCache(catalog: CatalogPort) {
  const cache = new Map<string, { at: number; cal: Promise<WorkCalendar> }>();
  return {
    get(cityId: string): Promise<WorkCalendar> {
      const hit = cache.get(cityId);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.cal;
      const cal = catalog.calendarData(cityId).then((d) => createCalendar(d));
      if (hit) {
        // Past the minute: refresh in the background and answer with the calendar in hand. A caller
        // inside a transaction must never wait on a query through `db` (PGlite has one connection).
        hit.at = Date.now();
        cal.then(
          (c) => cache.set(cityId, { at: Date.now(), cal: Promise.resolve(c) }),
          () => undefined,
        );
        return hit.cal;
      }
      cal.catch(() => cache.delete(cityId));
      cache.set(cityId, { at: Date.now(), cal });
      return cal;
    },
    invalidate(cityId?: string) {
      if (cityId) cache.delete(cityId);
      else cache.clear();
    },
  };
}
export type CalendarCache = ReturnType<typeof createCalendarCache>;

/** Cases whose clock runs: a deadline of theirs can be recomputed (a parked case resumes from its rest). */
const OPEN_TIMED = ['filed', 'returned', 'dispatched', 'in_progress', 'feedback', 'self_handled'];
const BATCH = 100;

export const RECOMPUTE_JOB = 'cases.recompute-deadlines';
export const RECOMPUTE_NOTE = '导入节假日后重算期限';

export interface RecomputeDeps {
  db: Db;
  clock: Clock;
  catalog: CatalogPort;
  repo: CasesRepository;
  calendars: CalendarCache;
}

export interface RecomputeResult {
  cityId: string;
  years: number[];
  /** Open cases whose deadlines were estimated. */
  examined: number;
  /** Of them, cases whose clock changed (an event written for each). */
  recomputed: number;
  /** Cases that changed under the job and were left for their own next step (their clock is current). */
  skipped: number;
}

/**
 * Recomputes the open cases' estimated deadlines (期限暂估) once `years` have holiday data: each window
 * keeps its office-time budget (see recomputeEstimatedClock), the case's clock fields and light are
 * updated, and a `deadline_recomputed` event (actor 系统, payload {stageDeadline, disposeDeadline})
 * is written in the same transaction. Progress is reported per batch; rerunning finds nothing left.
 */
export async function recomputeEstimatedDeadlines(
  deps: RecomputeDeps,
  cityId: string,
  years: readonly number[],
  job?: Pick<JobContext, 'progress' | 'signal'>,
): Promise<RecomputeResult> {
  deps.calendars.invalidate(cityId);
  const data = await deps.catalog.calendarData(cityId);
  const after = createCalendar(data);
  const before = createCalendar({
    ...data,
    holidayYears: data.holidayYears.filter((y) => !years.includes(y)),
  });
  const flagged = and(
    eq(cases.cityId, cityId),
    inArray(cases.status, OPEN_TIMED),
    or(eq(cases.stageDeadlineEstimated, true), eq(cases.disposeDeadlineEstimated, true)),
  );
  const ids: string[] = [];
  for (let last: string | null = null; ; ) {
    const page = await deps.db
      .select({ id: cases.id })
      .from(cases)
      .where(last ? and(flagged, gt(cases.id, last)) : flagged)
      .orderBy(asc(cases.id))
      .limit(1000);
    ids.push(...page.map((r) => r.id));
    if (page.length < 1000) break;
    last = page.at(-1)!.id;
  }
  const result: RecomputeResult = {
    cityId,
    years: [...years],
    examined: ids.length,
    recomputed: 0,
    skipped: 0,
  };
  await job?.progress({ done: 0, total: ids.length, message: `待重算 ${ids.length} 件` });
  for (let i = 0; i < ids.length; i += BATCH) {
    if (job?.signal.aborted) throw new Error('stopped');
    for (const id of ids.slice(i, i + BATCH)) {
      const outcome = await deps.db.transaction((tx) => recomputeOne(deps, tx, cityId, id, before, after));
      if (outcome === 'changed') result.recomputed++;
      if (outcome === 'skipped') result.skipped++;
    }
    const done = Math.min(ids.length, i + BATCH);
    await job?.progress({ done, total: ids.length, message: `已重算 ${done}/${ids.length} 件` });
  }
  deps.calendars.invalidate(cityId);
  return result;
}

async function recomputeOne(
  deps: RecomputeDeps,
  tx: Db,
  cityId: string,
  id: string,
  before: WorkCalendar,
  after: WorkCalendar,
): Promise<'changed' | 'same' | 'skipped'> {
  const [row] = (await tx
    .select()
    .from(cases)
    .where(and(eq(cases.cityId, cityId), eq(cases.id, id)))
    .for('update')) as CaseRow[];
  if (!row || !OPEN_TIMED.includes(row.status)) return 'skipped';
  const clock = clockOf(row);
  if (!clock.stageDeadlineEstimated && !clock.disposeDeadlineEstimated) return 'skipped';
  const next = recomputeEstimatedClock(
    before,
    after,
    clock,
    stageUnitOf(clock, row.stageLimits as StageLimits),
  );
  const same =
    next.stageDeadline?.getTime() === clock.stageDeadline?.getTime() &&
    next.disposeDeadline?.getTime() === clock.disposeDeadline?.getTime() &&
    next.stageDeadlineEstimated === clock.stageDeadlineEstimated &&
    next.disposeDeadlineEstimated === clock.disposeDeadlineEstimated;
  if (same) return 'same';
  const now = deps.clock.now();
  // The light follows the new deadlines: a case estimated red may be green again, or the reverse.
  const patch = { ...clockPatch(next, now), updatedAt: now };
  if (!(await deps.repo.update(tx, row, patch))) return 'skipped';
  await appendSystemEvents(tx, deps.repo, row, now, [
    {
      type: 'deadline_recomputed',
      note: RECOMPUTE_NOTE,
      payload: {
        stageDeadline: next.stageDeadline?.toISOString() ?? null,
        disposeDeadline: next.disposeDeadline?.toISOString() ?? null,
      },
    },
  ]);
  return 'changed';
}

/** The job of the job layer that runs the recompute for one city after an import. */
export function recomputeDeadlinesJob(deps: RecomputeDeps) {
  return defineJob({
    name: RECOMPUTE_JOB,
    payload: z.object({ cityId: z.uuid(), years: z.array(z.number().int()).min(1) }),
    handler: (ctx, p) => recomputeEstimatedDeadlines(deps, p.cityId, p.years, ctx),
  });
}
