import {
  PERIODICITY_LABELS,
  SCORING_RULE_LABELS,
  type ScoringRule,
  type StandardNode,
} from '@chuangcheng/contracts';
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useDeleteStandardNode } from '../api/delete-standard-node';
import { useMessages } from '../messages';
import { buildNodeRows, type NodeRow } from './node-tree';
import { ruleSummary } from './rule-summary';

const RULE_COLORS: Record<ScoringRule, string> = {
  manual: 'blue',
  deduction: 'orange',
  threshold: 'purple',
  count: 'geekblue',
  exposure: 'volcano',
  veto: 'red',
};

/** The indicator tree: code, title, points, rule with its parameters in words, evidence, units, actions. */
export function NodeTreeTable({
  nodes,
  loading,
  writable,
  onAddChild,
  onEdit,
}: {
  nodes: readonly StandardNode[];
  loading: boolean;
  writable: boolean;
  onAddChild: (parent: StandardNode) => void;
  onEdit: (node: StandardNode) => void;
}) {
  const { t, l, locale } = useI18n();
  // On a phone a fixed column would cover most of the row: the whole table scrolls instead.
  const isMobile = useIsMobile();
  const m = useMessages();
  const { message } = App.useApp();
  const remove = useDeleteStandardNode();
  const { roots, innerKeys } = useMemo(() => buildNodeRows(nodes), [nodes]);
  // null: everything open (the default view of a standard is the whole tree).
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);

  const columns: TableColumnsType<NodeRow> = [
    {
      title: t('common.code'),
      dataIndex: 'code',
      width: isMobile ? 96 : 130,
      render: (code: string) => <span className="cc-mono">{code}</span>,
    },
    {
      title: m('indicator'),
      dataIndex: 'title',
      render: (title: string, n) => (
        <div style={{ minWidth: isMobile ? 180 : 220, maxWidth: 340 }}>
          <Typography.Text strong={n.depth === 0}>{title}</Typography.Text>
          {n.veto && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {l(SCORING_RULE_LABELS.veto)}
            </Tag>
          )}
          {n.description && (
            <div className="cc-muted" style={{ fontSize: 12 }}>
              {n.description}
            </div>
          )}
        </div>
      ),
    },
    {
      title: m('points'),
      dataIndex: 'points',
      width: 80,
      align: 'right',
      render: (points: number, n) =>
        n.veto ? (
          '—'
        ) : (
          <span>
            {points}
            {n.childPoints !== undefined && n.childPoints !== points && (
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="warning">Σ{n.childPoints}</Typography.Text>
              </div>
            )}
          </span>
        ),
    },
    {
      title: m('rule'),
      key: 'rule',
      render: (_, n) =>
        n.leaf || n.veto ? (
          <div style={{ minWidth: 160, maxWidth: 220 }}>
            <Tag color={RULE_COLORS[n.rule]}>{l(SCORING_RULE_LABELS[n.rule])}</Tag>
            <div style={{ fontSize: 12 }}>{ruleSummary(n, m, l)}</div>
          </div>
        ) : (
          <span className="cc-muted">{m('ruleInner')}</span>
        ),
    },
    {
      title: m('evidence'),
      key: 'evidence',
      render: (_, n) =>
        n.evidence.length === 0 ? (
          <span className="cc-muted">—</span>
        ) : (
          <div style={{ minWidth: 160, maxWidth: 240, fontSize: 12 }}>
            {n.evidence.map((e) => (
              <div key={`${e.title}-${e.periodicity}`}>
                {e.title}
                <Typography.Text type="secondary">（{l(PERIODICITY_LABELS[e.periodicity])}）</Typography.Text>
              </div>
            ))}
          </div>
        ),
    },
    {
      title: m('units'),
      dataIndex: 'unitNames',
      render: (names: string[]) =>
        names.length ? <div style={{ minWidth: 100, maxWidth: 200 }}>{names.join('、')}</div> : '—',
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      fixed: isMobile ? undefined : 'right',
      render: (_, n) => (
        <Space size={0}>
          {!n.veto && (
            <Button type="link" size="small" onClick={() => onAddChild(n)}>
              {m('addChild')}
            </Button>
          )}
          <Button type="link" size="small" onClick={() => onEdit(n)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={m('deleteNodeConfirm', { name: `${n.code} ${n.title}` })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove
                .mutateAsync(n.id)
                .then(() => message.success(t('common.deleted')))
                .catch((error: unknown) => message.error(errorMessage(error, locale)))
            }
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Table<NodeRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={roots}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowKeys: expanded ?? innerKeys,
        onExpandedRowsChange: (keys) => setExpanded(keys),
        indentSize: 16,
      }}
      locale={{ emptyText: m('empty') }}
      data-testid="standard-tree"
    />
  );
}
