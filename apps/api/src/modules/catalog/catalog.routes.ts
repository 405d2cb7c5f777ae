import {
  calendarSchema,
  catalogImportResultSchema,
  catalogVersionSchema,
  categoryListQuerySchema,
  categorySchema,
  createCategorySchema,
  createRoutingRuleSchema,
  holidayCoverageSchema,
  holidayImportQuerySchema,
  holidayImportResultSchema,
  holidayYearsSchema,
  okSchema,
  pageOf,
  routePreviewQuerySchema,
  routePreviewSchema,
  routingRuleListQuerySchema,
  routingRuleSchema,
  updateCalendarSchema,
  updateCategorySchema,
  updateRoutingRuleSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { downloadResponse, XLSX } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import { readUpload } from '../../http/upload';
import { CATALOG_MANAGE_READ, CATALOG_READ, CATALOG_WRITE } from './catalog.policy';
import type { CatalogService } from './catalog.service';
import { registerTradesRoutes } from './trades.routes';

const ok = { ok: true as const };

/**
 * The catalogue's endpoints. `/api/imports/catalog` and its template are static paths, which Hono prefers
 * to the org module's `/api/imports/{kind}` whichever is registered first (checked with the full app).
 */
export function registerCatalogRoutes(app: App, reg: EndpointMeta[], catalog: CatalogService): void {
  registerCategoryRoutes(app, reg, catalog);
  registerRuleRoutes(app, reg, catalog);
  registerTradesRoutes(app, reg, catalog.trades);
  endpoint(app, reg, {
    method: 'get',
    path: '/api/calendar',
    access: CATALOG_READ,
    summary: '工作日历（办公时段、放假日、调休上班日）',
    tag: 'catalog',
    response: calendarSchema,
    handler: ({ ctx }) => catalog.getCalendar(ctx),
  });
  endpoint(app, reg, {
    method: 'put',
    path: '/api/calendar',
    access: CATALOG_WRITE,
    summary: '修改工作日历（只传要改的部分）',
    tag: 'catalog',
    body: updateCalendarSchema,
    response: calendarSchema,
    handler: ({ ctx, body }) => catalog.updateCalendar(ctx, body),
  });
  registerHolidayRoutes(app, reg, catalog);
}

/** Holiday data per year: the years known, the warning, the notice's Excel template, import and export. */
function registerHolidayRoutes(app: App, reg: EndpointMeta[], catalog: CatalogService): void {
  const tag = 'catalog';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/calendar/holiday-years',
    access: CATALOG_READ,
    summary: '已配置节假日的年份及其放假日、调休上班日；当前缺少的年份',
    tag,
    response: holidayYearsSchema,
    handler: ({ ctx }) => catalog.holidayYears(ctx),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/calendar/holiday-coverage',
    access: CATALOG_WRITE,
    summary: '节假日数据缺失提醒（本年缺失，或 11 月 1 日起下一年缺失）；无缺失时为空列表',
    tag,
    response: z.array(holidayCoverageSchema),
    handler: ({ ctx }) => catalog.holidayCoverage(ctx),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/calendar/holiday-years/template',
    access: CATALOG_WRITE,
    summary: '下载节假日安排导入模板（.xlsx：日期、类型、名称）',
    tag,
    produces: XLSX,
    handler: async ({ ctx }) =>
      downloadResponse({
        data: await catalog.holidayTemplate(ctx),
        fileName: '节假日安排导入模板.xlsx',
        asciiName: 'holidays-template.xlsx',
      }),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/calendar/holiday-years/{year}/export',
    access: CATALOG_READ,
    summary: '导出一年的节假日安排（.xlsx，可再导入）',
    tag,
    params: z.object({ year: z.coerce.number().int().min(1970).max(2200) }),
    produces: XLSX,
    handler: async ({ ctx, params }) => downloadResponse(await catalog.exportHolidayYear(ctx, params.year)),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/calendar/holiday-years/import',
    access: CATALOG_WRITE,
    summary: '导入一年的节假日安排（先校验全部行；dryRun=true 只预览；整体替换该年数据并重算暂估期限）',
    tag,
    query: holidayImportQuerySchema,
    consumes: 'multipart/form-data',
    response: holidayImportResultSchema,
    handler: async ({ c, ctx, query }) =>
      catalog.importHolidayYear(ctx, query.year, await readUpload(c), { dryRun: query.dryRun === 'true' }),
  });
}

