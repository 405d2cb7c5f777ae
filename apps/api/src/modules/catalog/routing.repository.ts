import { and, asc, count, eq, ilike, like, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calendars, routingRules, units } from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type RuleRow = typeof routingRules.$inferSelect;
export type RuleInsert = typeof routingRules.$inferInsert;

/** Routing rules (派遣规则) and the working calendar of a city. Build with `tx` inside transactions. */
export function createRoutingRepository(db: Db) {
  return {
    async list(cityId: string, q: string | undefined, offset: number, limit: number) {
      const cond = and(
        eq(routingRules.cityId, cityId),
        q ? ilike(routingRules.name, likePattern(q)) : undefined,
      );
      const rows = await db
        .select()
        .from(routingRules)
        .where(cond)
        .orderBy(asc(routingRules.priority), asc(routingRules.id))
        .offset(offset)
        .limit(limit);
      const [t] = await db.select({ n: count() }).from(routingRules).where(cond);
      return { rows, total: Number(t?.n ?? 0) };
    },
    /** The city's enabled rules, in the order the router tries them. */
    async enabled(cityId: string): Promise<RuleRow[]> {
      return db
        .select()
        .from(routingRules)
        .where(and(eq(routingRules.cityId, cityId), eq(routingRules.enabled, true)))
        .orderBy(asc(routingRules.priority), asc(routingRules.id));
    },
    async byId(id: string): Promise<RuleRow | undefined> {
      const [r] = await db.select().from(routingRules).where(eq(routingRules.id, id)).limit(1);
      return r;
    },
    async insert(row: RuleInsert): Promise<void> {
      await db.insert(routingRules).values(row);
    },
    async update(id: string, patch: Partial<RuleInsert>): Promise<void> {
      await db.update(routingRules).set(patch).where(eq(routingRules.id, id));
    },
    async remove(id: string): Promise<void> {
      await db.delete(routingRules).where(eq(routingRules.id, id));
    },

    /**
     * The campaign office: the city's unit of kind 'other' named like 创…办 (市创卫办, 创城办, 文明创建办).
     * Names with 创 come first, then any 办, then by code — a city with several offices should name it so.
     */
    async officeUnit(cityId: string) {
      const rows = await db
        .select({ id: units.id, code: units.code, name: units.name })
        .from(units)
        .where(
          and(
            eq(units.cityId, cityId),
            eq(units.kind, 'other'),
            or(like(units.name, '%创%'), like(units.name, '%办%')),
          ),
        )
        .orderBy(asc(units.code));
      const rank = (name: string) => (name.includes('创') ? 0 : 1);
      return rows.sort((a, b) => rank(a.name) - rank(b.name))[0];
    },
    /** The street office (街道办) of a street region, the area's own fallback. */
    async streetOffice(streetId: string) {
      const [r] = await db
        .select({ id: units.id, code: units.code, name: units.name })
        .from(units)
        .where(and(eq(units.regionId, streetId), eq(units.kind, 'street')))
        .orderBy(asc(units.code))
        .limit(1);
      return r;
    },

    async calendar(cityId: string): Promise<unknown | undefined> {
      const [r] = await db.select().from(calendars).where(eq(calendars.cityId, cityId)).limit(1);
      return r?.data;
    },
    async saveCalendar(cityId: string, data: unknown, at: Date): Promise<void> {
      await db
        .insert(calendars)
        .values({ cityId, data, updatedAt: at })
        .onConflictDoUpdate({ target: calendars.cityId, set: { data, updatedAt: at } });
    },
  };
}

export type RoutingRepository = ReturnType<typeof createRoutingRepository>;
