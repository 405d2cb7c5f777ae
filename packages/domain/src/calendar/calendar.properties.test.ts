/*
 * Properties over many deterministic pseudo-random instants, and a check against a naive oracle that
 * walks minute by minute with its own reading of the holiday lists (slow, so only in tests).
 */
import { describe, expect, it } from 'vitest';
import {
  CN_HOLIDAYS,
  CN_MAKEUP_WORKDAYS,
  createCalendar,
  DEFAULT_CALENDAR,
  type TimeUnit,
  trafficLight,
} from '.';
import { at, seededRandom, show } from './test-helpers';

const cal = createCalendar(DEFAULT_CALENDAR);
const MINUTE = 60_000;
const FROM = at('2024-12-20T00:00').getTime();
const TO = at('2027-01-10T00:00').getTime();
const UNITS: TimeUnit[] = ['urgent_hours', 'work_hours', 'work_days', 'natural_days'];

/** Random instants in 2025–2026 at millisecond precision (so not aligned to office boundaries). */
function instants(seed: number, n: number): Date[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, () => new Date(FROM + Math.floor(rand() * (TO - FROM))));
}

/** Whether the Beijing minute starting at t is office time, read straight off the wall clock. */
function isOfficeMinute(t: number): boolean {
  const local = new Date(t + 8 * 3_600_000);
  const iso = local.toISOString().slice(0, 10);
  const weekday = local.getUTCDay();
  const working =
    CN_MAKEUP_WORKDAYS.includes(iso) || (weekday >= 1 && weekday <= 5 && !CN_HOLIDAYS.includes(iso));
  const hhmm = local.toISOString().slice(11, 16);
  return working && ((hhmm >= '08:30' && hhmm < '12:00') || (hhmm >= '14:00' && hhmm < '17:30'));
}

/** Deadline by counting office minutes one at a time from a minute-aligned start. */
function oracleDeadline(start: Date, minutes: number): string {
  let counted = 0;
  for (let t = start.getTime(); ; t += MINUTE) {
    if (isOfficeMinute(t) && ++counted === minutes) return show(new Date(t + MINUTE));
  }
}

describe('against the minute-by-minute oracle', () => {
  const rand = seededRandom(7);
  // Minute-aligned starts, plus some pinned around holidays where mistakes would hide.
  const pinned = [
    '2025-09-26T16:17',
    '2025-12-31T11:59',
    '2026-02-13T17:29',
    '2026-09-18T12:00',
    '2026-09-30T17:01',
  ];
  const cases = [
    ...pinned.map((s) => [s, 1 + Math.floor(rand() * 1500)] as const),
    ...Array.from({ length: 120 }, () => {
      const t = FROM + Math.floor((rand() * (TO - FROM - 30 * 86_400_000)) / MINUTE) * MINUTE;
      return [show(new Date(t)), 1 + Math.floor(rand() * 1500)] as const;
    }),
  ];
  it.each(cases)('%s + %s office minutes', (start, minutes) => {
    const expected = oracleDeadline(at(start), minutes);
    expect(show(cal.deadline(at(start), { value: minutes / 60, unit: 'work_hours' }))).toBe(expected);
    expect(show(cal.addMeasure(at(start), minutes, 'work_days'))).toBe(expected);
  });
});

describe('measure and addMeasure', () => {
  const rand = seededRandom(42);
  const starts = instants(1, 300);

  it.each(UNITS)('round-trip: measure(a, addMeasure(a, m)) = m (%s)', (unit) => {
    for (const a of starts) {
      const m = Math.round(rand() * 30_000 * 1000) / 1000; // up to ~71 office days, ms precision
      expect(cal.measure(a, cal.addMeasure(a, m, unit), unit)).toBeCloseTo(m, 6);
    }
  });

  it.each(UNITS)('addMeasure(a, measure(a, b)) is the earliest instant with that measure (%s)', (unit) => {
    const ends = instants(2, starts.length);
    starts.forEach((a, i) => {
      const b = ends[i]!;
      const back = cal.addMeasure(a, cal.measure(a, b, unit), unit);
      expect(back.getTime()).toBeLessThanOrEqual(Math.max(a.getTime(), b.getTime()));
      expect(cal.measure(back, b, unit)).toBe(0);
      // Inside office time (the last millisecond before b counts) it lands exactly on b.
      if (b > a && cal.measure(new Date(b.getTime() - 1), b, unit) > 0)
        expect(back.getTime()).toBe(b.getTime());
    });
  });

  it.each(UNITS)('is additive: measure(a, c) = measure(a, b) + measure(b, c) (%s)', (unit) => {
    const mids = instants(3, starts.length);
    const ends = instants(4, starts.length);
    starts.forEach((a, i) => {
      const [x, y, z] = [a, mids[i]!, ends[i]!].sort((p, q) => p.getTime() - q.getTime()) as [
        Date,
        Date,
        Date,
      ];
      expect(cal.measure(x, z, unit)).toBeCloseTo(cal.measure(x, y, unit) + cal.measure(y, z, unit), 6);
    });
  });

  it('never gives more office minutes than real minutes', () => {
    const ends = instants(5, starts.length);
    starts.forEach((a, i) => {
      expect(cal.measure(a, ends[i]!, 'work_hours')).toBeLessThanOrEqual(
        cal.measure(a, ends[i]!, 'urgent_hours'),
      );
    });
  });
});

describe('deadline', () => {
  const starts = instants(6, 200);

  it.each(UNITS)('grows with the limit and never precedes the start (%s)', (unit) => {
    for (const s of starts) {
      const [d1, d2] = [cal.deadline(s, { value: 1, unit }), cal.deadline(s, { value: 1.5, unit })];
      expect(d1.getTime()).toBeGreaterThan(s.getTime());
      expect(d2.getTime()).toBeGreaterThan(d1.getTime());
    }
  });

  it('a work_day is exactly seven work_hours', () => {
    for (const s of starts) {
      expect(cal.deadline(s, { value: 3, unit: 'work_days' })).toEqual(
        cal.deadline(s, { value: 21, unit: 'work_hours' }),
      );
    }
  });
});

describe('yellowAt and the light', () => {
  const starts = instants(8, 200);
  const rand = seededRandom(9);

  it.each(UNITS)('yellowAt is where the light turns from green to yellow (%s)', (unit) => {
    for (const s of starts) {
      const due = cal.deadline(s, { value: 0.1 + rand() * 20, unit });
      const y = cal.yellowAt(s, due, unit);
      expect(y.getTime()).toBeLessThanOrEqual(due.getTime());
      expect(trafficLight(cal.elapsedFraction(s, due, y, unit))).toBe('yellow');
      expect(trafficLight(cal.elapsedFraction(s, due, new Date(y.getTime() - 1), unit))).toBe('green');
      expect(trafficLight(cal.elapsedFraction(s, due, due, unit))).toBe('yellow');
      expect(trafficLight(cal.elapsedFraction(s, due, new Date(due.getTime() + 1), unit))).toBe('red');
    }
  });
});
