import { REGION_LEVEL_LABELS, REGION_LEVELS, ROLE_LABELS } from '@chuangcheng/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { createElement, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useConfig } from '../../../lib/config';
import { useI18n } from '../../../lib/i18n';
import { regionTreeQueryOptions } from '../../../lib/lookups';
import { useRouteMeta } from '../../../lib/route-meta';
import { useMe } from '../../../lib/session';
import { type CountedEntity, useCount } from '../api/get-count';

function StatCard({
  to,
  title,
  value,
  loading,
  failed,
  children,
}: {
  to?: string;
  title: string;
  value: number | undefined;
  loading: boolean;
  failed: boolean;
  children?: ReactNode;
}) {
  const body = (
    <Card hoverable={Boolean(to)} className="cc-stat-card">
      <Statistic title={title} value={failed ? '—' : (value ?? 0)} loading={loading} />
      {children}
    </Card>
  );
  return to ? <Link to={to}>{body}</Link> : body;
}

function EntityStat({
  entity,
  path,
  title,
  canOpen,
}: {
  entity: CountedEntity;
  path: string;
  title: string;
  canOpen: boolean;
}) {
  const query = useCount(entity, canOpen);
  if (!canOpen) return null;
  return (
    <Col xs={12} md={8} xl={4}>
      <StatCard to={path} title={title} value={query.data} loading={query.isPending} failed={query.isError} />
    </Col>
  );
}

export default function OverviewPage() {
  const me = useMe();
  const { t, l } = useI18n();
  const { links } = useRouteMeta();
  const config = useConfig();
  const regions = useQuery(regionTreeQueryOptions);
  const paths = new Set(links.map((link) => link.path));

  const levelCounts = REGION_LEVELS.map((level) => ({
    level,
    count: regions.data ? [...regions.data.byId.values()].filter((r) => r.level === level).length : 0,
  }));

  return (
    <>
      <PageHeader />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('overview.welcome', { name: me.displayName })}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          title={t('overview.scope')}
          data-testid="my-scope"
        >
          <Descriptions.Item label={t('overview.role')}>
            <Tag color="blue">{l(ROLE_LABELS[me.role])}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('overview.region')}>
            {me.regionName ?? config.data?.cityName ?? t('layout.scopeAll')}
          </Descriptions.Item>
          <Descriptions.Item label={t('overview.unit')}>{me.unitName ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Typography.Title level={5}>{t('overview.counts')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
        <Col xs={24} md={16} xl={8}>
          <StatCard
            to={paths.has('/regions') ? '/regions' : undefined}
            title={t('overview.regions')}
            value={regions.data?.byId.size}
            loading={regions.isPending}
            failed={regions.isError}
          >
            {regions.data ? (
              <div className="cc-level-counts">
                {levelCounts
                  .filter(({ count }) => count > 0)
                  .map(({ level, count }) => (
                    <span key={level}>
                      {l(REGION_LEVEL_LABELS[level])} <b>{count}</b>
                    </span>
                  ))}
              </div>
            ) : (
              regions.isPending && <Skeleton paragraph={false} active />
            )}
          </StatCard>
        </Col>
        <EntityStat entity="units" path="/units" title={t('overview.units')} canOpen={paths.has('/units')} />
        <EntityStat
          entity="people"
          path="/people"
          title={t('overview.people')}
          canOpen={paths.has('/people')}
        />
        <EntityStat entity="grids" path="/grids" title={t('overview.grids')} canOpen={paths.has('/grids')} />
        <EntityStat
          entity="blocks"
          path="/blocks"
          title={t('overview.blocks')}
          canOpen={paths.has('/blocks')}
        />
      </Row>

      <Typography.Title level={5}>{t('overview.quickLinks')}</Typography.Title>
      <Row gutter={[12, 12]}>
        {links
          .filter((link) => link.path !== '/')
          .map((link) => (
            <Col key={link.path} xs={12} sm={8} lg={6} xl={4}>
              <Link to={link.path}>
                <Card hoverable size="small" className="cc-quick-link">
                  <span className="cc-quick-icon">{createElement(link.icon)}</span>
                  <span>{link.title}</span>
                </Card>
              </Link>
            </Col>
          ))}
      </Row>
    </>
  );
}
