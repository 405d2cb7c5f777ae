import {
  ROUND_KIND_LABELS,
  type RoundKind,
  SCORE_SOURCE_LABELS,
  type ScoreSource,
  VERDICT_LABELS,
  type Verdict,
} from '@chuangcheng/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';

export const VERDICT_COLORS: Record<Verdict, string> = { pass: 'success', basic: 'warning', fail: 'error' };
/** The same colours as hex, for charts. */
export const VERDICT_HEX: Record<Verdict, string> = { pass: '#389e0d', basic: '#d48806', fail: '#cf1322' };

export function VerdictTag({ verdict, large }: { verdict: Verdict; large?: boolean }) {
  const { l } = useI18n();
  return (
    <Tag
      color={VERDICT_COLORS[verdict]}
      style={large ? { fontSize: 18, padding: '4px 14px', lineHeight: '28px' } : undefined}
      data-testid="verdict-tag"
    >
      {l(VERDICT_LABELS[verdict])}
    </Tag>
  );
}

const KIND_COLORS: Record<RoundKind, string> = {
  self: 'blue',
  mock: 'purple',
  upper_secret: 'volcano',
  upper_tech: 'magenta',
};

export function RoundKindTag({ kind }: { kind: RoundKind }) {
  const { l } = useI18n();
  return <Tag color={KIND_COLORS[kind]}>{l(ROUND_KIND_LABELS[kind])}</Tag>;
}

const SOURCE_COLORS: Record<ScoreSource, string> = {
  manual: 'default',
  cases: 'orange',
  metric: 'cyan',
  evidence: 'geekblue',
  exposures: 'volcano',
  none: 'default',
};

export function SourceTag({ source }: { source: ScoreSource }) {
  const { l } = useI18n();
  if (source === 'none') return <span className="cc-muted">{l(SCORE_SOURCE_LABELS.none)}</span>;
  return (
    <Tag color={SOURCE_COLORS[source]} bordered={false}>
      {l(SCORE_SOURCE_LABELS[source])}
    </Tag>
  );
}

/** Scores keep at most two decimals and no trailing zeros. */
export function fmtScore(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return String(Math.round(n * 100) / 100);
}
