import { describe, expect, it } from 'vitest';
import {
  type CaseCounters,
  COUNTER_KEYS,
  type CounterEvent,
  computeCounters,
  ratesOf,
  sumCounters,
} from './counters';

const T0 = Date.parse('2026-03-02T00:00:00Z');
/** An instant `min` minutes after T0. */
const t = (min: number) => new Date(T0 + min * 60_000);

function ev(
  type: string,
  atMin: number,
  opts: { deadlineBefore?: number | null; disposeDeadline?: number | null } = {},
): CounterEvent {
  const d = (m: number | null | undefined) => (m === null || m === undefined ? null : t(m));
  return {
    type,
    at: t(atMin),
    deadlineBefore: d(opts.deadlineBefore),
    disposeDeadline: d(opts.disposeDeadline),
  };
}

const ZERO: CaseCounters = {
  reported: 0,
  filed: 0,
  voidedAfterFiling: 0,
  needDispatch: 0,
  dispatchedOnTime: 0,
  dispatches: 0,
  returns: 0,
  needDispose: 0,
  disposed: 0,
  disposedOnTime: 0,
  feedbacks: 0,
  reworks: 0,
  needClose: 0,
  closed: 0,
  closedOnTime: 0,
  disposeMinutes: 0,
};

/** Disposal deadline 2 days after the dispatch at minute 60. */
const DISPOSE_BY = 60 + 2 * 1440;

/** report → file → dispatch → accept → feedback at `feedbackAt` → verify_pass. */
function closedCase(feedbackAt: number, dispatchAt = 60, dispatchDeadline = 120): CounterEvent[] {
  return [
    ev('report', 0),
    ev('verify_report', 10),
    ev('file', 20),
    ev('dispatch', dispatchAt, { deadlineBefore: dispatchDeadline, disposeDeadline: DISPOSE_BY }),
    ev('accept', dispatchAt + 30, { disposeDeadline: DISPOSE_BY }),
    ev('submit_feedback', feedbackAt, { disposeDeadline: DISPOSE_BY }),
    ev('verify_pass', feedbackAt + 60, { disposeDeadline: DISPOSE_BY }),
  ];
}

