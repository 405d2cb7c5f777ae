import { z } from 'zod';
import { CASE_STATUSES, type CaseStatus } from './cases';
import { CATEGORY_KINDS } from './catalog';
import type { Labels } from './labels';

// The public side (issue 4): the citizen portal (随手拍, no login) and what it may see of a case.

/** Mainland mobile or a landline with area code. */
export const PHONE_PATTERN = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;

/** What the public sees of a status: four plain stages, not the office's internal ones. */
export const PUBLIC_STAGES = ['received', 'handling', 'done', 'voided'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];
export const PUBLIC_STAGE_LABELS: Labels<PublicStage> = {
  received: { zh: '已受理', en: 'Received' },
  handling: { zh: '处理中', en: 'Being handled' },
  done: { zh: '已办结', en: 'Resolved' },
  voided: { zh: '不予立案', en: 'Not accepted' },
};
export const PUBLIC_STAGE_OF: Readonly<Record<CaseStatus, PublicStage>> = {
  reported: 'received',
  filed: 'received',
  dispatched: 'handling',
  returned: 'handling',
  in_progress: 'handling',
  feedback: 'handling',
  parked: 'handling',
  self_handled: 'handling',
  closed: 'done',
  voided: 'voided',
};

/** Days after closing in which "not fixed" reopens the case (counted as rework). */
export const REOPEN_WINDOW_DAYS = 7;

export const publicConfigSchema = z.object({
  cityName: z.string().nullable(),
  center: z.tuple([z.number(), z.number()]).nullable(),
  /** The city's extent: a pin outside it is refused. */
  bounds: z
    .object({ minLng: z.number(), minLat: z.number(), maxLng: z.number(), maxLat: z.number() })
    .nullable(),
  /** Categories a citizen may pick (小类), with their 大类 for grouping. */
  categories: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      group: z.string(),
      kind: z.enum(CATEGORY_KINDS),
    }),
  ),
  limits: z.object({ photoMaxBytes: z.number().int(), maxPhotos: z.number().int() }),
  /** The intranet tile server, if the city has one (nothing is fetched from the internet). */
  tileUrl: z.string().nullable(),
  tileAttribution: z.string().nullable(),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;

export const publicPhotoSchema = z.object({
  id: z.uuid(),
  /** Proves the uploader: the report must carry it with the id. */
  token: z.string(),
  thumbUrl: z.string(),
});
export type PublicPhoto = z.infer<typeof publicPhotoSchema>;

export const MAX_PUBLIC_PHOTOS = 6;

export const publicReportSchema = z.strictObject({
  categoryId: z.uuid({ message: '请选择问题类型' }),
  description: z.string().trim().min(2, '请简要描述问题（至少 2 个字）').max(500),
  lng: z.number({ message: '请定位或在地图上选择问题位置' }).min(-180).max(180),
  lat: z.number({ message: '请定位或在地图上选择问题位置' }).min(-90).max(90),
  address: z.string().trim().max(200).optional(),
  phone: z.string().trim().regex(PHONE_PATTERN, '手机号码格式不正确').optional(),
  name: z.string().trim().max(32).optional(),
  photos: z
    .array(z.object({ id: z.uuid(), token: z.string().min(8).max(64) }))
    .min(1, '请至少拍摄或上传一张照片')
    .max(MAX_PUBLIC_PHOTOS),
  /** Client-generated: a resent report (weak network) is created once. */
  idempotencyKey: z.string().min(8).max(64).optional(),
});
export type PublicReport = z.infer<typeof publicReportSchema>;

export const publicReceiptSchema = z.object({
  trackingCode: z.string(),
  number: z.string(),
  createdAt: z.string(),
});
export type PublicReceipt = z.infer<typeof publicReceiptSchema>;

export const trackingCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6,16}$/, '查询码为 6–16 位字母或数字');

export const publicCaseSchema = z.object({
  trackingCode: z.string(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  stage: z.enum(PUBLIC_STAGES),
  stageLabel: z.string(),
  category: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  /** Null while the report (an address only) awaits placing (待定位). */
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  /** The unit handling it (units are public bodies; no person's name is shown). */
  unitName: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), label: z.string(), note: z.string().nullable() })),
  beforePhotos: z.array(z.object({ id: z.uuid(), url: z.string() })),
  afterPhotos: z.array(z.object({ id: z.uuid(), url: z.string() })),
  /** Closed and not yet rated. */
  canRate: z.boolean(),
  /** Until when "not fixed" reopens it. */
  reopenUntil: z.string().nullable(),
  rating: z
    .object({ resolved: z.boolean(), score: z.number().int().nullable(), comment: z.string().nullable() })
    .nullable(),
});
export type PublicCase = z.infer<typeof publicCaseSchema>;

export const publicRatingSchema = z.strictObject({
  resolved: z.boolean({ message: '请选择问题是否已解决' }),
  score: z.number().int().min(1, '请打 1–5 分').max(5, '请打 1–5 分'),
  comment: z.string().trim().max(300).optional(),
});
export type PublicRating = z.infer<typeof publicRatingSchema>;

/**
 * What the public may read of a case's events, in plain words: to the reporter (the portal, second
 * person) or to anyone (Open311, third person). Events not listed — comments, lights, requests,
 * accountability — are internal and never shown. `{unit}` is the unit the event names.
 */
const PUBLIC_EVENT_TEXT: Record<string, { reporter: string; public: string }> = {
  report: { reporter: '已受理您的反映', public: '已受理市民反映' },
  file: { reporter: '已立案', public: '已立案' },
  void: { reporter: '经核实不予立案', public: '经核实不予立案' },
  dispatch: { reporter: '已派遣至 {unit}', public: '已派遣至 {unit}' },
  accept: { reporter: '责任单位已签收，正在处理', public: '责任单位已签收，正在处理' },
  submit_feedback: { reporter: '责任单位已整改，等待核查', public: '责任单位已整改，等待核查' },
  verify_fail: { reporter: '核查未通过，责任单位重新整改', public: '核查未通过，责任单位重新整改' },
  verify_pass: { reporter: '核查通过，已办结', public: '核查通过，已办结' },
  confirm_self_handled: { reporter: '已现场处置，办结', public: '已现场处置，办结' },
  approve_extension: { reporter: '经批准延期办理', public: '经批准延期办理' },
  approve_park: { reporter: '暂缓办理（已挂账）', public: '暂缓办理（已挂账）' },
  restore: { reporter: '恢复办理', public: '恢复办理' },
  supervise: { reporter: '已督办', public: '已督办' },
  supervise_listed: { reporter: '已挂牌督办', public: '已挂牌督办' },
  reopen: { reporter: '您反馈问题未解决，已重新交办整改', public: '市民反馈问题未解决，已重新交办整改' },
  rating: { reporter: '您已评价', public: '市民已评价' },
};

/** The public wording of an event, or null when the event is internal. */
export function publicEventText(
  type: string,
  unitName: string | null,
  audience: 'reporter' | 'public',
): string | null {
  const text = PUBLIC_EVENT_TEXT[type]?.[audience];
  if (!text) return null;
  return text.replace('{unit}', unitName ?? '责任单位');
}
