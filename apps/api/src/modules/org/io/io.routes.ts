import {
  blockListQuerySchema,
  gridListQuerySchema,
  IMPORT_KINDS,
  type ImportKind,
  importResultSchema,
  pageQuerySchema,
  personListQuerySchema,
  regionListQuerySchema,
  unitListQuerySchema,
} from '@chuangcheng/contracts';
import type { Context } from 'hono';
import { z } from 'zod';
import { type DownloadFile, downloadResponse, XLSX } from '../../../http/download';
import { type App, type EndpointMeta, endpoint } from '../../../http/endpoint';
import type { AppEnv } from '../../../http/env';
import { readUploadForm } from '../../../http/upload';
import { AppError } from '../../../platform/app-error';
import { ORG_READ, ORG_WRITE, PEOPLE_READ } from '../org.policy';
import type { ImportFile } from './import.service';
import { parseMapping } from './import.service';
import type { OrgIoService } from './io.service';
import { TEMPLATE_KINDS } from './templates';

const TEMPLATE_NAMES: Record<(typeof TEMPLATE_KINDS)[number], string> = {
  units: '单位',
  people: '人员',
  grids: '网格属性',
};

const download = (file: DownloadFile): Response => downloadResponse(file);

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', { fields: [{ field, message }] }, message);

/** The multipart body (the shared upload reader): `file` (required) and, for GeoJSON, `mapping` (JSON). */
async function readUpload(
  c: Context<AppEnv>,
  kind: ImportKind,
): Promise<{ file: ImportFile; mapping: unknown }> {
  const { file, fields } = await readUploadForm(c);
  const raw = fields.mapping;
  let mapping: unknown;
  if (kind === 'grids-geojson' && raw?.trim()) {
    try {
      mapping = JSON.parse(raw);
    } catch {
      throw invalid(
        'mapping',
        '属性映射 mapping 不是有效的 JSON，例如 {"code":"WGBM","name":"WGMC","community":"SQBM"}',
      );
    }
  }
  return { file, mapping };
}

const noPage = { page: true, pageSize: true } as const;

export function registerOrgIoRoutes(app: App, reg: EndpointMeta[], io: OrgIoService): void {
  const tag = 'org-io';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/imports/{kind}/template',
    access: ORG_WRITE,
    summary: '下载导入模板（.xlsx：表头、下拉选项、说明、示例行）',
    tag,
    params: z.object({ kind: z.enum(TEMPLATE_KINDS) }),
    produces: XLSX,
    handler: async ({ ctx, params }) =>
      download({
        data: await io.imports.template(ctx, params.kind),
        fileName: `${TEMPLATE_NAMES[params.kind]}导入模板.xlsx`,
        asciiName: `${params.kind}-template.xlsx`,
      }),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/imports/{kind}',
    access: ORG_WRITE,
    summary:
      '批量导入（先校验全部行，有错误则不写入并列出行号；dryRun=true 只校验；GeoJSON 的 dropSlivers=true 去掉面积为零的环并逐个警告）',
    tag,
    params: z.object({ kind: z.enum(IMPORT_KINDS) }),
    query: z.object({
      dryRun: z.enum(['true', 'false']).optional(),
      /** GeoJSON: drop zero-area rings (degenerate slivers) with a warning per ring instead of refusing. */
      dropSlivers: z.enum(['true', 'false']).optional(),
      /** Installation administrators with several cities name the target city by its region code. */
      city: z
        .string()
        .trim()
        .regex(/^\d{6}$/, '城市编码应为 6 位数字')
        .optional(),
    }),
    consumes: 'multipart/form-data',
    response: importResultSchema,
    handler: async ({ c, ctx, params, query }) => {
      const { file, mapping } = await readUpload(c, params.kind);
      return io.imports.importFile(ctx, params.kind, file, {
        dryRun: query.dryRun === 'true',
        mapping: params.kind === 'grids-geojson' ? parseMapping(mapping) : undefined,
        dropSlivers: query.dropSlivers === 'true',
        cityCode: query.city,
      });
    },
  });
  registerExportRoutes(app, reg, io, tag);
}

function registerExportRoutes(app: App, reg: EndpointMeta[], io: OrgIoService, tag: string): void {
  const x = io.exports;
  const common = { method: 'get', tag, produces: XLSX } as const;
  endpoint(app, reg, {
    ...common,
    path: '/api/exports/regions.xlsx',
    access: ORG_READ,
    summary: '导出行政区划（.xlsx）',
    query: regionListQuerySchema.omit(noPage),
    handler: async ({ ctx, query }) => download(await x.exportRegions(ctx, query)),
  });
  endpoint(app, reg, {
    ...common,
    path: '/api/exports/units.xlsx',
    access: ORG_READ,
    summary: '导出单位（.xlsx，可再导入）',
    query: unitListQuerySchema.omit(noPage),
    handler: async ({ ctx, query }) => download(await x.exportUnits(ctx, query)),
  });
  endpoint(app, reg, {
    ...common,
    path: '/api/exports/people.xlsx',
    access: PEOPLE_READ,
    summary: '导出人员（.xlsx，手机号按角色脱敏）',
    query: personListQuerySchema.omit(noPage),
    handler: async ({ ctx, query }) => download(await x.exportPeople(ctx, query)),
  });
  endpoint(app, reg, {
    ...common,
    path: '/api/exports/grids.xlsx',
    access: ORG_READ,
    summary: '导出网格属性（.xlsx，可再导入）',
    query: gridListQuerySchema.omit(noPage),
    handler: async ({ ctx, query }) => download(await x.exportGrids(ctx, query)),
  });
  endpoint(app, reg, {
    ...common,
    path: '/api/exports/blocks.xlsx',
    access: ORG_READ,
    summary: '导出责任区块（.xlsx）',
    query: blockListQuerySchema.omit(noPage),
    handler: async ({ ctx, query }) => download(await x.exportBlocks(ctx, query)),
  });
  endpoint(app, reg, {
    ...common,
    path: '/api/exports/users.xlsx',
    access: ['admin'],
    summary: '导出用户（.xlsx，仅管理员）',
    query: pageQuerySchema.omit(noPage),
    handler: async ({ ctx, query }) => download(await x.exportUsers(ctx, query)),
  });
}
