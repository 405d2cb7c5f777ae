import {
  caseDetailSchema,
  caseListQuerySchema,
  caseMapQuerySchema,
  caseMapSchema,
  caseSummarySchema,
  createCaseSchema,
  createSavedViewSchema,
  kpiDrillQuerySchema,
  kpiDrillSchema,
  kpiQuerySchema,
  kpiResultSchema,
  okSchema,
  pageOf,
  photoSchema,
  savedViewSchema,
  transitionSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { downloadResponse } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import { AppError } from '../../platform/app-error';
import type { CaseDocuments } from './case-documents';
import { CASE_ACT, CASE_CREATE, CASE_READ, KPI_READ } from './cases.policy';
import type { CasesService } from './cases.service';
import type { KpisService } from './kpis.service';
import type { CapturedAt, PhotosService } from './photos.service';
import type { SavedViewsService } from './saved-views.service';

export interface CasesRouteDeps {
  cases: CasesService;
  photos: PhotosService;
  kpis: KpisService;
  documents: CaseDocuments;
  savedViews: SavedViewsService;
}

const countsSchema = z.record(z.string(), z.number());
const photoKind = z.enum(['before', 'after', 'other']);

function image(data: Uint8Array, contentType: string): Response {
  return new Response(data, {
    headers: {
      'content-type': contentType,
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
    },
  });
}

const capturedFields = z.object({
  capturedAt: z.iso
    .datetime({ offset: true, error: '拍摄时间须为 ISO 8601 时间，如 2026-11-23T10:00:00+08:00' })
    .optional(),
  capturedLng: z.coerce
    .number({ error: '拍摄经度须为数字' })
    .min(-180, '拍摄经度须在 -180 到 180 之间')
    .max(180, '拍摄经度须在 -180 到 180 之间')
    .optional(),
  capturedLat: z.coerce
    .number({ error: '拍摄纬度须为数字' })
    .min(-90, '拍摄纬度须在 -90 到 90 之间')
    .max(90, '拍摄纬度须在 -90 到 90 之间')
    .optional(),
});

/** The time and place the page recorded at shooting time (optional form fields, validated). */
export function capturedOf(form: { get(name: string): unknown }): CapturedAt {
  const raw = Object.fromEntries(
    (['capturedAt', 'capturedLng', 'capturedLat'] as const).flatMap((k) => {
      const v = form.get(k);
      return typeof v === 'string' && v.trim() !== '' ? [[k, v.trim()]] : [];
    }),
  );
  const parsed = capturedFields.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      fields: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })),
    });
  const { capturedAt, capturedLng, capturedLat } = parsed.data;
  if ((capturedLng === undefined) !== (capturedLat === undefined))
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          field: capturedLng === undefined ? 'capturedLng' : 'capturedLat',
          message: '拍摄经度和纬度须同时提供',
        },
      ],
    });
  return {
    at: capturedAt ? new Date(capturedAt) : null,
    point:
      capturedLng !== undefined && capturedLat !== undefined ? { lng: capturedLng, lat: capturedLat } : null,
  };
}

