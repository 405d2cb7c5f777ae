import type { RoundKind, ScoreEntry } from '@chuangcheng/contracts';
import { round2, type ScoringParamsInput, scoreLeaf } from '@chuangcheng/domain';
import type { Db } from '../../db/client';
import type { Ctx } from '../../platform/actor';
import { createAssessmentsRepository, type NodeRow } from './assessments.repository';
import type { AssessmentsService } from './assessments.service';

/** The demo's three rounds: the share of points each earns, and how long ago it was held. */
const DEMO_ROUNDS: readonly { kind: RoundKind; name: string; share: number; daysAgo: number }[] = [
  { kind: 'self', name: '第一次全面自查', share: 0.5, daysAgo: 120 },
  { kind: 'mock', name: '第一次模拟测评', share: 0.76, daysAgo: 60 },
  { kind: 'mock', name: '第二次模拟测评', share: 0.91, daysAgo: 12 },
];

const dayOf = (now: Date, daysAgo: number) =>
  new Date(now.getTime() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** A deterministic wobble in [-0.1, 0.1] per node and round, so the rounds do not look machine-made. */
function wobble(code: string, round: number): number {
  let h = 2166136261 ^ round;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (((h >>> 0) % 2001) / 1000 - 1) * 0.1;
}

/** The entry that earns about `share` of a leaf's points under its rule. */
function entryFor(n: NodeRow, share: number): Omit<ScoreEntry, 'photoIds'> | null {
  const p = n.params as {
    perOccurrence?: number;
    allowed?: number;
    target?: number;
    zeroAt?: number;
    direction?: string;
  };
  const lostShare = 1 - share;
  switch (n.rule) {
    case 'veto':
      return { nodeId: n.id, passed: true };
    case 'deduction':
    case 'count': {
      const per = p.perOccurrence && p.perOccurrence > 0 ? p.perOccurrence : 1;
      const occurrences = Math.max(0, Math.round((lostShare * n.points) / per));
      return { nodeId: n.id, occurrences: occurrences + (n.rule === 'count' ? (p.allowed ?? 0) : 0) };
    }
    case 'threshold': {
      if (typeof p.target !== 'number') return { nodeId: n.id, score: round2(n.points * share) };
      if (typeof p.zeroAt === 'number' && p.zeroAt !== p.target) {
        return { nodeId: n.id, value: round2(p.zeroAt + share * (p.target - p.zeroAt)) };
      }
      // All or nothing: met when the round is doing well.
      const met = share >= 0.75;
      const off = p.direction === 'max' ? 1 : -1;
      return { nodeId: n.id, value: met ? p.target : p.target + off * Math.max(1, Math.abs(p.target) * 0.1) };
    }
    default:
      return { nodeId: n.id, score: round2(n.points * share) };
  }
}

/**
 * Entries earning about `share` of each leaf's points, then manual scores nudged so the round lands on
 * `target` (the deduction and threshold rules earn in steps).
 */
function entriesFor(leaves: readonly NodeRow[], round: number, share: number, target: number): ScoreEntry[] {
  const entries: ScoreEntry[] = [];
  let total = 0;
  for (const n of leaves) {
    const e = entryFor(n, Math.min(1, Math.max(0, share + wobble(n.code, round))));
    if (!e) continue;
    entries.push({ ...e, photoIds: [] });
    total += scoreLeaf({ points: n.points, rule: n.rule, params: n.params as ScoringParamsInput }, e).score;
  }
  let gap = round2(target - total);
  const byId = new Map(leaves.map((n) => [n.id, n]));
  for (const e of entries) {
    const n = byId.get(e.nodeId)!;
    if (Math.abs(gap) < 0.01) break;
    if (n.rule !== 'manual' || e.score === undefined) continue;
    const next = round2(Math.min(n.points, Math.max(0, e.score + gap)));
    gap = round2(gap - (next - e.score));
    e.score = next;
  }
  return entries;
}

/**
 * Demo: three rounds of a campaign showing progress (自查 ~50 % → 模拟测评 ~76 % → 模拟测评 ~91 % of the
 * points), every checkpoint scored deterministically; the first two closed, the latest left open.
 * Called by demo-seed.ts after the campaigns module's demo campaign; a campaign that has rounds already is
 * left alone. Returns the round ids and totals, oldest first.
 */
export async function seedDemoRounds(opts: {
  db: Db;
  assessments: AssessmentsService;
  ctx: Ctx;
  campaignId: string;
  now: Date;
}): Promise<{ roundIds: string[]; totals: number[] }> {
  const repo = createAssessmentsRepository(opts.db);
  const campaign = await repo.campaign(opts.campaignId);
  if (!campaign) return { roundIds: [], totals: [] };
  const existing = await repo.roundsOf(campaign.id);
  if (existing.length > 0)
    return { roundIds: existing.map((r) => r.id), totals: existing.map((r) => r.total) };
  const nodes = await repo.nodes(campaign.standardId);
  const parents = new Set(nodes.map((n) => n.parentId));
  const leaves = nodes.filter((n) => !parents.has(n.id)).sort((a, b) => a.code.localeCompare(b.code));
  const roundIds: string[] = [];
  const totals: number[] = [];
  for (const [i, r] of DEMO_ROUNDS.entries()) {
    const created = await opts.assessments.createRound(opts.ctx, {
      campaignId: campaign.id,
      kind: r.kind,
      name: r.name,
      heldOn: dayOf(opts.now, r.daysAgo),
      derive: true,
    });
    const entries = entriesFor(leaves, i, r.share, r.share * campaign.totalPoints);
    let total = created.total;
    for (let k = 0; k < entries.length; k += 2000) {
      total = (await opts.assessments.scoreRound(opts.ctx, created.id, entries.slice(k, k + 2000))).total;
    }
    if (i < DEMO_ROUNDS.length - 1) await opts.assessments.closeRound(opts.ctx, created.id);
    roundIds.push(created.id);
    totals.push(total);
  }
  return { roundIds, totals };
}
