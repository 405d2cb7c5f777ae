import { EditOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { CAMPAIGN_TYPE_LABELS, type StandardNode } from '@chuangcheng/contracts';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { exportStandard } from '../api/export-standard';
import { useStandard } from '../api/get-standard';
import { useStandardsWritable } from '../hooks/use-standards-writable';
import { useMessages } from '../messages';
import { NodeFormDrawer, type NodeFormMode } from './node-form-drawer';
import { nextChildCode } from './node-tree';
import { NodeTreeTable } from './node-tree-table';
import { SampleTag } from './sample-tag';
import { StandardFormDrawer } from './standard-form-drawer';
import { TYPE_COLORS } from './type-colors';

/** 标准详情: thresholds and totals, then the indicator tree with add/edit/delete and 导出Excel. */
export default function StandardDetailPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const m = useMessages();
  const standard = useStandard(id);
  const writable = useStandardsWritable();
  const isMobile = useIsMobile();
  const [nodeForm, setNodeForm] = useState<{ mode: NodeFormMode | null; key: number }>({
    mode: null,
    key: 0,
  });
  const [editOpen, setEditOpen] = useState<number>(0);
  const openNode = (mode: NodeFormMode) => setNodeForm((f) => ({ mode, key: f.key + 1 }));

  if (standard.isError) return <QueryError error={standard.error} onRetry={() => standard.refetch()} />;
  const s = standard.data;
  if (!s) return <Skeleton active />;

  const childrenOf = (parentId: string | null) => s.nodes.filter((n) => n.parentId === parentId);
  const addChild = (parent: StandardNode | null) =>
    openNode({ kind: 'create', parent, code: nextChildCode(parent, childrenOf(parent?.id ?? null)) });
  const stat = (title: string, value: number, color?: string) => (
    <Statistic
      title={title}
      value={value}
      styles={{ content: { color, fontSize: isMobile ? 20 : undefined } }}
    />
  );
  const topSum = childrenOf(null).reduce((sum, n) => sum + n.points, 0);

  return (
    <>
      <PageHeader
        title={
          <span>
            {s.name}
            {s.sample && <SampleTag />}
          </span>
        }
        extra={
          <>
            {writable && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => addChild(null)}
                data-testid="add-root-node"
              >
                {m('addRoot')}
              </Button>
            )}
            {writable && (
              <Button icon={<EditOutlined />} onClick={() => setEditOpen((k) => k + 1)}>
                {m('edit')}
              </Button>
            )}
            <DownloadButton
              icon={<FileExcelOutlined />}
              onDownload={() => exportStandard(s.id, s.code)}
              data-testid="standard-export"
            >
              {m('exportExcel')}
            </DownloadButton>
          </>
        }
      />
      {s.sample && <Alert type="warning" showIcon title={m('sampleHint')} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={isMobile ? [20, 8] : [32, 12]} wrap style={{ marginBottom: 12 }}>
          {stat(m('totalPoints'), s.totalPoints)}
          {stat(m('passScore'), s.passScore, '#389e0d')}
          {stat(m('basicScore'), s.basicScore, '#d48806')}
          {stat(m('nodeCount'), s.nodeCount)}
          {stat(m('vetoCount'), s.vetoCount, s.vetoCount ? '#cf1322' : undefined)}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('common.code')}>
            <span className="cc-mono">{s.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m('type')}>
            <Tag color={TYPE_COLORS[s.type]}>{l(CAMPAIGN_TYPE_LABELS[s.type])}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={m('version')}>v{s.version}</Descriptions.Item>
          <Descriptions.Item label={m('points')}>
            {topSum === s.totalPoints ? (
              m('topPoints', { sum: topSum, total: s.totalPoints })
            ) : (
              <Tag color="warning">{m('topPoints', { sum: topSum, total: s.totalPoints })}</Tag>
            )}
          </Descriptions.Item>
          {s.note && <Descriptions.Item label={t('common.note')}>{s.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <NodeTreeTable
        nodes={s.nodes}
        loading={standard.isFetching}
        writable={writable}
        onAddChild={addChild}
        onEdit={(node) => openNode({ kind: 'edit', node })}
      />
      {writable && (
        <NodeFormDrawer
          key={nodeForm.key}
          standardId={s.id}
          mode={nodeForm.mode}
          onClose={() => setNodeForm((f) => ({ ...f, mode: null }))}
        />
      )}
      {writable && editOpen > 0 && (
        <StandardFormDrawer key={editOpen} open standard={s} onClose={() => setEditOpen(0)} />
      )}
    </>
  );
}
