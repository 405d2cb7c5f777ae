import { z } from 'zod';
import { CASE_STATUSES } from './cases';
import { CATEGORY_KINDS } from './catalog';
import { dateStringSchema, latSchema, lngSchema, pageQuerySchema } from './common';
import type { Label, Labels } from './labels';

// Links between cases (issue 4 §5–6): duplicate suggestions and merging (并案), relapse (反弹),
// recurring places (热点问题) and 回头看 re-inspections of closed cases.

const refName = z.object({ id: z.uuid(), name: z.string() });
const caseRef = z.object({ id: z.uuid(), number: z.string() });

// ---- duplicates and merging -------------------------------------------------------------------

/** The category by id (the console's picker) or by kind + code (any client that knows the code). */
export const duplicateQuerySchema = z
  .object({
    categoryId: z.uuid().optional(),
    categoryCode: z.string().trim().min(1).max(32).optional(),
    categoryKind: z.enum(CATEGORY_KINDS).optional(),
    lng: lngSchema,
    lat: latSchema,
    /** Leave this case out (looking for duplicates of an existing case). */
    excludeId: z.uuid().optional(),
  })
  .refine((q) => q.categoryId || q.categoryCode, {
    message: '请提供问题类别（categoryId 或 categoryCode）',
    path: ['categoryId'],
  });
export type DuplicateQuery = z.infer<typeof duplicateQuerySchema>;

export const duplicateSuggestionSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  categoryName: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  /** Metres from the point asked about, rounded. */
  distanceM: z.number(),
  createdAt: z.string(),
});
export type DuplicateSuggestion = z.infer<typeof duplicateSuggestionSchema>;

export const duplicatesSchema = z.object({
  /** The rule in force (DUPLICATE_RADIUS_M, DUPLICATE_HOURS), for the sentence the page shows. */
  radiusM: z.number(),
  hours: z.number(),
  items: z.array(duplicateSuggestionSchema),
});
export type Duplicates = z.infer<typeof duplicatesSchema>;

export const mergeCaseSchema = z.strictObject({
  /** The case this one duplicates; if that case is itself merged, its parent is used (no chains). */
  parentId: z.uuid(),
  note: z.string().trim().max(500).optional(),
});
export type MergeCase = z.infer<typeof mergeCaseSchema>;

export const splitCaseSchema = z.strictObject({ note: z.string().trim().max(500).optional() });
export type SplitCase = z.infer<typeof splitCaseSchema>;

export const mergeResultSchema = z.object({ child: caseRef, parent: caseRef });
export type MergeResult = z.infer<typeof mergeResultSchema>;

export const splitResultSchema = z.object({
  /** The open case that carries the problem on: the child itself, or the case registered for it. */
  case: caseRef,
  /** The merged child was voided, so its problem was registered again as a new case. */
  reRegistered: z.boolean(),
});
export type SplitResult = z.infer<typeof splitResultSchema>;

/** A case merged into another (the parent lists them). */
export const caseChildSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  source: z.string(),
  categoryName: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  reporterName: z.string().nullable(),
  createdAt: z.string(),
});
export type CaseChild = z.infer<typeof caseChildSchema>;

// ---- hotspots (热点问题) ------------------------------------------------------------------------

