import { describe, expect, it } from 'vitest';
import {
  type CalendarData,
  createCalendar,
  DEFAULT_CALENDAR,
  localDate,
  type TimeUnit,
  trafficLight,
} from '.';
import { at, show } from './test-helpers';

// Default calendar: 08:30–12:00 and 14:00–17:30 (420 office minutes a day), national holidays, UTC+8.
// Weekdays used below: 2026-03-06 Fri, 03-07 Sat, 03-09 Mon, 03-10 Tue; 2025-12-31 Wed; 2026-09-30 Wed.
const cal = createCalendar(DEFAULT_CALENDAR);

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-02', true, 'ordinary Monday'],
    ['2026-03-07', false, 'ordinary Saturday'],
    ['2026-03-08', false, 'ordinary Sunday'],
    ['2025-01-01', false, '元旦 2025 (Wed)'],
    ['2025-01-26', true, '春节 2025 make-up Sunday'],
    ['2025-01-28', false, '春节 2025 first day (Tue)'],
    ['2025-02-08', true, '春节 2025 make-up Saturday'],
    ['2025-04-27', true, '劳动节 2025 make-up Sunday'],
    ['2025-10-08', false, '国庆 2025 runs to the 8th (with 中秋)'],
    ['2025-10-11', true, '国庆 2025 make-up Saturday'],
    ['2025-12-31', true, 'last day of 2025 (Wed)'],
    ['2026-01-02', false, '元旦 2026 (Fri)'],
    ['2026-01-04', true, '元旦 2026 make-up Sunday'],
    ['2026-02-14', true, '春节 2026 make-up Saturday'],
    ['2026-02-16', false, '春节 2026 (Mon)'],
    ['2026-02-23', false, '春节 2026 last day (Mon)'],
    ['2026-02-24', true, 'first working day after 春节 2026'],
    ['2026-02-28', true, '春节 2026 make-up Saturday'],
    ['2026-04-06', false, '清明 2026 (Mon)'],
    ['2026-05-09', true, '劳动节 2026 make-up Saturday'],
    ['2026-06-19', false, '端午 2026 (Fri)'],
    ['2026-09-20', true, '国庆 2026 make-up Sunday'],
    ['2026-09-25', false, '中秋 2026 (Fri)'],
    ['2026-10-07', false, '国庆 2026 last day (Wed)'],
    ['2026-10-08', true, 'after 国庆 2026 (Thu)'],
    ['2026-10-10', true, '国庆 2026 make-up Saturday'],
    ['2026-10-11', false, 'Sunday after the make-up Saturday'],
    ['2027-01-01', true, 'a year without data falls back to Mon–Fri'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(cal.isWorkingDay(date)).toBe(expected);
  });

  it('counts 248 working days in 2025 and in 2026 (261 weekdays − 18/19 holidays + 5/6 make-ups)', () => {
    expect(cal.measure(at('2025-01-01T00:00'), at('2026-01-01T00:00'), 'work_days') / 420).toBe(248);
    expect(cal.measure(at('2026-01-01T00:00'), at('2027-01-01T00:00'), 'work_days') / 420).toBe(248);
  });

  it('rejects a malformed or impossible date', () => {
    expect(() => cal.isWorkingDay('2026-13-01')).toThrow('日期 "2026-13-01" 不是有效日期');
    expect(() => cal.isWorkingDay('2026-2-1')).toThrow('不是有效日期');
  });
});

