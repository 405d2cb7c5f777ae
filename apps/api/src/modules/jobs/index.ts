export { registerJobsRoutes } from './jobs.routes';
export { createJobsService, type JobsService, presentJob } from './jobs.service';
