import { describe, expect, it } from 'vitest';
import type { StageLimitsLike, TimeLimitLike } from '../routing/route';
import {
  type CaseClock,
  type ClockCalendar,
  type ClockChange,
  DEFAULT_STAGE_LIMITS,
  NO_CLOCK,
  nextClock,
} from './timers';
import type { CaseStatus } from './workflow';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Every unit counted on a 24×7 clock: hours are 60 minutes, days 1440. */
const roundTheClock: ClockCalendar = {
  deadline: (start, limit) =>
    new Date(start.getTime() + limit.value * (limit.unit.endsWith('hours') ? HOUR : DAY)),
  measure: (a, b) => (b.getTime() - a.getTime()) / MIN,
  addMeasure: (start, minutes) => new Date(start.getTime() + minutes * MIN),
  yellowAt: (start, deadline) => new Date(start.getTime() + 0.8 * (deadline.getTime() - start.getTime())),
};

/** Counts only 09:00–17:00 UTC, Monday to Friday (a working day is 8 hours); natural days run 24×7. */
const OPEN_H = 9;
const CLOSE_H = 17;
const isWeekday = (dayStart: number) => {
  const dow = new Date(dayStart).getUTCDay();
  return dow !== 0 && dow !== 6;
};
function officeMinutes(a: Date, b: Date): number {
  if (b.getTime() < a.getTime()) return -officeMinutes(b, a);
  let total = 0;
  for (let day = Math.floor(a.getTime() / DAY) * DAY; day < b.getTime(); day += DAY) {
    if (!isWeekday(day)) continue;
    const from = Math.max(a.getTime(), day + OPEN_H * HOUR);
    const to = Math.min(b.getTime(), day + CLOSE_H * HOUR);
    if (to > from) total += (to - from) / MIN;
  }
  return total;
}
function addOfficeMinutes(start: Date, minutes: number): Date {
  let left = minutes;
  for (let day = Math.floor(start.getTime() / DAY) * DAY; ; day += DAY) {
    if (!isWeekday(day)) continue;
    const from = Math.max(start.getTime(), day + OPEN_H * HOUR);
    const to = day + CLOSE_H * HOUR;
    const avail = Math.max(0, (to - from) / MIN);
    if (left <= avail) return new Date(from + left * MIN);
    left -= avail;
  }
}
const officeHours: ClockCalendar = {
  deadline: (start, limit) =>
    limit.unit === 'natural_days'
      ? new Date(start.getTime() + limit.value * DAY)
      : limit.unit === 'urgent_hours'
        ? new Date(start.getTime() + limit.value * HOUR)
        : addOfficeMinutes(start, limit.value * (limit.unit === 'work_days' ? 8 * 60 : 60)),
  measure: (a, b, unit) =>
    unit === 'natural_days' || unit === 'urgent_hours'
      ? (b.getTime() - a.getTime()) / MIN
      : officeMinutes(a, b),
  addMeasure: (start, minutes, unit) =>
    unit === 'natural_days' || unit === 'urgent_hours'
      ? new Date(start.getTime() + minutes * MIN)
      : addOfficeMinutes(start, minutes),
  yellowAt(start, deadline, unit) {
    return this.addMeasure(start, 0.8 * this.measure(start, deadline, unit), unit);
  },
};

const at = (iso: string) => new Date(iso);
const hours = (value: number, unit: TimeLimitLike['unit'] = 'urgent_hours'): TimeLimitLike => ({
  value,
  unit,
});

/** Limits used unless a test says otherwise: distinct numbers so each stage is recognisable. */
const LIMITS: StageLimitsLike = {
  dispatch: hours(1),
  accept: hours(2),
  dispose: { value: 3, unit: 'natural_days' },
  verify: hours(4),
};

function step(
  cal: ClockCalendar,
  prev: CaseClock,
  to: CaseStatus,
  action: string,
  now: Date,
  extra: Partial<ClockChange> = {},
): CaseClock {
  return nextClock(cal, prev, { to, action, now, limits: LIMITS, ...extra });
}

const FILED_AT = at('2026-03-02T08:00:00Z'); // a Monday
const DISPATCHED_AT = at('2026-03-02T08:30:00Z');
const ACCEPTED_AT = at('2026-03-02T09:10:00Z');

