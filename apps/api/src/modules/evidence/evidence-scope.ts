import { orderTree, type PeriodicityKind } from '@chuangcheng/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { assertCampaignScope } from '../campaigns/index';
import type { CampaignRow, EvidenceRepository, NodeRow, TaskRow } from './evidence.repository';

export type IndicatorNode = NodeRow & { depth: number; leaf: boolean };
export interface Requirement {
  title: string;
  periodicity: PeriodicityKind;
}

/**
 * A campaign with its indicator tree (pre-ordered) and 任务分解表, and who answers for each node: a
 * task row (lead / co-units) or the node's own unitIds, inherited by the node's descendants — a unit
 * given "1.3 公厕" answers for its checkpoints too.
 */
export interface CampaignScope {
  campaign: CampaignRow;
  nodes: IndicatorNode[];
  byId: Map<string, IndicatorNode>;
  requirementsOf(node: NodeRow): Requirement[];
  /** Units answering for the node (itself or an ancestor). */
  unitsOf(nodeId: string): Set<string>;
  /** The lead unit of the nearest task row up the tree (null: not yet assigned, 未分解). */
  leadUnitOf(nodeId: string): string | null;
  /** Ancestors from the root down to the node itself. */
  pathOf(nodeId: string): IndicatorNode[];
}

const PERIODICITY = new Set<string>(['once', 'yearly', 'quarterly', 'monthly']);

export function requirementsOf(node: NodeRow): Requirement[] {
  return (node.evidence ?? [])
    .filter((r) => r && typeof r.title === 'string' && PERIODICITY.has(r.periodicity))
    .map((r) => ({ title: r.title, periodicity: r.periodicity as PeriodicityKind }));
}

export function buildScope(campaign: CampaignRow, rows: NodeRow[], tasks: TaskRow[]): CampaignScope {
  const nodes = orderTree(rows.map((n) => ({ ...n, key: n.id, parentKey: n.parentId }))).map(
    ({ key: _k, parentKey: _p, ...n }) => n as IndicatorNode,
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const taskOf = new Map(tasks.map((t) => [t.nodeId, t]));
  const pathOf = (nodeId: string): IndicatorNode[] => {
    const out: IndicatorNode[] = [];
    const seen = new Set<string>();
    for (let n = byId.get(nodeId); n && !seen.has(n.id); n = n.parentId ? byId.get(n.parentId) : undefined) {
      seen.add(n.id);
      out.unshift(n);
    }
    return out;
  };
  return {
    campaign,
    nodes,
    byId,
    requirementsOf,
    pathOf,
    unitsOf(nodeId) {
      const out = new Set<string>();
      for (const n of pathOf(nodeId)) {
        for (const u of n.unitIds ?? []) out.add(u);
        const t = taskOf.get(n.id);
        if (t?.leadUnitId) out.add(t.leadUnitId);
        for (const u of t?.coUnitIds ?? []) out.add(u);
      }
      return out;
    },
    leadUnitOf(nodeId) {
      for (const n of pathOf(nodeId).reverse()) {
        const lead = taskOf.get(n.id)?.leadUnitId;
        if (lead) return lead;
      }
      return null;
    },
  };
}

/**
 * Loads the campaign with its tree and tasks, answering as the campaign itself does: 404 when absent,
 * 403 FORBIDDEN_SCOPE outside the actor's city or region subtree (a district office opens only the
 * archives of campaigns it may open). Every evidence use case — files, slots, completeness, the
 * 迎检资料包 — passes through here.
 */
export async function loadScope(
  repo: EvidenceRepository,
  actor: Actor,
  campaignId: string,
): Promise<CampaignScope> {
  const campaign = await repo.campaign(campaignId);
  if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND');
  assertCampaignScope(actor, campaign);
  return scopeOf(repo, campaign);
}

/** The scope of an already-authorized campaign. */
export async function scopeOf(repo: EvidenceRepository, campaign: CampaignRow): Promise<CampaignScope> {
  const [nodes, tasks] = await Promise.all([repo.nodesOf(campaign.standardId), repo.tasksOf(campaign.id)]);
  return buildScope(campaign, nodes, tasks);
}
