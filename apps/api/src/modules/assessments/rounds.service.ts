import type {
  createRoundSchema,
  FieldIssue,
  LostPoint,
  Page,
  PageQuery,
  Round,
  RoundDetail,
  ScoreEntry,
} from '@chuangcheng/contracts';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assessmentRounds, campaigns, regions } from '../../db/schema/index';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { RoundResults, ScoringNode } from './assessments.compute';
import type { AssessmentsDeps } from './assessments.deps';
import { ROUND_MANAGE, ROUND_READ, ROUND_SCORE } from './assessments.policy';
import { lostPointsOf, presentRound, presentRoundDetail } from './assessments.presenter';
import { createAssessmentsRepository, type RoundMeta, type RoundRow } from './assessments.repository';
import { createRoundCore, type Tree } from './round-core';

export type CreateRound = z.output<typeof createRoundSchema>;
export type RoundListQuery = PageQuery & { campaignId?: string };

const RULE_FIELD_MESSAGES = {
  occurrences: '只有按次扣分、计数扣分、曝光扣分的考核点可以填写发生次数',
  value: '只有指标达标类的考核点可以填写指标值',
  passed: '只有一票否决项可以填写是否达标',
} as const;

/** Every problem of one entry against its node's rule (field names `entries[i].field`). */
function entryIssues(e: ScoreEntry, i: number, node: ScoringNode, leaf: boolean): FieldIssue[] {
  const f = (field: string, message: string): FieldIssue => ({ field: `entries[${i}].${field}`, message });
  const given = (['score', 'occurrences', 'value', 'passed'] as const).filter((k) => e[k] !== undefined);
  if (!leaf) {
    return given.length
      ? [f('nodeId', `“${node.code} ${node.title}”是汇总指标，按下级考核点合计，不能直接评分`)]
      : [];
  }
  const out: FieldIssue[] = [];
  if (e.score !== undefined) {
    if (node.rule === 'veto') out.push(f('score', '一票否决项不计分，请填写是否达标（passed）'));
    else if (e.score > node.points) out.push(f('score', `得分不能超过该考核点的分值 ${node.points} 分`));
  }
  if (e.occurrences !== undefined && !['deduction', 'count', 'exposure'].includes(node.rule))
    out.push(f('occurrences', RULE_FIELD_MESSAGES.occurrences));
  if (e.value !== undefined && node.rule !== 'threshold') out.push(f('value', RULE_FIELD_MESSAGES.value));
  if (e.passed !== undefined && node.rule !== 'veto') out.push(f('passed', RULE_FIELD_MESSAGES.passed));
  return out;
}

/** Rounds of campaigns whose region lies in the subtree at `path` ('/id/…/', uuids only: no LIKE wildcards). */
const campaignInRegion = (path: string): SQL =>
  sql`exists (select 1 from ${campaigns} join ${regions} on ${regions.id} = ${campaigns.regionId}
    where ${campaigns.id} = ${assessmentRounds.campaignId} and ${regions.path} like ${`${path}%`})`;

