import { KPI_RATES, type KpiCounter, type KpiDimension, type KpiRate } from '@chuangcheng/contracts';

/** Rates in display order: on-time closing first, as assessments weigh it most (then the contract's order). */
export const RATE_ORDER: readonly KpiRate[] = [
  'onTimeCloseRate',
  ...KPI_RATES.filter((r) => r !== 'onTimeCloseRate'),
];

/** Rates are fractions 0..1 shown as percentages with one decimal; the average duration is in hours. */
export function formatRate(rate: KpiRate, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (rate === 'avgDisposeHours') return value.toFixed(1);
  return `${(value * 100).toFixed(1)}%`;
}

/** Counters are whole numbers, except the disposal time which is kept in minutes and shown in hours. */
export function formatCounter(counter: KpiCounter, value: number): string {
  if (counter === 'disposeMinutes') return (value / 60).toFixed(1);
  return value.toLocaleString('zh-CN');
}

/** A rate as a chart value (percent, one decimal), null kept as a gap. */
export function chartValue(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}

export const TIME_DIMENSIONS: readonly KpiDimension[] = ['month', 'day'];

/** Sort helper: a missing rate (nothing to divide by) ranks below any value. */
export function compareNullable(a: number | null, b: number | null): number {
  return (a ?? Number.NEGATIVE_INFINITY) - (b ?? Number.NEGATIVE_INFINITY);
}
