import type { Actor } from '../../platform/actor';
import type { CampaignsDeps } from './campaigns.deps';
import { assertCampaignScope } from './campaigns.policy';
import { type CampaignRow, createCampaignsRepository, type TaskRow } from './campaigns.repository';
import { createCampaignsCore } from './campaigns-crud.service';
import { seedDemoCampaign } from './demo-campaign';
import { createLinksService } from './links.service';
import { createTasksService } from './tasks.service';

/** A stored 任务分解表 row with unit names, for the evidence and assessments modules. */
export interface CampaignTaskRow extends TaskRow {
  leadUnitName: string | null;
  coUnitNames: string[];
}

/**
 * Campaigns, the 任务分解表 and indicator links — and, for the evidence and assessments modules, pure
 * lookups by city (no authorization inside) plus the scope assertion they apply to their callers.
 */
export function createCampaignsService(deps: CampaignsDeps) {
  const core = createCampaignsCore(deps);
  const tasks = createTasksService(deps, core);
  const links = createLinksService(deps);
  const repo = createCampaignsRepository(deps.db);

  return {
    listCampaigns: core.listCampaigns,
    getCampaign: core.getCampaign,
    createCampaign: core.createCampaign,
    updateCampaign: core.updateCampaign,
    deleteCampaign: core.deleteCampaign,
    listTasks: tasks.listTasks,
    upsertTask: tasks.upsertTask,
    exportTasks: tasks.exportTasks,
    importTasks: tasks.importTasks,
    listLinks: links.listLinks,
    createLink: links.createLink,
    deleteLink: links.deleteLink,

    /** For other modules: a campaign of the city, or CAMPAIGN_NOT_FOUND. */
    getCampaignRow: core.getCampaignRow,
    /** For other modules: FORBIDDEN_SCOPE unless the campaign's region is within the actor's scope. */
    assertScope: (actor: Actor, campaign: Pick<CampaignRow, 'cityId' | 'regionPath'>) =>
      assertCampaignScope(actor, campaign),
    /** For other modules: the stored 任务分解表 rows (assigned nodes only) with unit names. */
    async tasksOf(cityId: string, campaignId: string): Promise<CampaignTaskRow[]> {
      await core.getCampaignRow(cityId, campaignId);
      const rows = await repo.tasks(campaignId);
      const ids = [
        ...new Set(rows.flatMap((r) => [r.leadUnitId, ...r.coUnitIds]).filter((x): x is string => !!x)),
      ];
      const names = new Map((await repo.unitsByIds(ids)).map((u) => [u.id, u.name]));
      return rows.map((r) => ({
        ...r,
        leadUnitName: r.leadUnitId ? (names.get(r.leadUnitId) ?? null) : null,
        coUnitNames: r.coUnitIds.map((id) => names.get(id) ?? '').filter(Boolean),
      }));
    },
    /** For other modules: nodes a unit answers for — lead or co-unit in the 任务分解表, or in the node's unitIds — and their descendants. */
    async nodeIdsOfUnit(cityId: string, campaignId: string, unitId: string): Promise<string[]> {
      const c = await core.getCampaignRow(cityId, campaignId);
      const tree = await deps.standards.getTree(cityId, c.standardId);
      const inTree = new Set(tree.map((n) => n.id));
      const ids = new Set((await repo.nodeIdsOfUnit(campaignId, unitId)).filter((id) => inTree.has(id)));
      for (const n of tree) if (n.unitIds.includes(unitId)) ids.add(n.id);
      // A unit given "1.3 公厕" answers for its checkpoints too (the tree is pre-ordered: parents first).
      for (const n of tree) if (n.parentId && ids.has(n.parentId)) ids.add(n.id);
      return [...ids];
    },
    /** For other modules: nodes of other standards linked to `nodeId` (either direction). */
    linkedNodeIds: links.linkedNodeIds,
    /** The demo city's campaign (see demo-campaign.ts). */
    seedDemo: (cityId: string, now: Date) => seedDemoCampaign(deps, { cityId, now }),
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
