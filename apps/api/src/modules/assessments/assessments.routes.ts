import {
  caseFromLostPointSchema,
  createRoundSchema,
  linkCaseSchema,
  lostPointSchema,
  okSchema,
  pageOf,
  pageQuerySchema,
  readinessSchema,
  roundDetailSchema,
  roundSchema,
  scoreEntriesSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { downloadResponse, XLSX } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import { ROUND_CASE, ROUND_MANAGE, ROUND_READ, ROUND_SCORE } from './assessments.policy';
import type { AssessmentsService } from './assessments.service';

const ok = { ok: true as const };
const tag = 'assessments';
const roundListQuerySchema = pageQuerySchema.extend({ campaignId: z.uuid().optional() });
const indicatorParams = z.object({ id: z.uuid(), nodeId: z.uuid() });
const linkParams = indicatorParams.extend({ caseId: z.uuid() });

/** Rounds, scoring, lost points, rectification cases from lost points, readiness. */
export function registerAssessmentsRoutes(app: App, reg: EndpointMeta[], s: AssessmentsService): void {
  endpoint(app, reg, {
    method: 'get',
    path: '/api/rounds',
    access: ROUND_READ,
    summary: '测评轮次列表（按活动筛选，最新在前）',
    tag,
    query: roundListQuerySchema,
    response: pageOf(roundSchema),
    handler: ({ ctx, query }) => s.listRounds(ctx, query),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/rounds',
    access: ROUND_SCORE,
    summary: '新建测评轮次（自查、模拟测评、上级暗访、技术评估）',
    tag,
    body: createRoundSchema,
    response: roundDetailSchema,
    status: 201,
    handler: ({ ctx, body }) => s.createRound(ctx, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/rounds/{id}',
    access: ROUND_READ,
    summary: '测评轮次详情（每个指标的得分、失分、来源）',
    tag,
    params: idParams,
    response: roundDetailSchema,
    handler: ({ ctx, params }) => s.getRound(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'put',
    path: '/api/rounds/{id}/scores',
    access: ROUND_SCORE,
    summary: '录入评分（按考核点覆盖保存，随即重算总分与结论）',
    tag,
    params: idParams,
    body: scoreEntriesSchema,
    response: roundDetailSchema,
    handler: ({ ctx, params, body }) => s.scoreRound(ctx, params.id, body.entries),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/rounds/{id}/recompute',
    access: ROUND_SCORE,
    summary: '按系统最新数据重算（关联案件、考核指标、台账完整率）',
    tag,
    params: idParams,
    response: roundDetailSchema,
    handler: ({ ctx, params }) => s.recomputeRound(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/rounds/{id}/close',
    access: ROUND_MANAGE,
    summary: '结束测评轮次（结果固定，不能再评分）',
    tag,
    params: idParams,
    response: roundDetailSchema,
    handler: ({ ctx, params }) => s.closeRound(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/rounds/{id}',
    access: ROUND_MANAGE,
    summary: '删除未结束的测评轮次',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await s.deleteRound(ctx, params.id);
      return ok;
    },
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/rounds/{id}/lost-points',
    access: ROUND_READ,
    summary: '失分清单（否决项在前，按失分从多到少，附牵头单位）',
    tag,
    params: idParams,
    response: z.array(lostPointSchema),
    handler: ({ ctx, params }) => s.lostPoints(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/rounds/{id}/export',
    access: ROUND_READ,
    summary: '导出评分表（Excel）',
    tag,
    params: idParams,
    produces: XLSX,
    handler: async ({ ctx, params }) => downloadResponse(await s.exportRound(ctx, params.id)),
  });
  for (const [suffix, thumb] of [
    ['file', false],
    ['thumb', true],
  ] as const) {
    endpoint(app, reg, {
      method: 'get',
      path: `/api/rounds/{id}/photos/{photoId}/${suffix}`,
      access: ROUND_READ,
      summary: thumb ? '考核点照片缩略图' : '考核点照片原图',
      tag,
      params: idParams.extend({ photoId: z.uuid() }),
      produces: 'image/jpeg',
      handler: async ({ ctx, params }) => {
        const f = await s.scorePhoto(ctx, params.id, params.photoId, thumb);
        return new Response(new Uint8Array(f.data), {
          headers: { 'content-type': f.contentType, 'cache-control': 'private, max-age=86400' },
        });
      },
    });
  }
  registerCaseRoutes(app, reg, s);
}

function registerCaseRoutes(app: App, reg: EndpointMeta[], s: AssessmentsService): void {
  endpoint(app, reg, {
    method: 'post',
    path: '/api/rounds/{id}/cases',
    access: ROUND_CASE,
    summary: '从失分项一键生成整改案件（按派遣规则流转，并关联到该指标）',
    tag,
    params: idParams,
    body: caseFromLostPointSchema,
    response: z.object({ caseId: z.uuid(), number: z.string() }),
    status: 201,
    handler: ({ ctx, params, body }) => s.caseFromLostPoint(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/campaigns/{id}/indicators/{nodeId}/cases',
    access: ROUND_SCORE,
    summary: '将已有案件关联到考核指标（未结案件计入扣分）',
    tag,
    params: indicatorParams,
    body: linkCaseSchema,
    response: okSchema,
    handler: async ({ ctx, params, body }) => {
      await s.linkCase(ctx, params.id, params.nodeId, body.caseId);
      return ok;
    },
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/campaigns/{id}/indicators/{nodeId}/cases/{caseId}',
    access: ROUND_SCORE,
    summary: '取消案件与考核指标的关联',
    tag,
    params: linkParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await s.unlinkCase(ctx, params.id, params.nodeId, params.caseId);
      return ok;
    },
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/campaigns/{id}/readiness',
    access: ROUND_READ,
    summary: '迎检准备度（预计得分、否决风险、失分分布、历次趋势）',
    tag,
    params: idParams,
    response: readinessSchema,
    handler: ({ ctx, params }) => s.readiness(ctx, params.id),
  });
}
