import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  assessmentRounds,
  assessmentScores,
  campaigns,
  campaignTasks,
  cases,
  indicatorCases,
  indicatorLinks,
  photos,
  regions,
  standardNodes,
  standards,
  units,
} from '../../db/schema/index';

export type RoundRow = typeof assessmentRounds.$inferSelect;
/** A round without its stored results (a large jsonb read only when presented). */
export type RoundMeta = Omit<RoundRow, 'results'>;
export type ScoreRow = typeof assessmentScores.$inferSelect;
export type NodeRow = typeof standardNodes.$inferSelect;

/** A campaign with what scoring needs of its standard (thresholds, total points) and region. */
export interface CampaignInfo {
  id: string;
  cityId: string;
  name: string;
  regionId: string;
  regionPath: string | null;
  regionLevel: string | null;
  standardId: string;
  totalPoints: number;
  passScore: number;
  basicScore: number;
  startsOn: string;
  endsOn: string;
}

/** A round as listed: its row with the campaign's name, the standard's total and leaf counts. */
export interface RoundListRow {
  round: RoundMeta;
  campaignName: string;
  totalPoints: number;
  leaves: number;
  scoredLeaves: number;
}

/** Open = neither closed nor voided: such a linked case is an occurrence against its indicator. */
export const OPEN_CASE = sql`${cases.status} not in ('closed', 'voided')`;

const roundColumns = {
  id: assessmentRounds.id,
  cityId: assessmentRounds.cityId,
  campaignId: assessmentRounds.campaignId,
  kind: assessmentRounds.kind,
  name: assessmentRounds.name,
  heldOn: assessmentRounds.heldOn,
  status: assessmentRounds.status,
  derive: assessmentRounds.derive,
  total: assessmentRounds.total,
  verdict: assessmentRounds.verdict,
  vetoFailed: assessmentRounds.vetoFailed,
  vetoUnknown: assessmentRounds.vetoUnknown,
  computedAt: assessmentRounds.computedAt,
  createdAt: assessmentRounds.createdAt,
};

/**
 * Rounds, scores and indicator ↔ case links (this module's tables), plus the few reads of the
 * standards and campaigns tables scoring needs. Bound to a handle: inside a transaction build it with `tx`.
 */
