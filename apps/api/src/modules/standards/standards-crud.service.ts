import type {
  CreateStandard,
  CreateStandardNode,
  Page,
  ScoringParams,
  Standard,
  StandardDetail,
  StandardNode,
  standardListQuerySchema,
  updateStandardNodeSchema,
  updateStandardSchema,
} from '@chuangcheng/contracts';
import type { z } from 'zod';
import { inCity, requireCity, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldError, isUniqueViolation } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { StandardsDeps } from './standards.deps';
import { cityOfActor, STANDARD_READ, STANDARD_WRITE } from './standards.policy';
import { type TreeNode, toNode, toStandard } from './standards.presenter';
import { createStandardsRepository, type NodeRow, type StandardWithCounts } from './standards.repository';
import { assertValidTree, asTree, insertStandardTree, orderRows } from './standards.tree';

type UpdateStandard = z.infer<typeof updateStandardSchema>;
type UpdateNode = z.infer<typeof updateStandardNodeSchema>;

/** pass ≤ total and basic ≤ pass, or a field error naming the one that is off. */
export function assertThresholds(t: { totalPoints: number; passScore: number; basicScore: number }): void {
  if (t.passScore > t.totalPoints)
    throw fieldError('passScore', `达标分 ${t.passScore} 不能高于总分 ${t.totalPoints}`);
  if (t.basicScore > t.passScore)
    throw fieldError('basicScore', `基本达标分 ${t.basicScore} 不能高于达标分 ${t.passScore}`);
}

