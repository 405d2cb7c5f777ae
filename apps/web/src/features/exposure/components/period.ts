import { todayInCity } from '../../../lib/format';

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (s: string) => new Date(`${s}T00:00:00Z`);

/** Quick periods for the 红黑榜, in the city's calendar (dates as YYYY-MM-DD). */
export const PERIOD_PRESETS = [
  {
    key: 'last30',
    label: '近 30 天',
    period(today: string): Period {
      const d = parse(today);
      d.setUTCDate(d.getUTCDate() - 29);
      return { from: iso(d), to: today };
    },
  },
  {
    key: 'month',
    label: '本月',
    period: (today: string): Period => ({ from: `${today.slice(0, 8)}01`, to: today }),
  },
  {
    key: 'lastMonth',
    label: '上月',
    period(today: string): Period {
      const first = parse(`${today.slice(0, 8)}01`);
      const last = new Date(first.getTime() - 86_400_000);
      return { from: `${iso(last).slice(0, 8)}01`, to: iso(last) };
    },
  },
  {
    key: 'year',
    label: '本年',
    period: (today: string): Period => ({ from: `${today.slice(0, 4)}-01-01`, to: today }),
  },
] as const;

export const defaultPeriod = (): Period => PERIOD_PRESETS[0].period(todayInCity());

/** A rate (0..1) as a percentage with one decimal; none (nothing due) as a dash. */
export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
