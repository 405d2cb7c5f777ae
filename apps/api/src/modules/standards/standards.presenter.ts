import type { EvidenceRequirement, ScoringParams, Standard, StandardNode } from '@chuangcheng/contracts';
import type { NodeRow, StandardWithCounts } from './standards.repository';

/** A node of a standard's tree as the other modules read it: pre-ordered, with depth, leaf and unit names. */
export interface TreeNode {
  id: string;
  standardId: string;
  parentId: string | null;
  code: string;
  title: string;
  description: string | null;
  points: number;
  rule: NodeRow['rule'];
  params: ScoringParams;
  veto: boolean;
  evidence: EvidenceRequirement[];
  unitIds: string[];
  unitNames: string[];
  depth: number;
  leaf: boolean;
  sort: number;
}

export function toStandard(r: StandardWithCounts): Standard {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    version: r.version,
    sample: r.sample,
    totalPoints: r.totalPoints,
    passScore: r.passScore,
    basicScore: r.basicScore,
    note: r.note,
    nodeCount: r.nodeCount,
    vetoCount: r.vetoCount,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toNode(n: TreeNode): StandardNode {
  return {
    id: n.id,
    standardId: n.standardId,
    parentId: n.parentId,
    code: n.code,
    title: n.title,
    description: n.description,
    points: n.points,
    rule: n.rule,
    params: n.params,
    veto: n.veto,
    evidence: n.evidence,
    unitIds: n.unitIds,
    unitNames: n.unitNames,
    depth: n.depth,
    sort: n.sort,
    leaf: n.leaf,
  };
}
