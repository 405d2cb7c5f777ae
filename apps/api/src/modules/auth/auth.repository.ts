import { and, asc, count, eq, ilike, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions, sessions, units, users } from '../../db/schema/index';
import { likePattern } from '../../platform/pagination';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/** A user with the names and path of their scope, as the session and presenter need them. */
export interface UserWithScope extends UserRow {
  regionPath: string | null;
  regionName: string | null;
  unitName: string | null;
}

const withScope = {
  user: users,
  regionPath: regions.path,
  regionName: regions.name,
  unitName: units.name,
};

function flatten(r: {
  user: UserRow;
  regionPath: string | null;
  regionName: string | null;
  unitName: string | null;
}) {
  return { ...r.user, regionPath: r.regionPath, regionName: r.regionName, unitName: r.unitName };
}

export function createAuthRepository(db: Db) {
  const scoped = () =>
    db
      .select(withScope)
      .from(users)
      .leftJoin(regions, eq(regions.id, users.regionId))
      .leftJoin(units, eq(units.id, users.unitId));

  return {
    async userByUsername(username: string): Promise<UserWithScope | undefined> {
      const [r] = await scoped().where(eq(users.username, username)).limit(1);
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
    async countUsers(): Promise<number> {
      const [r] = await db.select({ n: count() }).from(users);
      return Number(r?.n ?? 0);
    },
    async listUsers(cityId: string | null, q: string | undefined, offset: number, limit: number) {
      const cond = and(
        cityId ? eq(users.cityId, cityId) : undefined,
        q ? or(ilike(users.username, likePattern(q)), ilike(users.displayName, likePattern(q))) : undefined,
      );
      const rows = await db
        .select()
        .from(users)
        .where(cond)
        .orderBy(asc(users.username))
        .offset(offset)
        .limit(limit);
      const [t] = await db.select({ n: count() }).from(users).where(cond);
      return { rows, total: Number(t?.n ?? 0) };
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
    async deleteUserSessions(tx: Db, userId: string): Promise<void> {
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    },
    async deleteExpiredSessions(before: Date): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, before));
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
