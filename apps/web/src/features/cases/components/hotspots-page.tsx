import { CASE_LINK_TEXT, type Hotspot } from '@chuangcheng/contracts';
import { Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import type { Query } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { exportHotspots, useHotspots } from '../api/case-links';
import { CategoryTreeSelect, useCategory } from './category-select';
import { fill } from './duplicate-alert';

const FILTERS = ['from', 'to', 'categoryId', 'minCount'] as const;
const MIN_COUNTS = [1, 2, 3, 5];
const LIMIT = 200;

function useColumns(): TableColumnsType<Hotspot> {
  const { l, locale } = useI18n();
  const x = CASE_LINK_TEXT;
  return [
    { title: l(x.hotspotRank), dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: l(x.hotspotCategory),
      key: 'category',
      render: (_, h) => (
        <Space orientation="vertical" size={0}>
          {h.categoryName}
          <Typography.Text type="secondary">{h.categoryCode}</Typography.Text>
        </Space>
      ),
    },
    {
      title: l(x.hotspotCount),
      dataIndex: 'count',
      width: 84,
      align: 'right',
      render: (n: number) => <Typography.Text strong={n >= 3}>{n}</Typography.Text>,
    },
    {
      title: l(x.hotspotRelapses),
      dataIndex: 'relapseCount',
      width: 84,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="volcano">{n}</Tag> : 0),
    },
    { title: l(x.hotspotOpen), dataIndex: 'openCount', width: 84, align: 'right' },
    {
      title: l(x.hotspotAddress),
      key: 'address',
      render: (_, h) => h.latest.address ?? `${h.lng.toFixed(5)}, ${h.lat.toFixed(5)}`,
    },
    { title: l(x.hotspotGrid), key: 'grid', render: (_, h) => h.grid?.name ?? '—' },
    { title: l(x.hotspotUnit), key: 'unit', render: (_, h) => h.leadUnit?.name ?? '—' },
    {
      title: l(x.hotspotLatest),
      key: 'latest',
      width: 190,
      render: (_, h) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/cases/${h.latest.id}`}>{h.latest.number}</Link>
          <Typography.Text type="secondary">{formatDateTime(h.latest.createdAt, locale)}</Typography.Text>
        </Space>
      ),
    },
  ];
}

/** 热点问题: places where the same problem keeps being reported (and comes back), ranked. */
export default function HotspotsPage() {
  const { t, l } = useI18n();
  const list = useListParams(FILTERS);
  const { filters } = list;
  const category = useCategory(filters.categoryId);
  const query = useMemo<Query>(
    () => ({
      from: filters.from,
      to: filters.to,
      categoryCode: category?.code,
      categoryKind: category?.kind,
      minCount: filters.minCount,
      limit: LIMIT,
    }),
    [filters.from, filters.to, filters.minCount, category],
  );
  // A category filter waits for the category's code (the catalogue loads once, then is cached).
  const hotspots = useHotspots(query, !filters.categoryId || !!category);
  const columns = useColumns();
  const data = hotspots.data;

  return (
    <>
      <PageHeader
        extra={
          <DownloadButton onDownload={() => exportHotspots(query)} data-testid="hotspots-export">
            {t('common.export')}
          </DownloadButton>
        }
      >
        {data && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {data.from} ~ {data.to} · {fill(l(CASE_LINK_TEXT.hotspotCell), { m: data.cellM })}
          </Typography.Paragraph>
        )}
      </PageHeader>
      <ListToolbar
        activeFilters={Object.keys(filters).length}
        filters={
          <>
            <Space.Compact>
              <Input
                type="date"
                value={filters.from ?? data?.from ?? ''}
                max={filters.to}
                aria-label={t('kpis.from')}
                onChange={(e) => list.update({ from: e.target.value })}
                style={{ width: 150 }}
              />
              <Input
                type="date"
                value={filters.to ?? data?.to ?? ''}
                min={filters.from}
                aria-label={t('kpis.to')}
                onChange={(e) => list.update({ to: e.target.value })}
                style={{ width: 150 }}
              />
            </Space.Compact>
            <CategoryTreeSelect
              value={filters.categoryId ?? null}
              onChange={(categoryId) => list.update({ categoryId })}
            />
            <Select<number>
              value={Number(filters.minCount ?? 1)}
              onChange={(n) => list.update({ minCount: n === 1 ? undefined : n })}
              prefix={l(CASE_LINK_TEXT.hotspotMinCount)}
              options={MIN_COUNTS.map((n) => ({ value: n, label: n }))}
              style={{ minWidth: 130 }}
              data-testid="hotspots-min-count"
            />
          </>
        }
      />
      {hotspots.isError && <QueryError error={hotspots.error} onRetry={() => hotspots.refetch()} />}
      <Table<Hotspot>
        rowKey={(h) => `${h.categoryKind}:${h.categoryCode}:${h.caseIds[0]}`}
        columns={columns}
        dataSource={data?.items ?? []}
        loading={hotspots.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1000 }}
        size="middle"
        data-testid="hotspots-table"
      />
    </>
  );
}
