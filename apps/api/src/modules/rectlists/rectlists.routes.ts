import {
  pageOf,
  rectlistDetailSchema,
  rectlistListQuerySchema,
  rectlistSummarySchema,
  rectlistUploadSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { downloadResponse, XLSX } from '../../http/download';
import { type App, type EndpointMeta, endpoint } from '../../http/endpoint';
import { validationHook } from '../../http/errors';
import { readUploadForm } from '../../http/upload';
import { RECTLIST_READ, RECTLIST_WRITE } from './rectlists.policy';
import type { RectlistsService } from './rectlists.service';

const tag = 'rectlists';
const idParams = z.object({ id: z.uuid() });

/** 整改清单: template, upload (validated whole, then a job files the cases), list, batch, export. */
export function registerRectlistsRoutes(app: App, reg: EndpointMeta[], service: RectlistsService): void {
  endpoint(app, reg, {
    method: 'get',
    path: '/api/imports/rectlists/template',
    access: RECTLIST_WRITE,
    summary: '下载整改清单导入模板（.xlsx）',
    tag,
    produces: XLSX,
    handler: async ({ ctx }) =>
      downloadResponse({
        data: await service.template(ctx),
        fileName: '整改清单导入模板.xlsx',
        asciiName: 'rectlist-template.xlsx',
      }),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/imports/rectlists',
    access: RECTLIST_WRITE,
    summary:
      '导入整改清单（multipart：file + upperUnit、title、inspectedOn、confirmDuplicate）：先校验全部行，有错误则不写入并列出行/列/原因；通过后建立批次并在后台逐条生成案件',
    tag,
    consumes: 'multipart/form-data',
    response: rectlistSummarySchema,
    status: 201,
    handler: async ({ c, ctx }) => {
      const { file, fields } = await readUploadForm(c);
      const parsed = rectlistUploadSchema.safeParse(fields);
      validationHook(parsed);
      return service.upload(ctx, file, parsed.data!);
    },
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/rectlists',
    access: RECTLIST_READ,
    summary: '整改清单批次列表（含生成与整改进度）',
    tag,
    query: rectlistListQuerySchema,
    response: pageOf(rectlistSummarySchema),
    handler: ({ ctx, query }) => service.list(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/rectlists/{id}',
    access: RECTLIST_READ,
    summary: '整改清单批次详情：每行问题及其案件的当前状态',
    tag,
    params: idParams,
    response: rectlistDetailSchema,
    handler: ({ ctx, params }) => service.get(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/rectlists/{id}/export.xlsx',
    access: RECTLIST_READ,
    summary: '导出整改情况（.xlsx：每条问题的案件编号、责任单位、整改状态），用于向上级回报',
    tag,
    params: idParams,
    produces: XLSX,
    handler: async ({ ctx, params }) => downloadResponse(await service.exportBatch(ctx, params.id)),
  });
}
