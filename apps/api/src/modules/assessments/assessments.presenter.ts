import type { LostPoint, NodeResult, Round, RoundDetail } from '@chuangcheng/contracts';
import type { RoundRow } from './assessments.repository';

/** A round as it leaves the server (its computed totals are the read model's). */
export function presentRound(
  r: Omit<RoundRow, 'results'>,
  x: { campaignName: string; totalPoints: number; leaves: number; scoredLeaves: number },
): Round {
  return {
    id: r.id,
    campaignId: r.campaignId,
    campaignName: x.campaignName,
    kind: r.kind,
    name: r.name,
    heldOn: r.heldOn,
    status: r.status,
    total: r.total,
    totalPoints: x.totalPoints,
    verdict: r.verdict,
    vetoFailed: r.vetoFailed,
    vetoUnknown: r.vetoUnknown,
    scoredLeaves: x.scoredLeaves,
    leaves: x.leaves,
    computedAt: r.computedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Leaves and scored leaves of stored results (a veto counts once judged). */
export function leafCounts(nodes: readonly NodeResult[]): { leaves: number; scoredLeaves: number } {
  let leaves = 0;
  let scoredLeaves = 0;
  for (const n of nodes) {
    if (!n.leaf) continue;
    leaves++;
    if (n.source !== 'none') scoredLeaves++;
  }
  return { leaves, scoredLeaves };
}

export function presentRoundDetail(
  r: RoundRow,
  x: { campaignName: string; totalPoints: number },
): RoundDetail {
  const nodes = r.results as NodeResult[];
  return { ...presentRound(r, { ...x, ...leafCounts(nodes) }), nodes };
}

export type LeadUnits = ReadonlyMap<string, { id: string; name: string }>;

/**
 * Where the points are lost: leaves that lost points or failed their veto, failed vetoes first (they
 * fail the whole round whatever the total), then by points lost, then by code. Each names the lead unit
 * of the 任务分解表 row of the node or, failing that, of its nearest ancestor.
 */
export function lostPointsOf(nodes: readonly NodeResult[], leads: LeadUnits): LostPoint[] {
  const out = nodes
    .filter((n) => n.leaf && (n.lost > 0 || n.vetoStatus === 'failed'))
    .map((n) => lostPointOf(n, nodes, leads));
  const failed = (p: LostPoint) => (p.veto ? 1 : 0);
  return out.sort((a, b) => failed(b) - failed(a) || b.lost - a.lost || a.code.localeCompare(b.code));
}

/** One node as a lost point: its path "3 病媒生物防制 › 3.2 鼠类 › 3.2.1 …" and its lead unit. */
export function lostPointOf(n: NodeResult, nodes: readonly NodeResult[], leads: LeadUnits): LostPoint {
  const byId = indexOf(nodes);
  const path: NodeResult[] = [];
  let lead: { id: string; name: string } | null = null;
  for (let cur: NodeResult | undefined = n; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
    path.unshift(cur);
    lead ??= leads.get(cur.nodeId) ?? null;
    if (path.length > 64) break; // a corrupted parent cycle must not hang the request
  }
  return {
    nodeId: n.nodeId,
    code: n.code,
    title: n.title,
    pathText: path.map((p) => `${p.code} ${p.title}`).join(' › '),
    lost: n.lost,
    points: n.points,
    veto: n.veto,
    source: n.source,
    leadUnitId: lead?.id ?? null,
    leadUnitName: lead?.name ?? null,
    unitNames: n.unitNames,
  };
}

const indexes = new WeakMap<readonly NodeResult[], Map<string, NodeResult>>();
function indexOf(nodes: readonly NodeResult[]): Map<string, NodeResult> {
  let m = indexes.get(nodes);
  if (!m) {
    m = new Map(nodes.map((n) => [n.nodeId, n]));
    indexes.set(nodes, m);
  }
  return m;
}
