/**
 * Stage clocks (签收, 处置, 核查 …): when each stage started, its deadline, and when it turns yellow.
 * Pure: the calendar and the time are passed in. The sweeper only compares stored instants with now,
 * so lights move with one indexed UPDATE and no calendar maths in SQL.
 */
import type { StageLimitsLike, TimeLimitLike } from '../routing/route';
import type { CaseStatus, Stage } from './workflow';
import { STAGE_OF_STATUS } from './workflow';

/** The part of the working calendar the clocks use (see calendar/). */
export interface ClockCalendar {
  deadline(start: Date, limit: TimeLimitLike): Date;
  measure(a: Date, b: Date, unit: TimeLimitLike['unit']): number;
  addMeasure(start: Date, minutes: number, unit: TimeLimitLike['unit']): Date;
  yellowAt(start: Date, deadline: Date, unit: TimeLimitLike['unit']): Date;
  /** Whether the window crosses a year without holiday data (暂估); a calendar without it never does. */
  isEstimated?(start: Date, end: Date, unit: TimeLimitLike['unit']): boolean;
}

/** Defaults when neither the routing rule nor the filing condition sets a stage limit. */
export const DEFAULT_STAGE_LIMITS: Required<StageLimitsLike> = {
  dispatch: { value: 1, unit: 'work_hours' },
  accept: { value: 2, unit: 'work_hours' },
  dispose: { value: 2, unit: 'work_days' },
  verify: { value: 4, unit: 'work_hours' },
};

export interface CaseClock {
  stage: Stage;
  stageStartedAt: Date | null;
  stageDeadline: Date | null;
  yellowAt: Date | null;
  /** The unit's disposal deadline (处置期限); runs from dispatch through accept and disposal. */
  disposeStartedAt: Date | null;
  disposeDeadline: Date | null;
  /** The disposal limit's time unit, kept to resume a parked case in the same unit. */
  disposeUnit: TimeLimitLike['unit'] | null;
  /** Disposal minutes left when parked (挂账); the clock is paused. */
  pausedRemaining: number | null;
  /** The stage deadline was computed across a year without holiday data: weekends only, 暂估. */
  stageDeadlineEstimated: boolean;
  /** The same for the disposal deadline (an explicitly granted deadline never is). */
  disposeDeadlineEstimated: boolean;
}

export const NO_CLOCK: CaseClock = {
  stage: 'none',
  stageStartedAt: null,
  stageDeadline: null,
  yellowAt: null,
  disposeStartedAt: null,
  disposeDeadline: null,
  disposeUnit: null,
  pausedRemaining: null,
  stageDeadlineEstimated: false,
  disposeDeadlineEstimated: false,
};

export interface ClockChange {
  /** What happened: the new status and, for some actions, an explicit new disposal deadline. */
  to: CaseStatus;
  action: string;
  now: Date;
  limits: StageLimitsLike;
  /** Granted extension or supervision deadline. */
  newDisposeDeadline?: Date | null;
}

function limitOf(limits: StageLimitsLike, stage: keyof StageLimitsLike): TimeLimitLike {
  return limits[stage] ?? DEFAULT_STAGE_LIMITS[stage];
}

const estimated = (cal: ClockCalendar, start: Date, end: Date, unit: TimeLimitLike['unit']): boolean =>
  cal.isEstimated?.(start, end, unit) ?? false;

function stageWindow(cal: ClockCalendar, start: Date, limit: TimeLimitLike) {
  const deadline = cal.deadline(start, limit);
  return {
    stageStartedAt: start,
    stageDeadline: deadline,
    yellowAt: cal.yellowAt(start, deadline, limit.unit),
    stageDeadlineEstimated: estimated(cal, start, deadline, limit.unit),
  };
}

/** The disposal window's clock for a case in 'dispatched' or 'in_progress'. */
function disposeWindow(cal: ClockCalendar, c: CaseClock) {
  if (!c.disposeStartedAt || !c.disposeDeadline || !c.disposeUnit) {
    return { stageStartedAt: null, stageDeadline: null, yellowAt: null, stageDeadlineEstimated: false };
  }
  return {
    stageStartedAt: c.disposeStartedAt,
    stageDeadline: c.disposeDeadline,
    yellowAt: cal.yellowAt(c.disposeStartedAt, c.disposeDeadline, c.disposeUnit),
    stageDeadlineEstimated: c.disposeDeadlineEstimated,
  };
}

