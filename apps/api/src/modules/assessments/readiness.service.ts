import type { LostPoint, NodeResult, Readiness } from '@chuangcheng/contracts';
import { round2 } from '@chuangcheng/domain';
import type { Ctx } from '../../platform/actor';
import { type Entry, hasManualInput } from './assessments.compute';
import type { AssessmentsDeps } from './assessments.deps';
import { ROUND_READ } from './assessments.policy';
import { leafCounts, lostPointOf, lostPointsOf, presentRound } from './assessments.presenter';
import type { CampaignInfo } from './assessments.repository';
import { entryOf, type RoundCore, type Tree } from './round-core';

const UNASSIGNED = '未分解';
const TOP_LOST = 10;
const DEFAULT_EVIDENCE_FLOOR = 90;

/** Readiness: where the campaign stands today against its thresholds. */
export function createReadinessService(deps: AssessmentsDeps, core: RoundCore) {
  const { repo } = core;

  /**
   * Entries of the projection: the latest round's manual entries; for a leaf the system cannot derive
   * (manual, veto, entered metric, metric without data) and the latest round did not score, the entry
   * of the most recent earlier round that scored it. Deduction/count leaves always take live cases.
   */
  async function projectedEntries(
    campaign: CampaignInfo,
    t: Tree,
    roundIds: readonly string[],
    derivable: (nodeId: string) => boolean,
  ): Promise<Map<string, Entry>> {
    const order = new Map(roundIds.map((id, i) => [id, i]));
    const scores = (await repo.scoresOfRounds(campaign.cityId, roundIds))
      .map((s) => ({ e: entryOf(s), at: order.get(s.roundId) ?? -1 }))
      .sort((a, b) => b.at - a.at);
    const latest = roundIds.length - 1;
    const out = new Map<string, Entry>();
    for (const { e, at } of scores) {
      const node = t.byId.get(e.nodeId);
      if (!node || out.has(e.nodeId) || !hasManualInput(node, e)) continue;
      if (at === latest || !derivable(e.nodeId)) out.set(e.nodeId, e);
    }
    return out;
  }

  async function evidencePercent(c: CampaignInfo, asOf: string): Promise<number> {
    return round2((await deps.evidence.completeness(c.cityId, c.id, asOf)).percent);
  }

  return {
    /**
     * Readiness of a campaign. The projected score is the latest round (by heldOn, then creation)
     * recomputed now with live derived data (open linked cases, KPIs, the archive), whatever that round's
     * own `derive`; a leaf the latest round left unscored and the system cannot derive takes the entry of
     * the most recent earlier round that scored it, else scores 0. Without any round the projection is
     * what the system derives alone. Lost points and veto risks are those of the projection.
     */
    async readiness(ctx: Ctx, campaignId: string): Promise<Readiness> {
      const campaign = await core.campaignFor(ctx, ROUND_READ, campaignId);
      const today = core.today();
      const [t, rounds, leads, view, evidence] = await Promise.all([
        core.tree(campaign),
        repo.roundsOf(campaign.id),
        repo.leadUnits(campaign.id),
        deps.campaigns.getCampaign(ctx, campaign.id),
        evidencePercent(campaign, today),
      ]);
      const derived = (await core.derivedFor(campaign, t, today, true))!;
      const probe = core.compute(campaign, t, new Map(), derived);
      const derivedOk = new Set(
        probe.nodes.filter((n) => n.leaf && n.source !== 'none').map((n) => n.nodeId),
      );
      const entries = await projectedEntries(
        campaign,
        t,
        rounds.map((r) => r.id),
        (id) => derivedOk.has(id),
      );
      const projection = core.compute(campaign, t, entries, derived);
      const evidenceFloor = deps.evidenceFloor ?? DEFAULT_EVIDENCE_FLOOR;
      const evidenceShort = evidence < evidenceFloor;
      const latest = rounds.at(-1);
      const latestRow = latest ? await repo.roundById(latest.id) : null;
      const lost = lostPointsOf(projection.nodes, leads);
      const vetoRisks: LostPoint[] = projection.nodes
        .filter((n) => n.leaf && n.veto && n.vetoStatus !== 'met')
        .map((n) => lostPointOf(n, projection.nodes, leads));
      return {
        campaign: view,
        latestRound: latestRow
          ? presentRound(latestRow, {
              campaignName: campaign.name,
              totalPoints: campaign.totalPoints,
              ...leafCounts(latestRow.results as NodeResult[]),
            })
          : null,
        projected: projection.total,
        // A score that passes with an archive below the floor is not 达标 yet: the assessors check the
        // archive first ("目录齐全 … 有据可查"), so the projection is held at 基本达标 until it is filed.
        projectedVerdict: projection.verdict === 'pass' && evidenceShort ? 'basic' : projection.verdict,
        scoreVerdict: projection.verdict,
        evidenceShort,
        evidenceFloor,
        vetoRisks,
        evidencePercent: evidence,
        lostByCategory: projection.nodes
          .filter((n) => n.depth === 0)
          .map((n) => ({ code: n.code, title: n.title, lost: n.lost, points: n.points })),
        lostByUnit: lostByUnit(lost),
        trend: rounds.map((r) => ({
          roundId: r.id,
          name: r.name,
          heldOn: r.heldOn,
          total: r.total,
          kind: r.kind,
        })),
        topLost: lost.filter((p) => p.lost > 0).slice(0, TOP_LOST),
      };
    },
  };
}

/**
 * Points lost per lead unit (任务分解表), most first; without a task row, the first responsible unit the
 * standard names for the indicator; with neither, 未分解.
 */
function lostByUnit(lost: readonly LostPoint[]): Readiness['lostByUnit'] {
  const by = new Map<string, { unitName: string; lost: number; nodes: number }>();
  for (const p of lost) {
    if (p.lost <= 0) continue;
    const name = p.leadUnitName ?? p.unitNames[0] ?? UNASSIGNED;
    const cur = by.get(name) ?? { unitName: name, lost: 0, nodes: 0 };
    cur.lost = round2(cur.lost + p.lost);
    cur.nodes++;
    by.set(name, cur);
  }
  return [...by.values()].sort((a, b) => b.lost - a.lost || a.unitName.localeCompare(b.unitName));
}

export type ReadinessService = ReturnType<typeof createReadinessService>;
