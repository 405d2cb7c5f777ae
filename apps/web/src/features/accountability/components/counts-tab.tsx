import type { AccountabilityCounts } from '@chuangcheng/contracts';
import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { DownloadButton } from '../../../components/download-button';
import { QueryError } from '../../../components/query-error';
import { download } from '../../../lib/api-client';
import { type RegisterFilters, useCounts } from '../api/accountability';
import { FilterBar } from './register-tab';

type UnitRow = AccountabilityCounts['units'][number];

/** Tags of a breakdown (情形 or 方式 with their counts). */
function Breakdown({ items, color }: { items: UnitRow['situations']; color?: string }) {
  return (
    <Flex wrap gap={4}>
      {items.map((x) => (
        <Tag key={x.id ?? 'none'} color={x.id ? color : undefined}>
          {x.name} {x.count}
        </Tag>
      ))}
    </Flex>
  );
}

/** 问责统计: entries per unit and per 情形/方式; a unit's count opens its entries in the register. */
export function CountsTab({
  filters,
  setFilters,
  onDrill,
}: {
  filters: RegisterFilters;
  setFilters: (f: RegisterFilters) => void;
  onDrill: (f: RegisterFilters) => void;
}) {
  const { situationId: _s, methodId: _m, ...periodFilters } = filters;
  const counts = useCounts(periodFilters);
  const c = counts.data;
  const columns: TableColumnsType<UnitRow> = [
    {
      title: '单位',
      dataIndex: 'unitName',
      width: 180,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: '问责次数',
      dataIndex: 'count',
      width: 100,
      align: 'right',
      render: (n: number, u) => (
        <Button
          type="link"
          size="small"
          onClick={() => onDrill({ ...periodFilters, unitId: u.unitId })}
          data-testid="drill-unit"
        >
          {n}
        </Button>
      ),
    },
    { title: '按问责情形', key: 's', render: (_, u) => <Breakdown items={u.situations} /> },
    {
      title: '按问责方式',
      key: 'm',
      width: 320,
      render: (_, u) => <Breakdown items={u.methods} color="red" />,
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <FilterBar value={filters} onChange={setFilters} kinds={false} />
        <DownloadButton
          onDownload={() =>
            download(
              '/api/exports/accountability.xlsx',
              { ...periodFilters, view: 'counts' },
              '问责统计.xlsx',
            )
          }
          data-testid="export-accountability-counts"
        >
          导出统计
        </DownloadButton>
      </Flex>
      {counts.isError && <QueryError error={counts.error} onRetry={() => counts.refetch()} />}
      {c && (
        <Flex wrap gap={16} align="center" data-testid="accountability-totals">
          <Typography.Text>
            合计 <Typography.Text strong>{c.total}</Typography.Text> 次
          </Typography.Text>
          <Breakdown items={c.methods} color="red" />
        </Flex>
      )}
      <Table<UnitRow>
        rowKey="unitId"
        size="middle"
        columns={columns}
        dataSource={c?.units ?? []}
        loading={counts.isFetching}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '所选时段没有问责记录' }}
        data-testid="accountability-counts"
      />
    </Flex>
  );
}
