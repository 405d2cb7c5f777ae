// The catalog module's public face: app.ts registers the routes, the demo loader and CLI load the default
// catalogue, the cases module uses resolveCategory / routeCase / calendarData.

export type { CatalogDeps } from './catalog.deps';
export { CATALOG_MANAGE_READ, CATALOG_READ, CATALOG_WRITE } from './catalog.policy';
export { registerCatalogRoutes } from './catalog.routes';
export { type CatalogService, createCatalogService } from './catalog.service';
export type { CatalogFile, DownloadFile } from './catalog-io.service';
export { type DefaultCatalogResult, loadDefaultCatalog } from './default-load';
export type { CategorySnapshot, RouteCaseInput, RouteResult } from './route-case';
