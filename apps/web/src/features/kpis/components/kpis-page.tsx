import { DownloadOutlined } from '@ant-design/icons';
import type { KpiDimension, KpiResult } from '@chuangcheng/contracts';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { errorMessage, type Query } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { exportKpis } from '../api/export-kpis';
import { useKpis } from '../api/get-kpis';
import { KpiCharts } from './kpi-charts';
import { type DrillTarget, KpiDrillDrawer } from './kpi-drill-drawer';
import { DimensionSelect, KPI_FILTERS, KpiFilters } from './kpi-filters';
import { KpiSummary } from './kpi-summary';
import { KpiTable } from './kpi-table';

function ExportKpisButton({ query }: { query: Query }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await exportKpis(query);
    } catch (error) {
      message.error(errorMessage(error, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={onClick} data-testid="kpi-export">
      {t('common.export')}
    </Button>
  );
}

/** A failed or late sweep, shown to the office where it reads the numbers (not only in /healthz). */
function SweepBanner({ sweep }: { sweep: KpiResult['sweep'] }) {
  const { t, locale } = useI18n();
  if (!sweep || (sweep.state !== 'failing' && sweep.state !== 'late')) return null;
  const at = formatDateTime(sweep.state === 'failing' ? sweep.lastRunAt : sweep.lastSuccessAt, locale) || '—';
  return (
    <Alert
      type={sweep.state === 'failing' ? 'error' : 'warning'}
      showIcon
      data-testid="kpi-sweep-banner"
      message={t(sweep.state === 'failing' ? 'kpis.sweep.failing' : 'kpis.sweep.late', { at })}
    />
  );
}

/** 绩效考核: the standard rates for a period, by unit, area, category, source or time; export to Excel. */
export default function KpisPage() {
  const list = useListParams(KPI_FILTERS);
  const dimension = (list.filters.dimension as KpiDimension | undefined) ?? 'unit';
  // The KPI query is the filters only (no paging or search).
  const query = useMemo<Query>(() => ({ ...list.filters, dimension }), [list.filters, dimension]);
  const { t } = useI18n();
  const kpis = useKpis(query);
  const rows = kpis.data?.rows ?? [];
  const shownDimension = kpis.data?.dimension ?? dimension;
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  return (
    <>
      <PageHeader extra={<ExportKpisButton query={query} />} />
      <ListToolbar
        activeFilters={Object.keys(list.filters).filter((k) => k !== 'dimension').length}
        search={<DimensionSelect list={list} />}
        filters={<KpiFilters list={list} />}
      />
      {kpis.isError && <QueryError error={kpis.error} onRetry={() => kpis.refetch()} />}
      <Flex vertical gap={16}>
        <SweepBanner sweep={kpis.data?.sweep} />
        <KpiSummary total={kpis.data?.total} loading={kpis.isPending && !kpis.isError} />
        <KpiCharts dimension={shownDimension} rows={rows} />
        <Typography.Text type="secondary">
          {kpis.data?.attributed ? t('kpis.attributed') : t('kpis.drillHint')}
        </Typography.Text>
        <KpiTable
          dimension={shownDimension}
          rows={rows}
          total={kpis.data?.total}
          loading={kpis.isFetching}
          attributed={kpis.data?.attributed ?? false}
          onDrill={setDrill}
        />
      </Flex>
      <KpiDrillDrawer query={query} target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
