import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rateHits } from '../db/schema/index';
import { AppError } from './app-error';
import type { Clock } from './clock';

export interface RateRule {
  /** What is limited, e.g. 'report:ip:1.2.3.4'. */
  key: string;
  limit: number;
  windowMs: number;
  /** The Chinese message when exceeded, e.g. '同一网络每小时最多提交 20 条'. */
  message: string;
}

/**
 * Fixed-window counters in the database, so every server process shares them. `hit` counts one
 * request against each rule and refuses with 429 RATE_LIMITED (and the seconds to wait) when any
 * window is full. Refused requests count too, so a flood stays refused until its window ends.
 */
export function createRateLimiter(deps: { db: Db; clock: Clock }) {
  let lastPurge = 0;
  async function purge(now: number) {
    if (now - lastPurge < 10 * 60_000) return;
    lastPurge = now;
    // Windows older than a day are no longer read by any rule.
    await deps.db.delete(rateHits).where(lt(rateHits.windowStart, new Date(now - 24 * 3600_000)));
  }
  return {
    async hit(rules: readonly RateRule[]): Promise<void> {
      const now = deps.clock.now().getTime();
      await purge(now);
      for (const r of rules) {
        const start = new Date(Math.floor(now / r.windowMs) * r.windowMs);
        const [row] = await deps.db
          .insert(rateHits)
          .values({ key: r.key, windowStart: start, count: 1 })
          .onConflictDoUpdate({
            target: [rateHits.key, rateHits.windowStart],
            set: { count: sql`${rateHits.count} + 1` },
          })
          .returning({ count: rateHits.count });
        if ((row?.count ?? 0) > r.limit) {
          const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + r.windowMs - now) / 1000));
          throw new AppError('RATE_LIMITED', { limit: r.limit, retryAfterSeconds }, r.message);
        }
      }
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
