import type { NodeResult, RoundDetail, StandardNode } from '@chuangcheng/contracts';
import {
  Flex,
  Input,
  InputNumber,
  Radio,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useIsMobile } from '../../../lib/responsive';
import { CheckpointPhotos } from './checkpoint-photos';
import { type Draft, ruleHint, ruleLabel } from './score-sheet';
import { fmtScore, SourceTag } from './tags';

export type SheetFilter = 'all' | 'unscored' | 'lost' | 'changed';

interface ScoreTableProps {
  round: RoundDetail;
  nodes: NodeResult[];
  standardNodes: Map<string, StandardNode>;
  drafts: Map<string, Draft>;
  onDraft: (nodeId: string, patch: Draft) => void;
  readOnly: boolean;
}

/** The input a checkpoint's rule asks for, showing the unsaved value first, then the saved or derived one. */
function ScoreInputCell({
  node,
  draft,
  onDraft,
  readOnly,
}: {
  node: NodeResult;
  draft: Draft | undefined;
  onDraft: ScoreTableProps['onDraft'];
  readOnly: boolean;
}) {
  return <span data-testid={`score-input-${node.code}`}>{scoreInput(node, draft, onDraft, readOnly)}</span>;
}

function scoreInput(
  node: NodeResult,
  draft: Draft | undefined,
  onDraft: ScoreTableProps['onDraft'],
  readOnly: boolean,
) {
  const common = { size: 'small' as const, disabled: readOnly, style: { width: 104 } };
  switch (node.rule) {
    case 'manual': {
      const value = draft && 'score' in draft ? draft.score : node.source === 'manual' ? node.score : null;
      return (
        <InputNumber
          {...common}
          min={0}
          max={node.points}
          step={0.5}
          value={value}
          placeholder="得分"
          suffix="分"
          onChange={(v) => onDraft(node.nodeId, { score: v })}
        />
      );
    }
    case 'deduction':
    case 'count':
    case 'exposure': {
      const value = draft && 'occurrences' in draft ? draft.occurrences : node.occurrences;
      return (
        <InputNumber
          {...common}
          min={0}
          max={100000}
          precision={0}
          value={value}
          placeholder="次数"
          suffix={node.rule === 'count' ? '处' : '次'}
          onChange={(v) => onDraft(node.nodeId, { occurrences: v })}
        />
      );
    }
    case 'threshold': {
      const value = draft && 'value' in draft ? draft.value : node.value;
      return (
        <InputNumber
          {...common}
          value={value}
          placeholder="指标值"
          onChange={(v) => onDraft(node.nodeId, { value: v })}
        />
      );
    }
    case 'veto': {
      const saved = node.vetoStatus === 'met' ? true : node.vetoStatus === 'failed' ? false : null;
      const value = draft && 'passed' in draft ? draft.passed : saved;
      return (
        <Radio.Group
          size="small"
          disabled={readOnly}
          value={value === null || value === undefined ? undefined : value ? 'met' : 'failed'}
          onChange={(e) => onDraft(node.nodeId, { passed: e.target.value === 'met' })}
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'met', label: '达标' },
            { value: 'failed', label: '不达标' },
          ]}
        />
      );
    }
  }
}

