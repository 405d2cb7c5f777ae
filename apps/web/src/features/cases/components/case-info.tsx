import {
  CASE_SOURCE_LABELS,
  CASE_STAGE_LABELS,
  CATEGORY_KIND_LABELS,
  type CaseDetail,
  LIGHT_LABELS,
  OWNER_LABELS,
  SEVERITY_LABELS,
} from '@chuangcheng/contracts';
import { Descriptions, type DescriptionsProps, Progress } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { type I18n, useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { codeName, lightColor, timeLimitText } from './case-format';
import { StageDeadline } from './stage-deadline';

/** 当前阶段: stage, deadline, time left, and the share of the limit used as a bar in the light's colour. */
function StageProgress({ detail }: { detail: CaseDetail }) {
  const { l } = useI18n();
  const fraction = detail.elapsedFraction;
  return (
    <div>
      <StageDeadline stage={detail.stage} deadline={detail.stageDeadline} inline />
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
      children: formatDateTime(d.disposeDeadline, locale),
    },
    { key: 'stage', label: t('cases.currentStage'), span: wide, children: <StageProgress detail={d} /> },
    { key: 'description', label: t('cases.description'), span: wide, children: d.description },
    { key: 'address', label: t('cases.address'), span: wide, children: d.address || '—' },
    {
      key: 'grid',
      label: t('cases.grid'),
      children: d.grid ? codeName(d.grid) : t('cases.outOfGrid'),
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
    { key: 'severity', label: t('cases.severity'), children: l(SEVERITY_LABELS[d.severity]) },
    { key: 'reporter', label: t('cases.reporter'), children: reporter || '—' },
    { key: 'created', label: t('cases.createdAt'), children: formatDateTime(d.createdAt, locale) },
    {
      key: 'counts',
      label: t('cases.reworkReturn'),
      children: t('cases.reworkReturnValue', { rework: d.reworkCount, returns: d.returnCount }),
    },
    { key: 'closed', label: t('cases.closedAt'), children: formatDateTime(d.closedAt, locale) },
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
