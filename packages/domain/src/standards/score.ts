// Scoring an assessment round: one checkpoint (leaf) at a time, then the tree rolled up by summing.
// Every figure is rounded to 2 decimals (分值 such as 0.5 or 2.25 are common; binary floats are not).

import { POINTS_EPSILON, type ScoringParamsInput, type ScoringRuleKind } from './tree';

export interface LeafInput {
  score?: number | null;
  occurrences?: number | null;
  value?: number | null;
  passed?: boolean | null;
}

export interface LeafScore {
  score: number;
  lost: number;
  vetoStatus: 'met' | 'failed' | 'unknown' | null;
  scored: boolean;
}

/** Round to 2 decimals, half away from zero, never -0 (1.005 → 1.01, not 1.00). */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 100 * (1 + Number.EPSILON))) / 100;
  return r === 0 ? 0 : r;
}

const num = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

const UNSCORED: LeafScore = { score: 0, lost: 0, vetoStatus: null, scored: false };

function fromScore(points: number, score: number): LeafScore {
  const s = round2(clamp(score, 0, points));
  return { score: s, lost: round2(points - s), vetoStatus: null, scored: true };
}

function fromLost(points: number, lost: number): LeafScore {
  const l = round2(clamp(lost, 0, points));
  return { score: round2(points - l), lost: l, vetoStatus: null, scored: true };
}

/** Points earned on a threshold rule for `value`, or null when the rule has no target. */
function thresholdScore(points: number, p: ScoringParamsInput, value: number): number | null {
  if (!num(p.target)) return null;
  const target = p.target;
  // 'max': lower is better (病媒密度 at or under target is full marks, at or over zeroAt is zero).
  const max = p.direction === 'max';
  if (max ? value <= target : value >= target) return points;
  const zeroAt = p.zeroAt;
  const linear = num(zeroAt) && (max ? zeroAt > target : zeroAt < target);
  if (!linear) return 0;
  if (max ? value >= zeroAt : value <= zeroAt) return 0;
  return (points * (value - zeroAt)) / (target - zeroAt);
}

/**
 * manual: clamp to [0, points]; deduction: lost = min(cap ?? points, occurrences × perOccurrence);
 * count: lost = min(cap ?? points, max(0, occurrences − allowed) × perOccurrence); threshold (direction
 * 'min' default = higher is better): value ≥ target → full; with zeroAt, linear between zeroAt (0) and target;
 * 'max' mirrors it; exposure ("第一次曝光扣30分，第二次曝光该项不得分"): occurrences = exposures in the
 * period, lost = points once occurrences ≥ zeroAt (when set), else min(cap ?? points, occurrences ×
 * perOccurrence); veto: passed → met, false → failed, absent → unknown (score/lost 0).
 * No input → scored false, score 0, lost 0. Results rounded to 2 decimals.
 * When a rule's own input (occurrences / value) is absent but `score` is given, the score is taken as an
 * assessor's manual score — an assessor can always override a derived figure.
 */
export function scoreLeaf(
  node: { points: number; rule: ScoringRuleKind; params: ScoringParamsInput },
  input?: LeafInput | null,
): LeafScore {
  if (node.rule === 'veto') {
    const passed = input?.passed;
    if (passed === true) return { score: 0, lost: 0, vetoStatus: 'met', scored: true };
    if (passed === false) return { score: 0, lost: 0, vetoStatus: 'failed', scored: true };
    return { score: 0, lost: 0, vetoStatus: 'unknown', scored: false };
  }
  if (!input) return { ...UNSCORED };
  const points = num(node.points) && node.points > 0 ? node.points : 0;
  const p = node.params ?? {};
  const manual = () => (num(input.score) ? fromScore(points, input.score) : { ...UNSCORED });

  switch (node.rule) {
    case 'deduction':
    case 'count': {
      if (!num(input.occurrences)) return manual();
      const per = num(p.perOccurrence) && p.perOccurrence > 0 ? p.perOccurrence : 0;
      const allowed = node.rule === 'count' && num(p.allowed) ? p.allowed : 0;
      const counted = Math.max(0, input.occurrences - allowed);
      const cap = num(p.cap) && p.cap >= 0 ? p.cap : points;
      return fromLost(points, Math.min(cap, counted * per));
    }
    case 'exposure': {
      if (!num(input.occurrences)) return manual();
      const n = Math.max(0, input.occurrences);
      if (num(p.zeroAt) && p.zeroAt >= 1 && n >= p.zeroAt) return fromLost(points, points);
      const per = num(p.perOccurrence) && p.perOccurrence > 0 ? p.perOccurrence : 0;
      const cap = num(p.cap) && p.cap >= 0 ? p.cap : points;
      return fromLost(points, Math.min(cap, n * per));
    }
    case 'threshold': {
      if (!num(input.value)) return manual();
      const s = thresholdScore(points, p, input.value);
      return s === null ? manual() : fromScore(points, s);
    }
    default:
      return manual();
  }
}

