import type { SupervisionListQuery } from '@chuangcheng/contracts';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { supervisionOrderLines, supervisionOrders, units } from '../../db/schema/index';

export type OrderRow = typeof supervisionOrders.$inferSelect;
export type LineRow = typeof supervisionOrderLines.$inferSelect;

/** Days are the city calendar's (UTC+8): an order issued on 2026-11-23 local time counts on that day. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const dayEnd = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000 - 1);

export function orderFilters(q: Omit<SupervisionListQuery, 'page' | 'pageSize'>, now: Date): SQL[] {
  const where: SQL[] = [];
  if (q.state) where.push(eq(supervisionOrders.state, q.state));
  if (q.unitId) where.push(eq(supervisionOrders.unitId, q.unitId));
  if (q.level) where.push(eq(supervisionOrders.level, Number(q.level)));
  if (q.from) where.push(gte(supervisionOrders.issuedAt, dayStart(q.from)));
  if (q.to) where.push(lte(supervisionOrders.issuedAt, dayEnd(q.to)));
  if (q.overdue === 'true') {
    where.push(sql`${supervisionOrders.state} in ('issued', 'signed')`, lt(supervisionOrders.deadline, now));
  }
  if (q.q) where.push(sql`${supervisionOrders.number} like ${`%${q.q}%`}`);
  if (q.caseId) {
    where.push(sql`exists (select 1 from ${supervisionOrderLines} l where l.city_id = ${supervisionOrders.cityId}
      and l.order_id = ${supervisionOrders.id} and l.kind = 'case' and l.ref_id = ${q.caseId})`);
  }
  return where;
}

export function createSupervisionRepository(db: Db) {
  return {
    async list(where: SQL[], offset: number, limit: number) {
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(supervisionOrders)
          .where(and(...where))
          .orderBy(desc(supervisionOrders.issuedAt), desc(supervisionOrders.number))
          .offset(offset)
          .limit(limit),
        db
          .select({ n: count() })
          .from(supervisionOrders)
          .where(and(...where)),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async one(tx: Db, where: SQL[], id: string): Promise<OrderRow | undefined> {
      const [r] = await tx
        .select()
        .from(supervisionOrders)
        .where(and(eq(supervisionOrders.id, id), ...where))
        .limit(1);
      return r;
    },

    async lines(cityId: string, orderIds: string[]): Promise<LineRow[]> {
      if (!orderIds.length) return [];
      return db
        .select()
        .from(supervisionOrderLines)
        .where(
          and(eq(supervisionOrderLines.cityId, cityId), inArray(supervisionOrderLines.orderId, orderIds)),
        )
        .orderBy(asc(supervisionOrderLines.orderId), asc(supervisionOrderLines.seq));
    },

    async numbers(cityId: string, ids: string[]) {
      if (!ids.length) return [];
      return db
        .select({
          id: supervisionOrders.id,
          number: supervisionOrders.number,
          escalatedToId: supervisionOrders.escalatedToId,
        })
        .from(supervisionOrders)
        .where(and(eq(supervisionOrders.cityId, cityId), inArray(supervisionOrders.id, ids)));
    },

    async escalatedFrom(cityId: string, id: string) {
      const [r] = await db
        .select({ id: supervisionOrders.id, number: supervisionOrders.number })
        .from(supervisionOrders)
        .where(and(eq(supervisionOrders.cityId, cityId), eq(supervisionOrders.escalatedToId, id)))
        .limit(1);
      return r ?? null;
    },

    async unitNames(ids: string[]) {
      if (!ids.length) return new Map<string, string>();
      const rows = await db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, ids));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    async update(
      tx: Db,
      row: OrderRow,
      patch: Partial<OrderRow>,
      fromStates: OrderRow['state'][],
    ): Promise<OrderRow | undefined> {
      const [r] = await tx
        .update(supervisionOrders)
        .set(patch)
        .where(
          and(
            eq(supervisionOrders.cityId, row.cityId),
            eq(supervisionOrders.id, row.id),
            inArray(supervisionOrders.state, fromStates),
          ),
        )
        .returning();
      return r;
    },
  };
}
export type SupervisionRepository = ReturnType<typeof createSupervisionRepository>;
