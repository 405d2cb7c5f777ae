export { createCaseDocuments } from './case-documents';
export type { CatalogPort, CategorySnapshot, RouteResult } from './cases.deps';
export { registerCasesRoutes } from './cases.routes';
export { type CasesService, createCasesService } from './cases.service';
export { createKpisService, type KpisService } from './kpis.service';
export { createPhotosService, type PhotoLimits, type PhotosService } from './photos.service';
export { createSavedViewsService } from './saved-views.service';
export { createSweeper, type Sweeper, type SweepResult } from './sweeper';
