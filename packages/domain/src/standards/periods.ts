// Evidence periods (台账期间): a yearly, quarterly or monthly document is filed per period, named
// "2026", "2026-Q3" or "2026-11"; a one-off document has the single period "once".
// Dates are calendar dates "YYYY-MM-DD" in the city's time zone: no clock, no Date parsing of local time.

export type PeriodicityKind = 'once' | 'yearly' | 'quarterly' | 'monthly';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD_RE = /^(?:(once)|(\d{4})|(\d{4})-Q([1-4])|(\d{4})-(0[1-9]|1[0-2]))$/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1..12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parseDate(date: string): Ymd | null {
  const match = DATE_RE.exec(date);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function requireDate(date: string, what = '日期'): Ymd {
  const ymd = parseDate(date);
  if (!ymd) throw new RangeError(`${what}“${date}”不是有效日期（YYYY-MM-DD）`);
  return ymd;
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(date: string): boolean {
  return parseDate(date) !== null;
}

/** True for "once", "2026", "2026-Q3" or "2026-11". */
export function isPeriod(period: string): boolean {
  return PERIOD_RE.test(period);
}

const quarterOf = (m: number) => Math.floor((m - 1) / 3) + 1;

/** The period of that periodicity containing `date` (YYYY-MM-DD); throws RangeError on a bad date. */
export function periodOf(p: PeriodicityKind, date: string): string {
  if (p === 'once') return 'once';
  const { y, m } = requireDate(date);
  if (p === 'yearly') return pad4(y);
  if (p === 'quarterly') return `${pad4(y)}-Q${quarterOf(m)}`;
  return `${pad4(y)}-${pad2(m)}`;
}

/** Every period of that periodicity overlapping [from, to] (dates inclusive), in order; once → ['once']. */
export function periodsBetween(p: PeriodicityKind, from: string, to: string): string[] {
  if (p === 'once') return ['once'];
  const a = requireDate(from, '开始日期');
  const b = requireDate(to, '结束日期');
  if (from > to) return [];
  const out: string[] = [];
  if (p === 'yearly') {
    for (let y = a.y; y <= b.y; y++) out.push(pad4(y));
    return out;
  }
  // Walk in months (quarterly: in quarters) as one integer index, year*12 + month0.
  const step = p === 'quarterly' ? 3 : 1;
  const first = a.y * 12 + (p === 'quarterly' ? (quarterOf(a.m) - 1) * 3 : a.m - 1);
  const last = b.y * 12 + b.m - 1;
  for (let i = first; i <= last; i += step) {
    const y = Math.floor(i / 12);
    const m0 = i % 12;
    out.push(p === 'quarterly' ? `${pad4(y)}-Q${m0 / 3 + 1}` : `${pad4(y)}-${pad2(m0 + 1)}`);
  }
  return out;
}

/** The periodicity a period string belongs to, or null when it is malformed. */
export function periodicityOf(period: string): PeriodicityKind | null {
  const m = PERIOD_RE.exec(period);
  if (!m) return null;
  if (m[1]) return 'once';
  if (m[2]) return 'yearly';
  if (m[3]) return 'quarterly';
  return 'monthly';
}

/** First and last day of a period; null for 'once'; throws RangeError for a malformed period. */
export function periodRange(period: string): { from: string; to: string } | null {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new RangeError(`期间“${period}”格式不对（应为 2026、2026-Q3、2026-11 或 once）`);
  if (m[1]) return null;
  let y: number;
  let m1: number;
  let m2: number;
  if (m[2]) {
    y = Number(m[2]);
    m1 = 1;
    m2 = 12;
  } else if (m[3]) {
    y = Number(m[3]);
    m1 = (Number(m[4]) - 1) * 3 + 1;
    m2 = m1 + 2;
  } else {
    y = Number(m[5]);
    m1 = Number(m[6]);
    m2 = m1;
  }
  return {
    from: `${pad4(y)}-${pad2(m1)}-01`,
    to: `${pad4(y)}-${pad2(m2)}-${pad2(daysInMonth(y, m2))}`,
  };
}

/** Whether `date` lies in `period` ('once' → true for any valid date); false for malformed input. */
export function dateInPeriod(date: string, period: string): boolean {
  if (!isIsoDate(date) || !isPeriod(period)) return false;
  const range = periodRange(period);
  if (!range) return true;
  // ISO dates compare correctly as strings.
  return date >= range.from && date <= range.to;
}
