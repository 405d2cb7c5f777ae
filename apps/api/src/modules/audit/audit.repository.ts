import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/index';

export type AuditRow = typeof auditLog.$inferSelect;

export function createAuditRepository() {
  return {
    /** Serialises writers of one city's chain until the transaction ends. */
    async lockChain(tx: Db, lockKey: bigint): Promise<void> {
      await tx.execute(sql`select pg_advisory_xact_lock(${lockKey.toString()}::bigint)`);
    },
    async last(tx: Db, cityId: string): Promise<Pick<AuditRow, 'seq' | 'hash'> | undefined> {
      const [row] = await tx
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .where(eq(auditLog.cityId, cityId))
        .orderBy(desc(auditLog.seq))
        .limit(1);
      return row;
    },
    async insert(tx: Db, row: AuditRow): Promise<void> {
      await tx.insert(auditLog).values(row);
    },
    async chains(db: Db): Promise<string[]> {
      const rows = await db.selectDistinct({ cityId: auditLog.cityId }).from(auditLog);
      return rows.map((r) => r.cityId);
    },
    /** One chain in order, a batch at a time (the log can be large). */
    async chunk(db: Db, cityId: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
      return db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.cityId, cityId), gt(auditLog.seq, afterSeq)))
        .orderBy(asc(auditLog.seq))
        .limit(limit);
    },
    async list(
      db: Db,
      where: { cityId: string | null; action?: string; entityType?: string; actorId?: string },
      offset: number,
      limit: number,
    ): Promise<{ rows: AuditRow[]; total: number }> {
      const cond = and(
        where.cityId ? eq(auditLog.cityId, where.cityId) : undefined,
        where.action ? eq(auditLog.action, where.action) : undefined,
        where.entityType ? eq(auditLog.entityType, where.entityType) : undefined,
        where.actorId ? eq(auditLog.actorId, where.actorId) : undefined,
      );
      const rows = await db
        .select()
        .from(auditLog)
        .where(cond)
        .orderBy(desc(auditLog.at), desc(auditLog.seq))
        .offset(offset)
        .limit(limit);
      const [t] = await db.select({ n: count() }).from(auditLog).where(cond);
      return { rows, total: Number(t?.n ?? 0) };
    },
  };
}
