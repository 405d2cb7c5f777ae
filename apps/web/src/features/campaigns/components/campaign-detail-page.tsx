import { DashboardOutlined, EditOutlined, FolderOpenOutlined, ScheduleOutlined } from '@ant-design/icons';
import {
  CAMPAIGN_PHASE_LABELS,
  CAMPAIGN_TYPE_LABELS,
  type Campaign,
  MILESTONE_KIND_LABELS,
} from '@chuangcheng/contracts';
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Steps, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { todayInCity } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useCampaign } from '../api/get-campaign';
import { useCampaignsWritable, useCanReadStandards } from '../hooks/use-campaigns-writable';
import { useMessages } from '../messages';
import { CampaignFormDrawer } from './campaign-form-drawer';
import { PHASE_COLORS, TYPE_COLORS } from './colors';
import { countdownColor, countdownText, daysUntil } from './countdown';
import { LinksTab } from './links-tab';
import { SampleTag } from './sample-tag';
import { TasksTab } from './tasks-tab';

/** The big countdown to the next milestone, then every milestone with its own. */
function CountdownCard({ campaign }: { campaign: Campaign }) {
  const m = useMessages();
  const { l } = useI18n();
  const today = todayInCity();
  const next = campaign.nextMilestone;
  const milestones = [...campaign.milestones].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="campaign-countdown">
      {next ? (
        <div style={{ textAlign: 'center', padding: '8px 0 12px' }}>
          <Typography.Text style={{ fontSize: 16 }}>
            {m('bigCountdown', { title: next.title })}
          </Typography.Text>
          <div style={{ lineHeight: 1.1 }}>
            <span
              style={{ fontSize: 56, fontWeight: 600, color: next.daysLeft <= 7 ? '#cf1322' : '#1677ff' }}
              data-testid="big-countdown"
            >
              {next.daysLeft}
            </span>
            <span style={{ fontSize: 18, marginInlineStart: 6 }}>{m('days')}</span>
          </div>
          <Typography.Text type="secondary">{next.date}</Typography.Text>
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('noMilestone')} />
      )}
      {milestones.map((ms) => {
        const days = daysUntil(ms.date, today);
        return (
          <div
            key={`${ms.date}-${ms.title}`}
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              gap: 8,
              padding: '4px 0',
              opacity: days < 0 ? 0.55 : 1,
            }}
          >
            <span>
              {ms.title}
              <span className="cc-muted" style={{ marginInlineStart: 6, fontSize: 12 }}>
                {l(MILESTONE_KIND_LABELS[ms.kind])}
              </span>
            </span>
            <span style={{ whiteSpace: 'nowrap' }}>
              <span className="cc-muted" style={{ fontSize: 12, marginInlineEnd: 6 }}>
                {ms.date}
              </span>
              <Tag color={countdownColor(days)} style={{ marginInlineEnd: 0 }}>
                {countdownText(days, m)}
              </Tag>
            </span>
          </div>
        );
      })}
    </Card>
  );
}

/** 活动详情: summary with countdowns, phase timeline, 任务分解表 and 指标关联. */
export default function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const m = useMessages();
  const isMobile = useIsMobile();
  const campaign = useCampaign(id);
  const writable = useCampaignsWritable();
  const canReadStandards = useCanReadStandards();
  const [editing, setEditing] = useState(0);

  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => campaign.refetch()} />;
  const c = campaign.data;
  if (!c) return <Skeleton active />;

  const phases = [...c.phases].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const today = todayInCity();
  const current = phases.findIndex((p) => p.startsOn <= today && today <= p.endsOn);
  const done = phases.filter((p) => p.endsOn < today).length;
  const q = `campaignId=${c.id}`;

  return (
    <>
      <PageHeader
        title={c.name}
        extra={
          <>
            {canReadStandards && (
              <Link to={`/rounds?${q}`}>
                <Button icon={<ScheduleOutlined />}>{m('rounds')}</Button>
              </Link>
            )}
            <Link to={`/evidence?${q}`}>
              <Button icon={<FolderOpenOutlined />}>{m('evidence')}</Button>
            </Link>
            {canReadStandards && (
              <Link to={`/readiness?${q}`}>
                <Button icon={<DashboardOutlined />}>{m('readiness')}</Button>
              </Link>
            )}
            {writable && (
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing((k) => k + 1)}
                data-testid="campaign-edit"
              >
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={9}>
          <CountdownCard campaign={c} />
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" style={{ height: '100%' }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={m('type')}>
                <Tag color={TYPE_COLORS[c.type]}>{l(CAMPAIGN_TYPE_LABELS[c.type])}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={m('region')}>{c.regionName}</Descriptions.Item>
              <Descriptions.Item label={m('standard')}>
                {canReadStandards ? (
                  <Link to={`/standards/${c.standardId}`}>{c.standardName}</Link>
                ) : (
                  c.standardName
                )}
                {c.standardSample && <SampleTag />}
              </Descriptions.Item>
              <Descriptions.Item label={m('period')}>
                {c.startsOn} ~ {c.endsOn}
              </Descriptions.Item>
              <Descriptions.Item label={m('totalPoints')}>{c.totalPoints}</Descriptions.Item>
              <Descriptions.Item label={m('thresholds')}>
                <Typography.Text style={{ color: '#389e0d' }}>{c.passScore}</Typography.Text> /{' '}
                <Typography.Text style={{ color: '#d48806' }}>{c.basicScore}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={m('currentPhase')}>
                {c.currentPhase ? (
                  <Tag color={PHASE_COLORS[c.currentPhase]}>{l(CAMPAIGN_PHASE_LABELS[c.currentPhase])}</Tag>
                ) : (
                  m('noPhase')
                )}
              </Descriptions.Item>
            </Descriptions>
            {phases.length > 0 && (
              <Steps
                size="small"
                style={{ marginTop: 16 }}
                orientation={isMobile ? 'vertical' : 'horizontal'}
                current={current >= 0 ? current : Math.min(done, phases.length - 1)}
                status={current < 0 && done === phases.length ? 'finish' : undefined}
                items={phases.map((p) => ({
                  title: l(CAMPAIGN_PHASE_LABELS[p.phase]),
                  content: `${p.startsOn} ~ ${p.endsOn}`,
                }))}
                data-testid="campaign-phases"
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          items={[
            { key: 'tasks', label: m('tasks'), children: <TasksTab campaign={c} /> },
            ...(canReadStandards
              ? [{ key: 'links', label: m('links'), children: <LinksTab campaign={c} /> }]
              : []),
          ]}
        />
      </Card>
      {writable && editing > 0 && (
        <CampaignFormDrawer key={editing} open campaign={c} onClose={() => setEditing(0)} />
      )}
    </>
  );
}