function registerCategoryRoutes(app: App, reg: EndpointMeta[], catalog: CatalogService): void {
  const tag = 'catalog';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/catalog/categories',
    access: CATALOG_READ,
    summary: '问题类别（当前启用版本，平铺；fileable=true 只列可立案的小类/细类）',
    tag,
    query: categoryListQuerySchema,
    response: z.array(categorySchema),
    handler: ({ ctx, query }) => catalog.listCategories(ctx, query),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/catalog/categories',
    access: CATALOG_WRITE,
    summary: '新建问题类别（当前启用版本）',
    tag,
    body: createCategorySchema,
    response: categorySchema,
    status: 201,
    handler: ({ ctx, body }) => catalog.createCategory(ctx, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/catalog/categories/{id}',
    access: CATALOG_WRITE,
    summary: '修改问题类别（名称、主管部门、严重程度、立案条件、停用）',
    tag,
    params: idParams,
    body: updateCategorySchema,
    response: categorySchema,
    handler: ({ ctx, params, body }) => catalog.updateCategory(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/catalog/versions',
    access: CATALOG_MANAGE_READ,
    summary: '目录版本列表',
    tag,
    response: z.array(catalogVersionSchema),
    handler: ({ ctx }) => catalog.listVersions(ctx),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/catalog/versions/{id}/activate',
    access: CATALOG_WRITE,
    summary: '启用目录版本（每市同时只有一个启用版本）',
    tag,
    params: idParams,
    response: catalogVersionSchema,
    handler: ({ ctx, params }) => catalog.activateVersion(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/imports/catalog/template',
    access: CATALOG_WRITE,
    summary: '下载问题分类导入模板（.xlsx）',
    tag,
    produces: XLSX,
    handler: async ({ ctx }) =>
      downloadResponse({
        data: await catalog.template(ctx),
        fileName: '问题分类导入模板.xlsx',
        asciiName: 'catalog-template.xlsx',
      }),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/imports/catalog',
    access: CATALOG_WRITE,
    summary: '导入问题分类（先校验全部行；成功则生成新版本并启用；dryRun=true 只校验）',
    tag,
    query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
    consumes: 'multipart/form-data',
    response: catalogImportResultSchema,
    handler: async ({ c, ctx, query }) =>
      catalog.importCatalog(ctx, await readUpload(c), { dryRun: query.dryRun === 'true' }),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/exports/catalog.xlsx',
    access: CATALOG_MANAGE_READ,
    summary: '导出当前问题分类目录（.xlsx，可再导入）',
    tag,
    produces: XLSX,
    handler: async ({ ctx }) => downloadResponse(await catalog.exportCatalog(ctx)),
  });
}

function registerRuleRoutes(app: App, reg: EndpointMeta[], catalog: CatalogService): void {
  const tag = 'routing';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/routing-rules',
    access: CATALOG_MANAGE_READ,
    summary: '派遣规则（按优先级）',
    tag,
    query: routingRuleListQuerySchema,
    response: pageOf(routingRuleSchema),
    handler: ({ ctx, query }) => catalog.listRules(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/routing-rules/preview',
    access: CATALOG_MANAGE_READ,
    summary: '派遣预览：某类问题在某点位会派给谁、为什么',
    tag,
    query: routePreviewQuerySchema,
    response: routePreviewSchema,
    handler: ({ ctx, query }) => catalog.previewRoute(ctx, query),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/routing-rules',
    access: CATALOG_WRITE,
    summary: '新建派遣规则',
    tag,
    body: createRoutingRuleSchema,
    response: routingRuleSchema,
    status: 201,
    handler: ({ ctx, body }) => catalog.createRule(ctx, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/routing-rules/{id}',
    access: CATALOG_WRITE,
    summary: '修改派遣规则',
    tag,
    params: idParams,
    body: updateRoutingRuleSchema,
    response: routingRuleSchema,
    handler: ({ ctx, params, body }) => catalog.updateRule(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/routing-rules/{id}',
    access: CATALOG_WRITE,
    summary: '删除派遣规则',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await catalog.deleteRule(ctx, params.id);
      return ok;
    },
  });
}
