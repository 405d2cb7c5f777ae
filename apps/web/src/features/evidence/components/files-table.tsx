import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import type { EvidenceFile } from '@chuangcheng/contracts';
import { App, Button, Card, Popconfirm, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useIsMobile } from '../../../lib/responsive';
import { downloadEvidence, useDeleteEvidence } from '../api/delete-evidence';
import { useEvidence } from '../api/list-evidence';
import { formatBytes, periodLabel } from './periods';
import { ReviewStatus } from './review-status';

const FLAG_LABELS: Record<EvidenceFile['flags'][number], { text: string; color: string }> = {
  date_outside_period: { text: '日期不在期间内', color: 'orange' },
  duplicate_file: { text: '重复文件', color: 'red' },
};

export interface FileFilter {
  nodeId?: string;
  nodeCode?: string;
  period?: string;
}

/** The uploaded documents with their consistency flags; download and delete. */
export function FilesTable({
  campaignId,
  filter,
  onClearFilter,
  canDelete,
}: {
  campaignId: string;
  filter: FileFilter;
  onClearFilter: () => void;
  canDelete: boolean;
}) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const files = useEvidence({ campaignId, nodeId: filter.nodeId, period: filter.period, ...page });
  const remove = useDeleteEvidence();

  const onDownload = async (f: EvidenceFile) => {
    try {
      await downloadEvidence(f.id, f.fileName);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const onDelete = async (f: EvidenceFile) => {
    try {
      await remove.mutateAsync(f.id);
      message.success('已删除');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const columns: TableColumnsType<EvidenceFile> = [
    {
      title: '资料',
      key: 'title',
      render: (_, f) => (
        <div>
          <div>{f.title}</div>
          <div className="cc-muted" style={{ fontSize: 12 }}>
            {f.fileName} · {formatBytes(f.size)}
          </div>
          {f.flags.length > 0 && (
            <div data-testid="evidence-flags">
              {f.flags.map((flag) => (
                <Tag key={flag} color={FLAG_LABELS[flag].color}>
                  {FLAG_LABELS[flag].text}
                </Tag>
              ))}
            </div>
          )}
        </div>
      ),
    },
    {
      title: '指标 / 资料项',
      key: 'node',
      width: isMobile ? 140 : 240,
      render: (_, f) => (
        <div>
          <span className="cc-mono">{f.nodeCode}</span> {f.requirement}
          <div className="cc-muted" style={{ fontSize: 12 }}>
            {periodLabel(f.period)}
          </div>
        </div>
      ),
    },
    {
      title: '审核',
      key: 'review',
      width: isMobile ? 100 : 170,
      render: (_, f) => <ReviewStatus file={f} />,
    },
    ...(isMobile
      ? []
      : [
          { title: '成文日期', dataIndex: 'docDate', width: 110 },
          {
            title: '发文单位',
            dataIndex: 'issuingUnit',
            width: 140,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: '上传人',
            dataIndex: 'uploadedBy',
            width: 100,
            render: (v: string | null) => v ?? '—',
          },
        ]),
    {
      title: '操作',
      key: 'actions',
      width: canDelete ? 96 : 56,
      render: (_, f) => (
        <Space size={0}>
          <Tooltip title="下载">
            <Button type="text" icon={<DownloadOutlined />} onClick={() => onDownload(f)} aria-label="下载" />
          </Tooltip>
          {canDelete && (
            <Popconfirm
              title={`删除“${f.title}”？`}
              okText="删除"
              okButtonProps={{ danger: true }}
              onConfirm={() => onDelete(f)}
            >
              <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除" />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="已上传资料"
      extra={
        filter.nodeId && (
          <Tag closable onClose={onClearFilter} color="blue">
            {filter.nodeCode} {filter.period ? periodLabel(filter.period) : ''}
          </Tag>
        )
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<EvidenceFile>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={files.data?.items ?? []}
        loading={files.isFetching}
        scroll={{ x: isMobile ? 420 : undefined }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: files.data?.total ?? 0,
          size: 'small',
          showTotal: (n) => `共 ${n} 份`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        locale={{ emptyText: '还没有上传资料' }}
        data-testid="evidence-files"
      />
    </Card>
  );
}
