import {
  CASE_STATUS_LABELS,
  type CaseStatus,
  RECTLIST_STATE_LABELS,
  type RectlistRow,
} from '@chuangcheng/contracts';
import {
  Alert,
  Card,
  Descriptions,
  Flex,
  Progress,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { downloadRectlistExport, useRectlist } from '../api/rectlists';
import { STATE_COLORS } from './rectlists-page';

const CLOSED: CaseStatus = 'closed';

/** One 整改清单: where the job is, how far rectification has got, and every problem with its case. */
export default function RectlistPage() {
  const { id = '' } = useParams();
  const { l, locale } = useI18n();
  const query = useRectlist(id);
  if (query.error) return <QueryError error={query.error} />;
  const b = query.data;
  if (!b) return <Skeleton active />;
  const handled = b.createdCount + b.failedCount;
  const running = b.state === 'queued' || b.state === 'running';

  const columns: TableColumnsType<RectlistRow> = [
    { title: '行', dataIndex: 'row', width: 56 },
    { title: '序号', dataIndex: 'seq', width: 64, render: (v: string | null) => v ?? '—' },
    {
      title: '位置',
      key: 'where',
      width: 220,
      render: (_, r) =>
        r.address ?? (r.gridCode ? `网格 ${r.gridCode}` : r.lng !== null ? `${r.lng}, ${r.lat}` : '—'),
    },
    { title: '问题类别', dataIndex: 'categoryName', width: 120 },
    { title: '问题描述', dataIndex: 'description', ellipsis: true },
    {
      title: '整改期限',
      dataIndex: 'rectifyBy',
      width: 110,
      render: (v: string | null) => v ?? '按类别时限',
    },
    {
      title: '案件',
      key: 'case',
      width: 150,
      render: (_, r) =>
        r.case ? (
          <Link to={`/cases/${r.case.id}`}>{r.case.number}</Link>
        ) : r.error ? (
          <Typography.Text type="danger">未生成</Typography.Text>
        ) : (
          <Typography.Text type="secondary">待生成</Typography.Text>
        ),
    },
    {
      title: '责任单位',
      key: 'unit',
      width: 150,
      render: (_, r) => r.case?.leadUnitName ?? '—',
    },
    {
      title: '整改状态',
      key: 'status',
      width: 110,
      render: (_, r) =>
        r.case ? (
          <Tag color={r.case.status === CLOSED ? 'success' : 'processing'}>
            {l(CASE_STATUS_LABELS[r.case.status])}
          </Tag>
        ) : (
          '—'
        ),
    },
    {
      title: '派遣说明 / 原因',
      key: 'note',
      width: 260,
      render: (_, r) =>
        r.error ? <Typography.Text type="danger">{r.error}</Typography.Text> : (r.case?.route ?? ''),
    },
  ];

  return (
    <>
      <PageHeader
        title={`${b.number} ${b.title}`}
        extra={
          <DownloadButton onDownload={() => downloadRectlistExport(b.id)} data-testid="rectlist-export">
            导出整改情况
          </DownloadButton>
        }
      />
      <Flex vertical gap={12}>
        {b.state === 'failed' && b.error && <Alert type="error" showIcon title={b.error} />}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label="上级单位">{b.upperUnit}</Descriptions.Item>
            <Descriptions.Item label="暗访日期">{b.inspectedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="导入人">{b.uploadedByName}</Descriptions.Item>
            <Descriptions.Item label="导入时间">{formatDateTime(b.createdAt, locale)}</Descriptions.Item>
            <Descriptions.Item label="文件">{b.fileName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={STATE_COLORS[b.state]} data-testid="rectlist-state">
                {l(RECTLIST_STATE_LABELS[b.state])}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="问题 / 已生成 / 未生成">
              {b.rowCount} / {b.createdCount} / {b.failedCount}
            </Descriptions.Item>
          </Descriptions>
          <Flex gap={24} wrap style={{ marginTop: 8 }}>
            <div style={{ minWidth: 260, flex: 1 }}>
              <Typography.Text type="secondary">生成案件</Typography.Text>
              <Progress
                percent={b.rowCount ? Math.floor((handled / b.rowCount) * 100) : 100}
                status={running ? 'active' : b.failedCount ? 'exception' : 'success'}
                format={() => `${handled}/${b.rowCount}`}
                data-testid="rectlist-job-progress"
              />
            </div>
            <div style={{ minWidth: 260, flex: 1 }}>
              <Typography.Text type="secondary">整改进度（已办结 / 案件数）</Typography.Text>
              <Progress
                percent={b.createdCount ? Math.round((b.closedCount / b.createdCount) * 100) : 0}
                format={() => `${b.closedCount}/${b.createdCount}`}
                data-testid="rectlist-rectify-progress"
              />
            </div>
          </Flex>
        </Card>
        <Table
          rowKey="row"
          size="small"
          columns={columns}
          dataSource={b.rows}
          scroll={{ x: 'max-content' }}
          pagination={b.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          data-testid="rectlist-rows"
        />
      </Flex>
    </>
  );
}