describe('deadline', () => {
  it.each<[string, number, TimeUnit, string, string]>([
    // work_hours: office time only, 08:30–12:00 / 14:00–17:30 on working days.
    ['2026-03-06T16:00', 2, 'work_hours', '2026-03-09T09:00', 'Fri 1.5 h + Mon 0.5 h, over the weekend'],
    ['2026-03-10T07:00', 1, 'work_hours', '2026-03-10T09:30', 'filed 07:00: clock starts 08:30'],
    ['2026-03-10T23:00', 1, 'work_hours', '2026-03-11T09:30', 'filed 23:00: clock starts next 08:30'],
    ['2026-03-07T10:00', 1, 'work_hours', '2026-03-09T09:30', 'filed on a Saturday'],
    ['2026-03-10T12:30', 1, 'work_hours', '2026-03-10T15:00', 'filed in the lunch break: starts 14:00'],
    ['2026-03-10T12:00', 1, 'work_hours', '2026-03-10T15:00', 'filed at 12:00 sharp: morning is over'],
    ['2026-03-10T17:30', 1, 'work_hours', '2026-03-11T09:30', 'filed at 17:30 sharp: day is over'],
    ['2026-03-10T10:00', 2, 'work_hours', '2026-03-10T12:00', 'runs out at 12:00: ends 12:00, not 14:00'],
    ['2026-03-10T15:30', 2, 'work_hours', '2026-03-10T17:30', 'runs out at 17:30: not next 08:30'],
    ['2026-03-10T08:30', 7, 'work_hours', '2026-03-10T17:30', 'exactly one office day'],
    ['2026-03-10T11:45', 0.5, 'work_hours', '2026-03-10T14:15', '15 min before lunch, 15 after'],
    ['2026-03-10T10:00', 0.25, 'work_hours', '2026-03-10T10:15', 'quarter hour'],
    ['2026-03-10T11:00', 1.5, 'work_hours', '2026-03-10T14:30', '1 h to 12:00, 0.5 h after lunch'],
    ['2026-03-10T10:00', 0.01, 'work_hours', '2026-03-10T10:00:36', '36 seconds'],
    // Holidays and 调休 make-up days.
    ['2026-09-30T16:00', 4, 'work_hours', '2026-10-08T11:00', '1.5 h, 国庆 10-1..10-7, 2.5 h on Thu 10-8'],
    ['2026-09-18T16:30', 3, 'work_hours', '2026-09-20T10:30', 'Fri 1 h, Sat off, make-up Sun 9-20 2 h'],
    ['2026-09-24T17:00', 1, 'work_hours', '2026-09-28T09:00', 'Thu 0.5 h, 中秋 9-25..9-27, Mon 0.5 h'],
    ['2026-02-13T16:30', 2, 'work_hours', '2026-02-14T09:30', 'Fri 1 h, make-up Sat 2-14 1 h'],
    ['2026-02-27T17:00', 1, 'work_hours', '2026-02-28T09:00', 'Fri 0.5 h, make-up Sat 2-28 0.5 h'],
    ['2025-12-31T16:30', 2, 'work_hours', '2026-01-04T09:30', 'Wed 1 h, 元旦 1-1..1-3, make-up Sun 1-4'],
    ['2025-01-24T16:00', 4, 'work_hours', '2025-01-26T11:00', 'Fri 1.5 h, make-up Sun 1-26 2.5 h'],
    ['2025-09-30T16:00', 4, 'work_hours', '2025-10-09T11:00', '国庆+中秋 2025 lasts to 10-8'],
    ['2025-10-10T17:00', 1, 'work_hours', '2025-10-11T09:00', 'Fri 0.5 h, make-up Sat 10-11'],
    // work_days: value × 420 office minutes, consumed like work_hours.
    ['2026-03-06T15:00', 2, 'work_days', '2026-03-10T15:00', '14 h: Fri 2.5 + Mon 7 + Tue 4.5'],
    ['2026-03-06T23:00', 2, 'work_days', '2026-03-10T17:30', 'starts Mon 08:30, two full days'],
    ['2026-03-10T08:30', 0.5, 'work_days', '2026-03-10T12:00', 'half a day = 3.5 h = the morning'],
    ['2026-10-08T15:00', 2, 'work_days', '2026-10-10T15:00', 'Thu 2.5 + Fri 7 + make-up Sat 10-10 4.5'],
    ['2026-02-14T15:00', 1, 'work_days', '2026-02-24T15:00', 'make-up Sat 2.5 h, 春节 2-15..2-23, Tue 4.5'],
    ['2025-12-31T23:00', 1, 'work_days', '2026-01-04T17:30', 'next office time is make-up Sun 1-4'],
    // 60 working days from Mon 3-2: 22 in March, 21 in April (清明 4-6 off), May 6–8, make-up
    // Sat 5-9, 11–15, 18–22, 25–27 → the 60th is Wed 5-27.
    ['2026-03-02T08:30', 60, 'work_days', '2026-05-27T17:30', '60 工作日 from a day start'],
    ['2026-03-02T10:00', 60, 'work_days', '2026-05-28T10:00', '60 工作日 from 10:00 ends day 61 at 10:00'],
    // urgent_hours: 24×7, holidays ignored.
    ['2026-09-30T16:00', 4, 'urgent_hours', '2026-09-30T20:00', 'evening counts'],
    ['2026-09-30T23:00', 2, 'urgent_hours', '2026-10-01T01:00', 'into a holiday'],
    ['2026-03-07T10:00', 0.5, 'urgent_hours', '2026-03-07T10:30', 'weekend counts'],
    ['2025-12-31T12:00', 24, 'urgent_hours', '2026-01-01T12:00', 'across the new year'],
    // natural_days: value × 24 h.
    ['2026-09-30T16:00', 3, 'natural_days', '2026-10-03T16:00', 'holidays count'],
    ['2025-12-31T23:00', 1, 'natural_days', '2026-01-01T23:00', 'across the new year'],
    ['2026-03-10T10:00', 0.5, 'natural_days', '2026-03-10T22:00', 'half a day = 12 h'],
    ['2026-02-27T10:00', 2, 'natural_days', '2026-03-01T10:00', 'February 2026 has 28 days'],
    ['2026-01-01T00:00', 3650, 'natural_days', '2035-12-30T00:00', 'years away (2028, 2032 are leap)'],
  ])('%s + %s %s → %s (%s)', (start, value, unit, expected) => {
    expect(show(cal.deadline(at(start), { value, unit }))).toBe(expected);
  });

  it('returns the start itself for a zero limit, even outside office time', () => {
    expect(show(cal.deadline(at('2026-03-07T10:00'), { value: 0, unit: 'work_hours' }))).toBe(
      '2026-03-07T10:00',
    );
  });

  it('handles the largest limit the contract allows (10 000 工作日) by walking days', () => {
    const start = at('2026-03-02T08:30');
    const due = cal.deadline(start, { value: 10_000, unit: 'work_days' });
    expect(cal.measure(start, due, 'work_days')).toBe(10_000 * 420);
    expect(due.getUTCFullYear()).toBeGreaterThan(2063); // ~261 working days a year after 2026
  });

  it.each([
    [{ value: -1, unit: 'work_hours' }, '时限 -1 无效'],
    [{ value: Number.NaN, unit: 'work_days' }, '时限 NaN 无效'],
    [{ value: 1, unit: 'fortnights' }, '未知的时限单位 fortnights'],
  ])('rejects the limit %j', (limit, message) => {
    expect(() => cal.deadline(at('2026-03-10T10:00'), limit as any)).toThrow(message);
  });

  it('rejects an invalid start', () => {
    expect(() => cal.deadline(new Date(Number.NaN), { value: 1, unit: 'work_hours' })).toThrow(
      '起点 不是有效时间',
    );
  });
});

