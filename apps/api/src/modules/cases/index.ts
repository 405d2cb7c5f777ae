export { RECOMPUTE_JOB, recomputeDeadlinesJob, recomputeEstimatedDeadlines } from './case-calendars';
export { createCaseDocuments } from './case-documents';
export { registerCaseLinksRoutes } from './case-links.routes';
export {
  type CaseLinksService,
  createCaseLinksService,
  findRelapseOf,
  markRelapse,
} from './case-links.service';
export { BACKFILL_STAGES_JOB, backfillStagesJob } from './case-stages';
export {
  DEFAULT_SUPERVISION_RULES,
  maySupervise,
  type SupervisionRules,
} from './case-supervision';
export type { CatalogPort, CategorySnapshot, RouteResult } from './cases.deps';
export { CASE_READ, canSee, scopeOf } from './cases.policy';
export type { CaseRow, EventRow } from './cases.repository';
export { capturedOf, registerCasesRoutes } from './cases.routes';
export { type CasesService, createCasesService } from './cases.service';
export { createKpisService, type KpisService } from './kpis.service';
export {
  type CapturedAt,
  createPhotosService,
  type PhotoLimits,
  type PhotoRow,
  type PhotosService,
} from './photos.service';
export { createSavedViewsService } from './saved-views.service';
export { createSweeper, type Sweeper, type SweepResult, sweepJob } from './sweeper';
