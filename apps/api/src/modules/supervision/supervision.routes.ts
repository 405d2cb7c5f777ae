import {
  issueSupervisionSchema,
  supervisionCloseSchema,
  supervisionDefaultsSchema,
  supervisionListQuerySchema,
  supervisionOrderDetailSchema,
  supervisionOrderPageSchema,
  supervisionReplySchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { DOCX, downloadResponse, PDF } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import type { SupervisionDocuments } from './supervision.documents';
import {
  SUPERVISION_ANSWER,
  SUPERVISION_CLOSE,
  SUPERVISION_ISSUE,
  SUPERVISION_READ,
} from './supervision.policy';
import type { SupervisionService } from './supervision.service';

/** The 督办单 register: list, Excel, detail, Word/PDF from the frozen content, issue, sign, reply, close. */
export function registerSupervisionRoutes(
  app: App,
  reg: EndpointMeta[],
  svc: SupervisionService,
  docs: SupervisionDocuments,
): void {
  const tag = 'supervision';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/supervision-orders',
    access: SUPERVISION_READ,
    summary: '督办单登记簿（按状态、单位、级别、时段、限期逾期筛选）',
    tag,
    query: supervisionListQuerySchema,
    response: supervisionOrderPageSchema,
    handler: ({ ctx, query }) => svc.list(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/exports/supervision-orders.xlsx',
    access: SUPERVISION_READ,
    summary: '督办单登记簿导出（Excel）',
    tag,
    query: supervisionListQuerySchema.omit({ page: true, pageSize: true }),
    handler: async ({ ctx, query }) => downloadResponse(await docs.exportRegister(ctx, query)),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/supervision-orders/defaults',
    access: SUPERVISION_ISSUE,
    summary: '签发督办单的默认限期（按工作日历）',
    tag,
    response: supervisionDefaultsSchema,
    handler: ({ ctx }) => svc.defaults(ctx),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/supervision-orders',
    access: SUPERVISION_ISSUE,
    summary: '签发督办单（同一责任单位的一个或多个案卷）',
    tag,
    body: issueSupervisionSchema,
    response: supervisionOrderDetailSchema,
    status: 201,
    handler: ({ ctx, body }) => svc.issue(ctx, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/supervision-orders/{id}',
    access: SUPERVISION_READ,
    summary: '督办单详情（督办事项、办理记录）',
    tag,
    params: idParams,
    response: supervisionOrderDetailSchema,
    handler: ({ ctx, params }) => svc.get(ctx, params.id),
  });
  for (const format of ['docx', 'pdf'] as const) {
    endpoint(app, reg, {
      method: 'get',
      path: `/api/supervision-orders/{id}/${format}`,
      access: SUPERVISION_READ,
      summary: format === 'docx' ? '督办单（Word，按签发时内容）' : '督办单（PDF，按签发时内容）',
      tag,
      params: idParams,
      produces: format === 'docx' ? DOCX : PDF,
      handler: async ({ ctx, params }) =>
        downloadResponse(await docs.document(ctx, params.id, format), format === 'docx' ? DOCX : PDF),
    });
  }
  endpoint(app, reg, {
    method: 'get',
    path: '/api/supervision-orders/{id}/photos/{photoId}',
    access: SUPERVISION_READ,
    summary: '督办单照片（督办事项照片或回复照片）',
    tag,
    params: z.object({ id: z.uuid(), photoId: z.uuid() }),
    query: z.object({ thumb: z.enum(['1', '0']).optional() }),
    produces: 'image/jpeg',
    handler: async ({ ctx, params, query }) => {
      const f = await svc.photo(ctx, params.id, params.photoId, query.thumb === '1');
      return new Response(new Uint8Array(f.data), {
        headers: { 'content-type': f.contentType, 'cache-control': 'private, max-age=600' },
      });
    },
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/supervision-orders/{id}/sign',
    access: SUPERVISION_ANSWER,
    summary: '签收督办单（责任单位）',
    tag,
    params: idParams,
    response: supervisionOrderDetailSchema,
    handler: ({ ctx, params }) => svc.sign(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/supervision-orders/{id}/reply',
    access: SUPERVISION_ANSWER,
    summary: '回复督办单（责任单位：整改情况与照片）',
    tag,
    params: idParams,
    body: supervisionReplySchema,
    response: supervisionOrderDetailSchema,
    handler: ({ ctx, params, body }) => svc.reply(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/supervision-orders/{id}/close',
    access: SUPERVISION_CLOSE,
    summary: '办结督办单（创建办，单位回复后）',
    tag,
    params: idParams,
    body: supervisionCloseSchema,
    response: supervisionOrderDetailSchema,
    handler: ({ ctx, params, body }) => svc.close(ctx, params.id, body),
  });
}