/** Rounds: open, score (entries validated against each node's rule), recompute, close, delete, lost points. */
export function createRoundsService(deps: AssessmentsDeps) {
  const core = createRoundCore(deps);
  const { repo } = core;

  function detail(round: RoundRow, campaign: { name: string; totalPoints: number }): RoundDetail {
    return presentRoundDetail(round, { campaignName: campaign.name, totalPoints: campaign.totalPoints });
  }

  /** The detail straight from what was just computed and stored (no read-back of the results). */
  function computed(
    stored: { round: RoundMeta; results: RoundResults },
    campaign: { name: string; totalPoints: number },
  ): RoundDetail {
    return detail({ ...stored.round, results: stored.results.nodes }, campaign);
  }

  /** All entries valid, nodes known, photos of the city — or one error listing every bad field. */
  async function validateEntries(cityId: string, t: Tree, entries: readonly ScoreEntry[]): Promise<void> {
    const unknown = entries
      .map((e, i) =>
        t.byId.has(e.nodeId)
          ? null
          : { field: `entries[${i}].nodeId`, message: '考核点不属于该活动的考核标准' },
      )
      .filter((x): x is FieldIssue => x !== null);
    if (unknown.length) throw new AppError('STANDARD_NODE_NOT_FOUND', { fields: unknown });
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.nodeId))
        issues.push({ field: `entries[${i}].nodeId`, message: '同一考核点在本次提交中重复出现' });
      seen.add(e.nodeId);
      issues.push(...entryIssues(e, i, t.byId.get(e.nodeId)!, t.leaf.has(e.nodeId)));
    });
    if (issues.length) throw new AppError('VALIDATION_FAILED', { fields: issues });
    const photoIds = [...new Set(entries.flatMap((e) => e.photoIds))];
    const found = await repo.existingPhotos(cityId, photoIds);
    const missing = entries
      .map((e, i) =>
        e.photoIds.some((p) => !found.has(p))
          ? { field: `entries[${i}].photoIds`, message: '照片不存在或不属于本市，请先上传照片' }
          : null,
      )
      .filter((x): x is FieldIssue => x !== null);
    if (missing.length) throw new AppError('PHOTO_NOT_FOUND', { fields: missing });
  }

  return {
    core,

    async listRounds(ctx: Ctx, q: RoundListQuery): Promise<Page<Round>> {
      const where: SQL[] = [];
      if (q.campaignId) {
        const c = await core.campaignFor(ctx, ROUND_READ, q.campaignId);
        where.push(eq(assessmentRounds.campaignId, c.id));
      } else {
        requireRole(ctx.actor, ROUND_READ);
        if (ctx.actor.cityId) where.push(eq(assessmentRounds.cityId, ctx.actor.cityId));
        if (ctx.actor.regionPath) where.push(campaignInRegion(ctx.actor.regionPath));
      }
      const { rows, total } = await repo.listRounds(where, offsetOf(q), q.pageSize);
      return pageResult(
        rows.map((r) => presentRound(r.round, r)),
        total,
        q,
      );
    },

    /** Opens a round on a campaign and computes it at once (derived figures, nothing entered yet). */
    async createRound(ctx: Ctx, input: CreateRound): Promise<RoundDetail> {
      const campaign = await core.campaignFor(ctx, ROUND_SCORE, input.campaignId);
      const t = await core.tree(campaign);
      const derived = await core.derivedFor(campaign, t, input.heldOn, input.derive);
      const now = deps.clock.now();
      const id = newId(now.getTime());
      const stored = await deps.db.transaction(async (tx) => {
        const row = {
          id,
          cityId: campaign.cityId,
          campaignId: campaign.id,
          kind: input.kind,
          name: input.name,
          heldOn: input.heldOn,
          status: 'open' as const,
          derive: input.derive,
          createdAt: now,
        };
        await createAssessmentsRepository(tx).insertRound(row);
        const out = await core.storeResults(tx, await core.lockOpen(tx, id), campaign, t, derived);
        await deps.audit.record(tx, ctx, {
          cityId: campaign.cityId,
          action: 'create',
          entityType: 'assessment_round',
          entityId: id,
          after: { ...row, total: out.results.total, verdict: out.results.verdict },
        });
        return out;
      });
      return computed(stored, campaign);
    },

    /** A photo an assessor attached to a checkpoint of this round, for whoever may read the round. */
    async scorePhoto(ctx: Ctx, id: string, photoId: string, thumb: boolean) {
      const { round } = await core.roundMetaFor(ctx, ROUND_READ, id);
      const scores = await repo.scores(round.cityId, round.id);
      if (!scores.some((sc) => sc.photoIds.includes(photoId))) throw new AppError('PHOTO_NOT_FOUND');
      const p = await deps.photos.row(photoId);
      return {
        data: await deps.photos.read(thumb ? p.thumbKey : p.storageKey),
        contentType: thumb ? 'image/jpeg' : p.contentType,
      };
    },

    async getRound(ctx: Ctx, id: string): Promise<RoundDetail> {
      const { round, campaign } = await core.roundFor(ctx, ROUND_READ, id);
      return detail(round, campaign);
    },

    /**
     * Upserts the assessors' entries (each replaces the node's previous entry: a field left out is
     * cleared) and recomputes the round, in one transaction with the audit entry. A manual figure always
     * wins over a derived one.
     */
    async scoreRound(ctx: Ctx, id: string, entries: readonly ScoreEntry[]): Promise<RoundDetail> {
      const { round, campaign } = await core.roundMetaFor(ctx, ROUND_SCORE, id);
      if (round.status === 'closed') throw new AppError('ROUND_CLOSED');
      const t = await core.tree(campaign);
      await validateEntries(round.cityId, t, entries);
      const derived = await core.derivedFor(campaign, t, round.heldOn, round.derive);
      const now = deps.clock.now();
      const stored = await deps.db.transaction(async (tx) => {
        const locked = await core.lockOpen(tx, id);
        const before = { total: locked.total, verdict: locked.verdict };
        await createAssessmentsRepository(tx).upsertScores(
          entries.map((e) => ({
            cityId: round.cityId,
            roundId: id,
            nodeId: e.nodeId,
            score: e.score ?? null,
            occurrences: e.occurrences ?? null,
            value: e.value ?? null,
            passed: e.passed ?? null,
            note: e.note ?? null,
            photoIds: e.photoIds,
            assessorId: ctx.actor.id,
            updatedAt: now,
          })),
        );
        const out = await core.storeResults(tx, locked, campaign, t, derived);
        await deps.audit.record(tx, ctx, {
          cityId: round.cityId,
          action: 'score',
          entityType: 'assessment_round',
          entityId: id,
          before,
          after: { entries, total: out.results.total, verdict: out.results.verdict },
        });
        return out;
      });
      return computed(stored, campaign);
    },

    /** Recomputes an open round with the system's current figures (linked cases, KPIs, archive). */
    async recomputeRound(ctx: Ctx, id: string): Promise<RoundDetail> {
      const { round, campaign } = await core.roundMetaFor(ctx, ROUND_SCORE, id);
      if (round.status === 'closed') throw new AppError('ROUND_CLOSED');
      const t = await core.tree(campaign);
      const derived = await core.derivedFor(campaign, t, round.heldOn, round.derive);
      const stored = await deps.db.transaction(async (tx) => {
        const locked = await core.lockOpen(tx, id);
        const out = await core.storeResults(tx, locked, campaign, t, derived);
        await deps.audit.record(tx, ctx, {
          cityId: round.cityId,
          action: 'recompute',
          entityType: 'assessment_round',
          entityId: id,
          before: { total: locked.total, verdict: locked.verdict },
          after: { total: out.results.total, verdict: out.results.verdict },
        });
        return out;
      });
      return computed(stored, campaign);
    },

    /** Closes a round: its results are frozen as last computed. */
    async closeRound(ctx: Ctx, id: string): Promise<RoundDetail> {
      const { round, campaign } = await core.roundFor(ctx, ROUND_MANAGE, id);
      if (round.status === 'closed') throw new AppError('ROUND_CLOSED');
      await deps.db.transaction(async (tx) => {
        await core.lockOpen(tx, id);
        await createAssessmentsRepository(tx).updateRound(id, { status: 'closed' });
        await deps.audit.record(tx, ctx, {
          cityId: round.cityId,
          action: 'close',
          entityType: 'assessment_round',
          entityId: id,
          after: { status: 'closed', total: round.total, verdict: round.verdict },
        });
      });
      return detail({ ...round, status: 'closed' }, campaign);
    },

    /** Deletes an open round and its entries (a closed round is a record and stays). */
    async deleteRound(ctx: Ctx, id: string): Promise<void> {
      const { round } = await core.roundMetaFor(ctx, ROUND_MANAGE, id);
      if (round.status === 'closed') throw new AppError('ROUND_CLOSED');
      await deps.db.transaction(async (tx) => {
        await core.lockOpen(tx, id);
        await createAssessmentsRepository(tx).deleteRound(round.cityId, id);
        await deps.audit.record(tx, ctx, {
          cityId: round.cityId,
          action: 'delete',
          entityType: 'assessment_round',
          entityId: id,
          before: { name: round.name, kind: round.kind, heldOn: round.heldOn, total: round.total },
        });
      });
    },

    /** The round's lost points, failed vetoes first, then by points lost, with their lead units. */
    async lostPoints(ctx: Ctx, id: string): Promise<LostPoint[]> {
      const { round, campaign } = await core.roundFor(ctx, ROUND_READ, id);
      const leads = await repo.leadUnits(campaign.id);
      return lostPointsOf(presentRoundDetail(round, { campaignName: '', totalPoints: 0 }).nodes, leads);
    },
  };
}

export type RoundsService = ReturnType<typeof createRoundsService>;
