import { WarningFilled } from '@ant-design/icons';
import { CAMPAIGN_PHASE_LABELS, type Readiness } from '@chuangcheng/contracts';
import { Card, Col, Empty, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { CampaignSelect } from '../../../components/campaign-picker/campaign-select';
import { useCampaignParam } from '../../../components/campaign-picker/use-campaign-param';
import { EChart } from '../../../components/echart';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useMe } from '../../../lib/session';
import { useReadiness } from '../api/get-readiness';
import { CHART_COLORS, gaugeOption, lostBarOption, trendOption } from './charts';
import { LostPointsTable } from './lost-points-table';
import { canRectify } from './roles';
import { fmtScore, RoundKindTag, VerdictTag } from './tags';
import './readiness.css';

function Tile({
  label,
  value,
  unit,
  sub,
  tone,
  testId,
}: {
  label: string;
  value: string;
  unit?: string;
  sub?: string;
  tone?: 'danger' | 'ok';
  testId?: string;
}) {
  return (
    <div className={`cc-ready-tile${tone ? ` cc-ready-tile-${tone}` : ''}`} data-testid={testId}>
      <div className="cc-ready-tile-label">{label}</div>
      <div className="cc-ready-tile-value">
        {value}
        {unit && <small>{unit}</small>}
      </div>
      {sub && <div className="cc-ready-tile-sub">{sub}</div>}
    </div>
  );
}

/** The dark top band: the dial, the verdict and four figures a leader reads at a glance. */
function Hero({ r }: { r: Readiness }) {
  const { l } = useI18n();
  const isMobile = useIsMobile();
  const c = r.campaign;
  const gauge = useMemo(
    () => gaugeOption(r.projected, c.totalPoints, c.passScore, c.basicScore, isMobile),
    [r.projected, c.totalPoints, c.passScore, c.basicScore, isMobile],
  );
  const next = c.nextMilestone;
  const vetoCount = r.vetoRisks.length;
  return (
    <div className="cc-ready-hero" data-testid="readiness-hero">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <span className="cc-ready-hero-title">
          {c.name}
          {c.currentPhase && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {l(CAMPAIGN_PHASE_LABELS[c.currentPhase])}阶段
            </Tag>
          )}
          {c.standardSample && <Tag color="gold">示例标准</Tag>}
        </span>
        <span className="cc-ready-thresholds">{c.standardName}</span>
      </Flex>
      <Row gutter={[16, 12]} align="middle">
        <Col xs={24} md={10}>
          <EChart option={gauge} height={isMobile ? 220 : 260} data-testid="readiness-gauge" />
          <div className="cc-ready-verdict">
            <VerdictTag verdict={r.projectedVerdict} large />
            {/* The verdict never stands alone: the archive's completeness is part of it. */}
            <div
              className="cc-ready-thresholds"
              data-testid="readiness-verdict-evidence"
              style={{ color: r.evidenceShort ? '#ff7875' : undefined }}
            >
              台账完整率 {fmtScore(r.evidencePercent)}%（底线 {fmtScore(r.evidenceFloor)}%）
              {r.evidenceShort && r.scoreVerdict === 'pass'
                ? ' · 得分已达达标线，但台账未达底线，补齐并验收前不判达标'
                : r.evidenceShort
                  ? ' · 台账未达底线'
                  : ''}
            </div>
            <div className="cc-ready-thresholds">
              达标线 {fmtScore(c.passScore)} · 基本达标线 {fmtScore(c.basicScore)} · 满分{' '}
              {fmtScore(c.totalPoints)}
            </div>
          </div>
        </Col>
        <Col xs={24} md={14}>
          <div className="cc-ready-tiles">
            <Tile
              label="距下一节点"
              value={next ? String(next.daysLeft) : '—'}
              unit={next ? '天' : undefined}
              sub={next ? `${next.title} · ${next.date}` : '没有待到的节点'}
              tone={next && next.daysLeft <= 30 ? 'danger' : undefined}
              testId="readiness-milestone"
            />
            <Tile
              label="台账完整率"
              value={fmtScore(r.evidencePercent)}
              unit="%"
              sub={`应有资料中已验收的比例；底线 ${fmtScore(r.evidenceFloor)}%`}
              tone={!r.evidenceShort ? 'ok' : r.evidencePercent < 60 ? 'danger' : undefined}
              testId="readiness-evidence"
            />
            <Tile
              label="一票否决风险"
              value={String(vetoCount)}
              unit="项"
              sub={vetoCount ? '必备条件未达标或未评估' : '必备条件均已达标'}
              tone={vetoCount ? 'danger' : 'ok'}
              testId="readiness-veto-count"
            />
            <Tile
              label="最近测评"
              value={r.latestRound ? fmtScore(r.latestRound.total) : '—'}
              unit={r.latestRound ? '分' : undefined}
              sub={r.latestRound ? `${r.latestRound.name} · ${r.latestRound.heldOn}` : '尚无测评轮次'}
            />
          </div>
        </Col>
      </Row>
    </div>
  );
}

