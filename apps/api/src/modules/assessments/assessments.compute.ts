import {
  type NodeResult,
  type ScoreSource,
  type ScoringRule,
  SYSTEM_METRICS,
  type SystemMetric,
  type Verdict,
} from '@chuangcheng/contracts';
import {
  type LeafInput,
  type LeafScore,
  orderTree,
  rollup,
  type ScoringParamsInput,
  scoreLeaf,
  verdictOf,
  vetoSummary,
} from '@chuangcheng/domain';

// Assembling a round's results from the indicator tree, the assessors' entries and the system's derived
// figures. The arithmetic (leaf rules, roll-up, verdict) is the domain's; this file only decides which
// input each checkpoint gets and where it came from.

export interface ScoringNode {
  id: string;
  parentId: string | null;
  code: string;
  title: string;
  points: number;
  rule: ScoringRule;
  params: ScoringParamsInput;
  unitIds: string[];
}

/** What an assessor entered on a checkpoint (null fields were not entered). */
export interface Entry {
  nodeId: string;
  score: number | null;
  occurrences: number | null;
  value: number | null;
  passed: boolean | null;
  note: string | null;
  photoIds: string[];
}

/** What the system knows for derived rounds: open linked cases per node, metric values (percent). */
export interface Derived {
  cases: ReadonlyMap<string, { open: number; linked: number }>;
  /** A missing or null metric has no data source (yet): the checkpoint stays unscored. */
  metrics: ReadonlyMap<SystemMetric, number | null>;
  /**
   * Figures that depend on the node's own parameters: a case metric over the node's `sources` (percent),
   * or the exposures of the period for an exposure checkpoint. null: no data (unscored).
   */
  byNode: ReadonlyMap<string, number | null>;
}

export interface RoundResults {
  nodes: NodeResult[];
  total: number;
  verdict: Verdict;
  vetoFailed: number;
  vetoUnknown: number;
  leaves: number;
  scoredLeaves: number;
}

const isSystemMetric = (m: string | undefined): m is SystemMetric =>
  m !== undefined && (SYSTEM_METRICS as readonly string[]).includes(m);

/** A threshold checkpoint on a case metric restricted to some case sources (complaints …). */
export const bySources = (n: ScoringNode): boolean =>
  n.rule === 'threshold' && isSystemMetric(n.params.metric) && (n.params.sources?.length ?? 0) > 0;

/** The metrics a standard's threshold checkpoints ask the system for (over every source). */
export function metricsUsed(nodes: readonly ScoringNode[]): Set<SystemMetric> {
  const out = new Set<SystemMetric>();
  for (const n of nodes)
    if (n.rule === 'threshold' && isSystemMetric(n.params.metric) && !bySources(n)) out.add(n.params.metric);
  return out;
}

/** The entry carries the figure its node's rule reads (or an override score)? Then it is manual. */
export function hasManualInput(node: ScoringNode, e: Entry | undefined): boolean {
  if (!e) return false;
  switch (node.rule) {
    case 'veto':
      return e.passed !== null;
    case 'deduction':
    case 'count':
    case 'exposure':
      return e.occurrences !== null || e.score !== null;
    case 'threshold':
      return e.value !== null || e.score !== null;
    default:
      return e.score !== null;
  }
}

/**
 * The input of one leaf and its source: an assessor's entry always wins; otherwise, in a derived round,
 * deduction/count leaves count the node's open linked cases, exposure leaves the period's exposures, and
 * threshold leaves on a system metric take the metric — over the node's case sources when it names them
 * (a metric without data → unscored).
 */
function leafInput(
  node: ScoringNode,
  e: Entry | undefined,
  derived: Derived | null,
): { input: LeafInput | null; source: ScoreSource } {
  if (e && hasManualInput(node, e)) {
    return {
      input: { score: e.score, occurrences: e.occurrences, value: e.value, passed: e.passed },
      source: 'manual',
    };
  }
  if (!derived) return { input: null, source: 'none' };
  if (node.rule === 'exposure') {
    const n = derived.byNode.get(node.id);
    return n === null || n === undefined
      ? { input: null, source: 'none' }
      : { input: { occurrences: n }, source: 'exposures' };
  }
  if (bySources(node)) {
    const v = derived.byNode.get(node.id);
    return v === null || v === undefined
      ? { input: null, source: 'none' }
      : { input: { value: v }, source: 'metric' };
  }
  if (node.rule === 'deduction' || node.rule === 'count') {
    return { input: { occurrences: derived.cases.get(node.id)?.open ?? 0 }, source: 'cases' };
  }
  if (node.rule === 'threshold' && isSystemMetric(node.params.metric)) {
    const v = derived.metrics.get(node.params.metric);
    if (v === null || v === undefined) return { input: null, source: 'none' };
    return {
      input: { value: v },
      source: node.params.metric === 'evidence_completeness' ? 'evidence' : 'metric',
    };
  }
  return { input: null, source: 'none' };
}

