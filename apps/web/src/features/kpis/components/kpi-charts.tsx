import { KPI_RATE_LABELS, type KpiDimension, type KpiRate, type KpiRow } from '@chuangcheng/contracts';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../../components/echart';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { chartValue, compareNullable, TIME_DIMENSIONS } from './kpi-format';

const TOP = 20;
const CHART_RATES: readonly KpiRate[] = ['onTimeCloseRate', 'closeRate'];

const percentAxis = {
  type: 'value',
  min: 0,
  max: 100,
  axisLabel: { formatter: '{value}%' },
} as const;

const tooltipPercent = (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)}%` : '—');

/** Best rows first by 按期结案率 (then 结案率), at most 20. */
function topRows(rows: KpiRow[]): KpiRow[] {
  return [...rows]
    .sort(
      (a, b) =>
        compareNullable(b.rates.onTimeCloseRate, a.rates.onTimeCloseRate) ||
        compareNullable(b.rates.closeRate, a.rates.closeRate),
    )
    .slice(0, TOP);
}

/**
 * 按期结案率 and 结案率 per row: a ranking bar chart, or a trend line when the rows are months or days.
 */
export function KpiCharts({ dimension, rows }: { dimension: KpiDimension; rows: KpiRow[] }) {
  const { t, l } = useI18n();
  const isMobile = useIsMobile();
  const trend = TIME_DIMENSIONS.includes(dimension);

  const option = useMemo<EChartOption>(() => {
    const shown = trend ? [...rows].sort((a, b) => a.key.localeCompare(b.key)) : topRows(rows);
    const series = CHART_RATES.map((rate) => ({
      name: l(KPI_RATE_LABELS[rate]),
      type: trend ? ('line' as const) : ('bar' as const),
      data: shown.map((row) => chartValue(row.rates[rate])),
      ...(trend
        ? { smooth: true, connectNulls: false, showSymbol: shown.length <= 62 }
        : { barMaxWidth: 24 }),
    }));
    return {
      tooltip: { trigger: 'axis', valueFormatter: tooltipPercent },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: trend && shown.length > 31 ? 48 : 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: shown.map((row) => row.name),
        axisLabel: {
          interval: trend ? 'auto' : 0,
          rotate: trend ? 0 : isMobile ? 60 : 30,
          width: 96,
          overflow: 'truncate',
        },
      },
      yAxis: percentAxis,
      dataZoom:
        trend && shown.length > 31 ? [{ type: 'slider', bottom: 8, height: 20 }, { type: 'inside' }] : [],
      series,
    };
  }, [rows, trend, l, isMobile]);

  return (
    <Card
      size="small"
      title={trend ? t('kpis.trendTitle') : t('kpis.chartTitle', { n: Math.min(TOP, rows.length) })}
    >
      {rows.length === 0 ? (
        <Empty description={t('kpis.empty')} />
      ) : (
        <EChart option={option} height={isMobile ? 300 : 360} data-testid="kpi-chart" />
      )}
    </Card>
  );
}
