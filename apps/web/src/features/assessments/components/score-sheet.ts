import {
  CASE_SOURCE_LABELS,
  type NodeResult,
  SCORING_RULE_LABELS,
  type ScoringParams,
  SYSTEM_METRIC_LABELS,
  type SystemMetric,
} from '@chuangcheng/contracts';
import type { ScoreInput } from '../api/save-scores';
import { fmtScore } from './tags';

/** What the assessor changed on one checkpoint and has not saved yet (null = cleared). */
export interface Draft {
  score?: number | null;
  occurrences?: number | null;
  value?: number | null;
  passed?: boolean | null;
  note?: string;
  photoIds?: string[];
}

const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

/**
 * The entry sent for a checkpoint. The server replaces the whole entry, so an assessor's earlier figures
 * (source 'manual') travel with a note change; a derived figure is only sent when the user typed one.
 */
export function entryOf(node: NodeResult, draft: Draft): ScoreInput {
  const manual = node.source === 'manual';
  const entry: ScoreInput = { nodeId: node.nodeId };
  const pick = <K extends 'score' | 'occurrences' | 'value' | 'passed'>(
    key: K,
    saved: Draft[K] | undefined,
  ): Draft[K] | undefined => (key in draft ? draft[key] : manual ? saved : undefined);
  switch (node.rule) {
    case 'manual': {
      const score = pick('score', node.score);
      if (present(score)) entry.score = Math.min(node.points, Math.max(0, score));
      break;
    }
    case 'deduction':
    case 'count':
    case 'exposure': {
      const occurrences = pick('occurrences', node.occurrences);
      if (present(occurrences)) entry.occurrences = Math.max(0, Math.round(occurrences));
      break;
    }
    case 'threshold': {
      const value = pick('value', node.value);
      if (present(value)) entry.value = value;
      break;
    }
    case 'veto': {
      const saved = node.vetoStatus === 'met' ? true : node.vetoStatus === 'failed' ? false : null;
      const passed = pick('passed', saved);
      if (present(passed)) entry.passed = passed;
      break;
    }
  }
  const note = 'note' in draft ? draft.note : (node.note ?? undefined);
  if (note?.trim()) entry.note = note.trim();
  // The server replaces the entry: the saved photos travel with any other change.
  const photoIds = draft.photoIds ?? node.photoIds;
  if (photoIds.length) entry.photoIds = [...photoIds];
  return entry;
}

const isSystemMetric = (m: string): m is SystemMetric => m in SYSTEM_METRIC_LABELS;

/** One line saying how a checkpoint is scored ("每处扣 2 分，最多扣 10 分"). */
export function ruleHint(node: NodeResult, params: ScoringParams | undefined): string {
  const p = params ?? {};
  switch (node.rule) {
    case 'manual':
      return `0–${fmtScore(node.points)} 分`;
    case 'deduction':
      return `每次扣 ${fmtScore(p.perOccurrence ?? 0)} 分，最多扣 ${fmtScore(p.cap ?? node.points)} 分`;
    case 'exposure':
      return `当年每曝光 1 次扣 ${fmtScore(p.perOccurrence ?? 0)} 分${p.zeroAt !== undefined ? `，第 ${p.zeroAt} 次起不得分` : ''}`;
    case 'count':
      return `允许 ${p.allowed ?? 0} 处，超出每处扣 ${fmtScore(p.perOccurrence ?? 0)} 分，最多扣 ${fmtScore(p.cap ?? node.points)} 分`;
    case 'threshold': {
      const metric = p.metric
        ? isSystemMetric(p.metric)
          ? SYSTEM_METRIC_LABELS[p.metric].zh
          : p.metric
        : '指标';
      const op = p.direction === 'max' ? '≤' : '≥';
      const zero = p.zeroAt !== undefined ? `，${fmtScore(p.zeroAt)} 时不得分` : '';
      const only = p.sources?.length
        ? `（只计${p.sources.map((s) => CASE_SOURCE_LABELS[s].zh).join('、')}）`
        : '';
      return `${metric} ${op} ${fmtScore(p.target ?? 0)}${zero}${only}`;
    }
    case 'veto':
      return '必备条件，不达标则一票否决';
  }
}

export function ruleLabel(node: NodeResult): string {
  return SCORING_RULE_LABELS[node.rule].zh;
}

/** A metric the system computes cannot be typed in (it can still be overridden by a value). */
export function isSystemMetricParam(params: ScoringParams | undefined): boolean {
  return Boolean(params?.metric && isSystemMetric(params.metric));
}
