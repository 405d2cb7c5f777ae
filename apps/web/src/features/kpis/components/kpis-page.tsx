import { DownloadOutlined } from '@ant-design/icons';
import type { KpiDimension } from '@chuangcheng/contracts';
import { App, Button, Flex } from 'antd';
import { useMemo, useState } from 'react';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { errorMessage, type Query } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { exportKpis } from '../api/export-kpis';
import { useKpis } from '../api/get-kpis';
import { KpiCharts } from './kpi-charts';
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

/** 绩效考核: the standard rates for a period, by unit, area, category, source or time; export to Excel. */
export default function KpisPage() {
  const list = useListParams(KPI_FILTERS);
  const dimension = (list.filters.dimension as KpiDimension | undefined) ?? 'unit';
  // The KPI query is the filters only (no paging or search).
  const query = useMemo<Query>(() => ({ ...list.filters, dimension }), [list.filters, dimension]);
  const kpis = useKpis(query);
  const rows = kpis.data?.rows ?? [];
  const shownDimension = kpis.data?.dimension ?? dimension;

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
        <KpiSummary total={kpis.data?.total} loading={kpis.isPending && !kpis.isError} />
        <KpiCharts dimension={shownDimension} rows={rows} />
        <KpiTable dimension={shownDimension} rows={rows} total={kpis.data?.total} loading={kpis.isFetching} />
      </Flex>
    </>
  );
}
