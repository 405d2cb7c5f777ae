import {
  CASE_SOURCE_LABELS,
  CASE_STAGE_LABELS,
  CATEGORY_KIND_LABELS,
  type CaseDetail,
  LIGHT_LABELS,
  OWNER_LABELS,
  SEVERITY_LABELS,
} from '@chuangcheng/contracts';
import { Descriptions, type DescriptionsProps, Progress, Rate, Space, Tag, Typography } from 'antd';
import { DeadlineEstimatedTag } from '../../../components/deadline-estimated-tag';
import { formatDateTime } from '../../../lib/format';
import { type I18n, useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { codeName, lightColor, timeLimitText } from './case-format';
import { StageDeadline } from './stage-deadline';
import { PriorityTag } from './status-tag';

const TEXT = {
  mediaRef: { zh: '媒体链接', en: 'Media link' },
  trackingCode: { zh: '查询码', en: 'Tracking code' },
  rating: { zh: '市民评价', en: 'Reporter rating' },
  resolved: { zh: '已解决', en: 'Resolved' },
  unresolved: { zh: '未解决', en: 'Not resolved' },
} as const;

/** A link when it is one (http/https only: never a javascript: or other scheme), else the text. */
function MediaRef({ value }: { value: string }) {
  if (/^https?:\/\//i.test(value)) {
    return (
      <Typography.Link
        href={value}
        target="_blank"
        rel="noopener noreferrer"
        style={{ wordBreak: 'break-all' }}
      >
        {value}
      </Typography.Link>
    );
  }
  return <span style={{ wordBreak: 'break-all' }}>{value}</span>;
}

/** 市民评价: resolved or not, the stars, the comment and when. */
function Rating({ rating }: { rating: NonNullable<CaseDetail['rating']> }) {
  const { l, locale } = useI18n();
  return (
    <Space orientation="vertical" size={2} data-testid="case-rating">
      <Space wrap size={8}>
        <Tag color={rating.resolved ? 'green' : 'red'}>
          {l(rating.resolved ? TEXT.resolved : TEXT.unresolved)}
        </Tag>
        {rating.score !== null && (
          <Space size={4}>
            <Rate disabled value={rating.score} style={{ fontSize: 14 }} />
            <span>{rating.score}/5</span>
          </Space>
        )}
        <Typography.Text type="secondary">{formatDateTime(rating.at, locale)}</Typography.Text>
      </Space>
      {rating.comment && <span>{rating.comment}</span>}
    </Space>
  );
}

/** 当前阶段: stage, deadline, time left, and the share of the limit used as a bar in the light's colour. */
function StageProgress({ detail }: { detail: CaseDetail }) {
  const { l } = useI18n();
  const fraction = detail.elapsedFraction;
  return (
    <div>
      <StageDeadline
        stage={detail.stage}
        deadline={detail.stageDeadline}
        estimated={detail.deadlineEstimated}
        inline
      />
      {fraction !== null && detail.stage !== 'none' && (
        <Progress
          percent={Math.min(100, Math.round(fraction * 100))}
          format={() => `${Math.round(fraction * 100)}%`}
          strokeColor={lightColor(detail.light)}
          size="small"
          aria-label={detail.light ? l(LIGHT_LABELS[detail.light]) : l(CASE_STAGE_LABELS[detail.stage])}
          data-testid="stage-progress"
        />
      )}
    </div>
  );
}

function placeText(d: CaseDetail): string {
  const parts = [d.district?.name, d.street?.name, d.community?.name].filter(Boolean);
  return parts.length ? parts.join(' / ') : '—';
}

/** `wide` is the span of the long rows: the whole line (2 columns on a desktop, 1 on a phone). */
function items(d: CaseDetail, { t, l, locale }: I18n, wide: number): DescriptionsProps['items'] {
  const reporter = [d.reporterName, d.reporterPhone].filter(Boolean).join(' ');
  return [
    {
      key: 'category',
      label: t('cases.category'),
      span: wide,
      children: `${l(CATEGORY_KIND_LABELS[d.category.kind])} · ${codeName(d.category)}`,
    },
    { key: 'condition', label: t('cases.condition'), span: wide, children: d.condition?.text ?? '—' },
    {
      key: 'closing',
      label: t('cases.closingCondition'),
      span: wide,
      children: d.condition?.closingCondition || '—',
    },
    { key: 'limit', label: t('cases.timeLimit'), children: timeLimitText(d.timeLimit, l) },
    {
      key: 'dispose',
      label: t('cases.disposeDeadline'),
      children: (
        <>
          {formatDateTime(d.disposeDeadline, locale)}
          {d.disposeDeadline && d.deadlineEstimated && <DeadlineEstimatedTag />}
        </>
      ),
    },
    { key: 'stage', label: t('cases.currentStage'), span: wide, children: <StageProgress detail={d} /> },
    { key: 'description', label: t('cases.description'), span: wide, children: d.description },
    { key: 'address', label: t('cases.address'), span: wide, children: d.address || '—' },
    {
      key: 'grid',
      label: t('cases.grid'),
      children: d.grid ? codeName(d.grid) : t(d.lng === null ? 'cases.awaitingPlacing' : 'cases.outOfGrid'),
    },
    { key: 'place', label: t('cases.place'), children: placeText(d) },
    { key: 'block', label: t('cases.block'), children: d.block?.name ?? '—' },
    { key: 'owner', label: t('cases.owner'), children: l(OWNER_LABELS[d.owner]) },
    { key: 'lead', label: t('cases.leadUnit'), children: d.leadUnit?.name ?? '—' },
    {
      key: 'co',
      label: t('cases.coUnits'),
      children: d.coUnits.length ? d.coUnits.map((u) => u.name).join('、') : '—',
    },
    { key: 'source', label: t('cases.source'), children: l(CASE_SOURCE_LABELS[d.source]) },
    {
      key: 'priority',
      label: l({ zh: '优先级', en: 'Priority' }),
      children: <PriorityTag priority={d.priority} />,
    },
    { key: 'severity', label: t('cases.severity'), children: l(SEVERITY_LABELS[d.severity]) },
    { key: 'reporter', label: t('cases.reporter'), children: reporter || '—' },
    { key: 'created', label: t('cases.createdAt'), children: formatDateTime(d.createdAt, locale) },
    {
      key: 'counts',
      label: t('cases.reworkReturn'),
      children: t('cases.reworkReturnValue', { rework: d.reworkCount, returns: d.returnCount }),
    },
    { key: 'closed', label: t('cases.closedAt'), children: formatDateTime(d.closedAt, locale) },
    ...(d.trackingCode
      ? [
          {
            key: 'tracking',
            label: l(TEXT.trackingCode),
            children: <span className="cc-mono">{d.trackingCode}</span>,
          },
        ]
      : []),
    ...(d.mediaRef
      ? [{ key: 'media', label: l(TEXT.mediaRef), span: wide, children: <MediaRef value={d.mediaRef} /> }]
      : []),
    ...(d.rating
      ? [{ key: 'rating', label: l(TEXT.rating), span: wide, children: <Rating rating={d.rating} /> }]
      : []),
  ];
}

/** The case's facts: class and conditions, clock, place, units, source, reporter (phone as served). */
export function CaseInfo({ detail }: { detail: CaseDetail }) {
  const i18n = useI18n();
  const isMobile = useIsMobile();
  return (
    <Descriptions
      bordered
      size="small"
      column={isMobile ? 1 : 2}
      items={items(detail, i18n, isMobile ? 1 : 2)}
      styles={{ label: { width: isMobile ? 96 : 120 } }}
      data-testid="case-info"
    />
  );
}
