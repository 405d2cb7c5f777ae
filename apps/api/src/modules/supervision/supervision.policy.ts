import type { Role } from '@chuangcheng/contracts';
import { eq, or, type SQL, sql } from 'drizzle-orm';
import { cases, supervisionOrderLines, supervisionOrders } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';

/** Who reads the register (each within their scope). */
export const SUPERVISION_READ: readonly Role[] = ['office', 'leader', 'unit', 'inspector', 'grid_worker'];
/** Who issues from the register (each case is still checked by `maySupervise`). */
export const SUPERVISION_ISSUE: readonly Role[] = ['office', 'leader', 'unit'];
/** Who closes (办结) an order after the unit's reply. */
export const SUPERVISION_CLOSE: readonly Role[] = ['office', 'leader'];
/** Who signs and replies: the order's unit, from its own account. */
export const SUPERVISION_ANSWER: readonly Role[] = ['unit'];

const NO_UNIT = '00000000-0000-0000-0000-000000000000';

/**
 * The orders an actor sees: their city; a unit user only the orders addressed to their unit; a
 * district/street user the orders with a case in their region subtree.
 */
export function orderScope(actor: Actor): SQL[] {
  if (actor.system) return [];
  const where: SQL[] = [eq(supervisionOrders.cityId, actor.cityId ?? NO_UNIT)];
  // A unit reads the orders addressed to it, and those it issued itself as the department supervising
  // the trade (行业主管).
  if (actor.role === 'unit')
    where.push(
      or(
        eq(supervisionOrders.unitId, actor.unitId ?? NO_UNIT),
        eq(supervisionOrders.issuedByUserId, actor.id ?? NO_UNIT),
      )!,
    );
  const region = actor.regionId && actor.regionId !== actor.cityId ? actor.regionId : null;
  if (region) {
    where.push(sql`exists (select 1 from ${supervisionOrderLines} l join ${cases} c
      on c.city_id = l.city_id and c.id = l.ref_id
      where l.city_id = ${supervisionOrders.cityId} and l.order_id = ${supervisionOrders.id}
        and l.kind = 'case' and (c.district_id = ${region} or c.street_id = ${region} or c.community_id = ${region}))`);
  }
  return where;
}

/** Only the order's unit signs and replies. */
export function isOrdersUnit(actor: Actor, order: { unitId: string | null }): boolean {
  return actor.role === 'unit' && !!actor.unitId && actor.unitId === order.unitId;
}
