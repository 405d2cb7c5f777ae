import { and, desc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { jobs } from '../../db/schema/index';
import { AppError } from '../app-error';
import { newId } from '../ids';
import type { JobProgress } from './define';

export type JobRow = typeof jobs.$inferSelect;
export type JobState = JobRow['state'];

export interface NewRun {
  name: string;
  payload: Record<string, unknown>;
  cityId: string | null;
  createdBy: string | null;
  singletonKey: string | null;
  maxAttempts: number;
  runAt: Date;
}

/**
 * The stored form of a failure: a message and, for an AppError, its code. Never a stack, and for a
 * wrapped error (a driver's "Failed query: <sql>") the innermost cause's message, not the statement.
 */
/** The columns an attempt sets when it starts: running, one more attempt, leased until `leaseMs` on. */
const startAttempt = (now: Date, leaseMs: number) => ({
  state: 'running' as const,
  attempts: sql`${jobs.attempts} + 1`,
  startedAt: now,
  lockedUntil: new Date(now.getTime() + leaseMs),
});

export function errorRecord(e: unknown, attempt: number, at: Date): Record<string, unknown> {
  let root = e;
  while (!(root instanceof AppError) && root instanceof Error && root.cause instanceof Error)
    root = root.cause;
  const message = root instanceof Error ? root.message : String(root);
  return {
    message: message.slice(0, 1000),
    ...(root instanceof AppError ? { code: root.code } : {}),
    attempt,
    at: at.toISOString(),
  };
}

/**
 * The `jobs` table: the record of every run (state, attempts, progress, result, error), read by the
 * API in both runner modes. Every statement is one round trip or one short transaction.
 */
export function createJobStore(db: Db) {
  async function insertRun(exec: Db, run: NewRun, now: Date): Promise<string | null> {
    const [row] = await exec
      .insert(jobs)
      .values({ id: newId(now.getTime()), ...run, state: 'queued', createdAt: now })
      .onConflictDoNothing()
      .returning({ id: jobs.id });
    return row?.id ?? null;
  }

  return {
    /**
     * Inserts a queued run. A singleton key already held by a queued or running run (partial unique
     * index) answers that run's id and `created: false`.
     */
    async enqueue(run: NewRun, now: Date): Promise<{ id: string; created: boolean }> {
      for (let i = 0; i < 3; i++) {
        const id = await insertRun(db, run, now);
        if (id) return { id, created: true };
        const [held] = await db
          .select({ id: jobs.id })
          .from(jobs)
          .where(
            and(eq(jobs.singletonKey, run.singletonKey ?? ''), inArray(jobs.state, ['queued', 'running'])),
          );
        if (held) return { id: held.id, created: false };
        // The holder finished between the two statements: try again.
      }
      throw new Error(`job ${run.name}: singleton key ${run.singletonKey} stays contended`);
    },

    /**
     * Claims the schedule slot starting at `slotStart` for a scheduled job: under a transaction-level
     * advisory lock on the job's name, inserts a run unless one of this job was created since the slot
     * began (or its singleton is still held). Processes ticking at once serialise here, so each slot
     * runs once across the cluster.
     */
    async claimSlot(run: NewRun, slotStart: Date, now: Date): Promise<string | null> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`jobs.schedule:${run.name}`}))`);
        const [taken] = await tx
          .select({ id: jobs.id })
          .from(jobs)
          .where(and(isNull(jobs.cityId), eq(jobs.name, run.name), sql`${jobs.createdAt} >= ${slotStart}`))
          .limit(1);
        if (taken) return null;
        return insertRun(tx, run, now);
      });
    },

    /** In-process queue: moves up to `limit` due runs of these jobs to running (one attempt each). */
    async claimDue(names: readonly string[], limit: number, now: Date, leaseMs: number): Promise<JobRow[]> {
      if (names.length === 0 || limit <= 0) return [];
      return db.transaction(async (tx) => {
        const due = await tx
          .select({ id: jobs.id })
          .from(jobs)
          .where(and(eq(jobs.state, 'queued'), lte(jobs.runAt, now), inArray(jobs.name, [...names])))
          .orderBy(jobs.runAt)
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length === 0) return [];
        return tx
          .update(jobs)
          .set(startAttempt(now, leaseMs))
          .where(
            inArray(
              jobs.id,
              due.map((r) => r.id),
            ),
          )
          .returning();
      });
    },

    /** PostgreSQL queue: the delivered run starts an attempt (null: it was cancelled or is finished). */
    async begin(id: string, now: Date, leaseMs: number): Promise<JobRow | null> {
      const [row] = await db
        .update(jobs)
        .set(startAttempt(now, leaseMs))
        .where(and(eq(jobs.id, id), inArray(jobs.state, ['queued', 'running'])))
        .returning();
      return row ?? null;
    },

    async progress(id: string, p: JobProgress): Promise<void> {
      await db
        .update(jobs)
        .set({ progress: p })
        .where(and(eq(jobs.id, id), eq(jobs.state, 'running')));
    },

    async succeed(id: string, result: Record<string, unknown> | null, now: Date): Promise<void> {
      await db
        .update(jobs)
        .set({ state: 'succeeded', result, finishedAt: now, lockedUntil: null })
        .where(and(eq(jobs.id, id), eq(jobs.state, 'running')));
    },

    /** A failed attempt: back to queued at `retryAt`, or failed for good when `retryAt` is null. */
    async fail(id: string, error: Record<string, unknown>, now: Date, retryAt: Date | null): Promise<void> {
      await db
        .update(jobs)
        .set(
          retryAt
            ? { state: 'queued', error, runAt: retryAt, lockedUntil: null }
            : { state: 'failed', error, finishedAt: now, lockedUntil: null },
        )
        .where(and(eq(jobs.id, id), eq(jobs.state, 'running')));
    },

    /**
     * Runs left `running` by a process that died: with `requeue`, queued again while attempts remain
     * (else failed); without, failed. `all` takes every running run of these jobs (the embedded
     * database has one process, so at its start nothing else runs them); otherwise only runs whose
     * lease ended before `opts.staleBefore`.
     */
    async recover(
      names: readonly string[],
      now: Date,
      opts: { all: true; requeue: boolean } | { all: false; requeue: boolean; staleBefore: Date },
    ): Promise<number> {
      if (names.length === 0) return 0;
      const stale = and(
        eq(jobs.state, 'running'),
        inArray(jobs.name, [...names]),
        opts.all ? undefined : lt(jobs.lockedUntil, opts.staleBefore),
      );
      const error = { message: '任务执行中断（进程退出或超时）', at: now.toISOString() };
      const requeued = opts.requeue
        ? await db
            .update(jobs)
            .set({ state: 'queued', runAt: now, lockedUntil: null, error })
            .where(and(stale, lt(jobs.attempts, jobs.maxAttempts)))
            .returning({ id: jobs.id })
        : [];
      const failed = await db
        .update(jobs)
        .set({ state: 'failed', finishedAt: now, lockedUntil: null, error })
        .where(stale)
        .returning({ id: jobs.id });
      return requeued.length + failed.length;
    },

    /** Queued runs of these jobs (handed to a queue at start). */
    async queued(names: readonly string[]): Promise<Pick<JobRow, 'id' | 'name' | 'runAt'>[]> {
      if (names.length === 0) return [];
      return db
        .select({ id: jobs.id, name: jobs.name, runAt: jobs.runAt })
        .from(jobs)
        .where(and(eq(jobs.state, 'queued'), inArray(jobs.name, [...names])))
        .orderBy(jobs.runAt);
    },

    /** Deletes finished runs older than `before`. */
    async prune(before: Date): Promise<number> {
      const gone = await db
        .delete(jobs)
        .where(and(inArray(jobs.state, ['succeeded', 'failed', 'cancelled']), lt(jobs.runAt, before)))
        .returning({ id: jobs.id });
      return gone.length;
    },

    async get(id: string): Promise<JobRow | null> {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row ?? null;
    },

    /** The latest finished run of an installation-wide (scheduled) job, and its latest success. */
    async lastRuns(name: string): Promise<{ finished: JobRow | null; succeeded: JobRow | null }> {
      const base = and(isNull(jobs.cityId), eq(jobs.name, name));
      const [finished] = await db
        .select()
        .from(jobs)
        .where(and(base, inArray(jobs.state, ['succeeded', 'failed'])))
        .orderBy(desc(jobs.createdAt))
        .limit(1);
      const [succeeded] =
        finished?.state === 'succeeded'
          ? [finished]
          : await db
              .select()
              .from(jobs)
              .where(and(base, eq(jobs.state, 'succeeded')))
              .orderBy(desc(jobs.createdAt))
              .limit(1);
      return { finished: finished ?? null, succeeded: succeeded ?? null };
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