function filed(cal = roundTheClock) {
  return step(cal, NO_CLOCK, 'filed', 'file', FILED_AT);
}
function dispatched(cal = roundTheClock) {
  return step(cal, filed(cal), 'dispatched', 'dispatch', DISPATCHED_AT);
}
function inProgress(cal = roundTheClock) {
  return step(cal, dispatched(cal), 'in_progress', 'accept', ACCEPTED_AT);
}

describe('nextClock on a 24×7 calendar', () => {
  it('reporting runs no clock', () => {
    expect(step(roundTheClock, NO_CLOCK, 'reported', 'report', FILED_AT)).toEqual(NO_CLOCK);
  });

  it('filing starts the dispatch window with the dispatch limit', () => {
    expect(filed()).toEqual({
      ...NO_CLOCK,
      stage: 'dispatch',
      stageStartedAt: FILED_AT,
      stageDeadline: at('2026-03-02T09:00:00Z'),
      yellowAt: at('2026-03-02T08:48:00Z'),
    });
  });

  it('dispatch starts the disposal clock with the dispose limit and the accept window', () => {
    expect(dispatched()).toEqual({
      stage: 'accept',
      stageStartedAt: DISPATCHED_AT,
      stageDeadline: at('2026-03-02T10:30:00Z'),
      yellowAt: at('2026-03-02T10:06:00Z'),
      disposeStartedAt: DISPATCHED_AT,
      disposeDeadline: at('2026-03-05T08:30:00Z'),
      disposeUnit: 'natural_days',
      pausedRemaining: null,
      stageDeadlineEstimated: false,
      disposeDeadlineEstimated: false,
    });
  });

  it('accept keeps the disposal deadline set at dispatch; the stage clock becomes the disposal window', () => {
    const c = inProgress();
    expect(c).toEqual({
      stage: 'dispose',
      stageStartedAt: DISPATCHED_AT,
      stageDeadline: at('2026-03-05T08:30:00Z'),
      // 80 % of the 72 h window from dispatch: 57 h 36 min.
      yellowAt: at('2026-03-04T18:06:00Z'),
      disposeStartedAt: DISPATCHED_AT,
      disposeDeadline: at('2026-03-05T08:30:00Z'),
      disposeUnit: 'natural_days',
      pausedRemaining: null,
      stageDeadlineEstimated: false,
      disposeDeadlineEstimated: false,
    });
  });

  it('an in_progress action that keeps the status keeps the disposal window', () => {
    const c = inProgress();
    expect(step(roundTheClock, c, 'in_progress', 'request_extension', at('2026-03-03T12:00:00Z'))).toEqual(c);
    expect(step(roundTheClock, c, 'in_progress', 'comment', at('2026-03-04T12:00:00Z'))).toEqual(c);
  });

  it('an action that keeps the accept stage does not restart the accept window', () => {
    const c = dispatched();
    expect(step(roundTheClock, c, 'dispatched', 'deny_park', at('2026-03-02T09:30:00Z'))).toEqual(c);
  });

  it('feedback starts a verify window and keeps the disposal deadline', () => {
    const now = at('2026-03-03T10:00:00Z');
    const c = step(roundTheClock, inProgress(), 'feedback', 'submit_feedback', now);
    expect(c).toMatchObject({
      stage: 'verify',
      stageStartedAt: now,
      stageDeadline: at('2026-03-03T14:00:00Z'),
      yellowAt: at('2026-03-03T13:12:00Z'),
      disposeStartedAt: DISPATCHED_AT,
      disposeDeadline: at('2026-03-05T08:30:00Z'),
    });
  });

  it('verify_fail restarts the disposal clock from now (返工后重新计时)', () => {
    const fb = step(roundTheClock, inProgress(), 'feedback', 'submit_feedback', at('2026-03-03T10:00:00Z'));
    const now = at('2026-03-03T11:00:00Z');
    const c = step(roundTheClock, fb, 'in_progress', 'verify_fail', now);
    expect(c).toEqual({
      stage: 'dispose',
      stageStartedAt: now,
      stageDeadline: at('2026-03-06T11:00:00Z'),
      yellowAt: at('2026-03-05T20:36:00Z'),
      disposeStartedAt: now,
      disposeDeadline: at('2026-03-06T11:00:00Z'),
      disposeUnit: 'natural_days',
      pausedRemaining: null,
      stageDeadlineEstimated: false,
      disposeDeadlineEstimated: false,
    });
  });

  it('uses the default limits when neither rule nor condition sets one', () => {
    expect(DEFAULT_STAGE_LIMITS).toEqual({
      dispatch: { value: 1, unit: 'work_hours' },
      accept: { value: 2, unit: 'work_hours' },
      dispose: { value: 2, unit: 'work_days' },
      verify: { value: 4, unit: 'work_hours' },
    });
    const c = nextClock(roundTheClock, NO_CLOCK, {
      to: 'dispatched',
      action: 'dispatch',
      now: DISPATCHED_AT,
      limits: {},
    });
    expect(c).toMatchObject({
      stageDeadline: at('2026-03-02T10:30:00Z'),
      disposeDeadline: at('2026-03-04T08:30:00Z'),
      disposeUnit: 'work_days',
    });
  });

  it('a partial limits object falls back stage by stage', () => {
    const c = nextClock(roundTheClock, NO_CLOCK, {
      to: 'dispatched',
      action: 'dispatch',
      now: DISPATCHED_AT,
      limits: { dispose: hours(6) },
    });
    expect(c).toMatchObject({
      stageDeadline: at('2026-03-02T10:30:00Z'),
      disposeDeadline: at('2026-03-02T14:30:00Z'),
      disposeUnit: 'urgent_hours',
    });
  });

  describe('park (挂账) and restore', () => {
    const parkedAt = at('2026-03-03T08:30:00Z'); // 48 h of the 72 h window left

    it('parking stores the disposal minutes left and stops the stage clock', () => {
      const c = step(roundTheClock, inProgress(), 'parked', 'approve_park', parkedAt);
      expect(c).toMatchObject({
        stage: 'none',
        stageStartedAt: null,
        stageDeadline: null,
        yellowAt: null,
        pausedRemaining: 48 * 60,
      });
    });

    it('restore makes a fresh disposal window of the remaining length from now', () => {
      const parked = step(roundTheClock, inProgress(), 'parked', 'approve_park', parkedAt);
      const now = at('2026-04-01T00:00:00Z');
      const c = step(roundTheClock, parked, 'in_progress', 'restore', now);
      expect(c).toEqual({
        stage: 'dispose',
        stageStartedAt: now,
        stageDeadline: at('2026-04-03T00:00:00Z'),
        yellowAt: at('2026-04-02T14:24:00Z'),
        disposeStartedAt: now,
        disposeDeadline: at('2026-04-03T00:00:00Z'),
        disposeUnit: 'natural_days',
        pausedRemaining: null,
        stageDeadlineEstimated: false,
        disposeDeadlineEstimated: false,
      });
    });

    it('a case parked before acceptance resumes with a fresh accept window too', () => {
      const parked = step(roundTheClock, dispatched(), 'parked', 'approve_park', at('2026-03-02T09:30:00Z'));
      expect(parked.pausedRemaining).toBe(71 * 60);
      const now = at('2026-03-10T12:00:00Z');
      const c = step(roundTheClock, parked, 'dispatched', 'restore', now);
      expect(c).toMatchObject({
        stage: 'accept',
        stageStartedAt: now,
        stageDeadline: at('2026-03-10T14:00:00Z'),
        disposeStartedAt: now,
        disposeDeadline: at('2026-03-13T11:00:00Z'),
        pausedRemaining: null,
      });
    });

    it('a case parked before dispatch has no disposal time to keep and restarts the dispatch window', () => {
      const parked = step(roundTheClock, filed(), 'parked', 'approve_park', at('2026-03-02T08:10:00Z'));
      expect(parked).toEqual({ ...NO_CLOCK, stage: 'none' });
      const now = at('2026-03-09T08:00:00Z');
      const c = step(roundTheClock, parked, 'filed', 'restore', now);
      expect(c).toEqual({
        ...NO_CLOCK,
        stage: 'dispatch',
        stageStartedAt: now,
        stageDeadline: at('2026-03-09T09:00:00Z'),
        yellowAt: at('2026-03-09T08:48:00Z'),
      });
    });
  });

  describe('a new disposal deadline (延期 granted)', () => {
    it('moves the disposal deadline and the stage deadline; the window still starts at dispatch', () => {
      const granted = at('2026-03-08T08:30:00Z');
      const c = step(
        roundTheClock,
        inProgress(),
        'in_progress',
        'approve_extension',
        at('2026-03-04T09:00:00Z'),
        {
          newDisposeDeadline: granted,
        },
      );
      expect(c).toMatchObject({
        stage: 'dispose',
        stageStartedAt: DISPATCHED_AT,
        stageDeadline: granted,
        // 80 % of the 6-day window from dispatch.
        yellowAt: at('2026-03-07T03:42:00Z'),
        disposeStartedAt: DISPATCHED_AT,
        disposeDeadline: granted,
        disposeUnit: 'natural_days',
      });
    });

    it('granted before acceptance it moves the disposal deadline but not the accept window', () => {
      const before = dispatched();
      const granted = at('2026-03-09T08:30:00Z');
      const c = step(roundTheClock, before, 'dispatched', 'approve_extension', at('2026-03-02T09:00:00Z'), {
        newDisposeDeadline: granted,
      });
      expect(c).toEqual({ ...before, disposeDeadline: granted });
    });

    it('a null newDisposeDeadline changes nothing', () => {
      const c = inProgress();
      expect(
        step(roundTheClock, c, 'in_progress', 'deny_extension', at('2026-03-04T09:00:00Z'), {
          newDisposeDeadline: null,
        }),
      ).toEqual(c);
    });

    // 督办 before dispatch cannot happen: the workflow allows supervision only while a unit holds
    // the case (dispatched / in_progress), so dispatch never overwrites a supervision deadline.
  });

  describe('the stages after disposal', () => {
    it('returning to the office restarts the dispatch window', () => {
      const now = at('2026-03-02T09:00:00Z');
      const c = step(roundTheClock, dispatched(), 'returned', 'return', now);
      expect(c).toMatchObject({
        stage: 'dispatch',
        stageStartedAt: now,
        stageDeadline: at('2026-03-02T10:00:00Z'),
        yellowAt: at('2026-03-02T09:48:00Z'),
      });
    });

    it('re-dispatch after a return restarts the disposal clock', () => {
      const returned = step(roundTheClock, dispatched(), 'returned', 'return', at('2026-03-02T09:00:00Z'));
      const now = at('2026-03-02T11:00:00Z');
      const c = step(roundTheClock, returned, 'dispatched', 'dispatch', now);
      expect(c).toMatchObject({
        stage: 'accept',
        stageStartedAt: now,
        disposeStartedAt: now,
        disposeDeadline: at('2026-03-05T11:00:00Z'),
      });
    });

    it('self-handling runs a verify window', () => {
      const now = at('2026-03-02T08:05:00Z');
      expect(step(roundTheClock, NO_CLOCK, 'self_handled', 'report', now)).toMatchObject({
        stage: 'verify',
        stageStartedAt: now,
        stageDeadline: at('2026-03-02T12:05:00Z'),
      });
    });

    it.each([
      ['closed', 'verify_pass'],
      ['voided', 'void'],
      ['closed', 'confirm_self_handled'],
    ] as const)('%s (by %s) clears the stage clock', (to, action) => {
      const fb = step(roundTheClock, inProgress(), 'feedback', 'submit_feedback', at('2026-03-03T10:00:00Z'));
      const c = step(roundTheClock, fb, to, action, at('2026-03-03T11:00:00Z'));
      expect(c).toMatchObject({ stage: 'none', stageStartedAt: null, stageDeadline: null, yellowAt: null });
    });
  });

  it('does not mutate the previous clock', () => {
    const prev = inProgress();
    const copy = { ...prev };
    step(roundTheClock, prev, 'in_progress', 'verify_fail', at('2026-03-04T00:00:00Z'));
    step(roundTheClock, prev, 'parked', 'approve_park', at('2026-03-04T00:00:00Z'));
    expect(prev).toEqual(copy);
  });
});

