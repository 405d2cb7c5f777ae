import type { Page, SecurityEvent, securityEventListQuerySchema } from '@chuangcheng/contracts';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { securityEvents, users } from '../../db/schema/index';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';

export interface Denial {
  userId: string | null;
  cityId: string | null;
  ip: string | null;
  method: string;
  /** The route template ('/api/cases/{id}'), never the concrete path: one row per route. */
  route: string;
  status: number;
  code: string;
}

/**
 * Access denials as security events (等保三级 asks that they be recorded and reviewable): one row per
 * subject (the user, else the IP) × method × route × minute, counting repeats — a burst of probing writes
 * one row a minute, not one per request.
 */
export function createSecurityEvents(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async record(d: Denial): Promise<void> {
      const now = clock.now();
      const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
      const subject = d.userId ? `user:${d.userId}` : `ip:${d.ip ?? 'unknown'}`;
      await db
        .insert(securityEvents)
        .values({
          id: newId(now.getTime()),
          minute,
          subject,
          userId: d.userId,
          cityId: d.cityId,
          ip: d.ip,
          method: d.method,
          route: d.route.slice(0, 200),
          status: d.status,
          code: d.code.slice(0, 64),
          count: 1,
          firstAt: now,
          lastAt: now,
        })
        .onConflictDoUpdate({
          target: [
            securityEvents.subject,
            securityEvents.method,
            securityEvents.route,
            securityEvents.minute,
          ],
          set: {
            count: sql`${securityEvents.count} + 1`,
            lastAt: now,
            status: d.status,
            code: d.code.slice(0, 64),
          },
        });
    },

    /** The system administrator's review list, newest first. */
    async list(ctx: Ctx, q: z.infer<typeof securityEventListQuerySchema>): Promise<Page<SecurityEvent>> {
      requireRole(ctx.actor, ['admin']);
      const cond = and(
        q.userId ? eq(securityEvents.userId, q.userId) : undefined,
        q.ip ? eq(securityEvents.ip, q.ip) : undefined,
        q.status ? eq(securityEvents.status, q.status) : undefined,
      );
      const rows = await db
        .select({ e: securityEvents, username: users.username })
        .from(securityEvents)
        .leftJoin(users, eq(users.id, securityEvents.userId))
        .where(cond)
        .orderBy(desc(securityEvents.lastAt))
        .offset(offsetOf(q))
        .limit(q.pageSize);
      const [t] = await db.select({ n: count() }).from(securityEvents).where(cond);
      return pageResult(
        rows.map(({ e, username }) => ({
          id: e.id,
          minute: e.minute.toISOString(),
          userId: e.userId,
          username,
          cityId: e.cityId,
          ip: e.ip,
          method: e.method,
          route: e.route,
          status: e.status,
          code: e.code,
          count: e.count,
          firstAt: e.firstAt.toISOString(),
          lastAt: e.lastAt.toISOString(),
        })),
        Number(t?.n ?? 0),
        q,
      );
    },
  };
}

export type SecurityEvents = ReturnType<typeof createSecurityEvents>;