/**
 * A round's results over the whole tree (pre-ordered), with totals, veto counts and the verdict against
 * the campaign's thresholds. `derived` null = a round that records an external result (nothing derived).
 */
export function computeResults(
  nodes: readonly ScoringNode[],
  entries: ReadonlyMap<string, Entry>,
  derived: Derived | null,
  thresholds: { passScore: number; basicScore: number },
  unitNames: ReadonlyMap<string, string>,
): RoundResults {
  const ordered = orderTree(nodes.map((n) => ({ ...n, key: n.id, parentKey: n.parentId })));
  const leaves = new Map<string, LeafScore>();
  const sources = new Map<string, ScoreSource>();
  const inputs = new Map<string, LeafInput | null>();
  for (const n of ordered) {
    if (!n.leaf) continue;
    const { input, source } = leafInput(n, entries.get(n.id), derived);
    const s = scoreLeaf(n, input);
    leaves.set(n.id, s);
    inputs.set(n.id, input);
    sources.set(n.id, s.scored ? source : 'none');
  }
  const totals = rollup(
    ordered.map((n) => ({
      key: n.id,
      parentKey: n.parentId,
      points: n.points,
      veto: n.rule === 'veto' && n.leaf,
    })),
    leaves,
  );
  const veto = vetoSummary(leaves.values());
  const inner = innerSources(ordered, sources);
  const whole = totals.get('') ?? { score: 0, lost: 0, points: 0, scoredLeaves: 0, leaves: 0 };
  const results: NodeResult[] = ordered.map((n) => {
    const t = totals.get(n.id);
    const leaf = leaves.get(n.id);
    const e = entries.get(n.id);
    const input = inputs.get(n.id);
    return {
      nodeId: n.id,
      code: n.code,
      title: n.title,
      parentId: n.parentId,
      depth: n.depth,
      leaf: n.leaf,
      rule: n.rule,
      veto: n.rule === 'veto',
      points: t?.points ?? n.points,
      score: t?.score ?? 0,
      lost: t?.lost ?? 0,
      vetoStatus: leaf?.vetoStatus ?? null,
      source: (n.leaf ? sources.get(n.id) : inner.get(n.id)) ?? 'none',
      occurrences: input?.occurrences ?? null,
      value: input?.value ?? null,
      note: e?.note ?? null,
      photoIds: e?.photoIds ?? [],
      linkedCaseCount: derived?.cases.get(n.id)?.linked ?? 0,
      unitNames: n.unitIds.map((u) => unitNames.get(u)).filter((x): x is string => Boolean(x)),
    };
  });
  return {
    nodes: results,
    total: whole.score,
    verdict: verdictOf(whole.score, thresholds, veto.failed),
    vetoFailed: veto.failed,
    vetoUnknown: veto.unknown,
    leaves: whole.leaves + veto.failed + veto.unknown + veto.met,
    scoredLeaves: whole.scoredLeaves + veto.failed + veto.met,
  };
}

/** An inner node's source: its leaves' single source, 'none' when none scored, else 'manual' (mixed). */
function innerSources(
  ordered: readonly { id: string; parentId: string | null; leaf: boolean }[],
  sources: ReadonlyMap<string, ScoreSource>,
): Map<string, ScoreSource> {
  const seen = new Map<string, Set<ScoreSource>>();
  for (let i = ordered.length - 1; i >= 0; i--) {
    const n = ordered[i]!;
    const own = n.leaf ? new Set([sources.get(n.id) ?? 'none']) : (seen.get(n.id) ?? new Set());
    own.delete('none');
    if (n.parentId === null) continue;
    const p = seen.get(n.parentId) ?? new Set<ScoreSource>();
    for (const s of own) p.add(s);
    seen.set(n.parentId, p);
  }
  const out = new Map<string, ScoreSource>();
  for (const [id, set] of seen)
    out.set(id, set.size === 0 ? 'none' : set.size === 1 ? [...set][0]! : 'manual');
  return out;
}
