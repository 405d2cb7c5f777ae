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

function stageWindow(cal: ClockCalendar, start: Date, limit: TimeLimitLike) {
  const deadline = cal.deadline(start, limit);
  return {
    stageStartedAt: start,
    stageDeadline: deadline,
    yellowAt: cal.yellowAt(start, deadline, limit.unit),
  };
}

/** The disposal window's clock for a case in 'dispatched' or 'in_progress'. */
function disposeWindow(cal: ClockCalendar, c: CaseClock) {
  if (!c.disposeStartedAt || !c.disposeDeadline || !c.disposeUnit) {
    return { stageStartedAt: null, stageDeadline: null, yellowAt: null };
  }
  return {
    stageStartedAt: c.disposeStartedAt,
    stageDeadline: c.disposeDeadline,
    yellowAt: cal.yellowAt(c.disposeStartedAt, c.disposeDeadline, c.disposeUnit),
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
  }
  if (change.newDisposeDeadline) {
    c.disposeStartedAt = c.disposeStartedAt ?? now;
    c.disposeDeadline = change.newDisposeDeadline;
    c.disposeUnit = c.disposeUnit ?? dispose.unit;
  }
  if (to === 'parked' && c.disposeDeadline && c.disposeUnit) {
    c.pausedRemaining = cal.measure(now, c.disposeDeadline, c.disposeUnit);
  }
  if (action === 'restore' && prev.pausedRemaining !== null && c.disposeUnit) {
    // What was left when parked becomes a fresh window from now (the light is relative to it).
    c.disposeStartedAt = now;
    c.disposeDeadline = cal.addMeasure(now, prev.pausedRemaining, c.disposeUnit);
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
      c = { ...c, stageStartedAt: null, stageDeadline: null, yellowAt: null };
      break;
  }
  return c;
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
