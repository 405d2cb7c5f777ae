import { z } from 'zod';
import { CASE_STATUSES } from './cases';
import { pageQuerySchema } from './common';
import type { Labels } from './labels';

// 整改清单: the list of problems an upper level returns after an inspection (暗访), imported from Excel
// as one batch whose rows become routed cases of source 上级交办.

export const RECTLIST_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type RectlistState = (typeof RECTLIST_STATES)[number];
export const RECTLIST_STATE_LABELS: Labels<RectlistState> = {
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '生成案件中', en: 'Creating cases' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
};

/** The upload's form fields besides the file (multipart). */
export const rectlistUploadSchema = z.strictObject({
  title: z.string().trim().max(100, '标题不超过 100 个字').optional(),
  upperUnit: z
    .string({ message: '请填写交办的上级单位' })
    .trim()
    .min(1, '请填写交办的上级单位')
    .max(100, '上级单位不超过 100 个字'),
  inspectedOn: z.iso.date({ message: '暗访日期格式应为 YYYY-MM-DD' }).optional(),
  /** The same file was imported before: import it again all the same. */
  confirmDuplicate: z.enum(['true', 'false']).optional(),
});
export type RectlistUpload = z.infer<typeof rectlistUploadSchema>;

export const rectlistListQuerySchema = pageQuerySchema.extend({
  state: z.enum(RECTLIST_STATES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type RectlistListQuery = z.infer<typeof rectlistListQuerySchema>;

/** A batch as listed: counts of rows, cases created and failed, and the rectification progress. */
export const rectlistSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  upperUnit: z.string(),
  inspectedOn: z.string().nullable(),
  fileName: z.string(),
  uploadedByName: z.string(),
  state: z.enum(RECTLIST_STATES),
  rowCount: z.number().int(),
  createdCount: z.number().int(),
  failedCount: z.number().int(),
  /** Cases of the batch closed (整改完成 and verified): the progress of rectification is closed / created. */
  closedCount: z.number().int(),
  jobId: z.uuid().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RectlistSummary = z.infer<typeof rectlistSummarySchema>;

/** One row of the list and the case made from it, with the case's current status. */
export const rectlistRowSchema = z.object({
  row: z.number().int(),
  seq: z.string().nullable(),
  address: z.string().nullable(),
  gridCode: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  /** 整改期限 as written in the list (YYYY-MM-DD), or null. */
  rectifyBy: z.string().nullable(),
  assignedBy: z.string().nullable(),
  remark: z.string().nullable(),
  error: z.string().nullable(),
  case: z
    .object({
      id: z.uuid(),
      number: z.string(),
      status: z.enum(CASE_STATUSES),
      leadUnitName: z.string().nullable(),
      route: z.string(),
      disposeDeadline: z.string().nullable(),
      closedAt: z.string().nullable(),
    })
    .nullable(),
});
export type RectlistRow = z.infer<typeof rectlistRowSchema>;

export const rectlistDetailSchema = rectlistSummarySchema.extend({ rows: z.array(rectlistRowSchema) });
export type RectlistDetail = z.infer<typeof rectlistDetailSchema>;
