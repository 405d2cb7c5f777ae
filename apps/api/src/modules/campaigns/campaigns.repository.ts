import { and, asc, count, desc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  assessmentRounds,
  campaigns,
  campaignTasks,
  evidenceFiles,
  indicatorCases,
  indicatorLinks,
  people,
  regions,
  standards,
  units,
} from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type CampaignInsert = typeof campaigns.$inferInsert;
export type TaskRow = typeof campaignTasks.$inferSelect;
export type TaskInsert = typeof campaignTasks.$inferInsert;
export type LinkRow = typeof indicatorLinks.$inferSelect;

const campaignCols = {
  id: campaigns.id,
  cityId: campaigns.cityId,
  regionId: campaigns.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  standardId: campaigns.standardId,
  standardName: standards.name,
  standardSample: standards.sample,
  totalPoints: standards.totalPoints,
  name: campaigns.name,
  type: campaigns.type,
  passScore: campaigns.passScore,
  basicScore: campaigns.basicScore,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
  phases: campaigns.phases,
  milestones: campaigns.milestones,
  createdAt: campaigns.createdAt,
};

export function createCampaignsRepository(db: Db) {
  const base = () =>
    db
      .select(campaignCols)
      .from(campaigns)
      .leftJoin(regions, eq(regions.id, campaigns.regionId))
      .leftJoin(standards, eq(standards.id, campaigns.standardId));
  return {
    async list(f: { cityId: string; regionPath: string | null; q?: string }, offset: number, limit: number) {
      const where = and(
        eq(campaigns.cityId, f.cityId),
        f.regionPath ? like(regions.path, `${f.regionPath}%`) : undefined,
        f.q ? ilike(campaigns.name, likePattern(f.q)) : undefined,
      );
      const rows = await base()
        .where(where)
        .orderBy(desc(campaigns.startsOn), asc(campaigns.name))
        .limit(limit)
        .offset(offset);
      const [t] = await db
        .select({ n: count() })
        .from(campaigns)
        .leftJoin(regions, eq(regions.id, campaigns.regionId))
        .where(where);
      return { rows, total: Number(t?.n ?? 0) };
    },
    async byId(id: string) {
      const [r] = await base().where(eq(campaigns.id, id)).limit(1);
      return r;
    },
    async insert(tx: Db, row: CampaignInsert): Promise<void> {
      await tx.insert(campaigns).values(row);
    },
    async update(tx: Db, id: string, patch: Partial<CampaignInsert>): Promise<void> {
      await tx.update(campaigns).set(patch).where(eq(campaigns.id, id));
    },
    async remove(tx: Db, id: string): Promise<void> {
      await tx.delete(campaignTasks).where(eq(campaignTasks.campaignId, id));
      await tx.delete(campaigns).where(eq(campaigns.id, id));
    },
    /** Rounds, archive files and linked cases of a campaign: it cannot be deleted while any exists. */
    async references(id: string): Promise<{ rounds: number; evidence: number; cases: number }> {
      const n = async (p: Promise<{ n: number }[]>) => Number((await p)[0]?.n ?? 0);
      return {
        rounds: await n(
          db.select({ n: count() }).from(assessmentRounds).where(eq(assessmentRounds.campaignId, id)),
        ),
        evidence: await n(
          db.select({ n: count() }).from(evidenceFiles).where(eq(evidenceFiles.campaignId, id)),
        ),
        cases: await n(
          db.select({ n: count() }).from(indicatorCases).where(eq(indicatorCases.campaignId, id)),
        ),
      };
    },
    async region(id: string) {
      const [r] = await db.select().from(regions).where(eq(regions.id, id)).limit(1);
      return r;
    },

    // ---- 任务分解表 ----
    async tasks(campaignId: string): Promise<TaskRow[]> {
      return db.select().from(campaignTasks).where(eq(campaignTasks.campaignId, campaignId));
    },
    async upsertTasks(tx: Db, rows: TaskInsert[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500)
        await tx
          .insert(campaignTasks)
          .values(rows.slice(i, i + 500))
          .onConflictDoUpdate({
            target: [campaignTasks.campaignId, campaignTasks.nodeId],
            set: {
              leadUnitId: sql`excluded.lead_unit_id`,
              coUnitIds: sql`excluded.co_unit_ids`,
              leaderName: sql`excluded.leader_name`,
              ownerName: sql`excluded.owner_name`,
              ownerPhone: sql`excluded.owner_phone`,
            },
          });
    },
    /** Nodes a unit answers for in a campaign: lead or co-unit of its 任务分解表 row. */
    async nodeIdsOfUnit(campaignId: string, unitId: string): Promise<string[]> {
      const rows = await db
        .select({ nodeId: campaignTasks.nodeId })
        .from(campaignTasks)
        .where(
          and(
            eq(campaignTasks.campaignId, campaignId),
            or(
              eq(campaignTasks.leadUnitId, unitId),
              sql`${campaignTasks.coUnitIds} @> ${JSON.stringify([unitId])}::jsonb`,
            ),
          ),
        );
      return rows.map((r) => r.nodeId);
    },

    // ---- units ----
    async unitsOfCity(cityId: string): Promise<{ id: string; name: string; code: string }[]> {
      return db
        .select({ id: units.id, name: units.name, code: units.code })
        .from(units)
        .where(eq(units.cityId, cityId))
        .orderBy(asc(units.code));
    },
    async unitsByIds(ids: readonly string[]): Promise<{ id: string; cityId: string; name: string }[]> {
      if (ids.length === 0) return [];
      return db
        .select({ id: units.id, cityId: units.cityId, name: units.name })
        .from(units)
        .where(inArray(units.id, [...ids]));
    },
    async peopleOfCity(cityId: string) {
      return db
        .select({
          unitId: people.unitId,
          name: people.name,
          title: people.title,
          phone: people.phone,
          duties: people.duties,
        })
        .from(people)
        .where(eq(people.cityId, cityId))
        .orderBy(asc(people.createdAt), asc(people.id));
    },

    // ---- indicator links ----
    async links(cityId: string, nodeIds: readonly string[] | null): Promise<LinkRow[]> {
      if (nodeIds && nodeIds.length === 0) return [];
      return db
        .select()
        .from(indicatorLinks)
        .where(
          and(
            eq(indicatorLinks.cityId, cityId),
            nodeIds
              ? or(
                  inArray(indicatorLinks.nodeId, [...nodeIds]),
                  inArray(indicatorLinks.linkedNodeId, [...nodeIds]),
                )
              : undefined,
          ),
        );
    },
    async linkById(id: string): Promise<LinkRow | undefined> {
      const [r] = await db.select().from(indicatorLinks).where(eq(indicatorLinks.id, id)).limit(1);
      return r;
    },
    async insertLink(tx: Db, row: LinkRow): Promise<void> {
      await tx.insert(indicatorLinks).values(row);
    },
    async removeLink(tx: Db, id: string): Promise<void> {
      await tx.delete(indicatorLinks).where(eq(indicatorLinks.id, id));
    },
    async standardsByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: standards.id, name: standards.name })
        .from(standards)
        .where(inArray(standards.id, [...ids]));
    },
  };
}

export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;
export type CampaignRow = NonNullable<Awaited<ReturnType<CampaignsRepository['byId']>>>;