describe('measure', () => {
  it.each<[string, string, TimeUnit, number, string]>([
    ['2026-03-06T16:00', '2026-03-09T09:00', 'work_hours', 120, 'Fri 90 + Mon 30'],
    ['2026-03-10T11:00', '2026-03-10T15:00', 'work_hours', 120, 'lunch break excluded'],
    ['2026-03-10T12:10', '2026-03-10T13:50', 'work_hours', 0, 'inside the lunch break'],
    ['2026-03-10T23:00', '2026-03-11T23:00', 'work_days', 420, 'one whole office day'],
    ['2026-03-10T10:00:30', '2026-03-10T10:01', 'work_hours', 0.5, 'seconds count'],
    ['2026-09-30T08:30', '2026-10-08T17:30', 'work_days', 840, '9-30 and 10-8 only'],
    ['2026-09-30T17:30', '2026-10-08T08:30', 'work_hours', 0, 'the whole 国庆 break'],
    ['2025-12-31T00:00', '2026-01-05T00:00', 'work_hours', 840, '12-31 and make-up 1-4'],
    ['2026-02-13T00:00', '2026-03-02T00:00', 'work_days', 2940, '2-13, 2-14, 2-24..2-27, 2-28: 7 days'],
    ['2026-09-30T16:00', '2026-10-01T16:00', 'urgent_hours', 1440, 'real minutes'],
    ['2026-09-30T16:00', '2026-10-03T16:00', 'natural_days', 4320, 'real minutes'],
    ['2026-03-10T10:00', '2026-03-10T09:00', 'work_hours', 0, 'b before a'],
    ['2026-03-10T10:00', '2026-03-10T09:00', 'urgent_hours', 0, 'b before a'],
    ['2026-03-10T10:00', '2026-03-10T10:00', 'natural_days', 0, 'b equal to a'],
  ])('%s → %s on the %s clock = %s min (%s)', (a, b, unit, expected) => {
    expect(cal.measure(at(a), at(b), unit)).toBe(expected);
  });
});

