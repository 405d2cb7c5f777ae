import { describe, expect, it } from 'vitest';
import {
  dateInPeriod,
  daysInMonth,
  isIsoDate,
  isPeriod,
  type PeriodicityKind,
  periodicityOf,
  periodOf,
  periodRange,
  periodsBetween,
} from './periods';

describe('periodOf', () => {
  it.each<[PeriodicityKind, string, string]>([
    ['once', '2026-11-23', 'once'],
    ['yearly', '2026-01-01', '2026'],
    ['yearly', '2026-12-31', '2026'],
    ['quarterly', '2026-01-01', '2026-Q1'],
    ['quarterly', '2026-03-31', '2026-Q1'],
    ['quarterly', '2026-04-01', '2026-Q2'],
    ['quarterly', '2026-06-30', '2026-Q2'],
    ['quarterly', '2026-07-01', '2026-Q3'],
    ['quarterly', '2026-09-30', '2026-Q3'],
    ['quarterly', '2026-10-01', '2026-Q4'],
    ['quarterly', '2026-12-31', '2026-Q4'],
    ['monthly', '2026-01-15', '2026-01'],
    ['monthly', '2026-11-23', '2026-11'],
    ['monthly', '2028-02-29', '2028-02'],
  ])('%s of %s is %s', (p, date, expected) => {
    expect(periodOf(p, date)).toBe(expected);
  });

  it.each(['2026-13-01', '2026-02-29', '2026-1-1', '20261123', '', '2026-04-31'])(
    'rejects the bad date %j',
    (d) => {
      expect(() => periodOf('monthly', d)).toThrow(RangeError);
    },
  );

  it('needs no date for once', () => {
    expect(periodOf('once', 'whatever')).toBe('once');
  });
});

