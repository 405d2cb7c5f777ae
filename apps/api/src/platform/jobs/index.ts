export {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobProgress,
  type JobRetry,
  type JobSchedule,
  retryDelayMs,
} from './define';
export {
  createJobRunner,
  type EnqueueOptions,
  type JobMode,
  type JobRunner,
  type JobRunnerOptions,
  type ScheduledJobHealth,
} from './runner';
export type { JobRow, JobState } from './store';
