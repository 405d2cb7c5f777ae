/**
 * Per-case KPI counters, computed from the case's event log only (DESIGN.md rule 3).
 * The API materialises them on the case row for fast KPI queries; a test recomputes them from the
 * log and compares. Definitions follow 数字城管 (GB/T 30428.4, reference/china-standards.md §1.5).
 */

/** One event as the counters see it. */
export interface CounterEvent {
  type: string;
  at: Date;
  /** The stage deadline in force just before this event (e.g. the dispatch deadline for 'dispatch'). */
  deadlineBefore: Date | null;
  /** The disposal deadline in force at this event. */
  disposeDeadline: Date | null;
}

export interface CaseCounters {
  reported: number;
  filed: number;
  voidedAfterFiling: number;
  needDispatch: number;
  dispatchedOnTime: number;
  dispatches: number;
  returns: number;
  needDispose: number;
  disposed: number;
  disposedOnTime: number;
  feedbacks: number;
  reworks: number;
  needClose: number;
  closed: number;
  closedOnTime: number;
  disposeMinutes: number;
}

const onTime = (e: CounterEvent, deadline: Date | null): boolean =>
  deadline === null || e.at.getTime() <= deadline.getTime();

/**
 * Counters of one case from its events in order.
 * 应结案 = closed or overdue-not-closed; 应处置 = disposed or overdue-not-disposed; an 'overdue'
 * event (written once by the sweeper) marks overdue; a late feedback counts as not on time.
 */
export function computeCounters(events: readonly CounterEvent[]): CaseCounters {
  let filed = 0;
  let voidedAfterFiling = 0;
  let firstDispatch: CounterEvent | null = null;
  let lastFeedback: CounterEvent | null = null;
  let dispatches = 0;
  let returns = 0;
  let feedbacks = 0;
  let reworks = 0;
  let overdue = false;
  let closed = 0;
  let selfHandled = false;
  let lateFeedback = false;
  for (const e of events) {
    switch (e.type) {
      case 'file':
        filed = 1;
        break;
      case 'void':
        if (filed) voidedAfterFiling = 1;
        break;
      case 'dispatch':
        dispatches++;
        firstDispatch ??= e;
        break;
      case 'return':
        returns++;
        break;
      case 'submit_feedback':
        feedbacks++;
        lastFeedback = e;
        if (!onTime(e, e.disposeDeadline)) lateFeedback = true;
        break;
      case 'reject_self_handled':
        filed = 1;
        break;
      case 'verify_fail':
        reworks++;
        break;
      case 'reopen':
        // The citizen says it is not fixed: rework, and no longer closed until verified again.
        reworks++;
        closed = 0;
        break;
      case 'overdue':
        overdue = true;
        break;
      case 'verify_pass':
        closed = 1;
        break;
      case 'confirm_self_handled':
        filed = 1;
        closed = 1;
        selfHandled = true;
        break;
    }
  }
  const disposed = lastFeedback ? 1 : 0;
  // Once overdue (or once fed back late), never on time, even if a rework later met a new deadline.
  const disposedOnTime = lastFeedback && !overdue && !lateFeedback ? 1 : 0;
  const disposeMinutes =
    lastFeedback && firstDispatch
      ? Math.max(0, Math.round((lastFeedback.at.getTime() - firstDispatch.at.getTime()) / 60000))
      : 0;
  return {
    reported: 1,
    filed,
    voidedAfterFiling,
    // 应派遣 = cases dispatched; a filed case still waiting is not yet due (the sweeper records no
    // dispatch-stage overdue), and a case voided after filing never needed a dispatch.
    needDispatch: firstDispatch ? 1 : 0,
    dispatchedOnTime: firstDispatch && onTime(firstDispatch, firstDispatch.deadlineBefore) ? 1 : 0,
    dispatches,
    returns,
    needDispose: disposed || overdue ? 1 : 0,
    disposed,
    disposedOnTime,
    feedbacks,
    reworks,
    needClose: closed || overdue ? 1 : 0,
    closed,
    closedOnTime: closed && (selfHandled || disposedOnTime) ? 1 : 0,
    disposeMinutes,
  };
}

/** Rates from summed counters; null when the denominator is zero (shown as "—", not 0 % or 100 %). */
export function ratesOf(c: CaseCounters) {
  const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    closeRate: ratio(c.closed, c.needClose),
    onTimeCloseRate: ratio(c.closedOnTime, c.needClose),
    onTimeDisposeRate: ratio(c.disposedOnTime, c.needDispose),
    reworkRate: ratio(c.reworks, c.feedbacks),
    returnRate: ratio(c.returns, c.dispatches),
    accurateFilingRate: ratio(c.filed - c.voidedAfterFiling, c.filed),
    onTimeDispatchRate: ratio(c.dispatchedOnTime, c.needDispatch),
    avgDisposeHours: c.disposed > 0 ? c.disposeMinutes / 60 / c.disposed : null,
  };
}

export const COUNTER_KEYS = Object.keys(computeCounters([])) as (keyof CaseCounters)[];

export function sumCounters(rows: readonly CaseCounters[]): CaseCounters {
  const total = Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as unknown as CaseCounters;
  for (const r of rows) for (const k of COUNTER_KEYS) total[k] += r[k];
  return total;
}
