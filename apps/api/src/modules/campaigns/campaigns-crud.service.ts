import type { Campaign, CreateCampaign, Page, PageQuery, updateCampaignSchema } from '@chuangcheng/contracts';
import type { z } from 'zod';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import { cityDay } from '../org/index';
import type { CampaignsDeps } from './campaigns.deps';
import { assertCampaignScope, CAMPAIGN_READ, CAMPAIGN_WRITE } from './campaigns.policy';
import { toCampaign } from './campaigns.presenter';
import { type CampaignRow, createCampaignsRepository } from './campaigns.repository';

type UpdateCampaign = z.infer<typeof updateCampaignSchema>;
type Shape = Pick<CreateCampaign, 'startsOn' | 'endsOn' | 'phases'> & {
  passScore: number;
  basicScore: number;
};

/** Dates in order, phases inside the campaign, basic ≤ pass ≤ the standard's total. */
function assertShape(c: Shape, totalPoints: number): void {
  if (c.endsOn < c.startsOn) throw fieldError('endsOn', `结束日期 ${c.endsOn} 早于开始日期 ${c.startsOn}`);
  c.phases.forEach((p, i) => {
    if (p.endsOn < p.startsOn)
      throw fieldError(`phases.${i}.endsOn`, `第 ${i + 1} 个阶段的结束日期早于开始日期`);
    if (p.startsOn < c.startsOn || p.endsOn > c.endsOn)
      throw fieldError(`phases.${i}`, `第 ${i + 1} 个阶段（${p.startsOn}–${p.endsOn}）须在活动起止日期之内`);
  });
  if (c.passScore > totalPoints)
    throw fieldError('passScore', `达标分 ${c.passScore} 不能高于标准总分 ${totalPoints}`);
  if (c.basicScore > c.passScore)
    throw fieldError('basicScore', `基本达标分 ${c.basicScore} 不能高于达标分 ${c.passScore}`);
}

/** Campaigns: a standard applied to the city or a region, with thresholds, phases and milestones. */
export function createCampaignsCore(deps: CampaignsDeps) {
  const repo = createCampaignsRepository(deps.db);
  const today = () => cityDay(deps.clock.now());

  /** A campaign of the city, or CAMPAIGN_NOT_FOUND (no authorization: for other modules). */
  async function getCampaignRow(cityId: string, id: string): Promise<CampaignRow> {
    const c = await repo.byId(id);
    if (!c || c.cityId !== cityId) throw new AppError('CAMPAIGN_NOT_FOUND', { id });
    return c;
  }

  /** Role, city and region scope: the campaign an actor may see. */
  async function load(ctx: Ctx, id: string, roles = CAMPAIGN_READ): Promise<CampaignRow> {
    requireRole(ctx.actor, roles);
    const c = await repo.byId(id);
    if (!c) throw new AppError('CAMPAIGN_NOT_FOUND', { id });
    assertCampaignScope(ctx.actor, c);
    return c;
  }

  /** The region is the city or inside it, and inside the actor's scope. */
  async function checkRegion(ctx: Ctx, cityId: string, regionId: string): Promise<void> {
    const r = await repo.region(regionId);
    if (!r || (r.id !== cityId && r.cityId !== cityId))
      throw fieldError('regionId', '区域不存在或不属于本市');
    assertCampaignScope(ctx.actor, { cityId, regionPath: r.path });
  }

  async function standardOf(cityId: string, id: string) {
    try {
      return await deps.standards.getStandardRow(cityId, id);
    } catch (e) {
      if (e instanceof AppError && e.code === 'STANDARD_NOT_FOUND')
        throw fieldError('standardId', '考核标准不存在或不属于本市');
      throw e;
    }
  }

  const present = async (id: string) => toCampaign((await repo.byId(id))!, today());

  return {
    repo,
    load,
    getCampaignRow,
    today,

    /** Campaigns of the actor's city (and region subtree), newest first. */
    async listCampaigns(ctx: Ctx, q: PageQuery): Promise<Page<Campaign>> {
      requireRole(ctx.actor, CAMPAIGN_READ);
      const cityId = await deps.standards.cityOf(ctx);
      const { rows, total } = await repo.list(
        { cityId, regionPath: ctx.actor.regionPath, q: q.q },
        offsetOf(q),
        q.pageSize,
      );
      const d = today();
      return pageResult(
        rows.map((r) => toCampaign(r, d)),
        total,
        q,
      );
    },

    async getCampaign(ctx: Ctx, id: string): Promise<Campaign> {
      return toCampaign(await load(ctx, id), today());
    },

    /** A new campaign; thresholds default to the standard's. */
    async createCampaign(ctx: Ctx, input: CreateCampaign): Promise<Campaign> {
      requireRole(ctx.actor, CAMPAIGN_WRITE);
      const cityId = await deps.standards.cityOf(ctx);
      const standard = await standardOf(cityId, input.standardId);
      await checkRegion(ctx, cityId, input.regionId);
      const row = {
        ...input,
        passScore: input.passScore ?? standard.passScore,
        basicScore: input.basicScore ?? standard.basicScore,
      };
      assertShape(row, standard.totalPoints);
      const now = deps.clock.now();
      const id = newId(now.getTime());
      await deps.db.transaction(async (tx) => {
        await createCampaignsRepository(tx).insert(tx, { ...row, id, cityId, createdAt: now });
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'create',
          entityType: 'campaign',
          entityId: id,
          after: { name: row.name, standardId: row.standardId, regionId: row.regionId },
        });
      });
      return present(id);
    },

    async updateCampaign(ctx: Ctx, id: string, patch: UpdateCampaign): Promise<Campaign> {
      const c = await load(ctx, id, CAMPAIGN_WRITE);
      if (patch.regionId) await checkRegion(ctx, c.cityId, patch.regionId);
      const next = {
        startsOn: patch.startsOn ?? c.startsOn,
        endsOn: patch.endsOn ?? c.endsOn,
        phases: patch.phases ?? (c.phases as CreateCampaign['phases']),
        passScore: patch.passScore ?? c.passScore,
        basicScore: patch.basicScore ?? c.basicScore,
      };
      assertShape(next, c.totalPoints ?? 0);
      await deps.db.transaction(async (tx) => {
        await createCampaignsRepository(tx).update(tx, id, patch);
        await deps.audit.record(tx, ctx, {
          cityId: c.cityId,
          action: 'update',
          entityType: 'campaign',
          entityId: id,
          before: Object.fromEntries(Object.keys(patch).map((k) => [k, c[k as keyof CampaignRow]])),
          after: patch,
        });
      });
      return present(id);
    },

    /** Deletes a campaign and its 任务分解表; refused once rounds, archive files or linked cases exist. */
    async deleteCampaign(ctx: Ctx, id: string): Promise<void> {
      const c = await load(ctx, id, CAMPAIGN_WRITE);
      const refs = await repo.references(id);
      if (refs.rounds + refs.evidence + refs.cases > 0)
        throw new AppError('IN_USE', refs, '该创建活动已有测评轮次、台账资料或关联案件，不能删除');
      await deps.db.transaction(async (tx) => {
        await createCampaignsRepository(tx).remove(tx, id);
        await deps.audit.record(tx, ctx, {
          cityId: c.cityId,
          action: 'delete',
          entityType: 'campaign',
          entityId: id,
          before: { name: c.name, standardId: c.standardId },
        });
      });
    },
  };
}

export type CampaignsCore = ReturnType<typeof createCampaignsCore>;
