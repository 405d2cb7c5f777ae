import {
  caseChildSchema,
  createRevisitsResultSchema,
  createRevisitsSchema,
  duplicateQuerySchema,
  duplicatesSchema,
  hotspotQuerySchema,
  hotspotsSchema,
  mergeCaseSchema,
  mergeResultSchema,
  pageOf,
  revisitBatchSchema,
  revisitListQuerySchema,
  revisitResultSchema,
  revisitSchema,
  splitCaseSchema,
  splitResultSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { downloadResponse, XLSX } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import type { CaseLinksService } from './case-links.service';
import { CASE_MERGE, REVISIT_ACT, REVISIT_CREATE, REVISIT_READ } from './case-notes';
import { CASE_READ } from './cases.policy';

/**
 * Duplicates and merging, hotspots and 回头看. Registered before the cases routes: /api/cases/{id}
 * would otherwise take /api/cases/duplicates and /api/cases/hotspots.
 */
export function registerCaseLinksRoutes(app: App, reg: EndpointMeta[], d: CaseLinksService): void {
  const tag = 'cases';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/cases/duplicates',
    access: CASE_READ,
    summary: '疑似重复案件：附近（默认 50 米）近期（默认 24 小时）同类未结案件，由近到远，最多 10 件',
    tag,
    query: duplicateQuerySchema,
    response: duplicatesSchema,
    handler: ({ ctx, query }) => d.duplicates(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/cases/hotspots',
    access: CASE_READ,
    summary: '热点问题：同类问题在约 50 米范围内反复出现的地点，按案件数和反弹数排序',
    tag,
    query: hotspotQuerySchema,
    response: hotspotsSchema,
    handler: ({ ctx, query }) => d.hotspots(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/exports/hotspots.xlsx',
    access: CASE_READ,
    summary: '导出热点问题（Excel）',
    tag,
    query: hotspotQuerySchema,
    produces: XLSX,
    handler: async ({ ctx, query }) => downloadResponse(await d.exportHotspots(ctx, query)),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/cases/{id}/merge',
    access: CASE_MERGE,
    summary: '并案：将重复案件（待立案、待派遣）并入另一案件，该案件作废并关联到主案件',
    tag,
    params: idParams,
    body: mergeCaseSchema,
    response: mergeResultSchema,
    handler: ({ ctx, params, body }) => d.mergeCase(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/cases/{id}/split',
    access: CASE_MERGE,
    summary: '拆分：取消并案；已作废的案件按原信息重新登记为新案件',
    tag,
    params: idParams,
    body: splitCaseSchema,
    response: splitResultSchema,
    handler: ({ ctx, params, body }) => d.splitCase(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/cases/{id}/children',
    access: CASE_READ,
    summary: '并入本案的重复案件',
    tag,
    params: idParams,
    response: z.array(caseChildSchema),
    handler: ({ ctx, params }) => d.children(ctx, params.id),
  });

  const revisits = 'revisits';
  endpoint(app, reg, {
    method: 'post',
    path: '/api/revisits',
    access: REVISIT_CREATE,
    summary: '抽取回头看：按比例随机抽取时段内已结案件（以批次号为种子，可复现）',
    tag: revisits,
    body: createRevisitsSchema,
    response: createRevisitsResultSchema,
    status: 201,
    handler: ({ ctx, body }) => d.revisits.createRevisits(ctx, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/revisits',
    access: REVISIT_READ,
    summary: '回头看列表（按批次、结果筛选）',
    tag: revisits,
    query: revisitListQuerySchema,
    response: pageOf(revisitSchema),
    handler: ({ ctx, query }) => d.revisits.listRevisits(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/revisits/batches',
    access: REVISIT_READ,
    summary: '回头看批次（抽取数、进度）',
    tag: revisits,
    response: z.array(revisitBatchSchema),
    handler: ({ ctx }) => d.revisits.listBatches(ctx),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/revisits/{id}/result',
    access: REVISIT_ACT,
    summary: '记录回头看结果：未反弹，或发现反弹并重新登记案件',
    tag: revisits,
    params: idParams,
    body: revisitResultSchema,
    response: revisitSchema,
    handler: ({ ctx, params, body }) => d.revisits.recordResult(ctx, params.id, body),
  });
}