describe('computeCounters', () => {
  it('counts a case closed on time through the whole loop', () => {
    expect(computeCounters(closedCase(600))).toEqual({
      ...ZERO,
      reported: 1,
      filed: 1,
      needDispatch: 1,
      dispatchedOnTime: 1,
      dispatches: 1,
      needDispose: 1,
      disposed: 1,
      disposedOnTime: 1,
      feedbacks: 1,
      needClose: 1,
      closed: 1,
      closedOnTime: 1,
      disposeMinutes: 540,
    });
  });

  it('a case only reported counts as reported and nothing else', () => {
    expect(computeCounters([ev('report', 0)])).toEqual({ ...ZERO, reported: 1 });
  });

  describe('dispatch on time', () => {
    it('is on time up to and including the dispatch deadline, late one millisecond after', () => {
      expect(computeCounters(closedCase(600, 119)).dispatchedOnTime).toBe(1);
      expect(computeCounters(closedCase(600, 120)).dispatchedOnTime).toBe(1);
      const late = closedCase(600, 120);
      late[3] = { ...late[3]!, at: new Date(t(120).getTime() + 1) };
      expect(computeCounters(late)).toMatchObject({ needDispatch: 1, dispatchedOnTime: 0, dispatches: 1 });
    });

    it('is judged on the first dispatch: a timely re-dispatch after a return does not repair a late one', () => {
      const c = computeCounters([
        ev('report', 0),
        ev('file', 10),
        ev('dispatch', 200, { deadlineBefore: 70 }),
        ev('return', 230),
        ev('dispatch', 240, { deadlineBefore: 300 }),
      ]);
      expect(c).toMatchObject({ dispatches: 2, returns: 1, needDispatch: 1, dispatchedOnTime: 0 });
    });

    it('a dispatch with no deadline in force counts as on time', () => {
      const c = computeCounters([ev('file', 0), ev('dispatch', 5000, { deadlineBefore: null })]);
      expect(c.dispatchedOnTime).toBe(1);
    });
  });

  describe('disposal and closing on time', () => {
    it('a feedback at the disposal deadline is on time; after it, late and so is the close', () => {
      expect(computeCounters(closedCase(DISPOSE_BY))).toMatchObject({ disposedOnTime: 1, closedOnTime: 1 });
      const late = computeCounters(closedCase(DISPOSE_BY + 1));
      expect(late).toMatchObject({
        needDispose: 1,
        disposed: 1,
        disposedOnTime: 0,
        needClose: 1,
        closed: 1,
        closedOnTime: 0,
      });
    });

    it('a feedback with no disposal deadline in force is on time', () => {
      const c = computeCounters([
        ev('file', 0),
        ev('dispatch', 1),
        ev('submit_feedback', 99_999),
        ev('verify_pass', 100_000),
      ]);
      expect(c).toMatchObject({ disposedOnTime: 1, closedOnTime: 1 });
    });

    it('an extension granted before the feedback is what the feedback is judged against', () => {
      const extended = DISPOSE_BY + 1440;
      const c = computeCounters([
        ev('file', 0),
        ev('dispatch', 60, { deadlineBefore: 120, disposeDeadline: DISPOSE_BY }),
        ev('request_extension', 100, { disposeDeadline: DISPOSE_BY }),
        ev('approve_extension', 200, { disposeDeadline: extended }),
        ev('submit_feedback', DISPOSE_BY + 600, { disposeDeadline: extended }),
        ev('verify_pass', DISPOSE_BY + 700, { disposeDeadline: extended }),
      ]);
      expect(c).toMatchObject({ disposedOnTime: 1, closedOnTime: 1 });
    });
  });

  describe('应结案 = closed + overdue-not-closed', () => {
    it('an overdue case not yet closed is owed a close (and a disposal) but has neither', () => {
      const c = computeCounters([
        ev('report', 0),
        ev('file', 10),
        ev('dispatch', 60, { deadlineBefore: 120, disposeDeadline: DISPOSE_BY }),
        ev('accept', 90),
        ev('overdue', DISPOSE_BY + 1),
      ]);
      expect(c).toMatchObject({
        needDispose: 1,
        disposed: 0,
        disposedOnTime: 0,
        needClose: 1,
        closed: 0,
        closedOnTime: 0,
      });
      expect(ratesOf(c).closeRate).toBe(0);
    });

    it('an open case that is not overdue is not owed anything yet', () => {
      const c = computeCounters([
        ev('report', 0),
        ev('file', 10),
        ev('dispatch', 60, { deadlineBefore: 120, disposeDeadline: DISPOSE_BY }),
        ev('accept', 90),
      ]);
      expect(c).toMatchObject({ needDispose: 0, disposed: 0, needClose: 0, closed: 0 });
      expect(ratesOf(c).closeRate).toBeNull();
    });

    it('a disposed but not yet verified case is owed a disposal, not a close', () => {
      const c = computeCounters(closedCase(600).slice(0, -1));
      expect(c).toMatchObject({ needDispose: 1, disposed: 1, disposedOnTime: 1, needClose: 0, closed: 0 });
    });

    it('an overdue case later closed counts once in 应结案, closed but not on time', () => {
      const events = closedCase(DISPOSE_BY + 100);
      events.splice(5, 0, ev('overdue', DISPOSE_BY + 1));
      expect(computeCounters(events)).toMatchObject({ needClose: 1, closed: 1, closedOnTime: 0 });
    });

    it('once overdue, never on time, even if a rework later meets a new deadline', () => {
      const newDeadline = DISPOSE_BY + 3 * 1440;
      const c = computeCounters([
        ev('file', 0),
        ev('dispatch', 60, { deadlineBefore: 120, disposeDeadline: DISPOSE_BY }),
        ev('overdue', DISPOSE_BY + 1, { disposeDeadline: DISPOSE_BY }),
        ev('submit_feedback', DISPOSE_BY + 60, { disposeDeadline: DISPOSE_BY }),
        ev('verify_fail', DISPOSE_BY + 120, { disposeDeadline: newDeadline }),
        ev('submit_feedback', DISPOSE_BY + 600, { disposeDeadline: newDeadline }),
        ev('verify_pass', DISPOSE_BY + 700, { disposeDeadline: newDeadline }),
      ]);
      expect(c).toMatchObject({ reworks: 1, feedbacks: 2, disposedOnTime: 0, closed: 1, closedOnTime: 0 });
    });

    // BUG: only the LAST feedback is compared with its deadline. When a first feedback is late but the
    // sweeper has not yet written 'overdue' (it runs periodically), a rework restarts the clock and a
    // timely second feedback makes the case count as 按期处置/按期结案 — contrary to the rule the code
    // states ("a late feedback counts as not on time"; "once overdue, never on time").
    it('a late first feedback is not repaired by a timely feedback after rework (no overdue event yet)', () => {
      const newDeadline = DISPOSE_BY + 3 * 1440;
      const c = computeCounters([
        ev('file', 0),
        ev('dispatch', 60, { deadlineBefore: 120, disposeDeadline: DISPOSE_BY }),
        ev('submit_feedback', DISPOSE_BY + 1, { disposeDeadline: DISPOSE_BY }),
        ev('verify_fail', DISPOSE_BY + 30, { disposeDeadline: newDeadline }),
        ev('submit_feedback', DISPOSE_BY + 600, { disposeDeadline: newDeadline }),
        ev('verify_pass', DISPOSE_BY + 700, { disposeDeadline: newDeadline }),
      ]);
      expect(c).toMatchObject({ disposedOnTime: 0, closedOnTime: 0 });
    });

    it('a rework meeting its new deadline stays on time when nothing was ever late', () => {
      const newDeadline = DISPOSE_BY + 3 * 1440;
      const c = computeCounters([
        ev('file', 0),
        ev('dispatch', 60, { deadlineBefore: 120, disposeDeadline: DISPOSE_BY }),
        ev('submit_feedback', 600, { disposeDeadline: DISPOSE_BY }),
        ev('verify_fail', 700, { disposeDeadline: newDeadline }),
        ev('submit_feedback', DISPOSE_BY + 600, { disposeDeadline: newDeadline }),
        ev('verify_pass', DISPOSE_BY + 700, { disposeDeadline: newDeadline }),
      ]);
      expect(c).toMatchObject({ disposedOnTime: 1, closedOnTime: 1, reworks: 1 });
    });
  });

  it('counts every return, re-dispatch, feedback and rework', () => {
    const c = computeCounters([
      ev('report', 0),
      ev('file', 10),
      ev('dispatch', 20, { deadlineBefore: 70 }),
      ev('return', 30),
      ev('dispatch', 40, { deadlineBefore: 90 }),
      ev('return', 50),
      ev('dispatch', 60, { deadlineBefore: 110 }),
      ev('accept', 70),
      ev('submit_feedback', 100),
      ev('verify_fail', 110),
      ev('submit_feedback', 200),
      ev('verify_fail', 210),
      ev('submit_feedback', 300),
      ev('verify_pass', 310),
    ]);
    expect(c).toMatchObject({ dispatches: 3, returns: 2, feedbacks: 3, reworks: 2, disposed: 1, closed: 1 });
    const r = ratesOf(c);
    expect(r.returnRate).toBeCloseTo(2 / 3, 10);
    expect(r.reworkRate).toBeCloseTo(2 / 3, 10);
  });

  it('measures disposal from the first dispatch to the last feedback, in whole minutes', () => {
    const c = computeCounters([
      ev('file', 0),
      ev('dispatch', 10),
      ev('return', 20),
      ev('dispatch', 30),
      ev('submit_feedback', 100),
      ev('verify_fail', 110),
      { ...ev('submit_feedback', 200), at: new Date(t(200).getTime() + 31_000) },
      ev('verify_pass', 300),
    ]);
    expect(c.disposeMinutes).toBe(191);
    expect(ratesOf(c).avgDisposeHours).toBeCloseTo(191 / 60, 10);
  });

  it('has no disposal time without both a dispatch and a feedback', () => {
    expect(computeCounters([ev('file', 0), ev('dispatch', 10)]).disposeMinutes).toBe(0);
    expect(computeCounters([ev('report', 0), ev('submit_feedback', 10)]).disposeMinutes).toBe(0);
  });

  describe('void (作废)', () => {
    it('after filing counts as an inaccurate filing', () => {
      const c = computeCounters([ev('report', 0), ev('file', 10), ev('void', 20)]);
      expect(c).toMatchObject({ reported: 1, filed: 1, voidedAfterFiling: 1, closed: 0, needClose: 0 });
      expect(ratesOf(c).accurateFilingRate).toBe(0);
    });

    it('before filing is just a rejected report', () => {
      const c = computeCounters([ev('report', 0), ev('void', 20)]);
      expect(c).toEqual({ ...ZERO, reported: 1 });
      expect(ratesOf(c).accurateFilingRate).toBeNull();
    });

    // QUESTIONABLE: needDispatch = filed && !selfHandled, so a case voided after filing (it never needed a
    // dispatch) and a case filed a minute ago (not yet due) both count in 应派遣 and lower 按时派遣率.
    // By analogy with 应结案 = closed + overdue-not-closed, 应派遣 should be dispatched + overdue-not-dispatched.
    it('a case voided after filing is not owed a dispatch', () => {
      const c = computeCounters([ev('report', 0), ev('file', 10), ev('void', 20)]);
      expect(c.needDispatch).toBe(0);
    });
  });

  describe('self-handling (自处理)', () => {
    it('a confirmed self-handled case is filed, closed on time and owed no dispatch or disposal', () => {
      const c = computeCounters([ev('report', 0), ev('confirm_self_handled', 30)]);
      expect(c).toEqual({
        ...ZERO,
        reported: 1,
        filed: 1,
        needClose: 1,
        closed: 1,
        closedOnTime: 1,
      });
    });

    it('a self-handled case that was overdue is still closed on time (it never had a disposal deadline)', () => {
      const c = computeCounters([ev('report', 0), ev('overdue', 100), ev('confirm_self_handled', 130)]);
      expect(c).toMatchObject({ needClose: 1, closed: 1, closedOnTime: 1 });
    });

    // BUG: reject_self_handled moves the case to 'filed' (workflow.ts) but counters only count a 'file'
    // event as filing, so a rejected self-handling that is then dispatched and closed has filed 0 and
    // needDispatch 0 while dispatches 1 and closed 1 (it drops out of 立案数 and 应派遣数).
    it('a rejected self-handling then dispatched and closed counts as filed and owed a dispatch', () => {
      const c = computeCounters([
        ev('report', 0),
        ev('reject_self_handled', 30),
        ev('dispatch', 60, { deadlineBefore: 120, disposeDeadline: DISPOSE_BY }),
        ev('accept', 90),
        ev('submit_feedback', 600, { disposeDeadline: DISPOSE_BY }),
        ev('verify_pass', 700, { disposeDeadline: DISPOSE_BY }),
      ]);
      expect(c).toMatchObject({ filed: 1, needDispatch: 1, dispatchedOnTime: 1, closed: 1 });
    });
  });

  it('ignores events that carry no counter (comments, supervision, lights)', () => {
    const base = closedCase(600);
    const noisy = [...base];
    noisy.splice(4, 0, ev('comment', 70), ev('supervise', 75), ev('light', 80), ev('auto_supervise', 85));
    expect(computeCounters(noisy)).toEqual(computeCounters(base));
  });

  it('does not depend on anything but the events (same log, same counters)', () => {
    const events = closedCase(DISPOSE_BY + 5);
    expect(computeCounters(events)).toEqual(computeCounters(events.map((e) => ({ ...e }))));
  });
});

