import { and, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { cases, SWEEP_PREDICATES } from '../../db/schema/index';
import type { Clock } from '../../platform/clock';
import { defineJob } from '../../platform/jobs/index';
import type { NotifyService } from '../notify/index';
import type { CalendarCache } from './case-calendars';
import { announceSupervisionOrder } from './case-effects';
import { appendSystemEvents } from './case-events';
import { DEFAULT_SUPERVISION_RULES, issueSupervisionOrder, type SupervisionRules } from './case-supervision';
import { escalateMissedOrders } from './case-supervision-sweep';
import type { CaseRow, CasesRepository } from './cases.repository';

/**
 * A 延期 or 挂账 requested before the disposal deadline and not yet decided: the wait for the decision
 * is not overdue (stage rows, domain cases/stages.ts), so no automatic 督办 either.
 */
const WAITING_IN_TIME = sql`coalesce(${cases.pending}->>'kind' in ('extension', 'park') and (${cases.pending}->>'at')::timestamptz <= ${cases.disposeDeadline}, false)`;

/** Escalations handled per transaction; a sweep loops until none are left. */
const BATCH = 500;

export interface SweepResult {
  yellow: number;
  red: number;
  escalated: number;
  /** 督办单 whose 限期 passed unanswered, escalated to 挂牌督办. */
  listed: number;
}

/**
 * The minute sweeper. Lights move with two set-based UPDATEs over stored instants (no calendar
 * maths). Overdue cases escalate to 督办 exactly once: the claiming UPDATE sets overdue_at only where
 * it is still null, so two processes sweeping at once cannot both escalate the same case.
 */
export function createSweeper(deps: {
  db: Db;
  clock: Clock;
  repo: CasesRepository;
  notify: NotifyService;
  publicUrl: string;
  /** The city's working calendar, for the automatic 督办单's 限期. */
  calendars?: CalendarCache;
  supervision?: SupervisionRules;
}) {
  const { db, clock, repo } = deps;
  const rules = deps.supervision ?? DEFAULT_SUPERVISION_RULES;

  /** The automatic 限期: configured working days from now (never the deadline that just passed). */
  async function autoDeadline(cityId: string, now: Date): Promise<Date> {
    const cal = deps.calendars ? await deps.calendars.get(cityId) : null;
    return cal
      ? cal.deadline(now, { value: rules.autoDeadlineWorkdays, unit: 'work_days' })
      : new Date(now.getTime() + rules.autoDeadlineWorkdays * 86_400_000);
  }

  async function escalateBatch(now: Date): Promise<number> {
    return db.transaction(async (tx) => {
      const claimed = (await tx
        .update(cases)
        .set({
          overdueAt: now,
          autoSupervisedAt: now,
          light: 'red',
          supervisionLevel: sql`greatest(${cases.supervisionLevel}, 1)`,
          version: sql`${cases.version} + 1`,
          updatedAt: now,
        })
        .where(
          and(
            inArray(
              sql`(${cases.cityId}, ${cases.id})`,
              tx
                .select({ c: cases.cityId, i: cases.id })
                .from(cases)
                .where(
                  sql`${sql.raw(SWEEP_PREDICATES.escalate)} and ${cases.disposeDeadline} < ${sql`${now.toISOString()}::timestamptz`} and not ${WAITING_IN_TIME}`,
                )
                .limit(BATCH),
            ),
            isNull(cases.overdueAt),
          ),
        )
        .returning()) as CaseRow[];
      for (const row of claimed) await escalateOne(tx, row, now);
      return claimed.length;
    });
  }

  async function escalateOne(tx: Db, row: CaseRow, now: Date) {
    const payload = {
      deadlineBefore: row.disposeDeadline?.toISOString() ?? null,
      disposeDeadline: row.disposeDeadline?.toISOString() ?? null,
    };
    await appendSystemEvents(tx, repo, row, now, [
      { type: 'overdue', note: '超过处置期限未反馈', payload },
      { type: 'auto_supervise', note: '超期自动督办', payload },
    ]);
    const effects = { repo, notify: deps.notify, publicUrl: deps.publicUrl };
    const order = {
      level: Math.min(Math.max(row.supervisionLevel, 1), 2) as 1 | 2,
      deadline: await autoDeadline(row.cityId, now),
      automatic: true,
    };
    const { number } = await issueSupervisionOrder(tx, repo.nextSeq, [row], {
      ...order,
      requirements:
        '该案卷已超过处置期限，系统自动督办。请责任单位立即整改并在限期内反馈，逾期将挂牌督办并按规定问责。',
      by: { id: null, name: '系统' },
      officeRegionId: row.cityId,
      at: now,
    });
    await announceSupervisionOrder(tx, effects, [row], { ...order, number });
  }

  return {
    /** One sweep at `now`; idempotent (a second sweep at the same instant changes nothing). */
    async sweep(): Promise<SweepResult> {
      const now = clock.now();
      // Each UPDATE repeats a partial index's predicate literally (SWEEP_PREDICATES), so it reads only
      // the cases still due for that change.
      const at = sql`${now.toISOString()}::timestamptz`;
      const redStage = await db
        .update(cases)
        .set({ light: 'red' })
        .where(sql`${sql.raw(SWEEP_PREDICATES.redStage)} and ${cases.stageDeadline} < ${at}`)
        .returning({ id: cases.id });
      const redDispose = await db
        .update(cases)
        .set({ light: 'red' })
        .where(sql`${sql.raw(SWEEP_PREDICATES.redDispose)} and ${cases.disposeDeadline} < ${at}`)
        .returning({ id: cases.id });
      const yellow = await db
        .update(cases)
        .set({ light: 'yellow' })
        .where(sql`${sql.raw(SWEEP_PREDICATES.yellow)} and ${cases.yellowAt} <= ${at}`)
        .returning({ id: cases.id });
      let escalated = 0;
      for (;;) {
        const n = await escalateBatch(now);
        escalated += n;
        if (n < BATCH) break;
      }
      const listed = await escalateMissedOrders(
        { db, repo, effects: { repo, notify: deps.notify, publicUrl: deps.publicUrl }, autoDeadline },
        now,
      );
      return { yellow: yellow.length, red: redStage.length + redDispose.length, escalated, listed };
    },
  };
}

export type Sweeper = ReturnType<typeof createSweeper>;

/**
 * The sweep as a scheduled job of the job layer (lights, overdue escalation): every `everySeconds`,
 * once per slot across all processes; null (SWEEPER_INTERVAL_SECONDS=0) leaves it unscheduled. A
 * failed sweep is a failed `jobs` row that /healthz reports; the next slot sweeps again.
 */
export function sweepJob(sweeper: Sweeper, everySeconds: number | null) {
  return defineJob({
    name: 'cases.sweep',
    payload: z.object({}),
    singleton: true,
    ...(everySeconds ? { schedule: { everySeconds } } : {}),
    handler: async () => ({ ...(await sweeper.sweep()) }),
  });
}
