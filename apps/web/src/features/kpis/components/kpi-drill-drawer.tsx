import {
  CASE_STATUS_LABELS,
  KPI_COUNTER_LABELS,
  type KpiDrill,
  type KpiDrillCounter,
} from '@chuangcheng/contracts';
import { Alert, Drawer, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import type { Query } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useKpiDrill } from '../api/drill-kpis';

type Item = KpiDrill['items'][number];

/** What the drawer shows: one figure of one row, with the page's filters. */
export interface DrillTarget {
  key: string;
  name: string;
  counter: KpiDrillCounter;
}

/** The cases (and the stages) behind one number of the KPI table. */
export function KpiDrillDrawer({
  query,
  target,
  onClose,
}: {
  query: Query;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t, l, locale } = useI18n();
  const mobile = useIsMobile();
  const drill = useKpiDrill(target ? { ...query, key: target.key, counter: target.counter } : null);
  const columns: TableColumnsType<Item> = [
    {
      title: t('kpis.drill.case'),
      dataIndex: 'number',
      render: (n: string, r) => <Link to={`/cases/${r.caseId}`}>{n}</Link>,
    },
    { title: t('kpis.category'), dataIndex: 'categoryName' },
    {
      title: t('kpis.drill.status'),
      dataIndex: 'status',
      render: (s: Item['status']) => l(CASE_STATUS_LABELS[s]),
    },
    {
      title: t('kpis.drill.stage'),
      key: 'stage',
      render: (_, r) =>
        r.stage ? (
          <span>
            {t(`kpis.stage.${r.stage.kind}` as MessageKey)}
            {r.stage.unitName ? ` · ${r.stage.unitName}` : ''}
            {r.stage.role === 'assist' ? ` ${t('kpis.stage.assist')}` : ''}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('kpis.drill.period'),
      key: 'period',
      render: (_, r) =>
        r.stage
          ? `${formatDateTime(r.stage.startedAt, locale)} → ${r.stage.endedAt ? formatDateTime(r.stage.endedAt, locale) : t('kpis.drill.open')}`
          : '—',
    },
    {
      title: t('kpis.drill.deadline'),
      key: 'deadline',
      render: (_, r) => (r.stage?.deadline ? formatDateTime(r.stage.deadline, locale) : '—'),
    },
    {
      title: t('kpis.drill.outcome'),
      key: 'outcome',
      render: (_, r) =>
        r.stage ? (
          <>
            {r.stage.outcome ? t(`kpis.outcome.${r.stage.outcome}` as MessageKey) : t('kpis.drill.open')}{' '}
            {r.stage.overdue && <Tag color="red">{t('kpis.drill.overdue')}</Tag>}
            {r.stage.pausedMinutes > 0 && (
              <Tag>{t('kpis.drill.paused', { hours: (r.stage.pausedMinutes / 60).toFixed(1) })}</Tag>
            )}
          </>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      width={mobile ? '100%' : 960}
      title={target ? `${target.name} · ${l(KPI_COUNTER_LABELS[target.counter])}` : ''}
      destroyOnHidden
    >
      {drill.isError && <QueryError error={drill.error} onRetry={() => drill.refetch()} />}
      {drill.data?.truncated && <Alert type="info" showIcon message={t('kpis.drill.truncated')} />}
      <Table<Item>
        rowKey={(r) => `${r.caseId}-${r.stage?.startedAt ?? ''}-${r.stage?.unitId ?? ''}`}
        size="small"
        columns={columns}
        dataSource={drill.data?.items ?? []}
        loading={drill.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        data-testid="kpi-drill-table"
      />
    </Drawer>
  );
}
