import { PlusOutlined } from '@ant-design/icons';
import type { Round } from '@chuangcheng/contracts';
import {
  Button,
  Card,
  Empty,
  Flex,
  List,
  Progress,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CampaignSelect } from '../../../components/campaign-picker/campaign-select';
import { useCampaignParam } from '../../../components/campaign-picker/use-campaign-param';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useMe } from '../../../lib/session';
import { useRounds } from '../api/list-rounds';
import { CreateRoundModal } from './create-round-modal';
import { canScore } from './roles';
import { fmtScore, RoundKindTag, VerdictTag } from './tags';

/** On a phone: one card per round (a table would squeeze the names into a column of single characters). */
function RoundCards({ rounds, loading }: { rounds: Round[]; loading: boolean }) {
  if (!loading && rounds.length === 0) return <Empty description="还没有测评轮次" />;
  return (
    <List
      loading={loading}
      dataSource={rounds}
      split={false}
      renderItem={(r) => (
        <List.Item style={{ padding: '0 0 8px' }}>
          <Card size="small" style={{ width: '100%' }}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Link to={`/rounds/${r.id}`} data-testid="round-link" style={{ fontWeight: 600 }}>
                  {r.name}
                </Link>
                <div style={{ marginTop: 4 }}>
                  <RoundKindTag kind={r.kind} />
                  <span className="cc-muted">{r.heldOn}</span>
                </div>
              </div>
              <div style={{ textAlign: 'right', flex: 'none' }}>
                <Typography.Text strong style={{ fontSize: 22 }}>
                  {fmtScore(r.total)}
                </Typography.Text>
                <span className="cc-muted"> / {fmtScore(r.totalPoints)}</span>
                <div>
                  <VerdictTag verdict={r.verdict} />
                  {r.status === 'open' ? <Tag color="processing">评分中</Tag> : <Tag>已结束</Tag>}
                </div>
              </div>
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}

/** 测评轮次: the rounds of a campaign with their totals and verdicts; 新建轮次. */
export default function RoundsPage() {
  const { locale } = useI18n();
  const me = useMe();
  const isMobile = useIsMobile();
  const param = useCampaignParam();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  // Another campaign starts on its first page.
  const [pageOf, setPageOf] = useState(param.campaignId);
  if (pageOf !== param.campaignId) {
    setPageOf(param.campaignId);
    setPage((p) => ({ ...p, page: 1 }));
  }
  const [creating, setCreating] = useState(false);
  const rounds = useRounds(param.campaignId ? { campaignId: param.campaignId, ...page } : null);
  const canCreate = canScore(me.role);

  const columns: TableColumnsType<Round> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string, r) => (
        <Link to={`/rounds/${r.id}`} data-testid="round-link">
          {name}
        </Link>
      ),
    },
    { title: '类型', dataIndex: 'kind', width: 120, render: (_, r) => <RoundKindTag kind={r.kind} /> },
    { title: '日期', dataIndex: 'heldOn', width: 110 },
    {
      title: '总分',
      key: 'total',
      width: 120,
      align: 'right',
      render: (_, r) => (
        <span>
          <Typography.Text strong>{fmtScore(r.total)}</Typography.Text>
          <span className="cc-muted"> / {fmtScore(r.totalPoints)}</span>
        </span>
      ),
    },
    {
      title: '结论',
      key: 'verdict',
      width: 150,
      render: (_, r) => (
        <span>
          <VerdictTag verdict={r.verdict} />
          {r.vetoFailed > 0 && <Tag color="red">否决 {r.vetoFailed}</Tag>}
        </span>
      ),
    },
    ...(isMobile
      ? []
      : [
          {
            title: '评分进度',
            key: 'progress',
            width: 160,
            render: (_: unknown, r: Round) => (
              <Progress
                size="small"
                percent={r.leaves ? Math.round((r.scoredLeaves / r.leaves) * 100) : 0}
                format={() => `${r.scoredLeaves}/${r.leaves}`}
              />
            ),
          },
          {
            title: '计算于',
            key: 'computedAt',
            width: 170,
            render: (_: unknown, r: Round) => formatDateTime(r.computedAt, locale),
          },
        ]),
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: Round['status']) =>
        s === 'open' ? <Tag color="processing">评分中</Tag> : <Tag>已结束</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        extra={
          <>
            <CampaignSelect param={param} />
            {canCreate && param.campaignId && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="create-round"
              >
                新建轮次
              </Button>
            )}
          </>
        }
      />
      {param.error ? <QueryError error={param.error} /> : null}
      {!param.loading && param.campaigns.length === 0 && (
        <Empty
          description={
            <span>
              还没有创建活动，<Link to="/campaigns">去新建</Link>
            </span>
          }
        />
      )}
      {rounds.isError && <QueryError error={rounds.error} onRetry={() => rounds.refetch()} />}
      {param.campaignId && isMobile && (
        <RoundCards rounds={rounds.data?.items ?? []} loading={rounds.isFetching} />
      )}
      {param.campaignId && !isMobile && (
        <Table<Round>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rounds.data?.items ?? []}
          loading={rounds.isFetching}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: rounds.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 轮`,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          locale={{ emptyText: '还没有测评轮次' }}
          data-testid="rounds-table"
        />
      )}
      {param.campaignId && (
        <CreateRoundModal campaignId={param.campaignId} open={creating} onClose={() => setCreating(false)} />
      )}
    </>
  );
}
