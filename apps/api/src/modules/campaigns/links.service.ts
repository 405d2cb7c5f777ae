import type { createIndicatorLinkSchema, indicatorLinkSchema } from '@chuangcheng/contracts';
import type { z } from 'zod';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import type { CampaignsDeps } from './campaigns.deps';
import { CAMPAIGN_WRITE, LINK_READ } from './campaigns.policy';
import { createCampaignsRepository, type LinkRow } from './campaigns.repository';

type IndicatorLink = z.infer<typeof indicatorLinkSchema>;
type CreateLink = z.infer<typeof createIndicatorLinkSchema>;

/** Links between overlapping indicators of two standards: stored once, read from either side. */
export function createLinksService(deps: CampaignsDeps) {
  const repo = createCampaignsRepository(deps.db);

  /** Links with both ends named; `side` nodes come first (nodeId) when given. */
  async function present(
    links: readonly LinkRow[],
    side: ReadonlySet<string> | null,
  ): Promise<IndicatorLink[]> {
    const nodes = new Map(
      (await deps.standards.nodesByIds([...new Set(links.flatMap((l) => [l.nodeId, l.linkedNodeId]))])).map(
        (n) => [n.id, n],
      ),
    );
    const names = new Map(
      (await repo.standardsByIds([...new Set([...nodes.values()].map((n) => n.standardId))])).map((s) => [
        s.id,
        s.name,
      ]),
    );
    return links.flatMap((l) => {
      const flip = side !== null && !side.has(l.nodeId);
      const a = nodes.get(flip ? l.linkedNodeId : l.nodeId);
      const b = nodes.get(flip ? l.nodeId : l.linkedNodeId);
      if (!a || !b) return [];
      return [
        {
          id: l.id,
          nodeId: a.id,
          nodeCode: a.code,
          nodeTitle: a.title,
          standardName: names.get(a.standardId) ?? '',
          linkedNodeId: b.id,
          linkedNodeCode: b.code,
          linkedNodeTitle: b.title,
          linkedStandardName: names.get(b.standardId) ?? '',
          note: l.note,
        },
      ];
    });
  }

  return {
    /** The city's links, or those touching one standard (oriented so nodeId is that standard's). */
    async listLinks(ctx: Ctx, q: { standardId?: string }): Promise<IndicatorLink[]> {
      requireRole(ctx.actor, LINK_READ);
      const cityId = await deps.standards.cityOf(ctx);
      if (!q.standardId) return present(await repo.links(cityId, null), null);
      const tree = await deps.standards.getTree(cityId, q.standardId);
      const ids = tree.map((n) => n.id);
      return present(await repo.links(cityId, ids), new Set(ids));
    },

    /** Links two indicators of different standards of the same city. */
    async createLink(ctx: Ctx, input: CreateLink): Promise<IndicatorLink> {
      requireRole(ctx.actor, CAMPAIGN_WRITE);
      const cityId = await deps.standards.cityOf(ctx);
      const nodes = await deps.standards.nodesByIds([input.nodeId, input.linkedNodeId]);
      const a = nodes.find((n) => n.id === input.nodeId && n.cityId === cityId);
      const b = nodes.find((n) => n.id === input.linkedNodeId && n.cityId === cityId);
      if (!a) throw fieldError('nodeId', '指标不存在或不属于本市');
      if (!b) throw fieldError('linkedNodeId', '指标不存在或不属于本市');
      if (a.standardId === b.standardId) throw fieldError('linkedNodeId', '只能关联另一个考核标准中的指标');
      const existing = await repo.links(cityId, [a.id]);
      if (existing.some((l) => l.nodeId === b.id || l.linkedNodeId === b.id))
        throw fieldError('linkedNodeId', '这两项指标已经关联');
      const row: LinkRow = {
        id: newId(deps.clock.now().getTime()),
        cityId,
        nodeId: a.id,
        linkedNodeId: b.id,
        note: input.note ?? null,
      };
      await deps.db.transaction(async (tx) => {
        await createCampaignsRepository(tx).insertLink(tx, row);
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'create',
          entityType: 'indicator_link',
          entityId: row.id,
          after: { nodeId: a.id, linkedNodeId: b.id },
        });
      });
      return (await present([row], null))[0]!;
    },

    async deleteLink(ctx: Ctx, id: string): Promise<void> {
      requireRole(ctx.actor, CAMPAIGN_WRITE);
      const cityId = await deps.standards.cityOf(ctx);
      const link = await repo.linkById(id);
      if (!link || link.cityId !== cityId)
        throw new AppError('STANDARD_NODE_NOT_FOUND', { id }, '指标关联不存在');
      await deps.db.transaction(async (tx) => {
        await createCampaignsRepository(tx).removeLink(tx, id);
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'delete',
          entityType: 'indicator_link',
          entityId: id,
          before: { nodeId: link.nodeId, linkedNodeId: link.linkedNodeId },
        });
      });
    },

    /** For other modules: the nodes linked to `nodeId`, either direction. */
    async linkedNodeIds(cityId: string, nodeId: string): Promise<string[]> {
      const links = await repo.links(cityId, [nodeId]);
      return [...new Set(links.map((l) => (l.nodeId === nodeId ? l.linkedNodeId : l.nodeId)))];
    },
  };
}
