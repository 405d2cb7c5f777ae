import { CloudUploadOutlined } from '@ant-design/icons';
import {
  RECTLIST_STATE_LABELS,
  RECTLIST_STATES,
  type RectlistState,
  type RectlistSummary,
} from '@chuangcheng/contracts';
import { Button, Flex, Input, Progress, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useRectlists } from '../api/rectlists';
import { UploadModal } from './upload-modal';

export const STATE_COLORS: Record<RectlistState, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** 生成进度 (rows handled / rows) while the job runs, then 整改进度 (closed / cases). */
export function BatchProgress({ b }: { b: RectlistSummary }) {
  if (b.state === 'queued' || b.state === 'running') {
    const done = b.createdCount + b.failedCount;
    return (
      <Progress
        percent={b.rowCount ? Math.floor((done / b.rowCount) * 100) : 0}
        status="active"
        format={() => `${done}/${b.rowCount}`}
        size="small"
      />
    );
  }
  return (
    <Progress
      percent={b.createdCount ? Math.round((b.closedCount / b.createdCount) * 100) : 0}
      format={() => `${b.closedCount}/${b.createdCount} 已办结`}
      size="small"
    />
  );
}

/** 整改清单: the batches an upper level sent, each with its cases' progress; upload a new one. */
export default function RectlistsPage() {
  const { l, locale } = useI18n();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<RectlistState | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);
  const query = useRectlists({ page, pageSize: 20, state, q });

  const columns: TableColumnsType<RectlistSummary> = [
    {
      title: '编号',
      dataIndex: 'number',
      width: 150,
      render: (v: string, b) => <Link to={`/rectlists/${b.id}`}>{v}</Link>,
    },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '上级单位', dataIndex: 'upperUnit', width: 140 },
    { title: '暗访日期', dataIndex: 'inspectedOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '问题数', dataIndex: 'rowCount', width: 80, align: 'right' },
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (s: RectlistState, b) => (
        <Tag color={STATE_COLORS[s]}>
          {l(RECTLIST_STATE_LABELS[s])}
          {b.failedCount ? `（${b.failedCount} 条未生成）` : ''}
        </Tag>
      ),
    },
    { title: '进度', key: 'progress', width: 200, render: (_, b) => <BatchProgress b={b} /> },
    { title: '导入人', dataIndex: 'uploadedByName', width: 110 },
    {
      title: '导入时间',
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => formatDateTime(v, locale),
    },
  ];

  return (
    <>
      <PageHeader
        extra={
          me.role === 'office' && (
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              onClick={() => setUploading(true)}
              data-testid="rectlist-new"
            >
              导入整改清单
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="编号、标题或上级单位"
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v || undefined);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 140 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={RECTLIST_STATES.map((s) => ({ value: s, label: l(RECTLIST_STATE_LABELS[s]) }))}
        />
      </Flex>
      {query.error ? (
        <QueryError error={query.error} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={query.isLoading}
          columns={columns}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: 20,
            total: query.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          data-testid="rectlists-table"
        />
      )}
      <UploadModal open={uploading} onClose={() => setUploading(false)} />
    </>
  );
}
