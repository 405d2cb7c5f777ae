import { describe, expect, it } from 'vitest';
import { NO_CLOCK, nextClock, recomputeEstimatedClock } from '../cases/timers';
import {
  type CalendarData,
  checkHolidayYear,
  createCalendar,
  DEFAULT_CALENDAR,
  type HolidayImportRow,
  holidayCoverage,
  holidayYearDays,
  withHolidayYear,
} from '.';
import { at, show } from './test-helpers';

// The notice for 2027 as a city would import it (元旦 Fri 1 Jan 2027 to Sun 3 Jan; a test excerpt).
const ROWS_2027: HolidayImportRow[] = [
  { row: 2, date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { row: 3, date: '2027-01-02', kind: 'holiday', name: '元旦' },
  { row: 4, date: '2027-01-03', kind: 'holiday', name: '元旦' },
  { row: 5, date: '2027-02-06', kind: 'makeup', name: '春节' }, // Saturday
];
const with2027 = withHolidayYear(DEFAULT_CALENDAR, 2027, ROWS_2027);
const builtIn = createCalendar(DEFAULT_CALENDAR);
const imported = createCalendar(with2027);

describe('a year without holiday data counts weekends only and is never guessed', () => {
  it('the built-in calendar knows 2025 and 2026 only', () => {
    expect(builtIn.holidayYears).toEqual([2025, 2026]);
    expect(builtIn.hasHolidayData(2026)).toBe(true);
    expect(builtIn.hasHolidayData(2027)).toBe(false);
  });

  it('元旦 2027 (a Friday) is a working day until 2027 is imported, then a holiday', () => {
    expect(builtIn.isWorkingDay('2027-01-01')).toBe(true);
    expect(builtIn.isWorkingDay('2027-01-02')).toBe(false); // Saturday, weekends still count
    expect(imported.isWorkingDay('2027-01-01')).toBe(false);
    expect(imported.isWorkingDay('2027-02-06')).toBe(true); // 调休 Saturday
  });

  it('holiday dates listed for a year not marked as known are not applied', () => {
    const partial: CalendarData = {
      ...DEFAULT_CALENDAR,
      holidays: [...DEFAULT_CALENDAR.holidays, '2027-01-01'],
    };
    expect(createCalendar(partial).isWorkingDay('2027-01-01')).toBe(true);
  });

  it('a window on the office clock over an unknown year is an estimate; natural days and known years are not', () => {
    expect(builtIn.isEstimated(at('2026-12-30T10:00'), at('2027-01-04T10:00'), 'work_days')).toBe(true);
    expect(builtIn.isEstimated(at('2026-12-30T10:00'), at('2027-01-04T10:00'), 'work_hours')).toBe(true);
    expect(builtIn.isEstimated(at('2026-12-30T10:00'), at('2027-01-04T10:00'), 'natural_days')).toBe(false);
    expect(builtIn.isEstimated(at('2026-12-30T10:00'), at('2027-01-04T10:00'), 'urgent_hours')).toBe(false);
    expect(builtIn.isEstimated(at('2026-12-28T10:00'), at('2026-12-31T17:30'), 'work_days')).toBe(false);
    expect(imported.isEstimated(at('2026-12-30T10:00'), at('2027-01-05T10:00'), 'work_days')).toBe(false);
  });

  it('a 3-working-day deadline from Wed 30 Dec 2026: Mon 4 Jan estimated, Tue 5 Jan once 元旦 is known', () => {
    const start = at('2026-12-30T10:00');
    expect(show(builtIn.deadline(start, { value: 3, unit: 'work_days' }))).toBe('2027-01-04T10:00');
    expect(show(imported.deadline(start, { value: 3, unit: 'work_days' }))).toBe('2027-01-05T10:00');
  });
});

describe('the case clock marks estimated deadlines (期限暂估) and recomputes them after the import', () => {
  const limits = { dispose: { value: 3, unit: 'work_days' as const } };
  const dispatchedAt = at('2026-12-30T10:00');
  const dispatched = nextClock(builtIn, NO_CLOCK, {
    to: 'dispatched',
    action: 'dispatch',
    now: dispatchedAt,
    limits,
  });

  it('dispatch across 元旦 2027 marks the disposal deadline as estimated; accept is not (2 work hours in 2026)', () => {
    expect(show(dispatched.disposeDeadline!)).toBe('2027-01-04T10:00');
    expect(dispatched.disposeDeadlineEstimated).toBe(true);
    expect(dispatched.stageDeadlineEstimated).toBe(false);
  });

  it('in the disposal stage the stage deadline carries the disposal flag', () => {
    const c = nextClock(builtIn, dispatched, {
      to: 'in_progress',
      action: 'accept',
      now: at('2026-12-30T11:00'),
      limits,
    });
    expect(c.stageDeadlineEstimated).toBe(true);
    const r = recomputeEstimatedClock(builtIn, imported, c, 'work_days');
    expect(show(r.disposeDeadline!)).toBe('2027-01-05T10:00');
    expect(show(r.stageDeadline!)).toBe('2027-01-05T10:00');
    expect(r.disposeDeadlineEstimated).toBe(false);
    expect(r.stageDeadlineEstimated).toBe(false);
    expect(r.yellowAt!.getTime()).toBeGreaterThan(c.yellowAt!.getTime());
  });

  it('a granted deadline is never an estimate', () => {
    const c = nextClock(builtIn, dispatched, {
      to: 'dispatched',
      action: 'approve_extension',
      now: at('2026-12-30T12:00'),
      limits,
      newDisposeDeadline: at('2027-01-08T17:30'),
    });
    expect(c.disposeDeadlineEstimated).toBe(false);
  });

  it('a window that still crosses an unknown year stays estimated after the recompute', () => {
    const c = nextClock(builtIn, NO_CLOCK, {
      to: 'dispatched',
      action: 'dispatch',
      now: at('2027-12-30T10:00'),
      limits,
    });
    const r = recomputeEstimatedClock(builtIn, imported, c, 'work_days');
    expect(r.disposeDeadlineEstimated).toBe(true);
  });
});

describe('holidayCoverage: the warning from 1 November (city time)', () => {
  it('31 October 2026 23:59 Beijing time: nothing missing; 1 November 00:00: 2027 missing', () => {
    expect(holidayCoverage(DEFAULT_CALENDAR, at('2026-10-31T23:59')).missingYears).toEqual([]);
    expect(holidayCoverage(DEFAULT_CALENDAR, at('2026-10-31T23:59')).message).toBeNull();
    const nov = holidayCoverage(DEFAULT_CALENDAR, at('2026-11-01T00:00'));
    expect(nov.missingYears).toEqual([2027]);
    expect(nov.message).toContain('2027 年');
  });

  it('the current year missing is reported all year; an imported year clears it', () => {
    expect(holidayCoverage(DEFAULT_CALENDAR, at('2027-03-01T09:00')).missingYears).toEqual([2027]);
    expect(holidayCoverage(with2027, at('2027-03-01T09:00')).missingYears).toEqual([]);
    expect(holidayCoverage(with2027, at('2027-11-01T09:00')).missingYears).toEqual([2028]);
  });
});

describe('checkHolidayYear: one year of the notice', () => {
  it('accepts the notice', () => {
    expect(checkHolidayYear(2027, ROWS_2027)).toEqual([]);
  });

  it('lists every bad row with its column: other year, duplicate, weekday make-up day, no name, bad date', () => {
    const issues = checkHolidayYear(2027, [
      ...ROWS_2027,
      { row: 6, date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { row: 7, date: '2027-01-02', kind: 'holiday', name: '元旦' },
      { row: 8, date: '2027-02-03', kind: 'makeup', name: '春节' }, // Wednesday
      { row: 9, date: '2027-02-07', kind: 'holiday', name: ' ' },
      { row: 10, date: '2027-02-30', kind: 'holiday', name: '春节' },
    ]);
    expect(issues).toEqual([
      { row: 6, column: '日期', message: '2026-10-01 不属于 2027 年' },
      { row: 7, column: '日期', message: '2027-01-02 与第 3 行重复' },
      { row: 8, column: '类型', message: expect.stringContaining('周三') },
      { row: 9, column: '名称', message: expect.stringContaining('名称') },
      { row: 10, column: '日期', message: '“2027-02-30”不是有效日期' },
    ]);
  });

  it('a file without 元旦 among the days off is the wrong year', () => {
    const issues = checkHolidayYear(2027, ROWS_2027.slice(1));
    expect(issues).toEqual([{ row: null, column: null, message: expect.stringContaining('元旦') }]);
    expect(checkHolidayYear(2027, [])).toHaveLength(1);
  });
});

describe('withHolidayYear replaces one year and keeps the others', () => {
  it('re-importing 2026 with fewer days drops the old 2026 days only', () => {
    const next = withHolidayYear(DEFAULT_CALENDAR, 2026, [
      { date: '2026-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect(holidayYearDays(next, 2026)).toEqual([{ date: '2026-01-01', kind: 'holiday', name: '元旦' }]);
    expect(holidayYearDays(next, 2025)).toEqual(holidayYearDays(DEFAULT_CALENDAR, 2025));
    expect(next.holidayYears).toEqual([2025, 2026]);
    expect(holidayYearDays(with2027, 2027).map((d) => d.kind)).toEqual([
      'holiday',
      'holiday',
      'holiday',
      'makeup',
    ]);
  });
});
