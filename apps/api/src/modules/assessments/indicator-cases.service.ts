import type { CaseSource, caseFromLostPointSchema, RoundKind } from '@chuangcheng/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import type { AssessmentsDeps } from './assessments.deps';
import { ROUND_CASE, ROUND_SCORE } from './assessments.policy';
import { type CampaignInfo, createAssessmentsRepository } from './assessments.repository';
import type { RoundCore } from './round-core';

export type CaseFromLostPoint = z.output<typeof caseFromLostPointSchema>;

/** An upper-level assessment's finding is 上级交办; our own rounds are 督查巡查 findings. */
const SOURCE_OF_ROUND: Record<RoundKind, CaseSource> = {
  self: 'inspector',
  mock: 'inspector',
  upper_secret: 'upper',
  upper_tech: 'upper',
};

/** Cases linked to indicators (each open one is an occurrence) and rectification cases from lost points. */
export function createIndicatorCasesService(deps: AssessmentsDeps, core: RoundCore) {
  const { repo } = core;

  async function nodeOf(campaign: CampaignInfo, nodeId: string, field = 'nodeId') {
    const t = await core.tree(campaign);
    const node = t.byId.get(nodeId);
    if (!node)
      throw new AppError('STANDARD_NODE_NOT_FOUND', fieldDetails(field, '考核点不属于该活动的考核标准'));
    return node;
  }

  async function link(ctx: Ctx, campaign: CampaignInfo, nodeId: string, caseId: string, action: string) {
    await deps.db.transaction(async (tx) => {
      const added = await createAssessmentsRepository(tx).linkCase({
        cityId: campaign.cityId,
        campaignId: campaign.id,
        nodeId,
        caseId,
        createdAt: deps.clock.now(),
      });
      if (added) {
        await deps.audit.record(tx, ctx, {
          cityId: campaign.cityId,
          action,
          entityType: 'indicator_case',
          entityId: caseId,
          after: { campaignId: campaign.id, nodeId, caseId },
        });
      }
    });
  }

  return {
    /** Links an existing case of the city to an indicator of the campaign (again = no-op). */
    async linkCase(ctx: Ctx, campaignId: string, nodeId: string, caseId: string): Promise<void> {
      const campaign = await core.campaignFor(ctx, ROUND_SCORE, campaignId);
      await nodeOf(campaign, nodeId);
      if (!(await repo.caseOf(campaign.cityId, caseId))) {
        throw new AppError('CASE_NOT_FOUND', fieldDetails('caseId', '案件不存在或不属于本市'));
      }
      await link(ctx, campaign, nodeId, caseId, 'link');
    },

    async unlinkCase(ctx: Ctx, campaignId: string, nodeId: string, caseId: string): Promise<void> {
      const campaign = await core.campaignFor(ctx, ROUND_SCORE, campaignId);
      await deps.db.transaction(async (tx) => {
        const removed = await createAssessmentsRepository(tx).unlinkCase({
          cityId: campaign.cityId,
          campaignId,
          nodeId,
          caseId,
        });
        if (!removed) throw new AppError('CASE_NOT_FOUND', fieldDetails('caseId', '该案件未关联到此考核点'));
        await deps.audit.record(tx, ctx, {
          cityId: campaign.cityId,
          action: 'unlink',
          entityType: 'indicator_case',
          entityId: caseId,
          before: { campaignId, nodeId, caseId },
        });
      });
    },

    /**
     * One click from a lost point: registers a rectification case through the closed loop (located and
     * routed like any other; the office files and dispatches it at once) and links it to the indicator.
     * The case is created first in its own transaction (the cases module owns it); the link follows.
     */
    async caseFromLostPoint(
      ctx: Ctx,
      roundId: string,
      input: CaseFromLostPoint,
    ): Promise<{ caseId: string; number: string }> {
      const { round, campaign } = await core.roundFor(ctx, ROUND_CASE, roundId);
      const node = await nodeOf(campaign, input.nodeId);
      const created = await deps.cases.createCase(ctx, {
        source: SOURCE_OF_ROUND[round.kind],
        categoryId: input.categoryId,
        lng: input.lng,
        lat: input.lat,
        description: `【${node.code} ${node.title}】${input.description}`.slice(0, 2000),
        owner: 'public',
        photoIds: [],
        selfHandled: false,
        afterPhotoIds: [],
        fileNow: ctx.actor.role === 'office',
      });
      await link(ctx, campaign, node.id, created.id, 'link');
      return { caseId: created.id, number: created.number };
    },
  };
}

export type IndicatorCasesService = ReturnType<typeof createIndicatorCasesService>;
