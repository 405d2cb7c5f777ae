import {
  createStandardNodeSchema,
  createStandardSchema,
  okSchema,
  pageOf,
  standardDetailSchema,
  standardImportResultSchema,
  standardListQuerySchema,
  standardNodeSchema,
  standardSchema,
  updateStandardNodeSchema,
  updateStandardSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { downloadResponse, XLSX } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import { readUploadForm } from '../../http/upload';
import { STANDARD_READ, STANDARD_WRITE } from './standards.policy';
import type { StandardsService } from './standards.service';

const ok = { ok: true as const };

/**
 * The standards' endpoints. `/api/imports/standards` and its template are static paths, which Hono
 * prefers to the org module's `/api/imports/{kind}` (app.ts also registers these first).
 */
export function registerStandardsRoutes(app: App, reg: EndpointMeta[], standards: StandardsService): void {
  const tag = 'standards';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/standards',
    access: STANDARD_READ,
    summary: '考核标准列表（type 类型、q 搜索编码或名称）',
    tag,
    query: standardListQuerySchema,
    response: pageOf(standardSchema),
    handler: ({ ctx, query }) => standards.listStandards(ctx, query),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/standards',
    access: STANDARD_WRITE,
    summary: '新建考核标准（空指标树；编码已存在时为该编码的新版本）',
    tag,
    body: createStandardSchema,
    response: standardSchema,
    status: 201,
    handler: ({ ctx, body }) => standards.createStandard(ctx, body),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/standards/samples',
    access: STANDARD_WRITE,
    summary: '载入示例标准（国家卫生城市标准骨架、省级千分制、县城千分制；已有同编码的跳过）',
    tag,
    response: z.object({ created: z.number().int() }),
    handler: ({ ctx }) => standards.loadSamples(ctx),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/standards/{id}',
    access: STANDARD_READ,
    summary: '考核标准详情（指标树按先序排列，含层级 depth 和 leaf）',
    tag,
    params: idParams,
    response: standardDetailSchema,
    handler: ({ ctx, params }) => standards.getStandard(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/standards/{id}',
    access: STANDARD_WRITE,
    summary: '修改考核标准（名称、编码、类型、总分和达标线）',
    tag,
    params: idParams,
    body: updateStandardSchema,
    response: standardSchema,
    handler: ({ ctx, params, body }) => standards.updateStandard(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/standards/{id}',
    access: STANDARD_WRITE,
    summary: '删除考核标准（有创建活动使用时不能删除）',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await standards.deleteStandard(ctx, params.id);
      return ok;
    },
  });
  registerNodeRoutes(app, reg, standards);
  registerIoRoutes(app, reg, standards);
}

function registerNodeRoutes(app: App, reg: EndpointMeta[], standards: StandardsService): void {
  const tag = 'standards';
  endpoint(app, reg, {
    method: 'post',
    path: '/api/standards/{id}/nodes',
    access: STANDARD_WRITE,
    summary: '新增指标（整棵树重新校验，有误则不写入）',
    tag,
    params: idParams,
    body: createStandardNodeSchema,
    response: standardNodeSchema,
    status: 201,
    handler: ({ ctx, params, body }) => standards.createNode(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/standard-nodes/{id}',
    access: STANDARD_WRITE,
    summary: '修改指标（整棵树重新校验，有误则不写入）',
    tag,
    params: idParams,
    body: updateStandardNodeSchema,
    response: standardNodeSchema,
    handler: ({ ctx, params, body }) => standards.updateNode(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/standard-nodes/{id}',
    access: STANDARD_WRITE,
    summary: '删除指标（有下级指标、台账或测评记录时不能删除）',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await standards.deleteNode(ctx, params.id);
      return ok;
    },
  });
}

function registerIoRoutes(app: App, reg: EndpointMeta[], standards: StandardsService): void {
  const tag = 'standards';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/standards/{id}/export',
    access: STANDARD_READ,
    summary: '导出考核标准（.xlsx，可再导入）',
    tag,
    params: idParams,
    produces: XLSX,
    handler: async ({ ctx, params }) => downloadResponse(await standards.exportStandard(ctx, params.id)),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/imports/standards/template',
    access: STANDARD_WRITE,
    summary: '下载考核标准导入模板（.xlsx）',
    tag,
    produces: XLSX,
    handler: async ({ ctx }) =>
      downloadResponse({
        data: await standards.template(ctx),
        fileName: '考核标准导入模板.xlsx',
        asciiName: 'standard-template.xlsx',
      }),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/imports/standards',
    access: STANDARD_WRITE,
    summary:
      '导入考核标准（multipart：file + code、name、type、totalPoints、passScore、basicScore；先校验全部行，有误不写入）',
    tag,
    consumes: 'multipart/form-data',
    response: standardImportResultSchema,
    handler: async ({ c, ctx }) => {
      const { file, fields } = await readUploadForm(c);
      return standards.importStandard(ctx, file, fields);
    },
  });
}
