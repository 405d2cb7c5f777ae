import cronParser from 'cron-parser';
import pg from 'pg';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { fieldsOf } from '../../http/errors';
import { AppError } from '../app-error';
import { type Clock, systemClock } from '../clock';
import type { Logger } from '../logger';
import {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobProgress,
  type JobSchedule,
  NO_RETRY,
  retryDelayMs,
} from './define';
import { inProcessDriver, type QueueDriver } from './in-process';
import { pgBossDriver } from './pg-boss';
import { createJobStore, errorRecord, type JobRow } from './store';

export type JobMode = 'in-process' | 'pg-boss';

export interface JobRunnerOptions {
  db: Db;
  logger: Logger;
  /** Wall-clock time for queueing and schedules (never a test's fixed clock). */
  clock?: Clock;
  /** 'auto': pg-boss when the database is a PostgreSQL pool, else in-process. */
  mode?: JobMode | 'auto';
  /** How often idle queues look for due runs. */
  pollMs?: number;
  /** In-process: handlers running at once. */
  concurrency?: number;
  /** Finished runs are deleted after this many days (housekeeping job `jobs.maintain`). */
  retentionDays?: number;
  /** stop(): how long to wait for running handlers. */
  stopTimeoutMs?: number;
}

export interface EnqueueOptions {
  cityId?: string | null;
  createdBy?: string | null;
  /** At most one queued or running run per key; default the job's name for singleton jobs. */
  singletonKey?: string | null;
  /** Run no earlier than this. */
  runAt?: Date;
}

export interface ScheduledJobHealth {
  name: string;
  /** When its latest run finished (successfully or not), and the latest success. */
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  /** The latest finished run failed. */
  failing: boolean;
  failedJobId: string | null;
}

const DEFAULT_TIMEOUT_S = 15 * 60;
const PROGRESS_EVERY_MS = 500;

/**
 * The job layer: one registry of job definitions and one API — enqueue, schedule, start, stop — over
 * two queues: in-process on the embedded database (the `jobs` table is the queue) and pg-boss on
 * PostgreSQL. Either way every run is a row of `jobs` (state, attempts, progress, result, error).
 *
 * Schedules: each process arms a timer per scheduled job; at every slot (every N seconds aligned to
 * the epoch, or a cron fire time in Asia/Shanghai) it claims the slot in `jobs` under an advisory
 * lock (store.claimSlot), so a slot runs once however many processes tick, and scheduled runs are
 * singletons (a run still going makes the next slot skip). A slot missed while no process ran runs
 * once at the next start.
 */