function VetoRisks({ r }: { r: Readiness }) {
  if (r.vetoRisks.length === 0) return null;
  return (
    <Card
      size="small"
      className="cc-veto-card"
      title={
        <span>
          <WarningFilled /> 一票否决风险（{r.vetoRisks.length}）
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="veto-risks"
    >
      <List
        size="small"
        dataSource={r.vetoRisks}
        renderItem={(v) => (
          <List.Item>
            <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
              <Typography.Text type="danger" strong>
                {v.code} {v.title}
              </Typography.Text>
              <span className="cc-muted">{v.leadUnitName ?? (v.unitNames.join('、') || '—')}</span>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Charts({ r }: { r: Readiness }) {
  const isMobile = useIsMobile();
  const byCategory = useMemo(
    () =>
      lostBarOption(
        r.lostByCategory.map((c) => ({ name: `${c.code} ${c.title}`, lost: c.lost })),
        CHART_COLORS.category,
        isMobile,
      ),
    [r.lostByCategory, isMobile],
  );
  const byUnit = useMemo(
    () =>
      lostBarOption(
        r.lostByUnit.map((u) => ({ name: u.unitName, lost: u.lost })),
        CHART_COLORS.unit,
        isMobile,
      ),
    [r.lostByUnit, isMobile],
  );
  const trend = useMemo(() => trendOption(r, isMobile), [r, isMobile]);
  const barHeight = (n: number) => Math.max(160, Math.min(10, n) * 30 + 40);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}>
        <Card size="small" title="失分分布 · 按类别">
          {r.lostByCategory.some((c) => c.lost > 0) ? (
            <EChart
              option={byCategory}
              height={barHeight(r.lostByCategory.filter((c) => c.lost > 0).length)}
              data-testid="lost-by-category"
            />
          ) : (
            <Empty description="暂无失分" />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="失分分布 · 按责任单位">
          {r.lostByUnit.some((u) => u.lost > 0) ? (
            <EChart
              option={byUnit}
              height={barHeight(r.lostByUnit.filter((u) => u.lost > 0).length)}
              data-testid="lost-by-unit"
            />
          ) : (
            <Empty description="暂无失分" />
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card
          size="small"
          title="历次测评得分走势"
          extra={r.trend.length > 0 && <RoundKindTag kind={r.trend[r.trend.length - 1]!.kind} />}
        >
          {r.trend.length ? (
            <EChart option={trend} height={isMobile ? 240 : 300} data-testid="readiness-trend" />
          ) : (
            <Empty description="尚无测评轮次" />
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** 迎检态势: the leaders' command screen for one campaign (works on a phone too). */
export default function ReadinessPage() {
  const me = useMe();
  const param = useCampaignParam();
  const readiness = useReadiness(param.campaignId);
  const r = readiness.data;
  return (
    <>
      <PageHeader extra={<CampaignSelect param={param} />} />
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
      {readiness.isError && <QueryError error={readiness.error} onRetry={() => readiness.refetch()} />}
      {param.campaignId && readiness.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {r && (
        <>
          <Hero r={r} />
          <VetoRisks r={r} />
          <Charts r={r} />
          <Card
            size="small"
            title="失分最多的指标"
            extra={r.latestRound && <Link to={`/rounds/${r.latestRound.id}`}>查看评分表</Link>}
            styles={{ body: { padding: 0 } }}
          >
            <LostPointsTable
              roundId={r.latestRound?.id}
              points={r.topLost}
              canRectify={canRectify(me.role)}
              compact
            />
          </Card>
        </>
      )}
    </>
  );
}
