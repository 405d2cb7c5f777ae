import { type StageRow, stagesOf } from '@chuangcheng/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseEvents, caseStages } from '../../db/schema/index';

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