describe('ratesOf', () => {
  it('gives null for every rate whose denominator is zero', () => {
    expect(ratesOf(ZERO)).toEqual({
      closeRate: null,
      onTimeCloseRate: null,
      onTimeDisposeRate: null,
      reworkRate: null,
      returnRate: null,
      accurateFilingRate: null,
      onTimeDispatchRate: null,
      avgDisposeHours: null,
    });
  });

  it('divides each numerator by its own denominator', () => {
    const c: CaseCounters = {
      reported: 120,
      filed: 100,
      voidedAfterFiling: 4,
      needDispatch: 90,
      dispatchedOnTime: 81,
      dispatches: 95,
      returns: 5,
      needDispose: 80,
      disposed: 72,
      disposedOnTime: 60,
      feedbacks: 90,
      reworks: 18,
      needClose: 75,
      closed: 70,
      closedOnTime: 54,
      disposeMinutes: 72 * 300,
    };
    expect(ratesOf(c)).toEqual({
      closeRate: 70 / 75,
      onTimeCloseRate: 54 / 75,
      onTimeDisposeRate: 60 / 80,
      reworkRate: 18 / 90,
      returnRate: 5 / 95,
      accurateFilingRate: 96 / 100,
      onTimeDispatchRate: 81 / 90,
      avgDisposeHours: 5,
    });
  });
});

