import {
  CASE_SOURCE_LABELS,
  type Label,
  type ScoringParams,
  type ScoringRule,
  SYSTEM_METRIC_LABELS,
  type SystemMetric,
} from '@chuangcheng/contracts';
import type { useMessages } from '../messages';

type M = ReturnType<typeof useMessages>;

/** A metric key's label when the system computes it; free-text metrics show as typed. */
export function metricLabel(metric: string | undefined, l: (label: Label) => string): string {
  if (!metric) return '—';
  const known = (SYSTEM_METRIC_LABELS as Partial<Record<string, Label>>)[metric as SystemMetric];
  return known ? l(known) : metric;
}

const num = (n: number | undefined) => (n === undefined ? '—' : String(n));

/** The rule's parameters in words, e.g. “每处扣2分，最多扣10分”. */
export function ruleSummary(
  node: { rule: ScoringRule; params: ScoringParams; points: number; leaf: boolean },
  m: M,
  l: (label: Label) => string,
): string {
  if (!node.leaf && node.rule !== 'veto') return m('ruleInner');
  const p = node.params;
  switch (node.rule) {
    case 'manual':
      return m('ruleManual', { points: node.points });
    case 'deduction':
      return m('ruleDeduction', { per: num(p.perOccurrence), cap: p.cap ?? node.points });
    case 'count':
      return m('ruleCount', {
        allowed: p.allowed ?? 0,
        per: num(p.perOccurrence),
        cap: p.cap ?? node.points,
      });
    case 'threshold': {
      const base = m(p.direction === 'max' ? 'ruleThresholdMax' : 'ruleThresholdMin', {
        metric: metricLabel(p.metric, l),
        target: num(p.target),
      });
      const zero = p.zeroAt === undefined ? base : base + m('ruleZeroAt', { zeroAt: p.zeroAt });
      return p.sources?.length
        ? zero + m('ruleSources', { sources: p.sources.map((s) => l(CASE_SOURCE_LABELS[s])).join('、') })
        : zero;
    }
    case 'exposure': {
      const base = m('ruleExposure', { per: num(p.perOccurrence), cap: p.cap ?? node.points });
      return p.zeroAt === undefined ? base : base + m('ruleExposureZero', { zeroAt: p.zeroAt });
    }
    case 'veto':
      return m('ruleVeto');
  }
}