/** The indicator tree as one table: inner nodes show their sums, checkpoints an input by rule. */
export function ScoreTable({ round, nodes, standardNodes, drafts, onDraft, readOnly }: ScoreTableProps) {
  const isMobile = useIsMobile();
  const columns = useMemo<TableColumnsType<NodeResult>>(() => {
    const titleOf = (n: NodeResult) => {
      const std = standardNodes.get(n.nodeId);
      return (
        <>
          <Typography.Text strong={!n.leaf}>
            <span className="cc-mono" style={{ marginInlineEnd: 6 }}>
              {n.code}
            </span>
            {n.title}
          </Typography.Text>
          {n.veto && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              一票否决
            </Tag>
          )}
          {n.leaf && (
            <div className="cc-muted" style={{ fontSize: 12 }}>
              {ruleLabel(n)} · {ruleHint(n, std?.params)}
            </div>
          )}
        </>
      );
    };
    const scoreOf = (n: NodeResult) => {
      if (n.veto)
        return n.vetoStatus === 'met' ? (
          <Tag color="success">达标</Tag>
        ) : n.vetoStatus === 'failed' ? (
          <Tag color="error">不达标</Tag>
        ) : (
          <Tag>未评估</Tag>
        );
      // A group of veto items carries no points: its sum means nothing.
      if (!n.leaf && n.points === 0) return <span className="cc-muted">—</span>;
      const unscored = n.leaf && n.source === 'none';
      return (
        <Typography.Text strong={!n.leaf} type={unscored ? 'secondary' : undefined}>
          {unscored ? '—' : fmtScore(n.score)}
        </Typography.Text>
      );
    };
    const lostOf = (n: NodeResult) =>
      n.lost > 0 ? <Typography.Text type="danger">-{fmtScore(n.lost)}</Typography.Text> : null;
    const sourceOf = (n: NodeResult) =>
      n.leaf ? (
        <span>
          <SourceTag source={n.source} />
          {n.linkedCaseCount > 0 && (
            <Tooltip title="关联到本指标、尚未结案的案件">
              <Tag bordered={false}>案件 {n.linkedCaseCount}</Tag>
            </Tooltip>
          )}
        </span>
      ) : null;
    const noteOf = (n: NodeResult) => {
      if (!n.leaf) return null;
      const draft = drafts.get(n.nodeId);
      return (
        <Flex vertical gap={4}>
          <Input
            size="small"
            disabled={readOnly}
            value={draft && 'note' in draft ? draft.note : (n.note ?? '')}
            maxLength={1000}
            placeholder="扣分说明、位置…"
            onChange={(e) => onDraft(n.nodeId, { note: e.target.value })}
          />
          <CheckpointPhotos
            roundId={round.id}
            saved={n.photoIds}
            value={draft?.photoIds ?? n.photoIds}
            onChange={(ids) => onDraft(n.nodeId, { photoIds: ids })}
            readOnly={readOnly}
          />
        </Flex>
      );
    };
    const inputOf = (n: NodeResult) =>
      n.leaf ? (
        <ScoreInputCell node={n} draft={drafts.get(n.nodeId)} onDraft={onDraft} readOnly={readOnly} />
      ) : null;

    if (isMobile) {
      // A phone: one column for the checkpoint and its inputs, one for the result.
      return [
        {
          title: '指标 / 评分',
          key: 'title',
          render: (_, n) => (
            <div style={{ paddingInlineStart: n.depth * 10 }}>
              {titleOf(n)}
              {n.leaf && (
                <Flex vertical gap={6} style={{ marginTop: 6 }}>
                  {inputOf(n)}
                  {noteOf(n)}
                </Flex>
              )}
            </div>
          ),
        },
        {
          title: '得分',
          key: 'score',
          width: 76,
          align: 'right',
          render: (_, n) => (
            <Flex vertical align="flex-end" gap={2}>
              {scoreOf(n)}
              {lostOf(n)}
              <span className="cc-muted" style={{ fontSize: 12 }}>
                {n.veto || n.points === 0 ? '' : `/ ${fmtScore(n.points)}`}
              </span>
            </Flex>
          ),
        },
      ];
    }
    return [
      {
        title: '指标',
        key: 'title',
        fixed: 'left',
        width: 380,
        render: (_, n) => <div style={{ paddingInlineStart: n.depth * 18 }}>{titleOf(n)}</div>,
      },
      {
        title: '分值',
        dataIndex: 'points',
        width: 64,
        align: 'right',
        render: (p: number, n) => (n.veto ? '—' : fmtScore(p)),
      },
      { title: '评分录入', key: 'input', width: 190, render: (_, n) => inputOf(n) },
      { title: '得分', key: 'score', width: 80, align: 'right', render: (_, n) => scoreOf(n) },
      { title: '失分', key: 'lost', width: 72, align: 'right', render: (_, n) => lostOf(n) },
      { title: '来源', key: 'source', width: 110, render: (_, n) => sourceOf(n) },
      { title: '备注 / 照片', key: 'note', width: 240, render: (_, n) => noteOf(n) },
    ];
  }, [isMobile, standardNodes, drafts, onDraft, readOnly, round.id]);
  return (
    <Table<NodeResult>
      rowKey="nodeId"
      size="small"
      bordered
      columns={columns}
      dataSource={nodes}
      rowClassName={(n) =>
        [
          n.leaf ? '' : 'cc-sheet-group',
          drafts.has(n.nodeId) ? 'cc-sheet-dirty' : '',
          n.veto && n.vetoStatus === 'failed' ? 'cc-sheet-veto-failed' : '',
        ].join(' ')
      }
      pagination={nodes.length > 100 ? { defaultPageSize: 100, showSizeChanger: true, size: 'small' } : false}
      scroll={isMobile ? undefined : { x: 1100 }}
      locale={{ emptyText: round.leaves === 0 ? '该标准没有指标' : '没有符合条件的指标' }}
      data-testid="score-table"
    />
  );
}