/** The clock after a transition. */
export function nextClock(cal: ClockCalendar, prev: CaseClock, change: ClockChange): CaseClock {
  const { to, action, now, limits } = change;
  let c: CaseClock = { ...prev, stage: STAGE_OF_STATUS[to] };
  const dispose = limitOf(limits, 'dispose');
  // The unit's disposal clock starts at dispatch and restarts on rework (返工后重新计时).
  if (action === 'dispatch' || action === 'verify_fail' || action === 'reopen') {
    c.disposeStartedAt = now;
    c.disposeDeadline = cal.deadline(now, dispose);
    c.disposeUnit = dispose.unit;
    c.disposeDeadlineEstimated = estimated(cal, now, c.disposeDeadline, dispose.unit);
  }
  if (change.newDisposeDeadline) {
    c.disposeStartedAt = c.disposeStartedAt ?? now;
    c.disposeDeadline = change.newDisposeDeadline;
    c.disposeUnit = c.disposeUnit ?? dispose.unit;
    c.disposeDeadlineEstimated = false;
  }
  if (to === 'parked' && c.disposeDeadline && c.disposeUnit) {
    c.pausedRemaining = cal.measure(now, c.disposeDeadline, c.disposeUnit);
  }
  if (action === 'restore' && prev.pausedRemaining !== null && c.disposeUnit) {
    // What was left when parked becomes a fresh window from now (the light is relative to it).
    c.disposeStartedAt = now;
    c.disposeDeadline = cal.addMeasure(now, prev.pausedRemaining, c.disposeUnit);
    c.disposeDeadlineEstimated = estimated(cal, now, c.disposeDeadline, c.disposeUnit);
    c.pausedRemaining = null;
  }
  const sameStage =
    prev.stage === c.stage && action !== 'verify_fail' && action !== 'restore' && action !== 'reopen';
  switch (c.stage) {
    case 'dispatch':
    case 'verify':
      if (!sameStage) c = { ...c, ...stageWindow(cal, now, limitOf(limits, c.stage)) };
      break;
    case 'accept':
      if (!sameStage) c = { ...c, ...stageWindow(cal, now, limitOf(limits, 'accept')) };
      break;
    case 'dispose':
      c = { ...c, ...disposeWindow(cal, c) };
      break;
    case 'none':
      c = { ...c, stageStartedAt: null, stageDeadline: null, yellowAt: null, stageDeadlineEstimated: false };
      break;
  }
  return c;
}

/**
 * The clock once the holiday data of the estimated years is known (导入节假日后重算期限): each window
 * marked 暂估 keeps its budget — the office time it had on the estimating calendar (`before`, weekends
 * only in those years) — and ends where that budget runs out on the new calendar (`after`). Windows not
 * marked, and a parked case's paused time, stay as they are. `stageUnit` is the stage limit's unit
 * (the disposal unit in the disposal stage).
 */
export function recomputeEstimatedClock(
  before: ClockCalendar,
  after: ClockCalendar,
  c: CaseClock,
  stageUnit: TimeLimitLike['unit'],
): CaseClock {
  const next = { ...c };
  const rerun = (start: Date, deadline: Date, unit: TimeLimitLike['unit']) => {
    const due = after.addMeasure(start, before.measure(start, deadline, unit), unit);
    return { due, estimated: estimated(after, start, due, unit) };
  };
  if (c.disposeDeadlineEstimated && c.disposeStartedAt && c.disposeDeadline && c.disposeUnit) {
    const r = rerun(c.disposeStartedAt, c.disposeDeadline, c.disposeUnit);
    next.disposeDeadline = r.due;
    next.disposeDeadlineEstimated = r.estimated;
  }
  if (c.stage === 'dispose') return { ...next, ...disposeWindow(after, next) };
  if (c.stageDeadlineEstimated && c.stageStartedAt && c.stageDeadline) {
    const r = rerun(c.stageStartedAt, c.stageDeadline, stageUnit);
    next.stageDeadline = r.due;
    next.yellowAt = after.yellowAt(c.stageStartedAt, r.due, stageUnit);
    next.stageDeadlineEstimated = r.estimated;
  }
  return next;
}

/** The unit of the clock's current stage window: the disposal unit while disposing, else the limit's. */
export function stageUnitOf(c: CaseClock, limits: StageLimitsLike): TimeLimitLike['unit'] {
  if (c.stage === 'dispose' && c.disposeUnit) return c.disposeUnit;
  if (c.stage === 'none' || c.stage === 'dispose') return limitOf(limits, 'dispose').unit;
  return limitOf(limits, c.stage).unit;
}

/**
 * The traffic light of a clock at `now`: red past the stage deadline (or, while the unit holds the
 * case, past the disposal deadline), yellow from 80 % of the window, else green; null without a clock.
 * The sweeper's SQL applies the same rule to stored instants.
 */
export function lightAt(c: CaseClock, now: Date): 'green' | 'yellow' | 'red' | null {
  if (c.stage === 'none' || !c.stageDeadline) return null;
  const t = now.getTime();
  const unitHolds = c.stage === 'accept' || c.stage === 'dispose';
  if (t > c.stageDeadline.getTime()) return 'red';
  if (unitHolds && c.disposeDeadline && t > c.disposeDeadline.getTime()) return 'red';
  if (c.yellowAt && t >= c.yellowAt.getTime()) return 'yellow';
  return 'green';
}