export interface RollupNode {
  key: string;
  parentKey: string | null;
  points: number;
  /** Optional: marks a veto node when no LeafScore says so (a veto carries no points). */
  veto?: boolean;
}

export interface NodeTotals {
  score: number;
  lost: number;
  points: number;
  scoredLeaves: number;
  leaves: number;
}

const zeroTotals = (): NodeTotals => ({ score: 0, lost: 0, points: 0, scoredLeaves: 0, leaves: 0 });

/**
 * Inner nodes are the sum of their children; returns totals per node key plus the '' key for the whole tree.
 * A leaf without a LeafScore counts as an unscored leaf (0 earned, 0 lost). An inner node's points are its
 * own, or the sum of its children's when it has none (a pure grouping). Veto leaves appear with all zeros:
 * they count neither points nor leaves. Iterative, O(n).
 */
export function rollup(
  nodes: readonly RollupNode[],
  leaves: ReadonlyMap<string, LeafScore>,
): Map<string, NodeTotals> {
  const keys = new Set(nodes.map((n) => n.key));
  const children = new Map<string, RollupNode[]>();
  const roots: RollupNode[] = [];
  for (const n of nodes) {
    if (n.parentKey === null || n.parentKey === n.key || !keys.has(n.parentKey)) roots.push(n);
    else {
      const list = children.get(n.parentKey);
      if (list) list.push(n);
      else children.set(n.parentKey, [n]);
    }
  }

  // Pre-order from the roots, then fold it backwards: every child is done before its parent.
  const order: RollupNode[] = [];
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n.key)) continue;
    seen.add(n.key);
    order.push(n);
    for (const c of children.get(n.key) ?? []) stack.push(c);
  }

  const out = new Map<string, NodeTotals>();
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    const kids = children.get(n.key) ?? [];
    out.set(n.key, kids.length === 0 ? leafTotals(n, leaves.get(n.key)) : innerTotals(n, kids, out));
  }
  // Nodes on a parent cycle are unreachable from any root: they get their own totals, outside the tree.
  for (const n of nodes) if (!out.has(n.key)) out.set(n.key, leafTotals(n, leaves.get(n.key)));

  const whole = zeroTotals();
  for (const r of roots) add(whole, out.get(r.key)!);
  out.set('', roundTotals(whole));
  return out;
}

function leafTotals(n: RollupNode, s: LeafScore | undefined): NodeTotals {
  if (n.veto || (s && s.vetoStatus !== null)) return zeroTotals();
  const points = num(n.points) && n.points > 0 ? n.points : 0;
  return {
    score: round2(s?.score ?? 0),
    lost: round2(s?.lost ?? 0),
    points: round2(points),
    scoredLeaves: s?.scored ? 1 : 0,
    leaves: 1,
  };
}

function innerTotals(n: RollupNode, kids: readonly RollupNode[], done: ReadonlyMap<string, NodeTotals>) {
  const t = zeroTotals();
  for (const c of kids) {
    const ct = done.get(c.key);
    if (ct) add(t, ct);
  }
  if (num(n.points) && n.points > 0) t.points = n.points;
  return roundTotals(t);
}

function add(into: NodeTotals, t: NodeTotals) {
  into.score += t.score;
  into.lost += t.lost;
  into.points += t.points;
  into.scoredLeaves += t.scoredLeaves;
  into.leaves += t.leaves;
}

function roundTotals(t: NodeTotals): NodeTotals {
  return { ...t, score: round2(t.score), lost: round2(t.lost), points: round2(t.points) };
}

/** How many veto checkpoints are met, failed and not yet judged. */
export function vetoSummary(scores: Iterable<LeafScore>): { met: number; failed: number; unknown: number } {
  const out = { met: 0, failed: 0, unknown: 0 };
  for (const s of scores) if (s.vetoStatus !== null) out[s.vetoStatus]++;
  return out;
}

export type VerdictKind = 'pass' | 'basic' | 'fail';

/** Any failed veto → fail; total ≥ pass → pass; ≥ basic → basic; else fail. */
export function verdictOf(
  total: number,
  t: { passScore: number; basicScore: number },
  vetoFailed: number,
): VerdictKind {
  if (vetoFailed > 0 || !Number.isFinite(total)) return 'fail';
  if (total >= t.passScore - POINTS_EPSILON) return 'pass';
  if (total >= t.basicScore - POINTS_EPSILON) return 'basic';
  return 'fail';
}
