import {
  createExposureSchema,
  createRankingBoardSchema,
  exposureListQuerySchema,
  exposureSchema,
  pageOf,
  publicExposureSchema,
  publicPageQuerySchema,
  publicRankingBoardSchema,
  rankingBoardSchema,
  rankingPreviewQuerySchema,
  rankingResultSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import { EXPOSURE_ROLES } from './exposure.policy';
import type { ExposureService } from './exposure.service';

function image(file: { data: Buffer | Uint8Array; contentType: string }): Response {
  return new Response(new Uint8Array(file.data), {
    headers: {
      'content-type': file.contentType,
      // Short: a withdrawn exposure's photos should stop being served soon.
      'cache-control': 'public, max-age=600',
      'x-content-type-options': 'nosniff',
    },
  });
}

/**
 * 曝光台 and 红黑榜: the office's endpoints, and the public ones under /api/public (register after the
 * citizen routes, whose per-IP limit covers every /api/public call).
 */
export function registerExposureRoutes(app: App, reg: EndpointMeta[], svc: ExposureService): void {
  const tag = 'exposure';
  const access = EXPOSURE_ROLES;

  endpoint(app, reg, {
    method: 'get',
    path: '/api/exposures',
    access,
    summary: '曝光台：已曝光案件列表（含已撤回）',
    tag,
    query: exposureListQuerySchema,
    response: pageOf(exposureSchema),
    handler: async ({ ctx, query }) => svc.list(ctx, query),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/exposures',
    access,
    summary: '曝光一个案件（本市、本人管辖范围内，已立案）',
    tag,
    body: createExposureSchema,
    response: exposureSchema,
    status: 201,
    handler: async ({ ctx, body }) => svc.publish(ctx, body),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/exposures/{id}/withdraw',
    access,
    summary: '撤回曝光',
    tag,
    params: idParams,
    response: exposureSchema,
    handler: async ({ ctx, params }) => svc.withdraw(ctx, params.id),
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/ranking-boards/preview',
    access,
    summary: '红黑榜预览：按期结案率、结案率给单位排名（不保存）',
    tag,
    query: rankingPreviewQuerySchema,
    response: rankingResultSchema,
    handler: async ({ ctx, query }) => svc.preview(ctx, query),
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/ranking-boards',
    access,
    summary: '红黑榜列表',
    tag,
    query: publicPageQuerySchema,
    response: pageOf(rankingBoardSchema),
    handler: async ({ ctx, query }) => svc.listBoards(ctx, query),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/ranking-boards',
    access,
    summary: '生成红黑榜（固化当期排名，未发布）',
    tag,
    body: createRankingBoardSchema,
    response: rankingBoardSchema,
    status: 201,
    handler: async ({ ctx, body }) => svc.createBoard(ctx, body),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/ranking-boards/{id}/publish',
    access,
    summary: '发布红黑榜',
    tag,
    params: idParams,
    response: rankingBoardSchema,
    handler: async ({ ctx, params }) => svc.publishBoard(ctx, params.id),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/ranking-boards/{id}/unpublish',
    access,
    summary: '撤下红黑榜',
    tag,
    params: idParams,
    response: rankingBoardSchema,
    handler: async ({ ctx, params }) => svc.unpublishBoard(ctx, params.id),
  });

  // ---- public (no login) ------------------------------------------------------------------------

  endpoint(app, reg, {
    method: 'get',
    path: '/api/public/exposures',
    access: 'public',
    summary: '曝光台（公开）：已曝光案件，最新在前',
    tag: 'public',
    query: publicPageQuerySchema,
    response: pageOf(publicExposureSchema),
    handler: async ({ query }) => svc.publicList(query),
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/public/exposures/{id}/photos/{photoId}',
    access: 'public',
    summary: '曝光案件的照片（已去除拍摄信息的公开副本）',
    tag: 'public',
    params: z.object({ id: z.uuid(), photoId: z.uuid() }),
    produces: 'image/jpeg',
    handler: async ({ params }) => image(await svc.publicPhoto(params.id, params.photoId)),
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/public/ranking-boards',
    access: 'public',
    summary: '红黑榜（公开）：已发布的榜单，最新在前',
    tag: 'public',
    query: publicPageQuerySchema,
    response: pageOf(publicRankingBoardSchema),
    handler: async ({ query }) => svc.publicBoards(query),
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/public/ranking-boards/{id}',
    access: 'public',
    summary: '红黑榜（公开）：一期榜单',
    tag: 'public',
    params: idParams,
    response: publicRankingBoardSchema,
    handler: async ({ params }) => svc.publicBoard(params.id),
  });
}
