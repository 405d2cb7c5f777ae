import { type CounterEvent, computeCounters } from '@chuangcheng/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema/index';
import { newId } from '../../platform/ids';
import { type CaseRow, type CasesRepository, counterPatch, type EventRow } from './cases.repository';

const dateOrNull = (v: unknown): Date | null => (typeof v === 'string' && v ? new Date(v) : null);

/** An event row as the domain's counters read it (deadlines in force are kept in the payload). */
export function caseEventToCounterEvent(e: Pick<EventRow, 'type' | 'at' | 'payload'>): CounterEvent {
  return {
    type: e.type,
    at: e.at,
    deadlineBefore: dateOrNull(e.payload.deadlineBefore),
    disposeDeadline: dateOrNull(e.payload.disposeDeadline),
  };
}

/** What a system event (actor 系统: the sweeper, a recompute job) says. */
export interface SystemEventSpec {
  type: string;
  note: string;
  payload: Record<string, unknown>;
}

/**
 * Appends system events (actor 系统) to a case in the caller's transaction, through `repo.insertEvent`
 * so the stage rows follow the log, and recomputes the case's counters from the whole log.
 */
export async function appendSystemEvents(
  tx: Db,
  repo: CasesRepository,
  row: Pick<CaseRow, 'cityId' | 'id' | 'status' | 'leadUnitId'>,
  now: Date,
  specs: readonly SystemEventSpec[],
): Promise<void> {
  const events = await repo.events(tx, row.cityId, row.id);
  let seq = events.at(-1)?.seq ?? 0;
  const added: EventRow[] = specs.map((s) => ({
    cityId: row.cityId,
    id: newId(now.getTime()),
    caseId: row.id,
    seq: ++seq,
    type: s.type,
    fromStatus: row.status,
    toStatus: row.status,
    actorUserId: null,
    actorName: '系统',
    actorRole: null,
    unitId: row.leadUnitId,
    note: s.note,
    photoIds: [],
    payload: s.payload,
    at: now,
  }));
  for (const e of added) await repo.insertEvent(tx, e);
  const counters = computeCounters([...events, ...added].map(caseEventToCounterEvent));
  await tx
    .update(cases)
    .set(counterPatch(counters))
    .where(and(eq(cases.cityId, row.cityId), eq(cases.id, row.id)));
}
