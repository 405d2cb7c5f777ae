import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common';

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** One run of a background job (an import, an export, a sweep …) as its creator or the office sees it. */
export const jobRunSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  state: z.enum(JOB_STATES),
  cityId: z.uuid().nullable(),
  createdBy: z.uuid().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  progress: z
    .object({ done: z.number(), total: z.number().nullable(), message: z.string().optional() })
    .nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  /** The last failure: a message (Chinese for the platform's own errors) and its error code if any. */
  error: z.object({ message: z.string(), code: z.string().optional() }).nullable(),
  runAt: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

export const jobListQuerySchema = pageQuerySchema.omit({ q: true }).extend({
  name: z.string().trim().min(1).max(100).optional(),
  state: z.enum(JOB_STATES).optional(),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

export const jobListSchema = pageOf(jobRunSchema);
