import type { z } from 'zod';
import type { Logger } from '../logger';

/** When a scheduled job runs: every N seconds (slots aligned to the epoch) or a 5-field cron expression. */
export type JobSchedule = { everySeconds: number } | { cron: string; tz?: string };

export interface JobRetry {
  /** Retries after the first attempt (0 = one attempt only). */
  limit: number;
  /** Delay before the first retry, in seconds. */
  delaySeconds: number;
  /** 'exponential': delay × 2^(retry − 1); 'fixed': the same delay each time. */
  backoff: 'fixed' | 'exponential';
}

export interface JobProgress {
  done: number;
  total: number | null;
  message?: string;
}

/** What a handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when the runner stops; long handlers should check it between batches. */
  signal: AbortSignal;
  logger: Logger;
  /** Records progress on the job's row (throttled; the last call always lands). */
  progress(p: JobProgress): Promise<void>;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Unique, dotted: 'cases.sweep', 'org.import'. Also the queue name in PostgreSQL mode. */
  name: string;
  payload: S;
  /**
   * The result is stored on the job's row (an object as is, any other value as `{ value }`);
   * throwing fails the attempt.
   */
  handler(ctx: JobContext, payload: z.output<S>): Promise<unknown>;
  retry?: JobRetry;
  /** Runs on this schedule, once per slot across every process (see runner.ts). */
  schedule?: JobSchedule;
  /** At most one queued or running run of this job at a time (the key is the job's name). */
  singleton?: boolean;
  /** An attempt still running after this long is presumed dead and may run again. Default 15 min. */
  timeoutSeconds?: number;
  /** The payload of scheduled runs (default {}). */
  scheduledPayload?: z.input<S>;
}

/** Declares a job: its name, payload schema, handler and policies. Register it with the runner. */
export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  if (!/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/.test(def.name)) throw new Error(`bad job name: ${def.name}`);
  if (def.retry && (def.retry.limit < 0 || def.retry.delaySeconds < 0))
    throw new Error(`bad retry policy for ${def.name}`);
  if (def.schedule && 'everySeconds' in def.schedule && !(def.schedule.everySeconds > 0))
    throw new Error(`bad schedule for ${def.name}`);
  return def;
}

export const NO_RETRY: JobRetry = { limit: 0, delaySeconds: 0, backoff: 'fixed' };

/** Milliseconds to wait before the retry that follows failed attempt `attempt` (1-based). */
export function retryDelayMs(retry: JobRetry, attempt: number): number {
  const factor = retry.backoff === 'exponential' ? 2 ** Math.min(16, attempt - 1) : 1;
  return Math.round(retry.delaySeconds * 1000 * factor);
}
