import { PlusOutlined } from '@ant-design/icons';
import {
  CAMPAIGN_PHASE_LABELS,
  CAMPAIGN_TYPE_LABELS,
  type Campaign,
  type CampaignPhase,
  type CampaignType,
} from '@chuangcheng/contracts';
import { Button, Empty, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DeleteButton } from '../../../components/delete-button';
import { listPagination } from '../../../components/list-pagination';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useIsMobile } from '../../../lib/responsive';
import { useDeleteCampaign } from '../api/delete-campaign';
import { useCampaigns } from '../api/list-campaigns';
import { useCampaignsWritable } from '../hooks/use-campaigns-writable';
import { useMessages } from '../messages';
import { CampaignFormDrawer } from './campaign-form-drawer';
import { PHASE_COLORS, TYPE_COLORS } from './colors';
import { countdownColor, countdownText } from './countdown';
import { SampleTag } from './sample-tag';

const FILTERS = [] as const;

/** 创建活动: each campaign with its standard, thresholds, current phase and the next milestone's countdown. */
export default function CampaignsPage() {
  const { t, l } = useI18n();
  // On a phone a fixed column would cover most of the row: the whole table scrolls instead.
  const isMobile = useIsMobile();
  const m = useMessages();
  const list = useListParams(FILTERS);
  const campaigns = useCampaigns(list.query);
  const remove = useDeleteCampaign();
  const writable = useCampaignsWritable();
  const [drawer, setDrawer] = useState<{ open: boolean; campaign: Campaign | null; key: number }>({
    open: false,
    campaign: null,
    key: 0,
  });
  const openForm = (campaign: Campaign | null) =>
    setDrawer((d) => ({ open: true, campaign, key: d.key + 1 }));

  const columns: TableColumnsType<Campaign> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <div style={{ minWidth: 160 }}>
          <Link to={`/campaigns/${c.id}`}>{name}</Link>
          <div className="cc-muted" style={{ fontSize: 12 }}>
            {c.startsOn} ~ {c.endsOn}
          </div>
          {isMobile && c.nextMilestone && (
            <Tag color={countdownColor(c.nextMilestone.daysLeft)} style={{ marginTop: 4 }}>
              {c.nextMilestone.title} · {countdownText(c.nextMilestone.daysLeft, m)}
            </Tag>
          )}
        </div>
      ),
    },
    {
      title: m('type'),
      dataIndex: 'type',
      width: 80,
      render: (type: CampaignType) => <Tag color={TYPE_COLORS[type]}>{l(CAMPAIGN_TYPE_LABELS[type])}</Tag>,
    },
    { title: m('region'), dataIndex: 'regionName', width: 110 },
    {
      title: m('standard'),
      dataIndex: 'standardName',
      render: (name: string, c) => (
        <div style={{ minWidth: 140, maxWidth: 260 }}>
          {name}
          {c.standardSample && <SampleTag />}
        </div>
      ),
    },
    {
      title: m('thresholds'),
      key: 'thresholds',
      width: 120,
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {c.passScore} / {c.basicScore}
          <span className="cc-muted">（{c.totalPoints}）</span>
        </span>
      ),
    },
    {
      title: m('currentPhase'),
      dataIndex: 'currentPhase',
      width: 90,
      render: (phase: CampaignPhase | null) =>
        phase ? (
          <Tag color={PHASE_COLORS[phase]}>{l(CAMPAIGN_PHASE_LABELS[phase])}</Tag>
        ) : (
          <span className="cc-muted">{m('noPhase')}</span>
        ),
    },
    {
      title: m('nextMilestone'),
      dataIndex: 'nextMilestone',
      render: (next: Campaign['nextMilestone']) =>
        next ? (
          <div style={{ minWidth: 150 }}>
            <div>{next.title}</div>
            <span className="cc-muted" style={{ fontSize: 12 }}>
              {next.date}
            </span>{' '}
            <Tag color={countdownColor(next.daysLeft)} data-testid="milestone-countdown">
              {countdownText(next.daysLeft, m)}
            </Tag>
          </div>
        ) : (
          <span className="cc-muted">{m('noMilestone')}</span>
        ),
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: isMobile ? undefined : 'right',
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => openForm(c)}>
            {t('common.edit')}
          </Button>
          <DeleteButton name={c.name} onConfirm={() => remove.mutateAsync(c.id)} />
        </Space>
      ),
    });
  }

  const empty = campaigns.data && campaigns.data.total === 0 && !list.q;
  return (
    <>
      <PageHeader
        extra={
          writable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => openForm(null)}
              data-testid="create-campaign"
            >
              {m('create')}
            </Button>
          )
        }
      />
      <ListToolbar
        search={
          <Input.Search
            key={list.q}
            defaultValue={list.q}
            allowClear
            placeholder={t('common.searchPlaceholder')}
            onSearch={(q) => list.update({ q })}
            data-testid="list-search"
          />
        }
      />
      {campaigns.isError && <QueryError error={campaigns.error} onRetry={() => campaigns.refetch()} />}
      <Table<Campaign>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={campaigns.data?.items}
        loading={campaigns.isFetching}
        pagination={listPagination(list, campaigns.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={empty ? { emptyText: <Empty description={m('emptyList')} /> } : undefined}
        data-testid="campaigns-table"
      />
      {writable && (
        <CampaignFormDrawer
          key={drawer.key}
          open={drawer.open}
          campaign={drawer.campaign}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      )}
    </>
  );
}
