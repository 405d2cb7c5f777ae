import { type StageRow, stagesOf } from '@chuangcheng/domain';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { caseEvents, caseStages, cases } from '../../db/schema/index';
import { defineJob } from '../../platform/jobs/index';

export type CaseStageRow = typeof caseStages.$inferSelect;

/** A domain stage as its `case_stages` row. */
export function stageRowOf(cityId: string, caseId: string, s: StageRow): CaseStageRow {
  return {
    cityId,
    caseId,
    seq: s.seq,
    kind: s.kind,
    role: s.role,
    unitId: s.unitId,
    startedBy: s.startedBy,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    outcome: s.outcome,
    deadline: s.deadline,
    acceptDeadline: s.acceptDeadline,
    acceptedAt: s.acceptedAt,
    pausedMinutes: s.pausedMinutes,
    pausedSince: s.pausedSince,
    pendingSince: s.pendingSince,
    closes: s.closes,
  };
}

/** The stage rows of a case recomputed from its event log (what `case_stages` must hold). */
export async function stagesFromLog(tx: Db, cityId: string, caseId: string): Promise<CaseStageRow[]> {
  const events = await tx
    .select({
      seq: caseEvents.seq,
      type: caseEvents.type,
      at: caseEvents.at,
      unitId: caseEvents.unitId,
      toStatus: caseEvents.toStatus,
      payload: caseEvents.payload,
    })
    .from(caseEvents)
    .where(and(eq(caseEvents.cityId, cityId), eq(caseEvents.caseId, caseId)))
    .orderBy(asc(caseEvents.seq));
  return stagesOf(events).map((s) => stageRowOf(cityId, caseId, s));
}

/**
 * Rewrites a case's stage rows from its whole event log, inside the transaction that appended the
 * event: the attribution is never behind the log, and a rerun writes the same rows.
 */
export async function syncStages(tx: Db, cityId: string, caseId: string): Promise<void> {
  const rows = await stagesFromLog(tx, cityId, caseId);
  await tx.delete(caseStages).where(and(eq(caseStages.cityId, cityId), eq(caseStages.caseId, caseId)));
  if (rows.length) await tx.insert(caseStages).values(rows);
}

/** Cases handled per transaction by the backfill. */
const BACKFILL_BATCH = 500;

/**
 * Writes the stage rows of every case that has none yet (a database from before stage rows, or a
 * case loaded around the workflow), from its event log; cases whose log yields no stage stay without.
 * Keyset-paged, one transaction per page, idempotent.
 */
export async function backfillStages(db: Db): Promise<{ examined: number; rebuilt: number }> {
  let examined = 0;
  let rebuilt = 0;
  for (let last = '00000000-0000-0000-0000-000000000000'; ; ) {
    const page = await db
      .select({ cityId: cases.cityId, id: cases.id })
      .from(cases)
      .where(
        and(
          gt(cases.id, last),
          sql`not exists (select 1 from ${caseStages} s where s.city_id = ${cases.cityId} and s.case_id = ${cases.id})`,
        ),
      )
      .orderBy(asc(cases.id))
      .limit(BACKFILL_BATCH);
    if (page.length === 0) break;
    rebuilt += await db.transaction(async (tx) => {
      let n = 0;
      for (const c of page) {
        const rows = await stagesFromLog(tx, c.cityId, c.id);
        if (rows.length) {
          await tx.insert(caseStages).values(rows);
          n++;
        }
      }
      return n;
    });
    examined += page.length;
    last = (page.at(-1) as { id: string }).id;
    if (page.length < BACKFILL_BATCH) break;
  }
  return { examined, rebuilt };
}

export const BACKFILL_STAGES_JOB = 'cases.backfill-stages';

/** The backfill as a job of the job layer (enqueued at every start; a no-op once every case has rows). */
export function backfillStagesJob(db: Db) {
  return defineJob({
    name: BACKFILL_STAGES_JOB,
    payload: z.object({}),
    singleton: true,
    handler: async () => ({ ...(await backfillStages(db)) }),
  });
}