export function createJobRunner(opts: JobRunnerOptions) {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger;
  const store = createJobStore(opts.db);
  const defs = new Map<string, JobDefinition>();
  const schedules = new Map<string, JobSchedule>();
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  let abort = new AbortController();
  let state: 'idle' | 'started' | 'stopping' = 'idle';
  const retentionDays = opts.retentionDays ?? 14;

  const leaseMs = (def: JobDefinition) => (def.timeoutSeconds ?? DEFAULT_TIMEOUT_S) * 1000;
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.catch(() => undefined).finally(() => inFlight.delete(p));
    return p;
  };

  /** One attempt of a claimed row: handler → result, or the failure with its retry time. */
  async function execute(def: JobDefinition, row: JobRow): Promise<void> {
    let lastWrite = 0;
    let queued: JobProgress | null = null;
    let writing: Promise<void> = Promise.resolve();
    const flush = () => {
      if (!queued) return writing;
      const p = queued;
      queued = null;
      lastWrite = Date.now();
      writing = writing.then(() => store.progress(row.id, p)).catch(() => undefined);
      return writing;
    };
    const ctx: JobContext = {
      jobId: row.id,
      attempt: row.attempts,
      signal: abort.signal,
      logger,
      progress: async (p) => {
        queued = p;
        if (Date.now() - lastWrite >= PROGRESS_EVERY_MS || (p.total !== null && p.done >= p.total))
          await flush();
      },
    };
    await track(
      (async () => {
        try {
          const parsed = def.payload.safeParse(row.payload);
          if (!parsed.success) throw payloadError(parsed.error);
          const result = await def.handler(ctx, parsed.data);
          await flush();
          await store.succeed(row.id, resultRecord(result), clock.now());
        } catch (e) {
          await flush();
          const now = clock.now();
          const retry = def.retry ?? NO_RETRY;
          const more =
            row.attempts < row.maxAttempts && !(e instanceof AppError && e.code === 'VALIDATION_FAILED');
          const retryAt = more ? new Date(now.getTime() + retryDelayMs(retry, row.attempts)) : null;
          await store.fail(row.id, errorRecord(e, row.attempts, now), now, retryAt);
          (retryAt ? logger.warn : logger.error)('job attempt failed', {
            job: def.name,
            id: row.id,
            attempt: row.attempts,
            retryAt: retryAt?.toISOString() ?? null,
            err: e as Error,
          });
          throw e;
        }
      })(),
    );
  }

  const driverDeps = {
    store,
    logger,
    now: () => clock.now(),
    execute,
    leaseMs,
    pollMs: opts.pollMs ?? 1000,
    concurrency: opts.concurrency ?? 2,
  };
  const pool = (opts.db as unknown as { $client?: unknown }).$client;
  const mode: JobMode =
    opts.mode && opts.mode !== 'auto' ? opts.mode : pool instanceof pg.Pool ? 'pg-boss' : 'in-process';
  let driver: QueueDriver;
  if (mode === 'pg-boss') {
    if (!(pool instanceof pg.Pool)) throw new Error('the pg-boss job queue needs a PostgreSQL database');
    driver = pgBossDriver(pool, driverDeps);
  } else driver = inProcessDriver(driverDeps);

  function maxAttempts(def: JobDefinition) {
    return (def.retry ?? NO_RETRY).limit + 1;
  }

  function slotOf(s: JobSchedule, now: Date): { start: Date; next: Date } {
    if ('everySeconds' in s) {
      const ms = s.everySeconds * 1000;
      const start = Math.floor(now.getTime() / ms) * ms;
      return { start: new Date(start), next: new Date(start + ms) };
    }
    const at = (dir: 'next' | 'prev') =>
      cronParser
        .parseExpression(s.cron, { currentDate: now, tz: s.tz ?? 'Asia/Shanghai' })
        [dir]()
        .toDate();
    return { start: at('prev'), next: at('next') };
  }

  async function tick(def: JobDefinition): Promise<void> {
    const schedule = schedules.get(def.name);
    if (state !== 'started' || !schedule) return;
    const now = clock.now();
    const { start, next } = slotOf(schedule, now);
    try {
      const payload = def.payload.parse(def.scheduledPayload ?? {}) as Record<string, unknown>;
      const run = {
        name: def.name,
        payload,
        cityId: null,
        createdBy: null,
        singletonKey: def.name,
        maxAttempts: maxAttempts(def),
        runAt: now,
      };
      const id = await store.claimSlot(run, start, now);
      if (id) await driver.submit(id, def, now);
    } catch (e) {
      logger.error('job schedule tick failed', { job: def.name, err: e as Error });
    }
    if (state !== 'started') return;
    // A few ms past the boundary, so the slot computed on waking is the new one.
    const timer = setTimeout(
      () => void track(tick(def)),
      Math.max(0, next.getTime() - clock.now().getTime()) + 5,
    );
    timer.unref();
    timers.set(def.name, timer);
  }

  function register<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
    if (state !== 'idle') throw new Error(`job ${def.name}: register before start()`);
    if (defs.has(def.name)) throw new Error(`job ${def.name} is already registered`);
    defs.set(def.name, def as unknown as JobDefinition);
    if (def.schedule) schedules.set(def.name, def.schedule);
    return def;
  }

  // Housekeeping: deletes old finished runs; on PostgreSQL fails runs whose process died.
  register(
    defineJob({
      name: 'jobs.maintain',
      payload: z.object({}),
      schedule: { everySeconds: 600 },
      singleton: true,
      handler: async () => {
        const now = clock.now();
        const pruned = await store.prune(new Date(now.getTime() - retentionDays * 86_400_000));
        const recovered = await driver.recover([...defs.keys()], now);
        return { pruned, recovered };
      },
    }),
  );

  return {
    mode,
    register,

    /**
     * Sets (or with null removes) a job's schedule, e.g. from configuration. Before start(), or
     * re-armed at once when started.
     */
    schedule(name: string, schedule: JobSchedule | null): void {
      const def = defs.get(name);
      if (!def) throw new Error(`unknown job ${name}`);
      if (schedule) schedules.set(name, schedule);
      else schedules.delete(name);
      clearTimeout(timers.get(name));
      timers.delete(name);
      if (state === 'started' && schedule) void track(tick(def));
    },

    /**
     * Queues a run: the payload is validated with the job's schema (VALIDATION_FAILED with the
     * fields otherwise). Answers the run's id — for a singleton already queued or running, that run's.
     */
    async enqueue(name: string, payload: unknown, o: EnqueueOptions = {}): Promise<string> {
      const def = defs.get(name);
      if (!def) throw new Error(`unknown job ${name}`);
      const parsed = def.payload.safeParse(payload);
      if (!parsed.success) throw payloadError(parsed.error);
      const now = clock.now();
      const runAt = o.runAt && o.runAt > now ? o.runAt : now;
      const { id, created } = await store.enqueue(
        {
          name,
          payload: parsed.data as Record<string, unknown>,
          cityId: o.cityId ?? null,
          createdBy: o.createdBy ?? null,
          singletonKey: o.singletonKey !== undefined ? o.singletonKey : def.singleton ? name : null,
          maxAttempts: maxAttempts(def),
          runAt,
        },
        now,
      );
      if (created && state === 'started') await driver.submit(id, def, runAt);
      return id;
    },

    /** Starts the queue and the schedules (queued runs from before a restart are picked up). */
    async start(): Promise<void> {
      if (state !== 'idle') return;
      abort = new AbortController();
      await driver.start([...defs.values()]);
      state = 'started';
      for (const name of schedules.keys()) void track(tick(defs.get(name)!));
    },

    /**
     * Stops taking work and waits (up to `timeoutMs`) for running handlers; handlers still running
     * then see their signal aborted, and their rows are recovered by the next start.
     */
    async stop(o: { timeoutMs?: number } = {}): Promise<void> {
      if (state !== 'started') return;
      state = 'stopping';
      const timeoutMs = o.timeoutMs ?? opts.stopTimeoutMs ?? 30_000;
      const t0 = Date.now();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await driver.stop(timeoutMs);
      const left = Math.max(0, timeoutMs - (Date.now() - t0));
      let timeout: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => true),
        new Promise<boolean>((r) => {
          timeout = setTimeout(() => r(false), left);
        }),
      ]);
      clearTimeout(timeout);
      if (!drained) {
        abort.abort();
        logger.warn('jobs still running at stop', { count: inFlight.size });
      }
      state = 'idle';
    },

    /** The scheduled jobs' latest runs: what /healthz reports. */
    async health(): Promise<ScheduledJobHealth[]> {
      const out: ScheduledJobHealth[] = [];
      for (const name of schedules.keys()) {
        const { finished, succeeded } = await store.lastRuns(name);
        out.push({
          name,
          lastRunAt: finished?.finishedAt?.toISOString() ?? null,
          lastSuccessAt: succeeded?.finishedAt?.toISOString() ?? null,
          failing: finished?.state === 'failed',
          failedJobId: finished?.state === 'failed' ? finished.id : null,
        });
      }
      return out;
    },

    /** One run's row (tests, the CLI); the API reads through modules/jobs with access checks. */
    get: (id: string) => store.get(id),
  };
}

function resultRecord(r: unknown): Record<string, unknown> | null {
  if (r === undefined || r === null) return null;
  return typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : { value: r };
}

function payloadError(error: z.ZodError): AppError {
  return new AppError('VALIDATION_FAILED', { fields: fieldsOf(error) });
}

export type JobRunner = ReturnType<typeof createJobRunner>;
