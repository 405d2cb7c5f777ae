import type { CounterEvent } from '@chuangcheng/domain';
import type { EventRow } from './cases.repository';

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