describe('addMeasure', () => {
  it.each<[string, number, TimeUnit, string, string]>([
    ['2026-03-06T16:00', 120, 'work_hours', '2026-03-09T09:00', 'over the weekend'],
    ['2026-03-10T11:45', 15, 'work_hours', '2026-03-10T12:00', 'stops at the end of the morning'],
    ['2026-03-10T10:00', 0.5, 'work_days', '2026-03-10T10:00:30', 'half a minute'],
    ['2026-03-07T10:00', 0, 'work_hours', '2026-03-07T10:00', 'zero stays put outside office time'],
    ['2026-09-30T17:00', 30, 'work_days', '2026-09-30T17:30', 'the last half hour before 国庆'],
    ['2026-09-30T17:00', 31, 'work_days', '2026-10-08T08:31', 'one minute more jumps the break'],
    ['2026-03-10T10:00', 90, 'urgent_hours', '2026-03-10T11:30', 'real minutes'],
    ['2026-03-10T10:00', 1440, 'natural_days', '2026-03-11T10:00', 'real minutes'],
  ])('%s + %s min on the %s clock → %s (%s)', (start, minutes, unit, expected) => {
    expect(show(cal.addMeasure(at(start), minutes, unit))).toBe(expected);
  });

  it('rejects negative minutes', () => {
    expect(() => cal.addMeasure(at('2026-03-10T10:00'), -1, 'work_hours')).toThrow('时长 -1 分钟无效');
  });
});

