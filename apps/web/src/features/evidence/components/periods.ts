import { PERIODICITY_LABELS, type Periodicity } from '@chuangcheng/contracts';

/** "2026-11" → 2026年11月, "2026-Q3" → 2026年第3季度, "2026" → 2026年, once → 一次性. */
export function periodLabel(period: string): string {
  if (period === 'once') return '一次性';
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${q[2]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  if (/^\d{4}$/.test(period)) return `${period}年`;
  return period;
}

/** A shorter label for the period chips (the year is in the row when every chip shares it). */
export function periodChip(period: string): string {
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) return `${period.slice(2, 4)}年Q${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]!.slice(2)}.${m[2]}`;
  return periodLabel(period);
}

export function periodicityLabel(p: Periodicity): string {
  return PERIODICITY_LABELS[p].zh;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** First and last day of a period (null for 'once'): for the "date outside its period" hint. */
export function periodRange(period: string): { from: string; to: string } | null {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const y = Number(q[1]);
    const first = (Number(q[2]) - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
  }
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
  }
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${period}-12-31` };
  return null;
}

export function dateInPeriod(date: string, period: string): boolean {
  const range = periodRange(period);
  return !range || (date >= range.from && date <= range.to);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