export function registerCasesRoutes(app: App, reg: EndpointMeta[], d: CasesRouteDeps): void {
  const tag = 'cases';
  endpoint(app, reg, {
    method: 'post',
    path: '/api/photos',
    access: CASE_ACT,
    summary:
      '上传照片（multipart：file, kind=before|after|other；可选 capturedAt, capturedLng, capturedLat）',
    tag,
    consumes: 'multipart/form-data',
    response: photoSchema,
    status: 201,
    handler: async ({ c, ctx }) => {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ field: 'file', message: '请以 multipart/form-data 方式上传照片（字段名 file）' }],
        });
      }
      const file = form.get('file');
      if (!(file instanceof File) || file.size === 0) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ field: 'file', message: '请选择照片（字段名 file）' }],
        });
      }
      const kind = photoKind.safeParse(form.get('kind') ?? 'other');
      if (!kind.success)
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ field: 'kind', message: '照片类型只能是 before、after 或 other' }],
        });
      return d.photos.upload(ctx, kind.data, new Uint8Array(await file.arrayBuffer()), capturedOf(form));
    },
  });
  for (const [suffix, thumb] of [
    ['file', false],
    ['thumb', true],
  ] as const) {
    endpoint(app, reg, {
      method: 'get',
      path: `/api/photos/{id}/${suffix}`,
      access: CASE_READ,
      summary: thumb ? '照片缩略图' : '照片原图',
      tag,
      params: idParams,
      produces: 'image/jpeg',
      handler: async ({ ctx, params }) => {
        const f = await d.cases.photoFile(ctx, params.id, thumb);
        return image(f.data, f.contentType);
      },
    });
  }
  endpoint(app, reg, {
    method: 'post',
    path: '/api/cases',
    access: CASE_CREATE,
    summary: '登记案件（定位、派遣规则、时限、事件日志）',
    tag,
    body: createCaseSchema,
    response: caseDetailSchema,
    status: 201,
    handler: ({ ctx, body }) => d.cases.createCase(ctx, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/cases',
    access: CASE_READ,
    summary: '案件列表（筛选、队列、分页）',
    tag,
    query: caseListQuerySchema,
    response: pageOf(caseSummarySchema),
    handler: ({ ctx, query }) => d.cases.listCases(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/cases/counts',
    access: CASE_READ,
    summary: '待办队列计数（待立案、待派遣、待签收、待处置、已超期、待核查、待审批）',
    tag,
    response: countsSchema,
    handler: ({ ctx }) => d.cases.queueCounts(ctx),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/cases/map',
    access: CASE_READ,
    summary: '案件地图点位（最多 20000 个）',
    tag,
    query: caseMapQuerySchema,
    response: caseMapSchema,
    handler: ({ ctx, query }) => d.cases.mapPoints(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/exports/cases.xlsx',
    access: CASE_READ,
    summary: '导出案件列表（Excel）',
    tag,
    query: caseMapQuerySchema.extend({ sort: caseListQuerySchema.shape.sort }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    handler: async ({ ctx, query }) => downloadResponse(await d.documents.exportCases(ctx, query)),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/cases/{id}',
    access: CASE_READ,
    summary: '案件详情（时间轴、照片、派遣依据、可执行操作）',
    tag,
    params: idParams,
    response: caseDetailSchema,
    handler: ({ ctx, params }) => d.cases.getCase(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/cases/{id}/transitions',
    access: CASE_ACT,
    summary: '案件流转（立案、派遣、签收、回退、反馈、核查、延期、挂账、督办…）',
    tag,
    params: idParams,
    body: transitionSchema,
    response: caseDetailSchema,
    handler: ({ ctx, params, body }) => d.cases.transition(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/kpis',
    access: KPI_READ,
    summary: '绩效指标（结案率、按期结案率、返工率…，按维度切片）',
    tag: 'kpis',
    query: kpiQuerySchema,
    response: kpiResultSchema,
    handler: ({ ctx, query }) => d.kpis.kpis(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/kpis/cases',
    access: KPI_READ,
    summary: '绩效指标下钻：某一行某一指标背后的案卷与阶段',
    tag: 'kpis',
    query: kpiDrillQuerySchema,
    response: kpiDrillSchema,
    handler: ({ ctx, query }) => d.kpis.drill(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/exports/kpis.xlsx',
    access: KPI_READ,
    summary: '导出绩效指标（Excel）',
    tag: 'kpis',
    query: kpiQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    handler: async ({ ctx, query }) => downloadResponse(await d.documents.exportKpis(ctx, query)),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/saved-views',
    access: 'authenticated',
    summary: '我保存的筛选视图',
    tag,
    response: z.array(savedViewSchema),
    handler: ({ ctx }) => d.savedViews.list(ctx),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/saved-views',
    access: 'authenticated',
    summary: '保存筛选视图',
    tag,
    body: createSavedViewSchema,
    response: savedViewSchema,
    status: 201,
    handler: ({ ctx, body }) => d.savedViews.create(ctx, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/saved-views/{id}',
    access: 'authenticated',
    summary: '删除筛选视图',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await d.savedViews.remove(ctx, params.id);
      return { ok: true };
    },
  });
}
