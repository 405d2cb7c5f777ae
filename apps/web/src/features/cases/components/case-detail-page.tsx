import { ReloadOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@chuangcheng/contracts';
import { Alert, Button, Card, Col, Row, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { CaseAccountability } from '../../../components/accountability';
import { ExposeButton } from '../../../components/expose-modal';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useCase } from '../api/get-case';
import { ActionBar } from './action-bar';
import { CaseInfo } from './case-info';
import { CaseLinkAlerts, MergeButton, MergedChildren } from './case-links-panel';
import { CaseMiniMap } from './case-mini-map';
import { CasePhotos } from './case-photos';
import { CaseTimeline } from './case-timeline';
import { LightDot } from './light-dot';
import { StatusTag, SupervisionTag } from './status-tag';
import { SupervisionOrders } from './supervision-orders';
import './cases.css';

function CaseTitle({ detail }: { detail: CaseDetail }) {
  return (
    <span className="cc-case-head">
      <span className="cc-case-number cc-mono" data-testid="case-number">
        {detail.number}
      </span>
      <StatusTag status={detail.status} />
      {detail.light && <LightDot light={detail.light} withLabel />}
      <SupervisionTag level={detail.supervisionLevel} />
    </span>
  );
}

/** 延期/挂账/认领 awaiting approval: who asked, when, why, until when. */
function PendingBanner({ detail }: { detail: CaseDetail }) {
  const { t, locale } = useI18n();
  const p = detail.pending;
  if (!p) return null;
  const vars = { name: p.byName, at: formatDateTime(p.at, locale) };
  const title =
    p.kind === 'claim'
      ? t('cases.pending.claim', { ...vars, unit: p.unitName ?? '—' })
      : p.kind === 'extension'
        ? t('cases.pending.extension', vars)
        : t('cases.pending.park', vars);
  const until = p.requestedDeadline
    ? ` ${t('cases.pending.until', { at: formatDateTime(p.requestedDeadline, locale) })}`
    : '';
  return (
    <Alert
      type="warning"
      showIcon
      title={`${title}${until}`}
      description={p.reason}
      className="cc-case-section"
      data-testid="pending-banner"
    />
  );
}

function CaseBody({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const point = detail.lng !== null && detail.lat !== null ? { lng: detail.lng, lat: detail.lat } : null;
  const coords = point ? `${point.lng.toFixed(6)}, ${point.lat.toFixed(6)}` : t('cases.awaitingPlacing');
  return (
    <>
      <PendingBanner detail={detail} />
      <CaseLinkAlerts detail={detail} />
      {!isMobile && <ActionBar detail={detail} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('cases.info')} className="cc-case-section">
            <CaseInfo detail={detail} />
          </Card>
          <MergedChildren detail={detail} />
          {detail.route && (
            <Card size="small" title={t('cases.routeBasis')} className="cc-case-section">
              <span data-testid="route-text">{detail.route.text}</span>
            </Card>
          )}
          <Card size="small" title={t('cases.photos')} className="cc-case-section">
            <CasePhotos photos={detail.photos} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            size="small"
            title={t('cases.location')}
            extra={<span className="cc-mono cc-muted">{coords}</span>}
            className="cc-case-section"
          >
            {point ? (
              <CaseMiniMap lng={point.lng} lat={point.lat} />
            ) : (
              <span className="cc-muted" data-testid="awaiting-placing">
                {t('cases.awaitingPlacing')}
                {detail.address ? `：${detail.address}` : ''}
              </span>
            )}
          </Card>
          {detail.supervisionOrders.length > 0 && (
            <Card size="small" title={t('cases.supervisionOrders')} className="cc-case-section">
              <SupervisionOrders orders={detail.supervisionOrders} />
            </Card>
          )}
          <CaseAccountability caseId={detail.id} className="cc-case-section" />
          <Card size="small" title={t('cases.timeline')} className="cc-case-section">
            <CaseTimeline detail={detail} />
          </Card>
        </Col>
      </Row>
      {isMobile && <ActionBar detail={detail} sticky />}
    </>
  );
}

/** 案件详情: the facts, why it went where it went, photos, timeline, 督办单 and the actions allowed now. */
export default function CaseDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const detail = useCase(id);

  return (
    <>
      <PageHeader
        title={detail.data ? <CaseTitle detail={detail.data} /> : undefined}
        extra={
          <>
            {detail.data && <MergeButton detail={detail.data} />}
            {detail.data && <ExposeButton detail={detail.data} />}
            <Button icon={<ReloadOutlined />} loading={detail.isFetching} onClick={() => detail.refetch()}>
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {detail.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {detail.data && <CaseBody detail={detail.data} />}
    </>
  );
}
