import { and, asc, count, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  campaigns,
  campaignTasks,
  evidenceFiles,
  indicatorLinks,
  memberships,
  regions,
  standardNodes,
  units,
  users,
} from '../../db/schema/index';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type EvidenceInsert = typeof evidenceFiles.$inferInsert;
/** A campaign with the path of its region (the campaign's scope: who may open it may open its archive). */
export type CampaignRow = typeof campaigns.$inferSelect & { regionPath: string | null };
export type NodeRow = typeof standardNodes.$inferSelect;
export type TaskRow = typeof campaignTasks.$inferSelect;

/** An evidence row with its indicator code and uploader's name (what the presenter needs). */
export type EvidenceListRow = EvidenceRow & { nodeCode: string; uploaderName: string | null };

const listColumns = {
  file: evidenceFiles,
  nodeCode: standardNodes.code,
  uploaderName: users.displayName,
};

const flatten = (r: { file: EvidenceRow; nodeCode: string | null; uploaderName: string | null }) => ({
  ...r.file,
  nodeCode: r.nodeCode ?? '',
  uploaderName: r.uploaderName,
});

/**
 * Evidence rows, plus small read-only queries over the campaigns/standards tables (their modules own
 * them; these lookups are by id and city, nothing is written there).
 */
export function createEvidenceRepository(db: Db) {
  return {
    async campaign(id: string): Promise<CampaignRow | undefined> {
      const [row] = await db
        .select({ campaign: campaigns, regionPath: regions.path })
        .from(campaigns)
        .leftJoin(regions, eq(regions.id, campaigns.regionId))
        .where(eq(campaigns.id, id));
      return row ? { ...row.campaign, regionPath: row.regionPath } : undefined;
    },

    /** Every node of a standard (any order; callers order the tree). */
    nodesOf(standardId: string): Promise<NodeRow[]> {
      return db.select().from(standardNodes).where(eq(standardNodes.standardId, standardId));
    },

    /** The 任务分解表 of a campaign. */
    tasksOf(campaignId: string): Promise<TaskRow[]> {
      return db.select().from(campaignTasks).where(eq(campaignTasks.campaignId, campaignId));
    },

    async unitNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async userUnit(userId: string): Promise<string | null> {
      const [row] = await db
        .select({ unitId: memberships.unitId })
        .from(memberships)
        .where(eq(memberships.userId, userId))
        .limit(1);
      return row?.unitId ?? null;
    },

    async insert(row: EvidenceInsert): Promise<void> {
      await db.insert(evidenceFiles).values(row);
    },

    async byId(id: string): Promise<EvidenceListRow | undefined> {
      const [row] = await db
        .select(listColumns)
        .from(evidenceFiles)
        .leftJoin(standardNodes, eq(standardNodes.id, evidenceFiles.nodeId))
        .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
        .where(eq(evidenceFiles.id, id));
      return row ? flatten(row) : undefined;
    },

    /**
     * Moves a file's review on, only from the status the caller saw (a concurrent review wins once):
     * false when the file was reviewed meanwhile.
     */
    async review(
      cityId: string,
      id: string,
      from: EvidenceRow['reviewStatus'],
      patch: Partial<
        Pick<
          EvidenceRow,
          | 'reviewStatus'
          | 'leadReviewedByName'
          | 'leadReviewedAt'
          | 'reviewedByName'
          | 'reviewedAt'
          | 'returnReason'
        >
      >,
    ): Promise<boolean> {
      const rows = await db
        .update(evidenceFiles)
        .set(patch)
        .where(
          and(
            eq(evidenceFiles.cityId, cityId),
            eq(evidenceFiles.id, id),
            eq(evidenceFiles.reviewStatus, from),
          ),
        )
        .returning({ id: evidenceFiles.id });
      return rows.length === 1;
    },

    /** A campaign's files awaiting review (either stage), oldest first. */
    async awaitingReview(cityId: string, campaignId: string): Promise<EvidenceListRow[]> {
      const rows = await db
        .select(listColumns)
        .from(evidenceFiles)
        .leftJoin(standardNodes, eq(standardNodes.id, evidenceFiles.nodeId))
        .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
        .where(
          and(
            eq(evidenceFiles.cityId, cityId),
            eq(evidenceFiles.campaignId, campaignId),
            inArray(evidenceFiles.reviewStatus, ['pending_lead', 'pending_office']),
          ),
        )
        .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
      return rows.map(flatten);
    },

    async remove(cityId: string, id: string): Promise<void> {
      await db.delete(evidenceFiles).where(and(eq(evidenceFiles.cityId, cityId), eq(evidenceFiles.id, id)));
    },

    /** A page of a campaign's files, newest first; `nodeIds` narrows to a unit's indicators. */
    async list(
      cityId: string,
      f: { campaignId: string; nodeId?: string; period?: string; nodeIds?: readonly string[] },
      page: { limit: number; offset: number },
    ): Promise<{ rows: EvidenceListRow[]; total: number }> {
      const conds: SQL[] = [eq(evidenceFiles.cityId, cityId), eq(evidenceFiles.campaignId, f.campaignId)];
      if (f.nodeId) conds.push(eq(evidenceFiles.nodeId, f.nodeId));
      if (f.period) conds.push(eq(evidenceFiles.period, f.period));
      if (f.nodeIds) {
        if (f.nodeIds.length === 0) return { rows: [], total: 0 };
        conds.push(inArray(evidenceFiles.nodeId, [...f.nodeIds]));
      }
      const where = and(...conds);
      const [rows, [total]] = await Promise.all([
        db
          .select(listColumns)
          .from(evidenceFiles)
          .leftJoin(standardNodes, eq(standardNodes.id, evidenceFiles.nodeId))
          .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
          .where(where)
          .orderBy(desc(evidenceFiles.createdAt), desc(evidenceFiles.id))
          .limit(page.limit)
          .offset(page.offset),
        db.select({ n: count() }).from(evidenceFiles).where(where),
      ]);
      return { rows: rows.map(flatten), total: Number(total?.n ?? 0) };
    },

    /** Every file of a campaign (completeness, export), oldest first. */
    async allOf(cityId: string, campaignId: string): Promise<EvidenceListRow[]> {
      const rows = await db
        .select(listColumns)
        .from(evidenceFiles)
        .leftJoin(standardNodes, eq(standardNodes.id, evidenceFiles.nodeId))
        .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
        .where(and(eq(evidenceFiles.cityId, cityId), eq(evidenceFiles.campaignId, campaignId)))
        .orderBy(asc(evidenceFiles.docDate), asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
      return rows.map(flatten);
    },

    /**
     * Accepted files filed under indicators of other standards that are linked to these nodes
     * (indicator_links, either direction): target node → period → count. One document then counts for
     * both campaigns.
     */
    async sharedCounts(cityId: string, nodeIds: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      if (nodeIds.length === 0) return out;
      const mine = new Set(nodeIds);
      const links = await db
        .select({ a: indicatorLinks.nodeId, b: indicatorLinks.linkedNodeId })
        .from(indicatorLinks)
        .where(eq(indicatorLinks.cityId, cityId));
      const targetsOf = new Map<string, string[]>();
      for (const { a, b } of links) {
        for (const [target, source] of [
          [a, b],
          [b, a],
        ] as const) {
          if (mine.has(target) && !mine.has(source))
            targetsOf.set(source, [...(targetsOf.get(source) ?? []), target]);
        }
      }
      if (targetsOf.size === 0) return out;
      const rows = await db
        .select({ nodeId: evidenceFiles.nodeId, period: evidenceFiles.period, n: count() })
        .from(evidenceFiles)
        .where(
          and(
            eq(evidenceFiles.cityId, cityId),
            inArray(evidenceFiles.nodeId, [...targetsOf.keys()]),
            eq(evidenceFiles.reviewStatus, 'accepted'),
          ),
        )
        .groupBy(evidenceFiles.nodeId, evidenceFiles.period);
      for (const r of rows) {
        for (const target of targetsOf.get(r.nodeId) ?? []) {
          const k = `${target}\u0000${r.period}`;
          out.set(k, (out.get(k) ?? 0) + Number(r.n));
        }
      }
      return out;
    },

    /** Other files of the city with the same bytes: sha256 → ids. */
    async duplicatesOf(cityId: string, shas: readonly string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (shas.length === 0) return out;
      const rows = await db
        .select({ id: evidenceFiles.id, sha256: evidenceFiles.sha256 })
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.cityId, cityId), inArray(evidenceFiles.sha256, [...new Set(shas)])))
        .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id));
      for (const r of rows) out.set(r.sha256, [...(out.get(r.sha256) ?? []), r.id]);
      return out;
    },

    /** Same bytes in the city, other than `id` (for a fresh upload's flags). */
    async sameBytes(cityId: string, sha256: string, id: string): Promise<string[]> {
      const rows = await db
        .select({ id: evidenceFiles.id })
        .from(evidenceFiles)
        .where(
          and(eq(evidenceFiles.cityId, cityId), eq(evidenceFiles.sha256, sha256), ne(evidenceFiles.id, id)),
        );
      return rows.map((r) => r.id);
    },
  };
}

export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>;
