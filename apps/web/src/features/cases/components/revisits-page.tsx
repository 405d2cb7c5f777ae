import { PlusOutlined } from '@ant-design/icons';
import {
  CASE_LINK_TEXT,
  REVISIT_STATUS_LABELS,
  type Revisit,
  type RevisitBatch,
  type RevisitStatus,
  type Role,
} from '@chuangcheng/contracts';
import { Button, Card, Progress, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useMe } from '../../../lib/session';
import { useRevisitBatches, useRevisits } from '../api/case-links';
import { DrawModal, ResultModal } from './revisit-modals';

const CREATE: readonly Role[] = ['office'];
const ACT: readonly Role[] = ['office', 'inspector', 'grid_worker'];
const STATUS_COLORS: Record<RevisitStatus, string> = { pending: 'blue', ok: 'green', relapsed: 'red' };
const X = CASE_LINK_TEXT;

function BatchTable({
  batches,
  selected,
  onSelect,
  loading,
}: {
  batches: RevisitBatch[];
  selected: string | null;
  onSelect: (id: string) => void;
  loading: boolean;
}) {
  const { l, locale } = useI18n();
  const columns: TableColumnsType<RevisitBatch> = [
    { title: l(X.revisitCreatedAt), key: 'at', render: (_, b) => formatDateTime(b.createdAt, locale) },
    { title: l(X.revisitCreatedBy), dataIndex: 'createdByName' },
    {
      title: l(X.revisitPeriod),
      key: 'closed',
      render: (_, b) => `${formatDate(b.closedFrom)} ~ ${formatDate(b.closedTo)}`,
    },
    { title: l(X.revisitTotal), dataIndex: 'total', align: 'right', width: 80 },
    {
      title: l(X.revisitProgress),
      key: 'progress',
      width: 220,
      render: (_, b) => (
        <Space size={4} wrap>
          <Progress
            percent={Math.round(((b.total - b.pending) / Math.max(1, b.total)) * 100)}
            size="small"
            style={{ width: 90, margin: 0 }}
          />
          {b.relapsed > 0 && <Tag color="red">{`${l(X.revisitRelapsed)} ${b.relapsed}`}</Tag>}
        </Space>
      ),
    },
    { title: l(X.revisitDue), dataIndex: 'dueDate', width: 110, render: (d: string | null) => d ?? '—' },
  ];
  return (
    <Table<RevisitBatch>
      rowKey="batchId"
      size="small"
      columns={columns}
      dataSource={batches}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      rowClassName={(b) => (b.batchId === selected ? 'ant-table-row-selected' : '')}
      onRow={(b) => ({ onClick: () => onSelect(b.batchId), style: { cursor: 'pointer' } })}
      scroll={{ x: 760 }}
      data-testid="revisit-batches"
    />
  );
}

function useRevisitColumns(canAct: boolean, onResult: (r: Revisit, ok: boolean) => void) {
  const { l, locale } = useI18n();
  const columns: TableColumnsType<Revisit> = [
    {
      title: l(X.revisitCase),
      key: 'case',
      width: 150,
      render: (_, r) => <Link to={`/cases/${r.case.id}`}>{r.case.number}</Link>,
    },
    { title: l(X.hotspotCategory), key: 'category', render: (_, r) => r.case.categoryName },
    {
      title: l(X.hotspotAddress),
      key: 'address',
      width: 220,
      ellipsis: { showTitle: true },
      render: (_, r) => r.case.address ?? r.case.description,
    },
    { title: l(X.hotspotGrid), key: 'grid', render: (_, r) => r.case.gridName ?? '—' },
    { title: l(X.hotspotUnit), key: 'unit', render: (_, r) => r.case.leadUnit?.name ?? '—' },
    {
      title: l(X.revisitPeriod),
      key: 'closedAt',
      width: 110,
      render: (_, r) => formatDate(r.case.closedAt),
    },
    {
      title: l(X.revisitStatus),
      key: 'status',
      width: 220,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <Tag color={STATUS_COLORS[r.status]}>{l(REVISIT_STATUS_LABELS[r.status])}</Tag>
            {r.relapseCase && (
              <Link
                to={`/cases/${r.relapseCase.id}`}
              >{`${l(X.revisitRelapseCase)} ${r.relapseCase.number}`}</Link>
            )}
          </Space>
          {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
          {r.doneAt && (
            <Typography.Text type="secondary">{`${r.doneByName ?? ''} ${formatDateTime(r.doneAt, locale)}`}</Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  if (canAct) {
    columns.push({
      title: '',
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_, r) =>
        r.status === 'pending' ? (
          <Space size={4}>
            <Button size="small" onClick={() => onResult(r, true)} data-testid="revisit-ok">
              {l(X.revisitOk)}
            </Button>
            <Button size="small" danger onClick={() => onResult(r, false)} data-testid="revisit-relapsed">
              {l(X.revisitRelapsed)}
            </Button>
          </Space>
        ) : null,
    });
  }
  return columns;
}

/** 回头看: draw a sample of the closed cases, go back to each and record whether it came back. */
export default function RevisitsPage() {
  const { l } = useI18n();
  const me = useMe();
  const list = useListParams(['batchId'] as const);
  const batches = useRevisitBatches();
  const selected = list.filters.batchId ?? batches.data?.[0]?.batchId ?? null;
  const revisits = useRevisits(selected);
  const [drawing, setDrawing] = useState(false);
  const [target, setTarget] = useState<{ r: Revisit; ok: boolean } | null>(null);
  const columns = useRevisitColumns(ACT.includes(me.role), (r, ok) => setTarget({ r, ok }));
  const batch = batches.data?.find((b) => b.batchId === selected);

  return (
    <>
      <PageHeader
        extra={
          CREATE.includes(me.role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawing(true)}
              data-testid="revisit-draw"
            >
              {l(X.revisitNew)}
            </Button>
          )
        }
      />
      {batches.isError && <QueryError error={batches.error} onRetry={() => batches.refetch()} />}
      <Card size="small" title={l(X.revisitBatches)} style={{ marginBottom: 16 }}>
        <BatchTable
          batches={batches.data ?? []}
          selected={selected}
          onSelect={(batchId) => list.update({ batchId })}
          loading={batches.isFetching}
        />
      </Card>
      <Card
        size="small"
        title={
          batch
            ? `${l(X.revisitBatch)} ${formatDate(batch.createdAt)} · ${batch.createdByName}`
            : l(X.revisitEmpty)
        }
      >
        {revisits.isError && <QueryError error={revisits.error} onRetry={() => revisits.refetch()} />}
        <Table<Revisit>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={selected ? (revisits.data?.items ?? []) : []}
          loading={revisits.isFetching}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1100 }}
          data-testid="revisit-cases"
        />
      </Card>
      <DrawModal
        open={drawing}
        onClose={() => setDrawing(false)}
        onDrawn={(batchId) => list.update({ batchId })}
      />
      <ResultModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