describe('elapsedFraction', () => {
  // A 7-hour window: Tue 08:30 → 17:30 (420 office minutes).
  const [start, due] = [at('2026-03-10T08:30'), at('2026-03-10T17:30')];
  it.each<[string, number, string]>([
    ['2026-03-10T08:00', 0, 'before the start'],
    ['2026-03-10T08:30', 0, 'at the start'],
    ['2026-03-10T10:00', 90 / 420, '90 office minutes'],
    ['2026-03-10T13:00', 0.5, 'lunch: the morning is used'],
    ['2026-03-10T14:00', 0.5, 'lunch does not count'],
    ['2026-03-10T17:00', 390 / 420, '30 minutes left'],
    ['2026-03-10T17:30', 1, 'at the deadline'],
    ['2026-03-10T18:00', 1 + Number.EPSILON, 'past the deadline, office clock stopped: just over 1'],
    ['2026-03-11T09:00', 450 / 420, 'next morning'],
  ])('at %s → %s (%s)', (now, expected) => {
    expect(cal.elapsedFraction(start, due, at(now), 'work_hours')).toBe(expected);
  });

  it.each<[string, string, string, number, string]>([
    ['2026-03-07T10:00', '2026-03-07T10:00', '2026-03-07T09:00', 0, 'empty window, before'],
    ['2026-03-07T10:00', '2026-03-07T10:00', '2026-03-07T10:00', 1, 'empty window, at the deadline'],
    ['2026-03-07T10:00', '2026-03-07T10:00', '2026-03-09T09:00', 2, 'empty window, after'],
    ['2026-03-07T10:00', '2026-03-08T10:00', '2026-03-07T12:00', 0, 'Sat → Sun: no office time'],
    ['2026-03-07T10:00', '2026-03-08T10:00', '2026-03-08T10:00', 1, 'Sat → Sun, at the deadline'],
    ['2026-03-07T10:00', '2026-03-08T10:00', '2026-03-09T09:00', 2, 'Sat → Sun, Monday'],
  ])('zero office minutes %s → %s at %s = %s (%s)', (s, d, now, expected) => {
    expect(cal.elapsedFraction(at(s), at(d), at(now), 'work_hours')).toBe(expected);
  });

  it('uses real minutes for urgent_hours and natural_days', () => {
    const [s, d] = [at('2026-10-01T00:00'), at('2026-10-01T10:00')];
    expect(cal.elapsedFraction(s, d, at('2026-10-01T08:00'), 'urgent_hours')).toBe(0.8);
    expect(cal.elapsedFraction(s, at('2026-10-11T00:00'), at('2026-10-06T00:00'), 'natural_days')).toBe(0.5);
  });
});

describe('trafficLight', () => {
  it.each([
    [0, 'green'],
    [0.5, 'green'],
    [0.79999, 'green'],
    [0.8, 'yellow'],
    [0.9, 'yellow'],
    [1, 'yellow'],
    [1 + Number.EPSILON, 'red'],
    [1.0001, 'red'],
    [2, 'red'],
    [Number.POSITIVE_INFINITY, 'red'],
  ])('%s → %s', (fraction, light) => {
    expect(trafficLight(fraction)).toBe(light);
  });
});

describe('yellowAt', () => {
  it.each<[string, string, TimeUnit, string, string]>([
    ['2026-03-10T08:30', '2026-03-10T17:30', 'work_hours', '2026-03-10T16:06', '336 of 420: 210 + 126'],
    ['2026-03-10T10:00', '2026-03-10T11:00', 'work_hours', '2026-03-10T10:48', '48 of 60'],
    [
      '2026-03-10T10:00',
      '2026-03-10T14:30',
      'work_hours',
      '2026-03-10T12:00',
      '120 of 150: ends the morning',
    ],
    ['2026-03-10T10:00', '2026-03-10T10:07', 'work_hours', '2026-03-10T10:05:36', '5.6 of 7 minutes'],
    ['2026-03-06T15:00', '2026-03-10T15:00', 'work_days', '2026-03-10T10:12', '672 of 840: 150 + 420 + 102'],
    ['2026-09-30T16:00', '2026-10-08T11:00', 'work_hours', '2026-10-08T10:12', '192 of 240: 90 + 102'],
    ['2026-10-01T00:00', '2026-10-01T10:00', 'urgent_hours', '2026-10-01T08:00', 'real time'],
    ['2026-09-30T00:00', '2026-10-05T00:00', 'natural_days', '2026-10-04T00:00', '4 of 5 days'],
    ['2026-03-07T10:00', '2026-03-08T10:00', 'work_hours', '2026-03-08T10:00', 'empty window: the deadline'],
  ])('%s → %s (%s) turns yellow at %s (%s)', (start, due, unit, expected) => {
    const y = cal.yellowAt(at(start), at(due), unit);
    expect(show(y)).toBe(expected);
    expect(trafficLight(cal.elapsedFraction(at(start), at(due), y, unit))).toBe('yellow');
  });
});

