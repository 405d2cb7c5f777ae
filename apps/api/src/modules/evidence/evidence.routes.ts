import { Readable } from 'node:stream';
import {
  dateStringSchema,
  evidenceCompletenessSchema,
  evidenceFileSchema,
  evidenceListQuerySchema,
  evidenceSlotSchema,
  evidenceUploadFieldsSchema,
  okSchema,
  pageOf,
  reviewEvidenceSchema,
} from '@chuangcheng/contracts';
import type { Context } from 'hono';
import { z } from 'zod';
import { contentDisposition } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import type { AppEnv } from '../../http/env';
import { validationHook } from '../../http/errors';
import { readUploadForm } from '../../http/upload';
import { EVIDENCE_PACKAGE, EVIDENCE_READ, EVIDENCE_REVIEW, EVIDENCE_WRITE } from './evidence.policy';
import type { EvidenceService } from './evidence.service';

const tag = 'evidence';
const asOfQuery = z.object({ asOf: dateStringSchema.optional() });

/** The multipart body: `file` plus the upload fields, validated like any JSON body. */
async function readEvidenceUpload(c: Context<AppEnv>) {
  const { file, fields } = await readUploadForm(c);
  const parsed = evidenceUploadFieldsSchema.safeParse(fields);
  validationHook(parsed);
  return { fields: parsed.data!, file };
}

/** The archive's endpoints (台账): files, slots, completeness and the 迎检资料包. */
export function registerEvidenceRoutes(app: App, reg: EndpointMeta[], evidence: EvidenceService): void {
  endpoint(app, reg, {
    method: 'post',
    path: '/api/evidence',
    access: EVIDENCE_WRITE,
    summary:
      '上传台账资料（multipart：file + campaignId、nodeId、requirement、period、title、docDate、issuingUnit）',
    tag,
    consumes: 'multipart/form-data',
    response: evidenceFileSchema,
    status: 201,
    handler: async ({ c, ctx }) => {
      const { fields, file } = await readEvidenceUpload(c);
      return evidence.uploadEvidence(ctx, fields, file);
    },
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/evidence',
    access: EVIDENCE_READ,
    summary: '台账资料列表（带一致性标记：日期不在期间内、重复文件）',
    tag,
    query: evidenceListQuerySchema,
    response: pageOf(evidenceFileSchema),
    handler: ({ ctx, query }) => evidence.listEvidence(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/evidence/{id}/file',
    access: EVIDENCE_READ,
    summary: '下载台账文件',
    tag,
    params: idParams,
    produces: 'application/octet-stream',
    handler: async ({ ctx, params }) => {
      const f = await evidence.evidenceFile(ctx, params.id);
      const ext = f.fileName.includes('.') ? f.fileName.slice(f.fileName.lastIndexOf('.')).toLowerCase() : '';
      const ascii = `evidence-${params.id.slice(0, 8)}${/^\.[a-z]{2,5}$/.test(ext) ? ext : ''}`;
      return new Response(new Uint8Array(f.data), {
        headers: {
          'content-type': f.mime,
          'content-disposition': contentDisposition(f.fileName, ascii),
          'cache-control': 'no-store',
        },
      });
    },
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/evidence/{id}',
    access: EVIDENCE_WRITE,
    summary: '删除台账资料（办公室/管理员，或上传者所在单位）',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await evidence.deleteEvidence(ctx, params.id);
      return { ok: true as const };
    },
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/evidence/{id}/review',
    access: EVIDENCE_REVIEW,
    summary: '审核台账资料：牵头单位审核通过或退回，创建办验收（接受）或退回；退回须填写原因',
    tag,
    params: idParams,
    body: reviewEvidenceSchema,
    response: evidenceFileSchema,
    handler: ({ ctx, params, body }) => evidence.reviewEvidence(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/campaigns/{id}/evidence/reviews',
    access: EVIDENCE_REVIEW,
    summary: '台账审核队列：牵头单位看待本单位审核的资料，创建办看全部待审核资料',
    tag,
    params: idParams,
    response: z.array(evidenceFileSchema),
    handler: ({ ctx, params }) => evidence.reviewQueue(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/campaigns/{id}/evidence/slots',
    access: EVIDENCE_READ,
    summary: '应交台账清单：每个指标 × 资料 × 期间（活动开始至 asOf）及已交份数',
    tag,
    params: idParams,
    query: asOfQuery,
    response: z.array(evidenceSlotSchema),
    handler: ({ ctx, params, query }) => evidence.listSlots(ctx, params.id, query.asOf),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/campaigns/{id}/evidence/completeness',
    access: EVIDENCE_READ,
    summary: '台账完整性：总体、按指标、按责任单位，缺失清单与一致性问题',
    tag,
    params: idParams,
    query: asOfQuery,
    response: evidenceCompletenessSchema,
    handler: ({ ctx, params, query }) => evidence.getCompleteness(ctx, params.id, query.asOf),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/campaigns/{id}/evidence/export',
    access: EVIDENCE_PACKAGE,
    summary: '导出迎检资料包（.zip：按指标编号的文件夹 + 目录.xlsx/目录.docx，流式下载）',
    tag,
    params: idParams,
    produces: 'application/zip',
    handler: async ({ ctx, params }) => {
      const pkg = await evidence.exportPackage(ctx, params.id);
      const headers: Record<string, string> = {
        'content-type': 'application/zip',
        'content-disposition': contentDisposition(pkg.fileName, pkg.asciiName),
        'cache-control': 'no-store',
      };
      if (pkg.size >= 0) headers['content-length'] = String(pkg.size);
      return new Response(Readable.toWeb(pkg.stream as Readable) as ReadableStream, { headers });
    },
  });
}
