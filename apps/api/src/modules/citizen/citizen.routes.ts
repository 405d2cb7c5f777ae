import {
  publicCaseSchema,
  publicConfigSchema,
  publicPhotoSchema,
  publicRatingSchema,
  publicReceiptSchema,
  publicReportSchema,
  trackingCodeSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { type App, type EndpointMeta, endpoint } from '../../http/endpoint';
import { readUploadForm } from '../../http/upload';
import { capturedOf } from '../cases/index';
import type { CitizenService } from './citizen.service';

const tag = 'public';
const codeParams = z.object({ code: trackingCodeSchema });

function image(file: { data: Buffer | Uint8Array; contentType: string }): Response {
  return new Response(new Uint8Array(file.data), {
    headers: {
      'content-type': file.contentType,
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The citizen portal's API: no session; every call is limited per IP (see the middleware in app.ts). */
export function registerCitizenRoutes(app: App, reg: EndpointMeta[], citizen: CitizenService): void {
  app.use('/api/public/*', async (c, next) => {
    await citizen.throttle({ requestId: c.get('requestId'), ip: c.get('ip') });
    await next();
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/public/config',
    access: 'public',
    summary: '市民随手拍：城市、地图范围和可选问题类型',
    tag,
    response: publicConfigSchema,
    handler: async () => citizen.config(),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/public/photos',
    access: 'public',
    summary: '市民上传照片（multipart：file；可选 capturedAt, capturedLng, capturedLat），返回照片凭证',
    tag,
    consumes: 'multipart/form-data',
    response: publicPhotoSchema,
    status: 201,
    handler: async ({ c, ctx }) => {
      const { file, fields } = await readUploadForm(c);
      return citizen.uploadPhoto(ctx.meta, file.data, capturedOf({ get: (k) => fields[k] ?? null }));
    },
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/public/photos/{id}/thumb',
    access: 'public',
    summary: '刚上传照片的预览（须带照片凭证）',
    tag,
    params: z.object({ id: z.uuid() }),
    query: z.object({ token: z.string().max(64) }),
    produces: 'image/jpeg',
    handler: async ({ params, query }) => image(await citizen.uploadedThumb(params.id, query.token)),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/public/reports',
    access: 'public',
    summary: '市民随手拍上报，返回查询码',
    tag,
    body: publicReportSchema,
    response: publicReceiptSchema,
    status: 201,
    handler: async ({ ctx, body }) => citizen.report(ctx.meta, body),
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/public/reports/{code}',
    access: 'public',
    summary: '按查询码查看办理进度',
    tag,
    params: codeParams,
    response: publicCaseSchema,
    handler: async ({ params }) => citizen.track(params.code),
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/public/reports/{code}/photos/{photoId}',
    access: 'public',
    summary: '案件照片（已去除拍摄信息的公开副本）',
    tag,
    params: codeParams.extend({ photoId: z.uuid() }),
    produces: 'image/jpeg',
    handler: async ({ params }) => image(await citizen.photo(params.code, params.photoId)),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/public/reports/{code}/rating',
    access: 'public',
    summary: '办结后评价：是否解决、1–5 分；7 天内反馈未解决则重新交办',
    tag,
    params: codeParams,
    body: publicRatingSchema,
    response: publicCaseSchema,
    handler: async ({ ctx, params, body }) => citizen.rate(ctx.meta, params.code, body),
  });
}
