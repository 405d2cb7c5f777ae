import {
  KPI_ASSIST_COUNTERS,
  KPI_COUNTERS,
  type KpiAssistCounter,
  type KpiCounter,
  type KpiDimension,
  type KpiRate,
  type KpiRow,
} from '@chuangcheng/contracts';
import { Button, Card, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import type { DrillTarget } from './kpi-drill-drawer';
import { compareNullable, formatCounter, formatRate, RATE_ORDER, TIME_DIMENSIONS } from './kpi-format';
import { RateTitle } from './rate-title';

type RankedRow = KpiRow & { rank: number | null };

/** 排名 by 按期结案率 then 结案率; rows with nothing due share no rank. */
function rank(rows: KpiRow[]): RankedRow[] {
  const ranked = [...rows].sort(
    (a, b) =>
      compareNullable(b.rates.onTimeCloseRate, a.rates.onTimeCloseRate) ||
      compareNullable(b.rates.closeRate, a.rates.closeRate),
  );
  return ranked.map((row, i) => ({ ...row, rank: row.rates.onTimeCloseRate === null ? null : i + 1 }));
}

/**
 * Every row with all rates and counters, sortable on each; the total as the last line. Each number of
 * a row opens the cases behind it; 协办 columns when figures are attributed to units.
 */
export function KpiTable({
  dimension,
  rows,
  total,
  loading,
  attributed,
  onDrill,
}: {
  dimension: KpiDimension;
  rows: KpiRow[];
  total: KpiRow | undefined;
  loading: boolean;
  attributed: boolean;
  onDrill: (target: DrillTarget) => void;
}) {
  const { t } = useI18n();
  const trend = TIME_DIMENSIONS.includes(dimension);
  const data = useMemo(
    () =>
      trend
        ? [...rows].sort((a, b) => a.key.localeCompare(b.key)).map((r) => ({ ...r, rank: null }))
        : rank(rows),
    [rows, trend],
  );

  const rateColumn = (rate: KpiRate): TableColumnsType<RankedRow>[number] => ({
    title: <RateTitle rate={rate} />,
    key: rate,
    align: 'right',
    width: 110,
    sorter: (a, b) => compareNullable(a.rates[rate], b.rates[rate]),
    render: (_, row) => formatRate(rate, row.rates[rate]),
  });
  const counterColumn = (counter: KpiCounter): TableColumnsType<RankedRow>[number] => ({
    title: t(`kpis.counter.${counter}` as MessageKey),
    key: counter,
    align: 'right',
    width: 100,
    sorter: (a, b) => a.counters[counter] - b.counters[counter],
    render: (_, row) => drillable(row, counter, formatCounter(counter, row.counters[counter])),
  });
  const assistColumn = (counter: KpiAssistCounter): TableColumnsType<RankedRow>[number] => ({
    title: t(`kpis.counter.${counter}` as MessageKey),
    key: counter,
    align: 'right',
    width: 100,
    sorter: (a, b) => (a.assist?.[counter] ?? 0) - (b.assist?.[counter] ?? 0),
    render: (_, row) => drillable(row, counter, String(row.assist?.[counter] ?? 0)),
  });
  /** A number that opens its cases (a zero has none to show). */
  const drillable = (row: RankedRow, counter: KpiCounter | KpiAssistCounter, text: string) => {
    const value =
      counter in row.counters
        ? row.counters[counter as KpiCounter]
        : (row.assist?.[counter as KpiAssistCounter] ?? 0);
    if (!value) return text;
    return (
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto' }}
        data-testid={`kpi-drill-${counter}-${row.key}`}
        onClick={() => onDrill({ key: row.key, name: row.name, counter })}
      >
        {text}
      </Button>
    );
  };

  const columns: TableColumnsType<RankedRow> = [
    ...(trend
      ? []
      : [
          {
            title: t('kpis.rank'),
            dataIndex: 'rank',
            width: 64,
            fixed: 'left' as const,
            render: (n: number | null) => n ?? '—',
          },
        ]),
    {
      title: t('kpis.name'),
      dataIndex: 'name',
      width: 160,
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    ...RATE_ORDER.map(rateColumn),
    ...KPI_COUNTERS.map(counterColumn),
    ...(attributed ? KPI_ASSIST_COUNTERS.map(assistColumn) : []),
  ];

  return (
    <Card size="small" title={t('kpis.ranking')} styles={{ body: { padding: 0 } }}>
      <Table<RankedRow>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={data}
        loading={loading}
        pagination={data.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('kpis.empty') }}
        data-testid="kpi-table"
        summary={() =>
          total && data.length > 0 ? (
            <Table.Summary>
              <Table.Summary.Row>
                {!trend && <Table.Summary.Cell index={0} />}
                <Table.Summary.Cell index={trend ? 0 : 1}>
                  <Typography.Text strong>{t('kpis.total')}</Typography.Text>
                </Table.Summary.Cell>
                {RATE_ORDER.map((rate, i) => (
                  <Table.Summary.Cell key={rate} index={i + (trend ? 1 : 2)} align="right">
                    <Typography.Text strong>{formatRate(rate, total.rates[rate])}</Typography.Text>
                  </Table.Summary.Cell>
                ))}
                {KPI_COUNTERS.map((counter, i) => (
                  <Table.Summary.Cell
                    key={counter}
                    index={i + RATE_ORDER.length + (trend ? 1 : 2)}
                    align="right"
                  >
                    {formatCounter(counter, total.counters[counter])}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </Card>
  );
}
