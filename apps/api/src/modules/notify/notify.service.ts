import type { Notification } from '@chuangcheng/contracts';
import { and, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications, outbox } from '../../db/schema/index';
import { ALL_ROLES, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import type { Logger } from '../../platform/logger';
import type { NotifyAdapter, OutboundMessage } from './notify.adapters';

export interface InAppMessage {
  kind: string;
  title: string;
  body: string;
  caseId?: string | null;
}

const MAX_ATTEMPTS = 8;
/** A claimed row is not picked again for this long (a crashed sender's rows come back after it). */
const LEASE_MS = 5 * 60_000;

/**
 * In-app notifications (one row per recipient) and the outbox for external channels. Both are
 * written inside the caller's transaction, so a notification exists exactly when its change does.
 */
export function createNotifyService(deps: {
  db: Db;
  clock: Clock;
  adapters: readonly NotifyAdapter[];
  logger?: Logger;
}) {
  const { db, clock } = deps;
  return {
    async toUsers(tx: Db, cityId: string, userIds: readonly string[], m: InAppMessage): Promise<void> {
      const unique = [...new Set(userIds)];
      if (unique.length === 0) return;
      const now = clock.now();
      await tx.insert(notifications).values(
        unique.map((userId) => ({
          id: newId(now.getTime()),
          cityId,
          userId,
          kind: m.kind,
          title: m.title,
          body: m.body,
          caseId: m.caseId ?? null,
          createdAt: now,
        })),
      );
    },

    /** Queues a message for every configured external channel. */
    async enqueue(tx: Db, cityId: string, m: OutboundMessage): Promise<void> {
      if (deps.adapters.length === 0) return;
      const now = clock.now();
      await tx.insert(outbox).values(
        deps.adapters.map((a) => ({
          id: newId(now.getTime()),
          cityId,
          channel: a.channel,
          payload: { ...m },
          nextAttemptAt: now,
          createdAt: now,
        })),
      );
    },

    /**
     * Sends due outbox rows. Rows are claimed in a short transaction (FOR UPDATE SKIP LOCKED, with a
     * lease that pushes next_attempt_at forward), then sent with no transaction open — a slow robot
     * never holds the database — and each outcome is recorded. Several processes may deliver at once
     * without sending a row twice; failures retry with exponential backoff, then give up.
     */
    async deliver(limit = 50): Promise<{ sent: number; failed: number }> {
      const now = clock.now();
      const lease = new Date(now.getTime() + LEASE_MS);
      const claimed = await db.transaction(async (tx) => {
        const due = await tx
          .select()
          .from(outbox)
          .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
          .orderBy(outbox.nextAttemptAt)
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length) {
          await tx
            .update(outbox)
            .set({ nextAttemptAt: lease })
            .where(
              inArray(
                outbox.id,
                due.map((r) => r.id),
              ),
            );
        }
        return due;
      });
      let sent = 0;
      let failed = 0;
      for (const row of claimed) {
        const adapter = deps.adapters.find((a) => a.channel === row.channel);
        try {
          if (!adapter) throw new Error(`no adapter for channel ${row.channel}`);
          await adapter.send(row.payload as unknown as OutboundMessage);
          await db
            .update(outbox)
            .set({ status: 'sent', sentAt: clock.now(), attempts: row.attempts + 1 })
            .where(eq(outbox.id, row.id));
          sent++;
        } catch (e) {
          const attempts = row.attempts + 1;
          await db
            .update(outbox)
            .set({
              attempts,
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              lastError: String((e as Error).message ?? e).slice(0, 500),
              nextAttemptAt: new Date(now.getTime() + 30_000 * 2 ** (attempts - 1)),
            })
            .where(eq(outbox.id, row.id));
          failed++;
          deps.logger?.warn('notification delivery failed', {
            channel: row.channel,
            attempts,
            err: String(e),
          });
        }
      }
      return { sent, failed };
    },

    async list(ctx: Ctx): Promise<{ items: Notification[]; unread: number }> {
      requireRole(ctx.actor, ALL_ROLES);
      const userId = ctx.actor.id;
      if (!userId) return { items: [], unread: 0 };
      const [rows, [u]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(eq(notifications.userId, userId))
          .orderBy(desc(notifications.createdAt))
          .limit(50),
        db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          caseId: r.caseId,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        })),
        unread: Number(u?.n ?? 0),
      };
    },

    async markRead(ctx: Ctx, id: string | 'all'): Promise<void> {
      requireRole(ctx.actor, ALL_ROLES);
      const userId = ctx.actor.id;
      if (!userId) return;
      const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
      const where = id === 'all' ? mine : and(mine, inArray(notifications.id, [id]));
      const done = await db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(where)
        .returning({ id: notifications.id });
      if (id !== 'all' && done.length === 0) {
        const [exists] = await db
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
        if (!exists) throw new AppError('NOTIFICATION_NOT_FOUND', { notification: id });
      }
    },

    /** Counts for tests and the admin: pending outbox rows. */
    async pendingOutbox(): Promise<number> {
      const [r] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(eq(outbox.status, 'pending'));
      return r?.n ?? 0;
    },
  };
}

export type NotifyService = ReturnType<typeof createNotifyService>;
