import type { Db } from '../../db/client';
import { createCalendarService } from './calendar.service';
import type { CatalogDeps } from './catalog.deps';
import { createCatalogRepository } from './catalog.repository';
import { createCatalogIoService } from './catalog-io.service';
import { createCategoriesService } from './categories.service';
import { loadDefaultCatalog } from './default-load';
import {
  type CategorySnapshot,
  type RouteCaseInput,
  type RouteResult,
  resolveCategory,
  routeCase,
} from './route-case';
import { createRoutingService } from './routing.service';
import { createTradesService } from './trades.service';

/**
 * The catalogue module: categories and versions, Excel import/export, routing rules with a preview,
 * the working calendar — and, for the cases module, pure lookups by city (no authorization inside).
 */
export function createCatalogService(deps: CatalogDeps) {
  const categories = createCategoriesService(deps);
  const io = createCatalogIoService(deps, categories);
  const routing = createRoutingService(deps, categories);
  const calendar = createCalendarService(deps, categories);
  const repo = createCatalogRepository(deps.db);
  const trades = createTradesService(deps, categories);

  return {
    /** 行业主管: which categories each department supervises. */
    trades,
    listCategories: categories.listCategories,
    publicCategories: categories.publicCategories,
    createCategory: categories.createCategory,
    updateCategory: categories.updateCategory,
    listVersions: categories.listVersions,
    activateVersion: categories.activateVersion,
    template: io.template,
    importCatalog: io.importCatalog,
    exportCatalog: io.exportCatalog,
    listRules: routing.listRules,
    createRule: routing.createRule,
    updateRule: routing.updateRule,
    deleteRule: routing.deleteRule,
    previewRoute: routing.previewRoute,
    getCalendar: calendar.getCalendar,
    updateCalendar: calendar.updateCalendar,
    holidayYears: calendar.holidayYears,
    holidayCoverage: calendar.coverage,
    holidayCoverageAll: calendar.coverageAll,
    holidayTemplate: calendar.holidayTemplate,
    exportHolidayYear: calendar.exportHolidayYear,
    importHolidayYear: calendar.importHolidayYear,
    setHolidayYearsListener: calendar.setHolidayYearsListener,

    /** Writes the default catalogue as the city's active version 1 inside `tx`; no-op if it has one. */
    loadDefaultCatalog: (tx: Db, cityId: string) => loadDefaultCatalog(tx, cityId, deps.clock.now()),

    /** For cases: a fileable category of the active version with its (chosen or first) 立案条件. */
    resolveCategory: (cityId: string, categoryId: string, conditionId?: string): Promise<CategorySnapshot> =>
      resolveCategory(repo, cityId, categoryId, conditionId),
    /** For cases: lead unit, co-units, stage limits, grid and regions of a new case, with the reason. */
    routeCase: (cityId: string, input: RouteCaseInput): Promise<RouteResult> =>
      routeCase(deps, cityId, input),
    /** For cases: the city's working calendar (stored, or the national default). */
    calendarData: calendar.calendarData,
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
