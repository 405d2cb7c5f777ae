// 整改清单: an upper level's list of problems imported as one batch of routed cases.
export { rectlistJob } from './rectlists.job';
export { RECTLIST_READ, RECTLIST_WRITE } from './rectlists.policy';
export { registerRectlistsRoutes } from './rectlists.routes';
export { createRectlistsService, RECTLIST_JOB, type RectlistsService } from './rectlists.service';