/** Standards and their indicator trees: CRUD with whole-tree validation on every change. */
export function createStandardsCore(deps: StandardsDeps) {
  const repo = createStandardsRepository(deps.db);

  async function cityOf(ctx: Ctx): Promise<string> {
    return cityOfActor(ctx.actor, await deps.org.regions.repo.cities());
  }

  async function load(ctx: Ctx, id: string, roles = STANDARD_READ): Promise<StandardWithCounts> {
    requireRole(ctx.actor, roles);
    const s = await repo.byId(id);
    if (!s) throw new AppError('STANDARD_NOT_FOUND', { id });
    requireCity(ctx.actor, s.cityId);
    return s;
  }

  async function unitNames(rows: readonly NodeRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((r) => r.unitIds))];
    return new Map((await repo.unitsByIds(ids)).map((u) => [u.id, u.name]));
  }

  async function treeOf(standardId: string): Promise<TreeNode[]> {
    const rows = await repo.nodes(standardId);
    return orderRows(rows, await unitNames(rows));
  }

  async function assertUnits(cityId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const ok = new Set((await repo.unitsByIds(ids)).filter((u) => u.cityId === cityId).map((u) => u.id));
    const bad = ids.filter((id) => !ok.has(id));
    if (bad.length) throw fieldError('unitIds', `单位不存在或不属于本市：${bad.join('、')}`);
  }

  async function presentNode(standardId: string, id: string): Promise<StandardNode> {
    const node = (await treeOf(standardId)).find((n) => n.id === id);
    if (!node) throw new AppError('STANDARD_NODE_NOT_FOUND', { id });
    return toNode(node);
  }

  async function loadNode(ctx: Ctx, id: string) {
    requireRole(ctx.actor, STANDARD_WRITE);
    const node = await repo.nodeById(id);
    if (!node || !inCity(ctx.actor, node.cityId)) throw new AppError('STANDARD_NODE_NOT_FOUND', { id });
    const standard = await load(ctx, node.standardId, STANDARD_WRITE);
    return { node, standard };
  }

  return {
    repo,
    cityOf,
    load,
    treeOf,
    assertUnits,

    /** Standards of the actor's city, newest version first within a code. */
    async listStandards(ctx: Ctx, q: z.infer<typeof standardListQuerySchema>): Promise<Page<Standard>> {
      requireRole(ctx.actor, STANDARD_READ);
      const cityId = await cityOf(ctx);
      const { rows, total } = await repo.list({ cityId, type: q.type, q: q.q }, offsetOf(q), q.pageSize);
      return pageResult(rows.map(toStandard), total, q);
    },

    /** A standard with its whole tree, pre-ordered. */
    async getStandard(ctx: Ctx, id: string): Promise<StandardDetail> {
      const s = await load(ctx, id);
      return { ...toStandard(s), nodes: (await treeOf(id)).map(toNode) };
    },

    /** A new, empty standard; a code that exists gets its next version number. */
    async createStandard(ctx: Ctx, input: CreateStandard): Promise<Standard> {
      requireRole(ctx.actor, STANDARD_WRITE);
      assertThresholds(input);
      const cityId = await cityOf(ctx);
      const head = { ...input, note: input.note ?? null, sample: false };
      const { id } = await deps.db.transaction((tx) =>
        insertStandardTree(deps, tx, ctx, cityId, head, [], { action: 'create' }),
      );
      return toStandard((await repo.byId(id))!);
    },

    /** Name, code, type, thresholds; a lower total is checked against the tree. */
    async updateStandard(ctx: Ctx, id: string, patch: UpdateStandard): Promise<Standard> {
      const s = await load(ctx, id, STANDARD_WRITE);
      const next = { ...s, ...patch };
      assertThresholds(next);
      if (patch.totalPoints !== undefined) assertValidTree(asTree(await repo.nodes(id)), next.totalPoints);
      try {
        await deps.db.transaction(async (tx) => {
          await createStandardsRepository(tx).updateStandard(tx, id, patch);
          await deps.audit.record(tx, ctx, {
            cityId: s.cityId,
            action: 'update',
            entityType: 'standard',
            entityId: id,
            before: Object.fromEntries(Object.keys(patch).map((k) => [k, s[k as keyof typeof s]])),
            after: patch,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('DUPLICATE_CODE', {
            fields: [{ field: 'code', message: `编码 ${next.code} 的第 ${s.version} 版已存在` }],
          });
        throw e;
      }
      return toStandard((await repo.byId(id))!);
    },

    /** Deletes a standard and its tree; refused while a campaign applies it. */
    async deleteStandard(ctx: Ctx, id: string): Promise<void> {
      const s = await load(ctx, id, STANDARD_WRITE);
      const campaigns = await repo.campaignsUsing(id);
      if (campaigns > 0)
        throw new AppError('IN_USE', { campaigns }, `该标准正被 ${campaigns} 个创建活动使用，不能删除`);
      await deps.db.transaction(async (tx) => {
        await createStandardsRepository(tx).deleteStandard(tx, id);
        await deps.audit.record(tx, ctx, {
          cityId: s.cityId,
          action: 'delete',
          entityType: 'standard',
          entityId: id,
          before: { code: s.code, name: s.name, version: s.version, nodes: s.nodeCount },
        });
      });
    },

    /** Adds a node; the whole tree is re-validated first. */
    async createNode(ctx: Ctx, standardId: string, input: CreateStandardNode): Promise<StandardNode> {
      const s = await load(ctx, standardId, STANDARD_WRITE);
      const rows = await repo.nodes(standardId);
      const parent = input.parentId ? rows.find((r) => r.id === input.parentId) : null;
      if (input.parentId && !parent) throw fieldError('parentId', '上级指标不存在或不属于该标准');
      await assertUnits(s.cityId, input.unitIds);
      const now = deps.clock.now();
      const row: NodeRow = {
        id: newId(now.getTime()),
        cityId: s.cityId,
        standardId,
        parentId: parent?.id ?? null,
        code: input.code,
        title: input.title,
        description: input.description ?? null,
        points: input.points,
        rule: input.rule,
        params: input.params,
        evidence: input.evidence,
        unitIds: [...new Set(input.unitIds)],
        depth: parent ? parent.depth + 1 : 0,
        sort: input.sort ?? rows.length,
      };
      assertValidTree(asTree([...rows, row]), s.totalPoints);
      await deps.db.transaction(async (tx) => {
        await createStandardsRepository(tx).insertNodes(tx, [row]);
        await deps.audit.record(tx, ctx, {
          cityId: s.cityId,
          action: 'create',
          entityType: 'standard_node',
          entityId: row.id,
          after: { standardId, code: row.code, title: row.title, points: row.points, rule: row.rule },
        });
      });
      return presentNode(standardId, row.id);
    },

    /** Changes a node (not its parent); the whole tree is re-validated first. */
    async updateNode(ctx: Ctx, id: string, patch: UpdateNode): Promise<StandardNode> {
      const { node, standard } = await loadNode(ctx, id);
      if (patch.unitIds) await assertUnits(standard.cityId, patch.unitIds);
      const next: NodeRow = {
        ...node,
        ...patch,
        params: (patch.params ?? node.params) as ScoringParams,
        description: patch.description ?? node.description,
        unitIds: patch.unitIds ? [...new Set(patch.unitIds)] : node.unitIds,
      };
      const rows = (await repo.nodes(standard.id)).map((r) => (r.id === id ? next : r));
      assertValidTree(asTree(rows), standard.totalPoints);
      const { id: _id, cityId: _c, standardId: _s, parentId: _p, depth: _d, ...changes } = next;
      await deps.db.transaction(async (tx) => {
        await createStandardsRepository(tx).updateNode(tx, id, changes);
        await deps.audit.record(tx, ctx, {
          cityId: standard.cityId,
          action: 'update',
          entityType: 'standard_node',
          entityId: id,
          before: Object.fromEntries(Object.keys(patch).map((k) => [k, node[k as keyof NodeRow]])),
          after: patch,
        });
      });
      return presentNode(standard.id, id);
    },

    /** Deletes a leaf node; refused while it has children or the archive and rounds refer to it. */
    async deleteNode(ctx: Ctx, id: string): Promise<void> {
      const { node, standard } = await loadNode(ctx, id);
      const rows = await repo.nodes(standard.id);
      const children = rows.filter((r) => r.parentId === id).length;
      if (children > 0)
        throw new AppError('IN_USE', { children }, `该指标还有 ${children} 个下级指标，请先删除下级指标`);
      const refs = await repo.nodeReferences(id);
      if (refs.evidence + refs.scores + refs.links > 0)
        throw new AppError('IN_USE', refs, '该指标已有台账资料、测评记录或关联指标，不能删除');
      assertValidTree(asTree(rows.filter((r) => r.id !== id)), standard.totalPoints);
      await deps.db.transaction(async (tx) => {
        await createStandardsRepository(tx).deleteNode(tx, id);
        await deps.audit.record(tx, ctx, {
          cityId: standard.cityId,
          action: 'delete',
          entityType: 'standard_node',
          entityId: id,
          before: { standardId: standard.id, code: node.code, title: node.title, points: node.points },
        });
      });
    },
  };
}

export type StandardsCore = ReturnType<typeof createStandardsCore>;
