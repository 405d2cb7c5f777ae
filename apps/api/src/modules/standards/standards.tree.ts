import type { CreateStandard, EvidenceRequirement, ScoringParams, ScoringRule } from '@chuangcheng/contracts';
import { orderTree, type StandardTreeNode, validateStandardTree } from '@chuangcheng/domain';
import type { Db } from '../../db/client';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import type { StandardsDeps } from './standards.deps';
import type { TreeNode } from './standards.presenter';
import { createStandardsRepository, type NodeRow } from './standards.repository';

/** A node to write: keyed by anything unique (a code for imports and samples). */
export interface NewNode {
  key: string;
  parentKey: string | null;
  code: string;
  title: string;
  description: string | null;
  points: number;
  rule: ScoringRule;
  params: ScoringParams;
  evidence: EvidenceRequirement[];
  unitIds: string[];
}

export type StandardHead = Required<Omit<CreateStandard, 'note'>> & { note: string | null; sample: boolean };

/** Stored rows as the domain's tree nodes (keys are ids). */
export function asTree(
  rows: readonly Pick<NodeRow, 'id' | 'parentId' | 'code' | 'title' | 'points' | 'rule' | 'params'>[],
): StandardTreeNode[] {
  return rows.map((r) => ({
    key: r.id,
    parentKey: r.parentId,
    code: r.code,
    title: r.title,
    points: r.points,
    rule: r.rule,
    params: r.params as ScoringParams,
  }));
}

/** Throws STANDARD_INVALID with every issue of the tree; nothing is written by the caller then. */
export function assertValidTree(nodes: readonly StandardTreeNode[], totalPoints: number): void {
  const issues = validateStandardTree(nodes, totalPoints);
  if (issues.length) throw new AppError('STANDARD_INVALID', { issues });
}

/** Stored rows pre-ordered with depth, leaf and unit names. */
export function orderRows(rows: readonly NodeRow[], unitNames: ReadonlyMap<string, string>): TreeNode[] {
  return orderTree(rows.map((r) => ({ ...r, key: r.id, parentKey: r.parentId }))).map((n) => ({
    id: n.id,
    standardId: n.standardId,
    parentId: n.parentId,
    code: n.code,
    title: n.title,
    description: n.description,
    points: n.points,
    rule: n.rule,
    params: n.params as ScoringParams,
    veto: n.rule === 'veto',
    evidence: n.evidence as EvidenceRequirement[],
    unitIds: n.unitIds,
    unitNames: n.unitIds.map((id) => unitNames.get(id)).filter((x): x is string => Boolean(x)),
    depth: n.depth,
    leaf: n.leaf,
    sort: n.sort,
  }));
}

/**
 * Writes a whole standard (a new version of its code) with its tree inside `tx`, with one audit entry.
 * The caller has validated the tree.
 */
export async function insertStandardTree(
  deps: StandardsDeps,
  tx: Db,
  ctx: Ctx,
  cityId: string,
  head: StandardHead,
  nodes: readonly NewNode[],
  audit: { action: string; after?: Record<string, unknown> },
): Promise<{ id: string; version: number }> {
  const r = createStandardsRepository(tx);
  const now = deps.clock.now();
  const id = newId(now.getTime());
  const version = (await r.lastVersion(cityId, head.code)) + 1;
  await r.insertStandard(tx, { id, cityId, ...head, version, createdAt: now });
  const ordered = orderTree(nodes);
  const ids = new Map(ordered.map((n) => [n.key, newId(now.getTime())]));
  await r.insertNodes(
    tx,
    ordered.map((n, i) => ({
      id: ids.get(n.key)!,
      cityId,
      standardId: id,
      parentId: n.parentKey === null ? null : (ids.get(n.parentKey) ?? null),
      code: n.code,
      title: n.title,
      description: n.description,
      points: n.points,
      rule: n.rule,
      params: n.params,
      evidence: n.evidence,
      unitIds: n.unitIds,
      depth: n.depth,
      sort: i,
    })),
  );
  await deps.audit.record(tx, ctx, {
    cityId,
    action: audit.action,
    entityType: 'standard',
    entityId: id,
    after: { code: head.code, name: head.name, version, nodes: nodes.length, ...audit.after },
  });
  return { id, version };
}
