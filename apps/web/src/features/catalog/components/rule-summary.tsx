import {
  CASE_SOURCE_LABELS,
  type CaseSource,
  OWNER_LABELS,
  type RoutingRule,
  STAGE_LIMIT_LABELS,
  type StageLimits,
} from '@chuangcheng/contracts';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import { formatTimeLimit, stageLimitEntries } from './time-limit';

const MAX_NAMES = 3;

/** A source label; the contract keeps rule sources as plain strings, so unknown ones show as they are. */
export function sourceLabel(source: string, l: ReturnType<typeof useI18n>['l']): string {
  const known = (CASE_SOURCE_LABELS as Partial<Record<string, (typeof CASE_SOURCE_LABELS)[CaseSource]>>)[
    source
  ];
  return known ? l(known) : source;
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ lineHeight: '22px' }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {children}
    </div>
  );
}

function names(list: { name: string }[], t: ReturnType<typeof useI18n>['t']): string {
  const shown = list
    .slice(0, MAX_NAMES)
    .map((x) => x.name)
    .join('、');
  return list.length > MAX_NAMES ? t('routing.andMore', { names: shown, n: list.length }) : shown;
}

/** 匹配条件 of a rule, one line per criterion; nothing set means every case. */
export function RuleMatch({ rule }: { rule: RoutingRule }) {
  const { t, l } = useI18n();
  const lines: ReactNode[] = [];
  if (rule.categories.length)
    lines.push(
      <Line key="c" label={t('routing.categories')}>
        <span title={rule.categories.map((c) => c.name).join('、')}>{names(rule.categories, t)}</span>
      </Line>,
    );
  if (rule.region)
    lines.push(
      <Line key="r" label={t('routing.region')}>
        {rule.region.name}
      </Line>,
    );
  if (rule.block)
    lines.push(
      <Line key="b" label={t('routing.block')}>
        {rule.block.name}
      </Line>,
    );
  if (rule.sources.length)
    lines.push(
      <Line key="s" label={t('routing.sources')}>
        {rule.sources.map((s) => sourceLabel(s, l)).join('、')}
      </Line>,
    );
  if (rule.owners.length)
    lines.push(
      <Line key="o" label={t('routing.owners')}>
        {rule.owners.map((o) => l(OWNER_LABELS[o])).join('、')}
      </Line>,
    );
  if (lines.length === 0) return <Tag>{t('routing.matchAll')}</Tag>;
  return <div style={{ minWidth: 200, maxWidth: 360 }}>{lines}</div>;
}

/** 时限 of a rule or a preview: one short line per stage that has one. */
export function LimitsSummary({ limits }: { limits: StageLimits }) {
  const { l } = useI18n();
  const entries = stageLimitEntries(limits);
  if (entries.length === 0) return <span className="cc-muted">—</span>;
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      {entries.map(({ key, limit }) => (
        <div key={key} style={{ lineHeight: '22px' }}>
          <Typography.Text type="secondary">{l(STAGE_LIMIT_LABELS[key])}：</Typography.Text>
          {formatTimeLimit(limit, l)}
        </div>
      ))}
    </div>
  );
}