export const hotspotQuerySchema = z.object({
  /** City days of the cases' reporting; default the last 90 days. */
  from: dateStringSchema.optional(),
  to: dateStringSchema.optional(),
  /** A category code or the code of a class above it (codes extend their parent's). */
  categoryCode: z.string().trim().min(1).max(32).optional(),
  categoryKind: z.enum(CATEGORY_KINDS).optional(),
  /** Places with at least this many cases. */
  minCount: z.coerce.number().int().min(1).max(1000).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type HotspotQuery = z.infer<typeof hotspotQuerySchema>;

export const hotspotSchema = z.object({
  rank: z.number().int(),
  categoryKind: z.enum(CATEGORY_KINDS),
  categoryCode: z.string(),
  categoryName: z.string(),
  /** The centre of the place's cases. */
  lng: z.number(),
  lat: z.number(),
  count: z.number().int(),
  /** Cases flagged 反弹 (the same problem back after closing). */
  relapseCount: z.number().int(),
  openCount: z.number().int(),
  latest: caseRef.extend({ address: z.string().nullable(), createdAt: z.string() }),
  grid: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  leadUnit: refName.nullable(),
  caseIds: z.array(z.uuid()),
});
export type Hotspot = z.infer<typeof hotspotSchema>;

export const hotspotsSchema = z.object({
  /** Size of the cells places are grouped by, in metres. */
  cellM: z.number(),
  from: z.string(),
  to: z.string(),
  items: z.array(hotspotSchema),
});
export type Hotspots = z.infer<typeof hotspotsSchema>;

// ---- 回头看 ------------------------------------------------------------------------------------

export const REVISIT_STATUSES = ['pending', 'ok', 'relapsed'] as const;
export type RevisitStatus = (typeof REVISIT_STATUSES)[number];
export const REVISIT_STATUS_LABELS: Labels<RevisitStatus> = {
  pending: { zh: '待回访', en: 'Pending' },
  ok: { zh: '未反弹', en: 'Still fixed' },
  relapsed: { zh: '已反弹', en: 'Relapsed' },
};

export const createRevisitsSchema = z.strictObject({
  /** Cases closed on these city days (inclusive). */
  from: dateStringSchema,
  to: dateStringSchema,
  percent: z
    .number()
    .int()
    .min(1, '抽取比例须在 1 到 100 之间')
    .max(100, '抽取比例须在 1 到 100 之间')
    .default(10),
  categoryCode: z.string().trim().min(1).max(32).optional(),
  /** Default: seven days from today. */
  dueDate: dateStringSchema.optional(),
});
export type CreateRevisits = z.infer<typeof createRevisitsSchema>;

export const revisitSchema = z.object({
  id: z.uuid(),
  batchId: z.uuid(),
  status: z.enum(REVISIT_STATUSES),
  dueDate: z.string().nullable(),
  note: z.string().nullable(),
  case: caseRef.extend({
    categoryName: z.string(),
    description: z.string(),
    address: z.string().nullable(),
    gridName: z.string().nullable(),
    leadUnit: refName.nullable(),
    closedAt: z.string().nullable(),
    /** Null while the case awaits placing (待定位). */
    lng: z.number().nullable(),
    lat: z.number().nullable(),
  }),
  /** The case opened when the problem was found back. */
  relapseCase: caseRef.nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  doneByName: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type Revisit = z.infer<typeof revisitSchema>;

export const revisitBatchSchema = z.object({
  batchId: z.uuid(),
  createdAt: z.string(),
  createdByName: z.string(),
  dueDate: z.string().nullable(),
  total: z.number().int(),
  pending: z.number().int(),
  ok: z.number().int(),
  relapsed: z.number().int(),
  /** The closing dates of the sampled cases. */
  closedFrom: z.string().nullable(),
  closedTo: z.string().nullable(),
});
export type RevisitBatch = z.infer<typeof revisitBatchSchema>;

export const createRevisitsResultSchema = z.object({
  batchId: z.uuid(),
  /** Cases closed in the period (what was sampled from) and how many were drawn. */
  candidates: z.number().int(),
  sampled: z.number().int(),
  items: z.array(revisitSchema),
});
export type CreateRevisitsResult = z.infer<typeof createRevisitsResultSchema>;

export const revisitListQuerySchema = pageQuerySchema.extend({
  batchId: z.uuid().optional(),
  status: z.enum(REVISIT_STATUSES).optional(),
});
export type RevisitListQuery = z.infer<typeof revisitListQuerySchema>;

export const revisitResultSchema = z
  .strictObject({
    ok: z.boolean(),
    note: z.string().trim().max(2000).optional(),
    photoIds: z.array(z.uuid()).max(9).default([]),
  })
  .refine((r) => r.ok || (r.note ?? '').length >= 2, {
    message: '发现反弹时请描述现场情况',
    path: ['note'],
  });
export type RevisitResultInput = z.infer<typeof revisitResultSchema>;

// ---- page texts -------------------------------------------------------------------------------

/** The console's words for these pages (labels live in contracts, not in components). */
export const CASE_LINK_TEXT = {
  duplicatesFound: {
    zh: '附近 {radius} 米内 {hours} 小时内已有 {n} 件同类案件：',
    en: '{n} open case(s) of this category within {radius} m in the last {hours} h:',
  },
  duplicatesHint: {
    zh: '如为同一问题，请勿重复登记；已登记的重复案件可由创建办并案。',
    en: 'If it is the same problem, do not register it again; the office can merge duplicates.',
  },
  metres: { zh: '{m} 米', en: '{m} m' },
  hotspotRank: { zh: '排名', en: 'Rank' },
  hotspotCategory: { zh: '问题类别', en: 'Category' },
  hotspotCount: { zh: '案件数', en: 'Cases' },
  hotspotRelapses: { zh: '反弹数', en: 'Relapses' },
  hotspotOpen: { zh: '未结案', en: 'Open' },
  hotspotLatest: { zh: '最近一件', en: 'Latest case' },
  hotspotAddress: { zh: '地址', en: 'Address' },
  hotspotGrid: { zh: '网格', en: 'Grid' },
  hotspotUnit: { zh: '责任单位', en: 'Responsible unit' },
  hotspotPeriod: { zh: '上报时间', en: 'Reported' },
  hotspotCell: {
    zh: '同一类别、约 {m} 米范围内的案件归为一处，按案件数和反弹数排序',
    en: 'Cases of one category within about {m} m form a place, ranked by cases and relapses',
  },
  hotspotMinCount: { zh: '至少案件数', en: 'At least' },
  categoryCode: { zh: '类别编码', en: 'Category code' },
  revisitNew: { zh: '抽取回头看', en: 'Draw re-inspections' },
  revisitPeriod: { zh: '结案时间', en: 'Closed' },
  revisitPercent: { zh: '抽取比例（%）', en: 'Sample (%)' },
  revisitDue: { zh: '完成期限', en: 'Due' },
  revisitBatches: { zh: '回头看批次', en: 'Batches' },
  revisitBatch: { zh: '批次', en: 'Batch' },
  revisitCreatedAt: { zh: '抽取时间', en: 'Drawn' },
  revisitCreatedBy: { zh: '抽取人', en: 'By' },
  revisitTotal: { zh: '抽取数', en: 'Cases' },
  revisitProgress: { zh: '进度', en: 'Progress' },
  revisitCase: { zh: '案件', en: 'Case' },
  revisitStatus: { zh: '结果', en: 'Result' },
  revisitNote: { zh: '回访说明', en: 'Note' },
  revisitOk: { zh: '未反弹', en: 'Still fixed' },
  revisitRelapsed: { zh: '已反弹', en: 'Relapsed' },
  revisitRelapseCase: { zh: '新立案件', en: 'New case' },
  revisitDoneBy: { zh: '回访人', en: 'Checked by' },
  revisitDrawn: {
    zh: '已从 {candidates} 件已结案件中抽取 {n} 件',
    en: 'Drew {n} of {candidates} closed cases',
  },
  revisitRelapseNote: {
    zh: '请描述现场情况，将据此重新登记案件',
    en: 'Describe what you found; a new case is registered from it',
  },
  revisitOkNote: { zh: '可填写回访情况（选填）', en: 'Optional note' },
  revisitPhotos: { zh: '现场照片', en: 'Photos' },
  revisitEmpty: { zh: '请选择一个批次', en: 'Choose a batch' },
} as const satisfies Record<string, Label>;
export type CaseLinkTextKey = keyof typeof CASE_LINK_TEXT;
