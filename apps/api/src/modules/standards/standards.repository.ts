import { and, asc, count, desc, eq, ilike, inArray, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  assessmentScores,
  campaigns,
  evidenceFiles,
  indicatorLinks,
  standardNodes,
  standards,
  units,
} from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type StandardRow = typeof standards.$inferSelect;
export type StandardInsert = typeof standards.$inferInsert;
export type NodeRow = typeof standardNodes.$inferSelect;
export type NodeInsert = typeof standardNodes.$inferInsert;

// Spelled out: correlated subqueries on the outer "standards" row.
const nodeCount = sql<number>`(select count(*) from standard_nodes n where n.standard_id = "standards"."id")::int`;
const vetoCount = sql<number>`(select count(*) from standard_nodes n where n.standard_id = "standards"."id" and n.rule = 'veto')::int`;

/** Batches keep each INSERT well under PostgreSQL's 65,535 bind parameters. */
const BATCH = 500;

export function createStandardsRepository(db: Db) {
  return {
    async list(
      f: { cityId: string; type?: string; q?: string },
      offset: number,
      limit: number,
    ): Promise<{ rows: (StandardRow & { nodeCount: number; vetoCount: number })[]; total: number }> {
      const where = and(
        eq(standards.cityId, f.cityId),
        f.type ? eq(standards.type, f.type as StandardRow['type']) : undefined,
        f.q
          ? or(ilike(standards.name, likePattern(f.q)), ilike(standards.code, likePattern(f.q)))
          : undefined,
      );
      const rows = await db
        .select({ ...standardCols, nodeCount, vetoCount })
        .from(standards)
        .where(where)
        .orderBy(asc(standards.code), desc(standards.version))
        .limit(limit)
        .offset(offset);
      const [t] = await db.select({ n: count() }).from(standards).where(where);
      return { rows, total: Number(t?.n ?? 0) };
    },
    async byId(id: string) {
      const [r] = await db
        .select({ ...standardCols, nodeCount, vetoCount })
        .from(standards)
        .where(eq(standards.id, id))
        .limit(1);
      return r;
    },
    async byCode(cityId: string, code: string): Promise<StandardRow[]> {
      return db
        .select()
        .from(standards)
        .where(and(eq(standards.cityId, cityId), eq(standards.code, code)));
    },
    async lastVersion(cityId: string, code: string): Promise<number> {
      const [r] = await db
        .select({ v: max(standards.version) })
        .from(standards)
        .where(and(eq(standards.cityId, cityId), eq(standards.code, code)));
      return Number(r?.v ?? 0);
    },
    async nodes(standardId: string): Promise<NodeRow[]> {
      return db.select().from(standardNodes).where(eq(standardNodes.standardId, standardId));
    },
    async nodeById(id: string): Promise<NodeRow | undefined> {
      const [r] = await db.select().from(standardNodes).where(eq(standardNodes.id, id)).limit(1);
      return r;
    },
    async nodesByIds(ids: readonly string[]): Promise<NodeRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(standardNodes)
        .where(inArray(standardNodes.id, [...ids]));
    },
    async insertStandard(tx: Db, row: StandardInsert): Promise<void> {
      await tx.insert(standards).values(row);
    },
    async updateStandard(tx: Db, id: string, patch: Partial<StandardInsert>): Promise<void> {
      await tx.update(standards).set(patch).where(eq(standards.id, id));
    },
    async deleteStandard(tx: Db, id: string): Promise<void> {
      await tx.delete(standardNodes).where(eq(standardNodes.standardId, id));
      await tx.delete(standards).where(eq(standards.id, id));
    },
    async insertNodes(tx: Db, rows: NodeInsert[]): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH)
        await tx.insert(standardNodes).values(rows.slice(i, i + BATCH));
    },
    async updateNode(tx: Db, id: string, patch: Partial<NodeInsert>): Promise<void> {
      await tx.update(standardNodes).set(patch).where(eq(standardNodes.id, id));
    },
    async deleteNode(tx: Db, id: string): Promise<void> {
      await tx.delete(standardNodes).where(eq(standardNodes.id, id));
    },
    /** Campaigns applying the standard: it cannot be deleted while any does. */
    async campaignsUsing(standardId: string): Promise<number> {
      const [r] = await db.select({ n: count() }).from(campaigns).where(eq(campaigns.standardId, standardId));
      return Number(r?.n ?? 0);
    },
    /** What still refers to a node: archive files, round scores, links to other standards' indicators. */
    async nodeReferences(nodeId: string): Promise<{ evidence: number; scores: number; links: number }> {
      const n = async (p: Promise<{ n: number }[]>) => Number((await p)[0]?.n ?? 0);
      return {
        evidence: await n(
          db.select({ n: count() }).from(evidenceFiles).where(eq(evidenceFiles.nodeId, nodeId)),
        ),
        scores: await n(
          db.select({ n: count() }).from(assessmentScores).where(eq(assessmentScores.nodeId, nodeId)),
        ),
        links: await n(
          db
            .select({ n: count() })
            .from(indicatorLinks)
            .where(or(eq(indicatorLinks.nodeId, nodeId), eq(indicatorLinks.linkedNodeId, nodeId))),
        ),
      };
    },
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
  };
}

const standardCols = {
  id: standards.id,
  cityId: standards.cityId,
  code: standards.code,
  name: standards.name,
  type: standards.type,
  version: standards.version,
  sample: standards.sample,
  totalPoints: standards.totalPoints,
  passScore: standards.passScore,
  basicScore: standards.basicScore,
  note: standards.note,
  createdAt: standards.createdAt,
};

export type StandardsRepository = ReturnType<typeof createStandardsRepository>;
export type StandardWithCounts = NonNullable<Awaited<ReturnType<StandardsRepository['byId']>>>;