export function createAssessmentsRepository(db: Db) {
  /**
   * Work counts for both of two linked indicators (indicator_links, either direction): cases linked to an
   * indicator of another standard are added to the linked indicator of this campaign, each case once.
   */
  async function addLinkedIndicatorCases(
    cityId: string,
    campaignId: string,
    counts: Map<string, { open: number; linked: number }>,
  ): Promise<void> {
    const links = await db
      .select({ a: indicatorLinks.nodeId, b: indicatorLinks.linkedNodeId })
      .from(indicatorLinks)
      .where(eq(indicatorLinks.cityId, cityId));
    if (links.length === 0) return;
    const pairs = links.flatMap(({ a, b }) => [
      { target: a, source: b },
      { target: b, source: a },
    ]);
    const nodes = [...new Set(pairs.flatMap((p) => [p.target, p.source]))];
    const rows = await db
      .select({
        nodeId: indicatorCases.nodeId,
        campaignId: indicatorCases.campaignId,
        caseId: indicatorCases.caseId,
        open: sql<boolean>`${OPEN_CASE}`,
      })
      .from(indicatorCases)
      .innerJoin(cases, and(eq(cases.cityId, indicatorCases.cityId), eq(cases.id, indicatorCases.caseId)))
      .where(and(eq(indicatorCases.cityId, cityId), inArray(indicatorCases.nodeId, nodes)));
    const own = new Set(
      rows.filter((r) => r.campaignId === campaignId).map((r) => `${r.nodeId}/${r.caseId}`),
    );
    const added = new Set<string>();
    for (const { target, source } of pairs) {
      for (const r of rows) {
        if (r.nodeId !== source || r.campaignId === campaignId) continue;
        const key = `${target}/${r.caseId}`;
        if (own.has(key) || added.has(key)) continue;
        added.add(key);
        const c = counts.get(target) ?? { open: 0, linked: 0 };
        counts.set(target, { open: c.open + (r.open ? 1 : 0), linked: c.linked + 1 });
      }
    }
  }

  return {
    async campaign(id: string): Promise<CampaignInfo | null> {
      const [r] = await db
        .select({
          id: campaigns.id,
          cityId: campaigns.cityId,
          name: campaigns.name,
          regionId: campaigns.regionId,
          regionPath: regions.path,
          regionLevel: regions.level,
          standardId: campaigns.standardId,
          totalPoints: standards.totalPoints,
          passScore: campaigns.passScore,
          basicScore: campaigns.basicScore,
          startsOn: campaigns.startsOn,
          endsOn: campaigns.endsOn,
        })
        .from(campaigns)
        .innerJoin(standards, eq(standards.id, campaigns.standardId))
        .leftJoin(regions, eq(regions.id, campaigns.regionId))
        .where(eq(campaigns.id, id))
        .limit(1);
      return r ?? null;
    },

    /** Every node of a standard (unordered: orderTree orders them). */
    async nodes(standardId: string): Promise<NodeRow[]> {
      return db.select().from(standardNodes).where(eq(standardNodes.standardId, standardId));
    },

    /** 任务分解表 lead units of a campaign, by node. */
    async leadUnits(campaignId: string): Promise<Map<string, { id: string; name: string }>> {
      const rows = await db
        .select({ nodeId: campaignTasks.nodeId, id: units.id, name: units.name })
        .from(campaignTasks)
        .innerJoin(units, eq(units.id, campaignTasks.leadUnitId))
        .where(eq(campaignTasks.campaignId, campaignId));
      return new Map(rows.map((r) => [r.nodeId, { id: r.id, name: r.name }]));
    },

    async unitNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /**
     * Per node of a campaign: open linked cases (occurrences) and all linked cases. One aggregate over
     * indicator_cases ⋈ cases, keyed (city_id, id) like every big table.
     */
    /**
     * Media exposures (媒体曝光: the province's covert-inspection film, press and TV reports) of the
     * campaign's region reported in [from, to): cases whose source is 'media', whatever became of them —
     * closing the case does not undo the exposure. Only a report voided as not a real exposure of the city
     * (duplicate, outside the city) is left out. The city's own 曝光台 is the office's tool and costs no
     * points. A city-wide campaign counts the whole city.
     */
    async exposureCount(campaign: CampaignInfo, period: { from: Date; to: Date }): Promise<number> {
      const conds: SQL[] = [
        eq(cases.cityId, campaign.cityId),
        eq(cases.source, 'media'),
        sql`${cases.status} <> 'voided'`,
        sql`${cases.createdAt} >= ${period.from.toISOString()}`,
        sql`${cases.createdAt} < ${period.to.toISOString()}`,
      ];
      if (campaign.regionLevel !== 'city' && campaign.regionId !== campaign.cityId)
        conds.push(
          sql`(${cases.districtId} = ${campaign.regionId} or ${cases.streetId} = ${campaign.regionId} or ${cases.communityId} = ${campaign.regionId})`,
        );
      const [r] = await db
        .select({ n: count() })
        .from(cases)
        .where(and(...conds));
      return Number(r?.n ?? 0);
    },

    async linkedCaseCounts(
      cityId: string,
      campaignId: string,
    ): Promise<Map<string, { open: number; linked: number }>> {
      const rows = await db
        .select({
          nodeId: indicatorCases.nodeId,
          linked: count(),
          open: sql<number>`count(*) filter (where ${OPEN_CASE})`.mapWith(Number),
        })
        .from(indicatorCases)
        .innerJoin(cases, and(eq(cases.cityId, indicatorCases.cityId), eq(cases.id, indicatorCases.caseId)))
        .where(and(eq(indicatorCases.cityId, cityId), eq(indicatorCases.campaignId, campaignId)))
        .groupBy(indicatorCases.nodeId);
      const out = new Map(rows.map((r) => [r.nodeId, { open: Number(r.open), linked: Number(r.linked) }]));
      await addLinkedIndicatorCases(cityId, campaignId, out);
      return out;
    },

    async roundById(id: string): Promise<RoundRow | null> {
      const [r] = await db.select().from(assessmentRounds).where(eq(assessmentRounds.id, id)).limit(1);
      return r ?? null;
    },

    async roundMeta(id: string): Promise<RoundMeta | null> {
      const [r] = await db
        .select(roundColumns)
        .from(assessmentRounds)
        .where(eq(assessmentRounds.id, id))
        .limit(1);
      return r ?? null;
    },

    /** The round row, locked until the transaction ends (scores and recomputes of one round serialise). */
    async lockRound(id: string): Promise<RoundMeta | null> {
      const [r] = await db
        .select(roundColumns)
        .from(assessmentRounds)
        .where(eq(assessmentRounds.id, id))
        .limit(1)
        .for('update');
      return r ?? null;
    },

    /** Rounds of a campaign, oldest first (heldOn, then creation). */
    async roundsOf(campaignId: string): Promise<RoundMeta[]> {
      return db
        .select(roundColumns)
        .from(assessmentRounds)
        .where(eq(assessmentRounds.campaignId, campaignId))
        .orderBy(asc(assessmentRounds.heldOn), asc(assessmentRounds.createdAt));
    },

    async listRounds(
      where: SQL[],
      offset: number,
      limit: number,
    ): Promise<{ rows: RoundListRow[]; total: number }> {
      const cond = where.length ? and(...where) : undefined;
      const leafCount = (scored: boolean) =>
        sql<number>`(select count(*) from jsonb_array_elements(${assessmentRounds.results}) e where (e->>'leaf')::boolean ${
          scored ? sql`and e->>'source' <> 'none'` : sql``
        })`.mapWith(Number);
      const [rows, [t]] = await Promise.all([
        db
          .select({
            round: roundColumns,
            campaignName: campaigns.name,
            totalPoints: standards.totalPoints,
            leaves: leafCount(false),
            scoredLeaves: leafCount(true),
          })
          .from(assessmentRounds)
          .innerJoin(campaigns, eq(campaigns.id, assessmentRounds.campaignId))
          .innerJoin(standards, eq(standards.id, campaigns.standardId))
          .where(cond)
          .orderBy(desc(assessmentRounds.heldOn), desc(assessmentRounds.createdAt))
          .offset(offset)
          .limit(limit),
        db.select({ n: count() }).from(assessmentRounds).where(cond),
      ]);
      return { rows, total: Number(t?.n ?? 0) };
    },

    async insertRound(row: typeof assessmentRounds.$inferInsert): Promise<void> {
      await db.insert(assessmentRounds).values(row);
    },
    async updateRound(id: string, patch: Partial<typeof assessmentRounds.$inferInsert>): Promise<void> {
      await db.update(assessmentRounds).set(patch).where(eq(assessmentRounds.id, id));
    },
    async deleteRound(cityId: string, id: string): Promise<void> {
      await db
        .delete(assessmentScores)
        .where(and(eq(assessmentScores.cityId, cityId), eq(assessmentScores.roundId, id)));
      await db.delete(assessmentRounds).where(eq(assessmentRounds.id, id));
    },

    async scores(cityId: string, roundId: string): Promise<ScoreRow[]> {
      return db
        .select()
        .from(assessmentScores)
        .where(and(eq(assessmentScores.cityId, cityId), eq(assessmentScores.roundId, roundId)));
    },
    /** Scores of several rounds at once (readiness carries forward earlier manual scores). */
    async scoresOfRounds(cityId: string, roundIds: readonly string[]): Promise<ScoreRow[]> {
      if (roundIds.length === 0) return [];
      return db
        .select()
        .from(assessmentScores)
        .where(and(eq(assessmentScores.cityId, cityId), inArray(assessmentScores.roundId, [...roundIds])));
    },
    async upsertScores(rows: (typeof assessmentScores.$inferInsert)[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insert(assessmentScores)
          .values(rows.slice(i, i + 500))
          .onConflictDoUpdate({
            target: [assessmentScores.cityId, assessmentScores.roundId, assessmentScores.nodeId],
            set: {
              score: sql`excluded.score`,
              occurrences: sql`excluded.occurrences`,
              value: sql`excluded.value`,
              passed: sql`excluded.passed`,
              note: sql`excluded.note`,
              photoIds: sql`excluded.photo_ids`,
              assessorId: sql`excluded.assessor_id`,
              updatedAt: sql`excluded.updated_at`,
            },
          });
      }
    },

    /** Which of `ids` are photos of the city. */
    async existingPhotos(cityId: string, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: photos.id })
        .from(photos)
        // Checkpoint photos stand alone: a case's photos are not borrowed onto a scoring sheet.
        .where(and(eq(photos.cityId, cityId), inArray(photos.id, [...ids]), isNull(photos.caseId)));
      return new Set(rows.map((r) => r.id));
    },

    async caseOf(cityId: string, caseId: string): Promise<{ id: string; number: string } | null> {
      const [r] = await db
        .select({ id: cases.id, number: cases.number })
        .from(cases)
        .where(and(eq(cases.cityId, cityId), eq(cases.id, caseId)))
        .limit(1);
      return r ?? null;
    },
    /** Links a case to an indicator; linking twice is a no-op. */
    async linkCase(row: typeof indicatorCases.$inferInsert): Promise<boolean> {
      const r = await db
        .insert(indicatorCases)
        .values(row)
        .onConflictDoNothing()
        .returning({ caseId: indicatorCases.caseId });
      return r.length > 0;
    },
    async unlinkCase(k: {
      cityId: string;
      campaignId: string;
      nodeId: string;
      caseId: string;
    }): Promise<boolean> {
      const r = await db
        .delete(indicatorCases)
        .where(
          and(
            eq(indicatorCases.cityId, k.cityId),
            eq(indicatorCases.campaignId, k.campaignId),
            eq(indicatorCases.nodeId, k.nodeId),
            eq(indicatorCases.caseId, k.caseId),
          ),
        )
        .returning({ caseId: indicatorCases.caseId });
      return r.length > 0;
    },
  };
}

export type AssessmentsRepository = ReturnType<typeof createAssessmentsRepository>;