describe('sumCounters', () => {
  it('lists all 16 counters as its keys', () => {
    expect([...COUNTER_KEYS].sort()).toEqual(Object.keys(ZERO).sort());
  });

  it('sums nothing to zeros', () => {
    expect(sumCounters([])).toEqual(ZERO);
  });

  it('adds every counter across cases and leaves the rows untouched', () => {
    const a = computeCounters(closedCase(600));
    const b = computeCounters([ev('report', 0), ev('file', 10), ev('void', 20)]);
    const aCopy = { ...a };
    const total = sumCounters([a, b, a]);
    for (const k of COUNTER_KEYS) expect(total[k]).toBe(2 * a[k] + b[k]);
    expect(total).toMatchObject({
      reported: 3,
      filed: 3,
      voidedAfterFiling: 1,
      closed: 2,
      disposeMinutes: 1080,
    });
    expect(a).toEqual(aCopy);
  });
});

describe('the 天门 2016-12 bulletin (受理 1054, 立案 996, 应结案 972, 结案 911, 按期 737)', () => {
  const onTime = Array.from({ length: 737 }, () => closedCase(600));
  const lateClosed = Array.from({ length: 911 - 737 }, (_, i) => closedCase(DISPOSE_BY + 1 + i));
  const overdueOpen = Array.from({ length: 972 - 911 }, () => [
    ev('report', 0),
    ev('file', 10),
    ev('dispatch', 60, { deadlineBefore: 120, disposeDeadline: DISPOSE_BY }),
    ev('accept', 90),
    ev('overdue', DISPOSE_BY + 1),
  ]);
  const openInTime = Array.from({ length: 996 - 972 }, () => [
    ev('report', 0),
    ev('file', 10),
    ev('dispatch', 60, { deadlineBefore: 120, disposeDeadline: DISPOSE_BY }),
  ]);
  const notFiled = Array.from({ length: 1054 - 996 }, () => [ev('report', 0), ev('void', 30)]);
  const total = sumCounters(
    [...onTime, ...lateClosed, ...overdueOpen, ...openInTime, ...notFiled].map(computeCounters),
  );
  const pct = (r: number | null) => (r === null ? null : (r * 100).toFixed(2));

  it('sums the synthetic cases to the published counts', () => {
    expect(total).toMatchObject({
      reported: 1054,
      filed: 996,
      needClose: 972,
      closed: 911,
      closedOnTime: 737,
    });
  });

  it('gives 结案率 93.72 % and 按期结案率 75.82 %', () => {
    const r = ratesOf(total);
    expect(pct(r.closeRate)).toBe('93.72');
    expect(pct(r.onTimeCloseRate)).toBe('75.82');
  });
});