describe('periodsBetween', () => {
  it.each<[PeriodicityKind, string, string, string[]]>([
    ['once', '2026-01-01', '2026-12-31', ['once']],
    ['once', '2026-12-31', '2026-01-01', ['once']],
    ['yearly', '2026-03-01', '2026-03-01', ['2026']],
    ['yearly', '2025-12-31', '2027-01-01', ['2025', '2026', '2027']],
    ['quarterly', '2026-01-01', '2026-12-31', ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']],
    ['quarterly', '2026-03-31', '2026-04-01', ['2026-Q1', '2026-Q2']],
    ['quarterly', '2026-11-15', '2027-02-01', ['2026-Q4', '2027-Q1']],
    ['quarterly', '2026-05-05', '2026-05-06', ['2026-Q2']],
    ['monthly', '2026-11-23', '2026-11-23', ['2026-11']],
    ['monthly', '2026-11-30', '2027-02-01', ['2026-11', '2026-12', '2027-01', '2027-02']],
    ['monthly', '2026-01-31', '2026-03-01', ['2026-01', '2026-02', '2026-03']],
    ['yearly', '2026-01-02', '2026-01-01', []],
    ['quarterly', '2026-07-01', '2026-06-30', []],
    ['monthly', '2027-01-01', '2026-12-31', []],
  ])('%s from %s to %s', (p, from, to, expected) => {
    expect(periodsBetween(p, from, to)).toEqual(expected);
  });

  it('lists twelve months a year over ten years, in order', () => {
    const months = periodsBetween('monthly', '2020-01-01', '2029-12-31');
    expect(months).toHaveLength(120);
    expect([...months].sort()).toEqual(months);
    expect(months[0]).toBe('2020-01');
    expect(months.at(-1)).toBe('2029-12');
  });

  it('agrees with periodOf on every day of a leap year', () => {
    const days: string[] = [];
    for (let m = 1; m <= 12; m++)
      for (let d = 1; d <= daysInMonth(2028, m); d++)
        days.push(`2028-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    expect(days).toHaveLength(366);
    for (const p of ['yearly', 'quarterly', 'monthly'] as const) {
      const periods = periodsBetween(p, days[0]!, days.at(-1)!);
      expect(new Set(days.map((d) => periodOf(p, d)))).toEqual(new Set(periods));
      for (const d of days) {
        expect(periodsBetween(p, d, d)).toEqual([periodOf(p, d)]);
        expect(dateInPeriod(d, periodOf(p, d))).toBe(true);
      }
    }
  });

  it('throws on a bad date', () => {
    expect(() => periodsBetween('monthly', '2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => periodsBetween('yearly', '2026-01-01', 'soon')).toThrow(RangeError);
  });
});

describe('periodRange', () => {
  it.each<[string, { from: string; to: string } | null]>([
    ['once', null],
    ['2026', { from: '2026-01-01', to: '2026-12-31' }],
    ['2026-Q1', { from: '2026-01-01', to: '2026-03-31' }],
    ['2026-Q2', { from: '2026-04-01', to: '2026-06-30' }],
    ['2026-Q3', { from: '2026-07-01', to: '2026-09-30' }],
    ['2026-Q4', { from: '2026-10-01', to: '2026-12-31' }],
    ['2026-02', { from: '2026-02-01', to: '2026-02-28' }],
    ['2028-02', { from: '2028-02-01', to: '2028-02-29' }],
    ['2100-02', { from: '2100-02-01', to: '2100-02-28' }],
    ['2000-02', { from: '2000-02-01', to: '2000-02-29' }],
    ['2026-04', { from: '2026-04-01', to: '2026-04-30' }],
    ['2026-12', { from: '2026-12-01', to: '2026-12-31' }],
  ])('%s → %j', (period, expected) => {
    expect(periodRange(period)).toEqual(expected);
  });

  it.each([
    '',
    '2026-Q5',
    '2026-Q0',
    '2026-13',
    '2026-00',
    '26',
    '2026-1',
    'ONCE',
    ' 2026',
    '2026-q1',
    '2026-11-01',
  ])('throws a RangeError for %j', (bad) => {
    expect(() => periodRange(bad)).toThrow(RangeError);
  });
});

describe('dateInPeriod', () => {
  it.each<[string, string, boolean]>([
    ['2026-11-23', 'once', true],
    ['2026-01-01', '2026', true],
    ['2026-12-31', '2026', true],
    ['2025-12-31', '2026', false],
    ['2027-01-01', '2026', false],
    ['2026-03-31', '2026-Q1', true],
    ['2026-04-01', '2026-Q1', false],
    ['2026-04-01', '2026-Q2', true],
    ['2026-09-30', '2026-Q3', true],
    ['2026-10-01', '2026-Q3', false],
    ['2026-12-31', '2026-Q4', true],
    ['2025-12-31', '2026-Q4', false],
    ['2026-11-01', '2026-11', true],
    ['2026-11-30', '2026-11', true],
    ['2026-10-31', '2026-11', false],
    ['2026-12-01', '2026-11', false],
    ['2028-02-29', '2028-02', true],
    // malformed input is never "in" a period
    ['2026-11-23', '2026-Q5', false],
    ['2026-11-23', 'nonsense', false],
    ['2026-11-31', '2026-11', false],
    ['not a date', 'once', false],
    ['', '2026', false],
  ])('%j in %j → %s', (date, period, expected) => {
    expect(dateInPeriod(date, period)).toBe(expected);
  });
});

describe('period helpers', () => {
  it.each<[string, PeriodicityKind | null]>([
    ['once', 'once'],
    ['2026', 'yearly'],
    ['2026-Q2', 'quarterly'],
    ['2026-07', 'monthly'],
    ['2026-7', null],
    ['', null],
  ])('periodicityOf(%j) = %s', (period, expected) => {
    expect(periodicityOf(period)).toBe(expected);
    expect(isPeriod(period)).toBe(expected !== null);
  });

  it.each<[string, boolean]>([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-00-10', false],
    ['2026-06-31', false],
    ['2026-6-3', false],
  ])('isIsoDate(%j) = %s', (d, expected) => {
    expect(isIsoDate(d)).toBe(expected);
  });
});
