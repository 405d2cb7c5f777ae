import type { Role } from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { assertCampaignScope } from '../campaigns/index';
import { cityDay } from '../org/index';
import {
  computeResults,
  type Derived,
  type Entry,
  type RoundResults,
  type ScoringNode,
} from './assessments.compute';
import type { AssessmentsDeps } from './assessments.deps';
import { deriveFigures } from './assessments.derive';
import {
  type AssessmentsRepository,
  type CampaignInfo,
  createAssessmentsRepository,
  type RoundMeta,
  type RoundRow,
  type ScoreRow,
} from './assessments.repository';

export interface Tree {
  nodes: ScoringNode[];
  byId: ReadonlyMap<string, ScoringNode>;
  leaf: ReadonlySet<string>;
  unitNames: ReadonlyMap<string, string>;
}

export const entryOf = (s: ScoreRow): Entry => ({
  nodeId: s.nodeId,
  score: s.score,
  occurrences: s.occurrences,
  value: s.value,
  passed: s.passed,
  note: s.note,
  photoIds: s.photoIds,
});

/**
 * What every assessments use case shares: loading a campaign or round within the actor's scope, the
 * campaign's indicator tree, the system's derived figures, and computing + storing a round's results
 * (the read model in assessment_rounds) inside the caller's transaction.
 */
export function createRoundCore(deps: AssessmentsDeps) {
  const repo = createAssessmentsRepository(deps.db);

  async function campaignFor(ctx: Ctx, roles: readonly Role[], id: string): Promise<CampaignInfo> {
    requireRole(ctx.actor, roles);
    const c = await repo.campaign(id);
    if (!c) throw new AppError('CAMPAIGN_NOT_FOUND');
    assertCampaignScope(ctx.actor, c);
    return c;
  }

  /** The round (with its stored results) and its campaign, within the actor's role and city. */
  async function roundFor(
    ctx: Ctx,
    roles: readonly Role[],
    id: string,
  ): Promise<{ round: RoundRow; campaign: CampaignInfo }> {
    requireRole(ctx.actor, roles);
    const round = await repo.roundById(id);
    if (!round) throw new AppError('ROUND_NOT_FOUND');
    const campaign = await repo.campaign(round.campaignId);
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND');
    assertCampaignScope(ctx.actor, campaign);
    return { round, campaign };
  }

  /** The same without the stored results (write paths recompute them anyway). */
  async function roundMetaFor(
    ctx: Ctx,
    roles: readonly Role[],
    id: string,
  ): Promise<{ round: RoundMeta; campaign: CampaignInfo }> {
    requireRole(ctx.actor, roles);
    const round = await repo.roundMeta(id);
    if (!round) throw new AppError('ROUND_NOT_FOUND');
    const campaign = await repo.campaign(round.campaignId);
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND');
    assertCampaignScope(ctx.actor, campaign);
    return { round, campaign };
  }

  async function tree(campaign: CampaignInfo): Promise<Tree> {
    const rows = await repo.nodes(campaign.standardId);
    const nodes: ScoringNode[] = rows.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      code: r.code,
      title: r.title,
      points: r.points,
      rule: r.rule,
      params: r.params,
      unitIds: r.unitIds,
    }));
    const parents = new Set(rows.map((r) => r.parentId).filter((x): x is string => x !== null));
    const unitNames = await repo.unitNames([...new Set(rows.flatMap((r) => r.unitIds))]);
    return {
      nodes,
      byId: new Map(nodes.map((n) => [n.id, n])),
      leaf: new Set(nodes.filter((n) => !parents.has(n.id)).map((n) => n.id)),
      unitNames,
    };
  }

  /** The system's figures as of `asOf`, or null for a round that records an external result. */
  async function derivedFor(
    campaign: CampaignInfo,
    t: Tree,
    asOf: string,
    derive: boolean,
  ): Promise<Derived | null> {
    if (!derive) return null;
    return deriveFigures(deps, repo, campaign, asOf, t.nodes);
  }

  function compute(
    campaign: CampaignInfo,
    t: Tree,
    entries: ReadonlyMap<string, Entry>,
    derived: Derived | null,
  ): RoundResults {
    return computeResults(t.nodes, entries, derived, campaign, t.unitNames);
  }

  /** Recomputes the round from its stored scores (read through `tx`) and stores the read model. */
  async function storeResults(
    tx: Db,
    round: RoundMeta,
    campaign: CampaignInfo,
    t: Tree,
    derived: Derived | null,
  ): Promise<{ results: RoundResults; round: RoundMeta }> {
    const r = createAssessmentsRepository(tx);
    const scores = await r.scores(round.cityId, round.id);
    const results = compute(campaign, t, new Map(scores.map((s) => [s.nodeId, entryOf(s)])), derived);
    const patch = {
      total: results.total,
      verdict: results.verdict,
      vetoFailed: results.vetoFailed,
      vetoUnknown: results.vetoUnknown,
      computedAt: deps.clock.now(),
    };
    await r.updateRound(round.id, { ...patch, results: results.nodes });
    return { results, round: { ...round, ...patch } };
  }

  /** Locks an open round inside `tx`; a round closed meanwhile answers 409 ROUND_CLOSED. */
  async function lockOpen(tx: Db, id: string): Promise<RoundMeta> {
    const round = await createAssessmentsRepository(tx).lockRound(id);
    if (!round) throw new AppError('ROUND_NOT_FOUND');
    if (round.status === 'closed') throw new AppError('ROUND_CLOSED');
    return round;
  }

  return {
    repo: repo as AssessmentsRepository,
    campaignFor,
    roundFor,
    roundMetaFor,
    tree,
    derivedFor,
    compute,
    storeResults,
    lockOpen,
    today: () => cityDay(deps.clock.now()),
  };
}

export type RoundCore = ReturnType<typeof createRoundCore>;