describe('nextClock on an office-hours calendar (09:00–17:00 UTC, weekdays)', () => {
  const WORK: StageLimitsLike = {
    dispatch: hours(1, 'work_hours'),
    accept: hours(1, 'work_hours'),
    dispose: { value: 2, unit: 'work_days' },
    verify: hours(2, 'work_hours'),
  };
  const go = (prev: CaseClock, to: CaseStatus, action: string, now: Date, extra: Partial<ClockChange> = {}) =>
    nextClock(officeHours, prev, { to, action, now, limits: WORK, ...extra });

  it('the fake calendar itself counts office minutes only', () => {
    expect(officeMinutes(at('2026-03-06T16:00:00Z'), at('2026-03-09T11:00:00Z'))).toBe(180);
    expect(addOfficeMinutes(at('2026-03-06T16:30:00Z'), 60)).toEqual(at('2026-03-09T09:30:00Z'));
    expect(addOfficeMinutes(at('2026-03-07T12:00:00Z'), 0)).toEqual(at('2026-03-09T09:00:00Z'));
  });

  it('a dispatch late on Friday carries its windows over the weekend; yellow is 80 % of office time', () => {
    const now = at('2026-03-06T16:30:00Z'); // Friday
    const c = go(go(NO_CLOCK, 'filed', 'file', at('2026-03-06T16:00:00Z')), 'dispatched', 'dispatch', now);
    expect(c).toEqual({
      stage: 'accept',
      stageStartedAt: now,
      stageDeadline: at('2026-03-09T09:30:00Z'),
      // 48 office minutes: 30 on Friday, 18 on Monday.
      yellowAt: at('2026-03-09T09:18:00Z'),
      disposeStartedAt: now,
      // 960 office minutes: 30 Fri + 480 Mon + 450 Tue.
      disposeDeadline: at('2026-03-10T16:30:00Z'),
      disposeUnit: 'work_days',
      pausedRemaining: null,
      stageDeadlineEstimated: false,
      disposeDeadlineEstimated: false,
    });
  });

  it('accept keeps the Friday disposal window; its yellow point is 768 office minutes in', () => {
    const dispatched = go(NO_CLOCK, 'dispatched', 'dispatch', at('2026-03-06T16:30:00Z'));
    const c = go(dispatched, 'in_progress', 'accept', at('2026-03-09T09:05:00Z'));
    expect(c).toMatchObject({
      stage: 'dispose',
      stageStartedAt: at('2026-03-06T16:30:00Z'),
      stageDeadline: at('2026-03-10T16:30:00Z'),
      // 30 Fri + 480 Mon + 258 Tue → Tuesday 13:18.
      yellowAt: at('2026-03-10T13:18:00Z'),
    });
  });

  it('parking keeps office minutes left; restore measures them again from the restore time', () => {
    const dispatched = go(NO_CLOCK, 'dispatched', 'dispatch', at('2026-03-05T11:00:00Z')); // Thursday
    const working = go(dispatched, 'in_progress', 'accept', at('2026-03-05T11:30:00Z'));
    expect(working.disposeDeadline).toEqual(at('2026-03-09T11:00:00Z'));
    const parked = go(working, 'parked', 'approve_park', at('2026-03-06T16:00:00Z')); // Friday
    expect(parked.pausedRemaining).toBe(180);
    const now = at('2026-03-11T10:00:00Z'); // Wednesday
    const c = go(parked, 'in_progress', 'restore', now);
    expect(c).toMatchObject({
      stage: 'dispose',
      stageStartedAt: now,
      stageDeadline: at('2026-03-11T13:00:00Z'),
      yellowAt: at('2026-03-11T12:24:00Z'),
      disposeDeadline: at('2026-03-11T13:00:00Z'),
      pausedRemaining: null,
    });
  });

  it('a restore on a weekend starts counting on Monday morning', () => {
    const working = go(
      go(NO_CLOCK, 'dispatched', 'dispatch', at('2026-03-05T11:00:00Z')),
      'in_progress',
      'accept',
      at('2026-03-05T11:30:00Z'),
    );
    const parked = go(working, 'parked', 'approve_park', at('2026-03-06T16:00:00Z'));
    const c = go(parked, 'in_progress', 'restore', at('2026-03-14T10:00:00Z')); // Saturday
    expect(c.disposeDeadline).toEqual(at('2026-03-16T12:00:00Z'));
  });
});
