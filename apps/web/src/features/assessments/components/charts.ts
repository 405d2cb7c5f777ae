import type { Readiness } from '@chuangcheng/contracts';
import type { GaugeSeriesOption } from 'echarts/charts';
import type { EChartOption } from '../../../components/echart';
import { fmtScore } from './tags';

const RED = '#cf1322';
const AMBER = '#faad14';
const GREEN = '#52c41a';

/** Projected score on a dial whose bands are the thresholds: red below basic, amber to pass, green above. */
export function gaugeOption(
  score: number,
  total: number,
  pass: number,
  basic: number,
  isMobile = false,
): EChartOption {
  const max = total > 0 ? total : 1000;
  const gauge: GaugeSeriesOption = {
    type: 'gauge',
    min: 0,
    max,
    startAngle: 210,
    endAngle: -30,
    radius: '92%',
    center: ['50%', '58%'],
    splitNumber: 5,
    axisLine: {
      lineStyle: {
        width: 16,
        color: [
          [Math.min(1, basic / max), RED],
          [Math.min(1, pass / max), AMBER],
          [1, GREEN],
        ],
      },
    },
    pointer: { width: 6, length: '62%', itemStyle: { color: '#e6f4ff' } },
    anchor: { show: true, size: 12, itemStyle: { color: '#e6f4ff' } },
    axisTick: { distance: -16, length: 6, lineStyle: { color: '#fff', width: 1 } },
    splitLine: { distance: -16, length: 16, lineStyle: { color: '#fff', width: 2 } },
    axisLabel: { color: 'rgba(255,255,255,0.75)', distance: 22, fontSize: 11 },
    title: { show: true, offsetCenter: [0, '72%'], color: 'rgba(255,255,255,0.75)', fontSize: 13 },
    detail: {
      valueAnimation: true,
      offsetCenter: [0, '36%'],
      // Two decimals on a 1000-point dial would run into the end labels.
      fontSize: fmtScore(score).length > 4 ? (isMobile ? 26 : 30) : isMobile ? 34 : 40,
      fontWeight: 'bold',
      color: '#fff',
      formatter: (v: number) => fmtScore(v),
    },
    data: [{ value: Math.round(score * 100) / 100, name: `预计得分 / ${fmtScore(max)}` }],
  };
  return { series: [gauge] };
}

/** Horizontal bars of lost points, the biggest on top. */
export function lostBarOption(
  rows: { name: string; lost: number }[],
  color: string,
  isMobile: boolean,
): EChartOption {
  const shown = rows
    .filter((r) => r.lost > 0)
    .sort((a, b) => b.lost - a.lost)
    .slice(0, 10)
    .reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v} 分` },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '失分', nameTextStyle: { color: '#8c8c8c' } },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.name),
      axisLabel: { width: isMobile ? 88 : 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: shown.map((r) => Math.round(r.lost * 100) / 100),
        barMaxWidth: 18,
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', formatter: '-{c}' },
      },
    ],
  };
}

/** Totals of the rounds in order, with the pass and basic-pass lines drawn across. */
export function trendOption(readiness: Readiness, isMobile: boolean): EChartOption {
  const { trend, campaign } = readiness;
  const rows = [...trend].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: isMobile ? 16 : 32, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => `${r.name}\n${r.heldOn.slice(5)}`),
      axisLabel: { interval: 0, width: isMobile ? 64 : 120, overflow: 'truncate' },
    },
    yAxis: { type: 'value', min: 0, max: campaign.totalPoints || undefined },
    series: [
      {
        type: 'line',
        name: '总分',
        data: rows.map((r) => Math.round(r.total * 100) / 100),
        smooth: false,
        symbolSize: 9,
        lineStyle: { width: 3, color: '#1677ff' },
        itemStyle: { color: '#1677ff' },
        label: { show: true, position: 'top', fontWeight: 'bold' },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            {
              yAxis: campaign.passScore,
              lineStyle: { color: GREEN, type: 'dashed', width: 2 },
              label: {
                formatter: `达标 ${fmtScore(campaign.passScore)}`,
                color: '#389e0d',
                position: 'insideEndTop',
              },
            },
            {
              yAxis: campaign.basicScore,
              lineStyle: { color: AMBER, type: 'dashed', width: 2 },
              label: {
                formatter: `基本达标 ${fmtScore(campaign.basicScore)}`,
                color: '#d48806',
                position: 'insideEndBottom',
              },
            },
          ],
        },
      },
    ],
  };
}

export const CHART_COLORS = { category: '#ff7a45', unit: '#9254de' };
