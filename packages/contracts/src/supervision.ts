import { z } from 'zod';
import { dateStringSchema, pageOf, pageQuerySchema } from './common';

/** 督办单 states: 已下发 → 已签收 → 已回复 → 已办结. */
export const SUPERVISION_ORDER_STATES = ['issued', 'signed', 'replied', 'closed'] as const;
export type SupervisionOrderState = (typeof SUPERVISION_ORDER_STATES)[number];
export const SUPERVISION_ORDER_STATE_LABELS: Record<SupervisionOrderState, { zh: string; en: string }> = {
  issued: { zh: '已下发', en: 'Issued' },
  signed: { zh: '已签收', en: 'Signed' },
  replied: { zh: '已回复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Closed' },
};

/** What one line of a 督办单 refers to: cases today; work items and inspection findings later. */
export const SUPERVISION_LINE_KINDS = ['case', 'work_item', 'finding'] as const;
export type SupervisionLineKind = (typeof SUPERVISION_LINE_KINDS)[number];
export const SUPERVISION_LINE_KIND_LABELS: Record<SupervisionLineKind, { zh: string; en: string }> = {
  case: { zh: '案卷', en: 'Case' },
  work_item: { zh: '工作任务', en: 'Work item' },
  finding: { zh: '督查问题', en: 'Inspection finding' },
};

export const SUPERVISION_STEP_LABELS: Record<string, { zh: string; en: string }> = {
  issue: { zh: '下发', en: 'Issued' },
  sign: { zh: '签收', en: 'Signed' },
  reply: { zh: '回复', en: 'Replied' },
  close: { zh: '办结', en: 'Closed' },
  escalate: { zh: '逾期升级挂牌督办', en: 'Escalated' },
};

const iso = z.iso.datetime({ offset: true });

/** One problem of a frozen 督办单, as it stood at issue. */
export const supervisionLineSchema = z.object({
  kind: z.enum(SUPERVISION_LINE_KINDS),
  refId: z.string(),
  /** 案卷编号 (or the work item's / finding's number). */
  refNumber: z.string(),
  /** 问题类别 (code and name). */
  title: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  gridName: z.string().nullable(),
  coUnitNames: z.array(z.string()),
  reportedAt: z.string().nullable(),
  /** 原定期限: the unit's disposal deadline at issue (may already have passed). */
  originalDeadline: z.string().nullable(),
  photos: z.array(z.object({ fileId: z.string(), caption: z.string() })),
});
export type SupervisionLine = z.infer<typeof supervisionLineSchema>;

/** The frozen content of an issued 督办单: every print is rendered from it, never from the live case. */
export const supervisionContentSchema = z.object({
  version: z.literal(1),
  /** Rebuilt when the register was introduced, from what the case held then. */
  migrated: z.boolean().optional(),
  cityName: z.string(),
  officeName: z.string(),
  number: z.string(),
  level: z.union([z.literal(1), z.literal(2)]),
  automatic: z.boolean(),
  unitName: z.string(),
  lines: z.array(supervisionLineSchema),
  /** 限期: the order's own deadline. */
  deadline: z.string().nullable(),
  requirements: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  utcOffsetMinutes: z.number().int(),
});
export type SupervisionContent = z.infer<typeof supervisionContentSchema>;

export const supervisionStepSchema = z.object({
  at: z.string(),
  action: z.enum(['issue', 'sign', 'reply', 'close', 'escalate']),
  byName: z.string(),
  note: z.string().optional(),
});

export const supervisionOrderSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  level: z.number().int(),
  state: z.enum(SUPERVISION_ORDER_STATES),
  automatic: z.boolean(),
  migrated: z.boolean(),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lineCount: z.number().int(),
  firstLine: z.string().nullable(),
  deadline: z.string().nullable(),
  /** 限期 passed while not yet answered (已下发/已签收). */
  overdue: z.boolean(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  signedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type SupervisionOrderSummary = z.infer<typeof supervisionOrderSummarySchema>;
export const supervisionOrderPageSchema = pageOf(supervisionOrderSummarySchema);

export const supervisionOrderDetailSchema = supervisionOrderSummarySchema.extend({
  content: supervisionContentSchema,
  /** The lines' live references (a case the reader may open). */
  lines: z.array(z.object({ kind: z.enum(SUPERVISION_LINE_KINDS), refId: z.uuid() })),
  signedBy: z.string().nullable(),
  reply: z.object({ text: z.string(), photoIds: z.array(z.uuid()), at: z.string().nullable() }).nullable(),
  escalatedToId: z.uuid().nullable(),
  escalatedFrom: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  history: z.array(supervisionStepSchema),
  /** What the reader may do now: the web renders only these. */
  allowed: z.array(z.enum(['sign', 'reply', 'close'])),
});
export type SupervisionOrderDetail = z.infer<typeof supervisionOrderDetailSchema>;

export const supervisionListQuerySchema = pageQuerySchema.extend({
  state: z.enum(SUPERVISION_ORDER_STATES).optional(),
  unitId: z.uuid().optional(),
  level: z.enum(['1', '2']).optional(),
  /** Issued on or after / on or before (city calendar days). */
  from: dateStringSchema.optional(),
  to: dateStringSchema.optional(),
  /** Only orders whose 限期 has passed unanswered. */
  overdue: z.enum(['true', 'false']).optional(),
  caseId: z.uuid().optional(),
});
export type SupervisionListQuery = z.infer<typeof supervisionListQuerySchema>;

/** Issue one 督办单 for one or several open cases of one unit. */
export const issueSupervisionSchema = z.strictObject({
  caseIds: z.array(z.uuid()).min(1).max(50),
  level: z.union([z.literal(1), z.literal(2)]),
  /** 限期: any future time (ISO datetime). */
  deadline: iso,
  requirements: z.string().trim().min(1).max(2000),
});
export type IssueSupervision = z.infer<typeof issueSupervisionSchema>;

export const supervisionReplySchema = z.strictObject({
  text: z.string().trim().min(1).max(4000),
  photoIds: z.array(z.uuid()).max(9).default([]),
});
export const supervisionCloseSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });

/** The default 限期 the issuing form proposes (configured working days from now, city calendar). */
export const supervisionDefaultsSchema = z.object({
  deadline: z.string(),
  workdays: z.number().int(),
});
