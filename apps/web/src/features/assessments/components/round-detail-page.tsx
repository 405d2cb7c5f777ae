import type { NodeResult, StandardNode } from '@chuangcheng/contracts';
import { Alert, Flex, Input, Segmented, Skeleton, Tabs } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useCampaigns } from '../../../components/campaign-picker/list-campaigns';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useMe } from '../../../lib/session';
import { useRound } from '../api/get-round';
import { useStandard } from '../api/get-standard';
import { useLostPoints } from '../api/list-lost-points';
import { LostPointsTable } from './lost-points-table';
import { canRectify, canScore } from './roles';
import { RoundActions } from './round-actions';
import { RoundHeader } from './round-header';
import type { Draft } from './score-sheet';
import { ScoreTable, type SheetFilter } from './score-table';
import './round.css';

const FILTERS: { value: SheetFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'unscored', label: '未评分' },
  { value: 'lost', label: '失分' },
  { value: 'changed', label: '未保存' },
];

function visible(nodes: NodeResult[], filter: SheetFilter, q: string, drafts: Map<string, Draft>) {
  const text = q.trim();
  if (filter === 'all' && !text) return nodes;
  return nodes.filter((n) => {
    if (!n.leaf) return false;
    if (text && !`${n.code} ${n.title}`.includes(text)) return false;
    if (filter === 'unscored') return n.source === 'none' || (n.veto && n.vetoStatus === 'unknown');
    if (filter === 'lost') return n.lost > 0 || n.vetoStatus === 'failed';
    if (filter === 'changed') return drafts.has(n.nodeId);
    return true;
  });
}

/** 测评评分: the scoring sheet of one round, its totals and "where we lose points". */
export default function RoundDetailPage() {
  const { id = '' } = useParams();
  // Keyed by round: unsaved entries never leak into another round's sheet.
  return <RoundSheet key={id} id={id} />;
}

function RoundSheet({ id }: { id: string }) {
  const me = useMe();
  const round = useRound(id);
  const campaigns = useCampaigns();
  const campaign = campaigns.data?.find((c) => c.id === round.data?.campaignId);
  const standard = useStandard(campaign?.standardId);
  const [tab, setTab] = useState('sheet');
  const lost = useLostPoints(id, tab === 'lost');
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [filter, setFilter] = useState<SheetFilter>('all');
  const [q, setQ] = useState('');
  const standardNodes = useMemo(
    () => new Map<string, StandardNode>((standard.data?.nodes ?? []).map((n) => [n.id, n])),
    [standard.data],
  );
  const onDraft = useCallback((nodeId: string, patch: Draft) => {
    setDrafts((prev) => {
      const next = new Map(prev);
      next.set(nodeId, { ...prev.get(nodeId), ...patch });
      return next;
    });
  }, []);

  if (round.isError) return <QueryError error={round.error} onRetry={() => round.refetch()} />;
  if (!round.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const r = round.data;
  const readOnly = r.status === 'closed' || !canScore(me.role);
  const nodes = visible(r.nodes, filter, q, drafts);

  return (
    <>
      <PageHeader
        title={`${r.name}`}
        extra={
          <RoundActions round={r} drafts={drafts} readOnly={readOnly} onSaved={() => setDrafts(new Map())} />
        }
      />
      <RoundHeader round={r} pass={campaign?.passScore} basic={campaign?.basicScore} />
      {r.status === 'closed' && (
        <Alert type="info" showIcon title="该轮次已结束评分，评分表只读" style={{ marginBottom: 12 }} />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'sheet',
            label: '评分表',
            children: (
              <>
                <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
                  <Segmented<SheetFilter> value={filter} onChange={setFilter} options={FILTERS} />
                  <Input.Search
                    allowClear
                    placeholder="编码或指标名称"
                    onSearch={setQ}
                    onChange={(e) => !e.target.value && setQ('')}
                    style={{ maxWidth: 240 }}
                  />
                </Flex>
                <ScoreTable
                  round={r}
                  nodes={nodes}
                  standardNodes={standardNodes}
                  drafts={drafts}
                  onDraft={onDraft}
                  readOnly={readOnly}
                />
              </>
            ),
          },
          {
            key: 'lost',
            label: '失分排行',
            children: (
              <>
                {lost.isError && <QueryError error={lost.error} onRetry={() => lost.refetch()} />}
                <LostPointsTable
                  roundId={r.id}
                  points={lost.data ?? []}
                  loading={lost.isFetching}
                  canRectify={canRectify(me.role)}
                />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