describe('localDate', () => {
  it.each([
    ['2026-09-30T15:59:59Z', 480, '2026-09-30'],
    ['2026-09-30T16:00:00Z', 480, '2026-10-01'],
    ['2026-01-01T03:00:00Z', -300, '2025-12-31'],
    ['2026-01-01T00:00:00Z', 0, '2026-01-01'],
    ['1969-12-31T20:00:00Z', 480, '1970-01-01'],
  ])('%s at UTC%s min → %s', (iso, offset, expected) => {
    expect(localDate(new Date(iso), offset)).toBe(expected);
  });
});

describe('other calendars', () => {
  it('applies the configured offset: UTC, 09:00–17:00, no holidays', () => {
    const utc = createCalendar({
      officeHours: [{ start: '09:00', end: '17:00' }],
      holidays: [],
      makeupWorkdays: [],
      utcOffsetMinutes: 0,
      holidayYears: [],
    });
    const due = utc.deadline(new Date('2026-03-06T16:00:00Z'), { value: 2, unit: 'work_hours' });
    expect(due.toISOString()).toBe('2026-03-09T10:00:00.000Z');
    expect(utc.isWorkingDay('2026-10-01')).toBe(true);
  });

  it('allows touching intervals, ending at the first one', () => {
    const c = createCalendar({
      ...DEFAULT_CALENDAR,
      officeHours: [
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '18:00' },
      ],
    });
    expect(c.officeMinutesPerDay).toBe(600);
    expect(show(c.deadline(at('2026-03-10T10:00'), { value: 2, unit: 'work_hours' }))).toBe(
      '2026-03-10T12:00',
    );
  });
});

describe('configuration validation', () => {
  const base: CalendarData = DEFAULT_CALENDAR;
  it.each<[string, Partial<CalendarData>, string]>([
    ['no office hours', { officeHours: [] }, '至少需要一个办公时段'],
    [
      'end before start',
      { officeHours: [{ start: '12:00', end: '08:30' }] },
      '12:00–08:30 的开始时间必须早于结束时间',
    ],
    ['empty interval', { officeHours: [{ start: '09:00', end: '09:00' }] }, '开始时间必须早于结束时间'],
    ['missing zero', { officeHours: [{ start: '8:30', end: '12:00' }] }, '"8:30" 格式应为 HH:MM'],
    ['24:00', { officeHours: [{ start: '14:00', end: '24:00' }] }, '"24:00" 格式应为 HH:MM'],
    [
      'unsorted',
      { officeHours: [...base.officeHours].reverse() },
      '须按时间先后排列且不重叠，14:00–17:30 与 08:30–12:00 冲突',
    ],
    [
      'overlapping',
      {
        officeHours: [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
      },
      '08:30–12:00 与 11:00–17:30 冲突',
    ],
    ['impossible holiday', { holidays: ['2026-02-30'] }, '节假日 "2026-02-30" 不是有效日期'],
    ['slashes', { makeupWorkdays: ['2026/10/10'] }, '调休上班日 "2026/10/10" 不是有效日期'],
    ['both lists', { holidays: ['2026-10-10'] }, '2026-10-10 不能既是节假日又是调休上班日'],
    ['fractional offset', { utcOffsetMinutes: 480.5 }, 'UTC 偏移 480.5 分钟无效'],
    ['offset out of range', { utcOffsetMinutes: 900 }, 'UTC 偏移 900 分钟无效'],
  ])('%s', (_, change, message) => {
    expect(() => createCalendar({ ...base, ...change })).toThrow(message);
  });
});
