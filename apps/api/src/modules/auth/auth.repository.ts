import type { Role } from '@chuangcheng/contracts';
import { and, asc, count, eq, ilike, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberships, regions, sessions, units, users } from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

/**
 * A user with their access: role, city and scope come from the membership row (the source of truth for
 * access), with the names and path of the scope, as the session and presenter need them. A system
 * administrator has no membership (role 'admin', no city). A staff account without a membership has no
 * access at all (`role` null).
 */
export interface UserWithScope extends UserRow {
  role: Role | null;
  cityId: string | null;
  regionId: string | null;
  unitId: string | null;
  membershipId: string | null;
  regionPath: string | null;
  regionName: string | null;
  unitName: string | null;
}

const withScope = {
  user: users,
  membership: memberships,
  regionPath: regions.path,
  regionName: regions.name,
  unitName: units.name,
};

function flatten(r: {
  user: UserRow;
  membership: MembershipRow | null;
  regionPath: string | null;
  regionName: string | null;
  unitName: string | null;
}): UserWithScope {
  const m = r.membership;
  const admin = r.user.systemAdmin;
  return {
    ...r.user,
    role: admin ? 'admin' : (m?.role ?? null),
    cityId: admin ? null : (m?.cityId ?? null),
    regionId: admin ? null : (m?.regionId ?? null),
    unitId: admin ? null : (m?.unitId ?? null),
    membershipId: m?.id ?? null,
    regionPath: admin ? null : r.regionPath,
    regionName: admin ? null : r.regionName,
    unitName: admin ? null : r.unitName,
  };
}

export function createAuthRepository(db: Db) {
  const scoped = () =>
    db
      .select(withScope)
      .from(users)
      .leftJoin(memberships, eq(memberships.userId, users.id))
      .leftJoin(regions, eq(regions.id, memberships.regionId))
      .leftJoin(units, eq(units.id, memberships.unitId));

  return {
    async userByUsername(username: string): Promise<UserWithScope | undefined> {
      const [r] = await scoped().where(eq(users.username, username)).limit(1);
      return r && flatten(r);
    },
    /** A member of `cityId` by username (the demo and benchmarks act as the demo accounts). */
    async memberByUsername(cityId: string, username: string): Promise<UserWithScope | undefined> {
      const [r] = await scoped()
        .where(and(eq(users.username, username), eq(memberships.cityId, cityId)))
        .limit(1);
      return r && flatten(r);
    },
    async userById(id: string): Promise<UserWithScope | undefined> {
      const [r] = await scoped().where(eq(users.id, id)).limit(1);
      return r && flatten(r);
    },
    async updateUser(tx: Db, id: string, patch: Partial<UserRow>): Promise<void> {
      await tx.update(users).set(patch).where(eq(users.id, id));
    },
    async insertUser(tx: Db, row: typeof users.$inferInsert): Promise<void> {
      await tx.insert(users).values(row);
    },
    /** Replaces the user's membership in `cityId` (one per user and city). */
    async upsertMembership(tx: Db, row: typeof memberships.$inferInsert): Promise<void> {
      await tx
        .insert(memberships)
        .values(row)
        .onConflictDoUpdate({
          target: [memberships.userId, memberships.cityId],
          set: { role: row.role, regionId: row.regionId ?? null, unitId: row.unitId ?? null },
        });
    },
    async deleteMemberships(tx: Db, userId: string): Promise<void> {
      await tx.delete(memberships).where(eq(memberships.userId, userId));
    },
    async countUsers(): Promise<number> {
      const [r] = await db.select({ n: count() }).from(users);
      return Number(r?.n ?? 0);
    },
    async listUsers(cityId: string | null, q: string | undefined, offset: number, limit: number) {
      const cond = and(
        cityId ? eq(memberships.cityId, cityId) : undefined,
        q ? or(ilike(users.username, likePattern(q)), ilike(users.displayName, likePattern(q))) : undefined,
      );
      const rows = await scoped().where(cond).orderBy(asc(users.username)).offset(offset).limit(limit);
      const [t] = await db
        .select({ n: count() })
        .from(users)
        .leftJoin(memberships, eq(memberships.userId, users.id))
        .where(cond);
      return { rows: rows.map(flatten), total: Number(t?.n ?? 0) };
    },
    async insertSession(row: SessionRow): Promise<void> {
      await db.insert(sessions).values(row);
    },
    async sessionWithUser(id: string): Promise<{ session: SessionRow; user: UserWithScope } | undefined> {
      const [s] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
      if (!s) return undefined;
      const user = await this.userById(s.userId);
      return user && { session: s, user };
    },
    async touchSession(id: string, at: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },
    async deleteSession(id: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, id));
    },
    async deleteUserSessions(tx: Db, userId: string, exceptSessionId?: string): Promise<void> {
      await tx
        .delete(sessions)
        .where(
          and(eq(sessions.userId, userId), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined),
        );
    },
    async deleteExpiredSessions(before: Date): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, before));
    },
    async isCity(cityId: string): Promise<boolean> {
      const [r] = await db
        .select({ id: regions.id })
        .from(regions)
        .where(and(eq(regions.id, cityId), eq(regions.level, 'city')))
        .limit(1);
      return r !== undefined;
    },
    async regionCity(regionId: string): Promise<{ cityId: string } | undefined> {
      const [r] = await db
        .select({ cityId: regions.cityId })
        .from(regions)
        .where(eq(regions.id, regionId))
        .limit(1);
      return r;
    },
    async unitCity(unitId: string): Promise<{ cityId: string } | undefined> {
      const [r] = await db.select({ cityId: units.cityId }).from(units).where(eq(units.id, unitId)).limit(1);
      return r;
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
