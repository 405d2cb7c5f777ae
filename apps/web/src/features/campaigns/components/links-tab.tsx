import { PlusOutlined } from '@ant-design/icons';
import type { Campaign } from '@chuangcheng/contracts';
import { Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { DeleteButton } from '../../../components/delete-button';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useDeleteIndicatorLink } from '../api/delete-indicator-link';
import { type IndicatorLink, useIndicatorLinks } from '../api/list-indicator-links';
import { useStandardTree } from '../api/list-standard-options';
import { useCampaignsWritable } from '../hooks/use-campaigns-writable';
import { useMessages } from '../messages';
import { LinkAddModal } from './link-add-modal';

/** 指标关联: this standard's indicators tied to indicators of other standards. */
export function LinksTab({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  // On a phone a fixed column would cover most of the row: the whole table scrolls instead.
  const isMobile = useIsMobile();
  const m = useMessages();
  const writable = useCampaignsWritable();
  const links = useIndicatorLinks(campaign.standardId);
  const tree = useStandardTree(campaign.standardId);
  const remove = useDeleteIndicatorLink();
  const [adding, setAdding] = useState(0);

  // A link may have been made from the other side: show this standard's indicator first either way.
  const own = new Set((tree.data?.nodes ?? []).map((n) => n.id));
  const oriented = (links.data ?? []).map((link) =>
    own.has(link.nodeId) || !own.has(link.linkedNodeId)
      ? link
      : {
          ...link,
          nodeId: link.linkedNodeId,
          nodeCode: link.linkedNodeCode,
          nodeTitle: link.linkedNodeTitle,
          standardName: link.linkedStandardName,
          linkedNodeId: link.nodeId,
          linkedNodeCode: link.nodeCode,
          linkedNodeTitle: link.nodeTitle,
          linkedStandardName: link.standardName,
        },
  );

  const columns: TableColumnsType<IndicatorLink> = [
    {
      title: m('linkThis'),
      key: 'node',
      render: (_, r) => (
        <div style={{ minWidth: 160, maxWidth: 320 }}>
          <span className="cc-mono">{r.nodeCode}</span> {r.nodeTitle}
        </div>
      ),
    },
    {
      title: m('linkStandard'),
      dataIndex: 'linkedStandardName',
      render: (v: string) => <div style={{ minWidth: 120 }}>{v}</div>,
    },
    {
      title: m('linkIndicator'),
      key: 'linked',
      render: (_, r) => (
        <div style={{ minWidth: 160, maxWidth: 320 }}>
          <span className="cc-mono">{r.linkedNodeCode}</span> {r.linkedNodeTitle}
        </div>
      ),
    },
    { title: t('common.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: isMobile ? undefined : 'right',
      render: (_, r) => (
        <DeleteButton
          name={`${r.nodeCode} ↔ ${r.linkedNodeCode}`}
          onConfirm={() => remove.mutateAsync(r.id)}
        />
      ),
    });
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{m('linkHint')}</Typography.Text>
        {writable && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding((k) => k + 1)} data-testid="link-add">
            {m('addLink')}
          </Button>
        )}
      </Flex>
      {links.isError && <QueryError error={links.error} onRetry={() => links.refetch()} />}
      <Table<IndicatorLink>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={oriented}
        loading={links.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: m('linkEmpty') }}
        data-testid="links-table"
      />
      {writable && adding > 0 && (
        <LinkAddModal
          key={adding}
          open
          standardId={campaign.standardId}
          nodes={tree.data?.nodes ?? []}
          onClose={() => setAdding(0)}
        />
      )}
    </>
  );
}
