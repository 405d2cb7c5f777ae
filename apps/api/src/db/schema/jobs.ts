import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The job layer's record of one run of a job (an import, an export, a bulletin, a sweep): what users
 * poll for progress and results, whatever queue executes it (in-process on PGlite, a PostgreSQL queue
 * otherwise). `singleton_key` keeps one queued/running run per key.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    cityId: uuid('city_id'),
    createdBy: uuid('created_by'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] })
      .notNull()
      .default('queued'),
    singletonKey: text('singleton_key'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(1),
    runAt: tz('run_at').notNull(),
    lockedUntil: tz('locked_until'),
    progress: jsonb('progress').$type<{ done: number; total: number | null; message?: string }>(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: jsonb('error').$type<Record<string, unknown>>(),
    createdAt: tz('created_at').notNull(),
    startedAt: tz('started_at'),
    finishedAt: tz('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.state, t.runAt),
    index('jobs_city_idx').on(t.cityId, t.createdAt),
    uniqueIndex('jobs_singleton_uq').on(t.singletonKey).where(sql`state in ('queued', 'running')`),
  ],
);
