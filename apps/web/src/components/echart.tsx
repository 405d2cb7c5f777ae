import {
  BarChart,
  type BarSeriesOption,
  GaugeChart,
  type GaugeSeriesOption,
  LineChart,
  type LineSeriesOption,
} from 'echarts/charts';
import {
  DataZoomComponent,
  type DataZoomComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only what the console draws (bars, lines, gauges, threshold lines, axes, tooltip, legend, zoom): the
// full bundle is ~1 MB.
use([
  BarChart,
  LineChart,
  GaugeChart,
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/** The options the registered parts understand. */
export type EChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GaugeSeriesOption
  | MarkLineComponentOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
>;

interface EChartProps {
  option: EChartOption;
  /** Height of the chart area (the width follows the container). */
  height?: number | string;
  style?: CSSProperties;
  className?: string;
  'data-testid'?: string;
}

/**
 * A bar/line chart: created once per mount, options replaced (not merged) when they change, resized
 * with its container (sider collapse, phone rotation), disposed on unmount.
 */
export function EChart({ option, height = 320, style, className, 'data-testid': testId }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={containerRef}
      className={className}
      style={{ width: '100%', height, ...style }}
      data-testid={testId}
    />
  );
}
