import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases, supervisionOrderLines, supervisionOrders } from '../../db/schema/index';
import { announceSupervisionOrder, type EffectsDeps } from './case-effects';
import { appendSystemEvents } from './case-events';
import { issueSupervisionOrder } from './case-supervision';
import type { CaseRow, CasesRepository } from './cases.repository';

const BATCH = 200;
const UNIT_HOLDS = ['dispatched', 'in_progress'];

/**
 * 督办单 whose 限期 passed while still unanswered (已下发 / 已签收) escalate to 挂牌督办, once: the
 * claiming UPDATE sets escalated_at only where it is still null, so two sweeps escalate an order once.
 * The 挂牌督办单 covers the order's cases still held by the unit; it gets a new 限期 by the rule.
 */
export async function escalateMissedOrders(
  deps: {
    db: Db;
    repo: CasesRepository;
    effects: EffectsDeps;
    autoDeadline: (cityId: string, now: Date) => Promise<Date>;
  },
  now: Date,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deps.db.transaction(async (tx) => {
      const claimed = await tx
        .update(supervisionOrders)
        .set({ escalatedAt: now })
        .where(
          inArray(
            sql`(${supervisionOrders.cityId}, ${supervisionOrders.id})`,
            tx
              .select({ c: supervisionOrders.cityId, i: supervisionOrders.id })
              .from(supervisionOrders)
              .where(
                and(
                  sql`${supervisionOrders.state} in ('issued', 'signed')`,
                  lt(supervisionOrders.deadline, now),
                  eq(supervisionOrders.level, 1),
                  isNull(supervisionOrders.escalatedAt),
                ),
              )
              .orderBy(asc(supervisionOrders.deadline))
              .limit(BATCH),
          ),
        )
        .returning();
      for (const order of claimed) await escalateOne(tx, deps, order, now);
      return claimed.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

async function escalateOne(
  tx: Db,
  deps: Parameters<typeof escalateMissedOrders>[0],
  order: typeof supervisionOrders.$inferSelect,
  now: Date,
) {
  const lines = await tx
    .select({ refId: supervisionOrderLines.refId })
    .from(supervisionOrderLines)
    .where(
      and(
        eq(supervisionOrderLines.cityId, order.cityId),
        eq(supervisionOrderLines.orderId, order.id),
        eq(supervisionOrderLines.kind, 'case'),
      ),
    )
    .orderBy(asc(supervisionOrderLines.seq));
  const ids = lines.map((l) => l.refId);
  const open = ids.length
    ? ((await tx
        .update(cases)
        .set({ supervisionLevel: 2, version: sql`${cases.version} + 1`, updatedAt: now })
        .where(
          and(
            eq(cases.cityId, order.cityId),
            inArray(cases.id, ids),
            inArray(cases.status, UNIT_HOLDS),
            lt(cases.supervisionLevel, 2),
          ),
        )
        .returning()) as CaseRow[])
    : [];
  const history = [
    ...order.history,
    {
      at: now.toISOString(),
      action: 'escalate' as const,
      byUserId: null,
      byName: '系统',
      note: open.length ? '限期已过未回复，升级为挂牌督办' : '限期已过未回复（所涉案卷已不在责任单位手中）',
    },
  ];
  if (!open.length) {
    await tx
      .update(supervisionOrders)
      .set({ history })
      .where(and(eq(supervisionOrders.cityId, order.cityId), eq(supervisionOrders.id, order.id)));
    return;
  }
  const rows = ids.map((id) => open.find((r) => r.id === id)).filter((r): r is CaseRow => !!r);
  for (const row of rows) {
    await appendSystemEvents(tx, deps.repo, row, now, [
      {
        type: 'auto_supervise',
        note: `督办单${order.number}限期已过未回复，自动挂牌督办`,
        payload: { level: 2, orderId: order.id },
      },
    ]);
  }
  const listed = {
    level: 2 as const,
    deadline: await deps.autoDeadline(order.cityId, now),
    automatic: true,
  };
  const issued = await issueSupervisionOrder(tx, deps.repo.nextSeq, rows, {
    ...listed,
    requirements: `督办单${order.number}限期已过未回复，现予挂牌督办。请责任单位主要负责人牵头，立即整改并在限期内书面回复，逾期将按规定问责。`,
    by: { id: null, name: '系统' },
    officeRegionId: order.officeRegionId ?? order.cityId,
    at: now,
    note: `由${order.number}逾期升级`,
  });
  await tx
    .update(supervisionOrders)
    .set({ history, escalatedToId: issued.id })
    .where(and(eq(supervisionOrders.cityId, order.cityId), eq(supervisionOrders.id, order.id)));
  await announceSupervisionOrder(tx, deps.effects, rows, { ...listed, number: issued.number });
}
