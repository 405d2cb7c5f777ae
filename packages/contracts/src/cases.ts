import { z } from 'zod';
import { accountabilityDetailsSchema } from './accountability';
import { CATEGORY_KINDS, LIGHTS, OWNERS, SEVERITIES, timeLimitSchema } from './catalog';
import { dateStringSchema, pageQuerySchema } from './common';
import type { Labels } from './labels';

// ---- the case lifecycle (案卷流程) ----------------------------------------------------------------

/** Every status a case can be in. The transitions live in packages/domain/src/cases/workflow.ts. */
export const CASE_STATUSES = [
  'reported',
  'filed',
  'dispatched',
  'returned',
  'in_progress',
  'feedback',
  'parked',
  'self_handled',
  'closed',
  'voided',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Labels<CaseStatus> = {
  reported: { zh: '待立案', en: 'Reported' },
  filed: { zh: '待派遣', en: 'Filed' },
  dispatched: { zh: '待签收', en: 'Dispatched' },
  returned: { zh: '已回退', en: 'Returned' },
  in_progress: { zh: '处置中', en: 'In progress' },
  feedback: { zh: '待核查', en: 'Awaiting verification' },
  parked: { zh: '已挂账', en: 'Parked' },
  self_handled: { zh: '自处理待确认', en: 'Self-handled, to confirm' },
  closed: { zh: '已结案', en: 'Closed' },
  voided: { zh: '已作废', en: 'Voided' },
};
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [
  'reported',
  'filed',
  'dispatched',
  'returned',
  'in_progress',
  'feedback',
  'self_handled',
];

export const CASE_ACTIONS = [
  'verify_report',
  'file',
  'void',
  'dispatch',
  'accept',
  'return',
  'submit_feedback',
  'verify_pass',
  'verify_fail',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'request_park',
  'approve_park',
  'deny_park',
  'restore',
  'confirm_self_handled',
  'reject_self_handled',
  'supervise',
  'supervise_listed',
  'record_accountability',
  'comment',
  'reopen',
  'claim',
  'approve_claim',
  'deny_claim',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const CASE_ACTION_LABELS: Labels<CaseAction> = {
  verify_report: { zh: '核实', en: 'Confirm report' },
  file: { zh: '立案', en: 'File' },
  void: { zh: '作废', en: 'Void' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  accept: { zh: '签收', en: 'Accept' },
  return: { zh: '回退', en: 'Return' },
  submit_feedback: { zh: '处置反馈', en: 'Submit rectification' },
  verify_pass: { zh: '核查通过（结案）', en: 'Verify and close' },
  verify_fail: { zh: '核查不通过（返工）', en: 'Fail verification (rework)' },
  request_extension: { zh: '申请延期', en: 'Request extension' },
  approve_extension: { zh: '批准延期', en: 'Approve extension' },
  deny_extension: { zh: '驳回延期', en: 'Deny extension' },
  request_park: { zh: '申请挂账', en: 'Request parking' },
  approve_park: { zh: '批准挂账', en: 'Approve parking' },
  deny_park: { zh: '驳回挂账', en: 'Deny parking' },
  restore: { zh: '挂账恢复', en: 'Restore' },
  confirm_self_handled: { zh: '确认自处理', en: 'Confirm self-handling' },
  reject_self_handled: { zh: '驳回自处理', en: 'Reject self-handling' },
  supervise: { zh: '督办', en: 'Supervise' },
  supervise_listed: { zh: '挂牌督办', en: 'Listed supervision' },
  record_accountability: { zh: '问责', en: 'Hold accountable' },
  comment: { zh: '备注', en: 'Comment' },
  reopen: { zh: '市民反馈未解决（返工）', en: 'Reopened by the reporter' },
  claim: { zh: '主动认领', en: 'Claim' },
  approve_claim: { zh: '同意认领（派遣）', en: 'Approve claim (dispatch)' },
  deny_claim: { zh: '驳回认领', en: 'Refuse claim' },
};

/** Events the system writes on its own (not user actions). */
export const SYSTEM_EVENTS = [
  'report',
  'overdue',
  'auto_supervise',
  'light',
  'rating',
  'deadline_recomputed',
] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];
export const SYSTEM_EVENT_LABELS: Labels<SystemEvent> = {
  report: { zh: '上报', en: 'Reported' },
  overdue: { zh: '超期', en: 'Overdue' },
  auto_supervise: { zh: '超期自动督办', en: 'Automatic supervision' },
  light: { zh: '亮灯变化', en: 'Light changed' },
  rating: { zh: '市民评价', en: 'Rated by the reporter' },
  deadline_recomputed: { zh: '重算期限', en: 'Deadline recomputed' },
};
export type CaseEventType = CaseAction | SystemEvent;

export const CASE_SOURCES = [
  'inspector',
  'grid_worker',
  'citizen',
  'hotline',
  'media',
  'upper',
  'leader',
  'video',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Labels<CaseSource> = {
  inspector: { zh: '督查巡查', en: 'Inspector' },
  grid_worker: { zh: '网格员上报', en: 'Grid worker' },
  citizen: { zh: '市民随手拍', en: 'Citizen' },
  hotline: { zh: '热线', en: 'Hotline' },
  media: { zh: '媒体曝光', en: 'Media' },
  upper: { zh: '上级交办', en: 'Upper level' },
  leader: { zh: '领导交办', en: 'Leader' },
  video: { zh: '视频监控', en: 'Video' },
};

/** Priority of a case: each source has a default (上级交办 and media urgent, hotline high …). */
export const CASE_PRIORITIES = ['urgent', 'high', 'normal'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export const CASE_PRIORITY_LABELS: Labels<CasePriority> = {
  urgent: { zh: '紧急', en: 'Urgent' },
  high: { zh: '优先', en: 'High' },
  normal: { zh: '一般', en: 'Normal' },
};
export const SOURCE_DEFAULT_PRIORITY: Readonly<Record<CaseSource, CasePriority>> = {
  inspector: 'normal',
  grid_worker: 'normal',
  citizen: 'normal',
  hotline: 'high',
  media: 'urgent',
  upper: 'urgent',
  leader: 'high',
  video: 'normal',
};

export const SUPERVISION_LEVELS = [0, 1, 2] as const;
export const SUPERVISION_LEVEL_LABELS: Record<number, { zh: string; en: string }> = {
  0: { zh: '无', en: 'None' },
  1: { zh: '督办', en: 'Supervised' },
  2: { zh: '挂牌督办', en: 'Listed supervision' },
};

export const CASE_STAGES = ['dispatch', 'accept', 'dispose', 'verify', 'none'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export const CASE_STAGE_LABELS: Labels<CaseStage> = {
  dispatch: { zh: '派遣', en: 'Dispatch' },
  accept: { zh: '签收', en: 'Accept' },
  dispose: { zh: '处置', en: 'Disposal' },
  verify: { zh: '核查', en: 'Verification' },
  none: { zh: '—', en: '—' },
};

// ---- read models -------------------------------------------------------------------------------

const refName = z.object({ id: z.uuid(), name: z.string() });
const refCode = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

/** Why the case went where it went. */
export const routeExplanationSchema = z.object({
  kind: z.enum(['rule', 'category', 'grid', 'region', 'manual']),
  ruleId: z.uuid().nullable(),
  rulePriority: z.number().int().nullable(),
  text: z.string(),
});
export type RouteExplanation = z.infer<typeof routeExplanationSchema>;

export const PENDING_REQUEST_KINDS = ['extension', 'park', 'claim'] as const;
export const PENDING_REQUEST_LABELS: Labels<(typeof PENDING_REQUEST_KINDS)[number]> = {
  extension: { zh: '延期申请', en: 'Extension request' },
  park: { zh: '挂账申请', en: 'Parking request' },
  claim: { zh: '认领申请', en: 'Claim' },
};
export const pendingRequestSchema = z.object({
  kind: z.enum(PENDING_REQUEST_KINDS),
  reason: z.string(),
  requestedDeadline: z.string().nullable(),
  byUserId: z.uuid(),
  byName: z.string(),
  at: z.string(),
  /** 主动认领: the claiming unit (the case is dispatched to it when the office approves). */
  unitId: z.uuid().nullable().optional(),
  unitName: z.string().nullable().optional(),
});
export type PendingRequest = z.infer<typeof pendingRequestSchema>;

/** Evidence flags on a photo (疑似不实): shown to the verifier, never blocking. */
export const PHOTO_FLAG_CODES = ['TAKEN_BEFORE_DISPATCH', 'TOO_FAR', 'REUSED_PHOTO'] as const;
export type PhotoFlagCode = (typeof PHOTO_FLAG_CODES)[number];
/** The family every photo flag belongs to: a tag reads "疑似不实：拍摄位置偏离". */
export const PHOTO_FLAG_FAMILY_LABEL = { zh: '疑似不实', en: 'Doubtful' };
export const PHOTO_FLAG_LABELS: Labels<PhotoFlagCode> = {
  TAKEN_BEFORE_DISPATCH: { zh: '拍摄时间早于派遣', en: 'Taken before dispatch' },
  TOO_FAR: { zh: '拍摄位置偏离', en: 'Taken away from the case' },
  REUSED_PHOTO: { zh: '疑似重复使用', en: 'Possibly reused' },
};

export const photoFlagSchema = z.object({
  code: z.enum(PHOTO_FLAG_CODES),
  label: z.string(),
  detail: z.string(),
});
export type PhotoFlag = z.infer<typeof photoFlagSchema>;

export const photoSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['before', 'after', 'other']),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  uploadedAt: z.string(),
  /** EXIF DateTimeOriginal, when the file carries it. */
  takenAt: z.string().nullable(),
  /** When the page recorded the shot (browsers strip EXIF from uploads). */
  capturedAt: z.string().nullable(),
  /** A position is known (EXIF GPS or the page's); the coordinates stay on the server. */
  hasLocation: z.boolean(),
  flags: z.array(photoFlagSchema),
});
export type Photo = z.infer<typeof photoSchema>;

export const caseSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  source: z.enum(CASE_SOURCES),
  priority: z.enum(CASE_PRIORITIES),
  category: z.object({
    id: z.uuid().nullable(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(CATEGORY_KINDS),
  }),
  description: z.string(),
  address: z.string().nullable(),
  /** Null while a report that came with an address only awaits placing (待定位). */
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  grid: refCode.nullable(),
  community: refName.nullable(),
  street: refName.nullable(),
  district: refName.nullable(),
  block: refName.nullable(),
  outOfGrid: z.boolean(),
  leadUnit: refName.nullable(),
  stage: z.enum(CASE_STAGES),
  stageDeadline: z.string().nullable(),
  disposeDeadline: z.string().nullable(),
  /** A deadline in force was computed across a year without holiday data (weekends only): 期限暂估. */
  deadlineEstimated: z.boolean(),
  light: z.enum(LIGHTS).nullable(),
  supervisionLevel: z.number().int(),
  reworkCount: z.number().int(),
  returnCount: z.number().int(),
  pendingRequest: z.enum(PENDING_REQUEST_KINDS).nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseEventSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  label: z.string(),
  fromStatus: z.enum(CASE_STATUSES).nullable(),
  toStatus: z.enum(CASE_STATUSES).nullable(),
  actorName: z.string(),
  actorRole: z.string().nullable(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
  photoIds: z.array(z.uuid()),
  at: z.string(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const allowedActionSchema = z.object({
  action: z.enum(CASE_ACTIONS),
  label: z.string(),
  /** The inputs this action asks for; the web renders exactly these. */
  needs: z.object({
    reason: z.boolean(),
    note: z.boolean(),
    afterPhotos: z.boolean(),
    unit: z.boolean(),
    deadline: z.boolean(),
    category: z.boolean(),
  }),
});
export type AllowedAction = z.infer<typeof allowedActionSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  version: z.number().int(),
  owner: z.enum(OWNERS),
  severity: z.enum(SEVERITIES),
  condition: z.object({ id: z.uuid().nullable(), text: z.string(), closingCondition: z.string() }).nullable(),
  timeLimit: timeLimitSchema.nullable(),
  coUnits: z.array(refName),
  route: routeExplanationSchema.nullable(),
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  trackingCode: z.string().nullable(),
  mediaRef: z.string().nullable(),
  parentCaseId: z.uuid().nullable(),
  relapseOfCaseId: z.uuid().nullable(),
  rating: z
    .object({
      resolved: z.boolean(),
      score: z.number().int().nullable(),
      comment: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  stageStartedAt: z.string().nullable(),
  elapsedFraction: z.number().nullable(),
  pending: pendingRequestSchema.nullable(),
  photos: z.array(photoSchema),
  events: z.array(caseEventSchema),
  allowedActions: z.array(allowedActionSchema),
  supervisionOrders: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      level: z.number().int(),
      issuedAt: z.string(),
      state: z.string(),
      deadline: z.string().nullable(),
    }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

// ---- writes ------------------------------------------------------------------------------------

export const createCaseSchema = z.strictObject({
  source: z.enum(CASE_SOURCES),
  /** Default: the source's (SOURCE_DEFAULT_PRIORITY). */
  priority: z.enum(CASE_PRIORITIES).optional(),
  /** Media exposure: the article link or video reference (代录). */
  mediaRef: z.string().trim().max(500).optional(),
  categoryId: z.uuid(),
  conditionId: z.uuid().optional(),
  description: z.string().trim().min(2).max(2000),
  address: z.string().trim().max(200).optional(),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  owner: z.enum(OWNERS).default('public'),
  reporterName: z.string().trim().max(64).optional(),
  reporterPhone: z
    .string()
    .trim()
    .regex(/^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/, '电话号码格式不正确')
    .optional(),
  photoIds: z.array(z.uuid()).max(9).default([]),
  /** 自处理: a grid worker fixed it on the spot; after-photos required. */
  selfHandled: z.boolean().default(false),
  afterPhotoIds: z.array(z.uuid()).max(9).default([]),
  /** File and dispatch at once (office intake). */
  fileNow: z.boolean().default(false),
  /** Client-generated key so a retried submission creates the case once. */
  idempotencyKey: z.string().min(8).max(64).optional(),
});
export type CreateCase = z.infer<typeof createCaseSchema>;

export const transitionSchema = z.strictObject({
  action: z.enum(CASE_ACTIONS),
  /** The version the user saw; a different current version answers 409 CASE_CHANGED. */
  expectedVersion: z.number().int().optional(),
  note: z.string().trim().max(2000).optional(),
  reason: z.string().trim().max(2000).optional(),
  photoIds: z.array(z.uuid()).max(9).default([]),
  unitId: z.uuid().optional(),
  coUnitIds: z.array(z.uuid()).max(20).optional(),
  /** For 延期: the new deadline asked for / granted (ISO datetime). */
  deadline: z.iso.datetime({ offset: true }).optional(),
  categoryId: z.uuid().optional(),
  conditionId: z.uuid().optional(),
  /** For 问责: the register's 情形, 方式, person, date and linked 督办单 (left out: 未分类). */
  accountability: accountabilityDetailsSchema.optional(),
});
export type TransitionRequest = z.infer<typeof transitionSchema>;

export const caseListQuerySchema = pageQuerySchema.extend({
  status: z
    .union([z.enum(CASE_STATUSES), z.array(z.enum(CASE_STATUSES))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  light: z.enum(LIGHTS).optional(),
  unitId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  blockId: z.uuid().optional(),
  gridId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  source: z.enum(CASE_SOURCES).optional(),
  supervised: z.enum(['true', 'false']).optional(),
  from: dateStringSchema.optional(),
  to: dateStringSchema.optional(),
  /** Preset queues: the unit inbox, the verification queue, the dispatch board. */
  queue: z
    .enum([
      'to_accept',
      'to_dispose',
      'overdue',
      'to_verify',
      'to_file',
      'to_dispatch',
      'requests',
      'claims',
      'claimable',
    ])
    .optional(),
  sort: z.enum(['createdAt', '-createdAt', 'stageDeadline', '-stageDeadline']).default('-createdAt'),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseMapQuerySchema = caseListQuerySchema.omit({ page: true, pageSize: true, sort: true });
export const caseMapPointSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  light: z.enum(LIGHTS).nullable(),
  lng: z.number(),
  lat: z.number(),
  categoryName: z.string(),
});
export const caseMapSchema = z.object({
  points: z.array(caseMapPointSchema),
  truncated: z.boolean(),
});

// ---- saved views -------------------------------------------------------------------------------

export const savedViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const createSavedViewSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  query: z.record(z.string(), z.unknown()),
});

// ---- KPIs (绩效指标) -----------------------------------------------------------------------------

export const KPI_DIMENSIONS = [
  'unit',
  'district',
  'street',
  'community',
  'grid',
  'block',
  'category',
  'source',
  'month',
  'day',
] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];
export const KPI_DIMENSION_LABELS: Labels<KpiDimension> = {
  unit: { zh: '责任单位', en: 'Unit' },
  district: { zh: '区县', en: 'District' },
  street: { zh: '街道', en: 'Street' },
  community: { zh: '社区', en: 'Community' },
  grid: { zh: '网格', en: 'Grid' },
  block: { zh: '责任区块', en: 'Block' },
  category: { zh: '问题类别', en: 'Category' },
  source: { zh: '来源', en: 'Source' },
  month: { zh: '月份', en: 'Month' },
  day: { zh: '日期', en: 'Day' },
};

/** The per-case counters (materialised on the case, recomputable from its events). */
export const KPI_COUNTERS = [
  'reported',
  'filed',
  'voidedAfterFiling',
  'needDispatch',
  'dispatchedOnTime',
  'dispatches',
  'returns',
  'needDispose',
  'disposed',
  'disposedOnTime',
  'feedbacks',
  'reworks',
  'needClose',
  'closed',
  'closedOnTime',
  'disposeMinutes',
] as const;
export type KpiCounter = (typeof KPI_COUNTERS)[number];
export type KpiCounters = Record<KpiCounter, number>;

export const KPI_RATES = [
  'closeRate',
  'onTimeCloseRate',
  'onTimeDisposeRate',
  'reworkRate',
  'returnRate',
  'accurateFilingRate',
  'onTimeDispatchRate',
  'avgDisposeHours',
] as const;
export type KpiRate = (typeof KPI_RATES)[number];
export const KPI_RATE_LABELS: Labels<KpiRate> = {
  closeRate: { zh: '结案率', en: 'Close rate' },
  onTimeCloseRate: { zh: '按期结案率', en: 'On-time close rate' },
  onTimeDisposeRate: { zh: '按期处置率', en: 'On-time disposal rate' },
  reworkRate: { zh: '返工率', en: 'Rework rate' },
  returnRate: { zh: '回退率', en: 'Return rate' },
  accurateFilingRate: { zh: '准确立案率', en: 'Accurate filing rate' },
  onTimeDispatchRate: { zh: '按时派遣率', en: 'On-time dispatch rate' },
  avgDisposeHours: { zh: '平均处置时长（小时）', en: 'Average disposal time (h)' },
};
/** How each rate is computed in this product, shown on the KPI page (docs/kpi-definitions.md). */
export const KPI_RATE_FORMULAS: Record<KpiRate, string> = {
  closeRate: '结案数 / 应结案数（应结案数 = 已结案 + 超期未结案；按单位统计时为本单位主办阶段）',
  onTimeCloseRate: '按期结案数 / 应结案数（超期以时间为准：阶段结束晚于期限，或至今已过期限）',
  onTimeDisposeRate:
    '按期处置数 / 应处置数（应处置数 = 已反馈的主办阶段 + 超期未反馈的主办阶段；超期后回退仍计超期）',
  reworkRate: '返工次数 / 处置反馈次数（核查不通过或市民评价未解决后重新处置）',
  returnRate: '本单位回退次数 / 本单位接收的派遣次数',
  accurateFilingRate: '(立案数 − 立案后作废数) / 立案数（未派遣即作废的案卷不计入任何单位）',
  onTimeDispatchRate: '按时派遣数 / 应派遣数（应派遣数 = 已派遣 + 已过派遣时限仍待派遣；区域与创建办指标）',
  avgDisposeHours: '主办阶段自派遣（或返工）至反馈的总时长 / 处置数（扣除挂账时间，自然小时）',
};
/** The standard's own wording beside each rate (GB/T 30428.4 数字化城市管理信息系统 绩效评价). */
export const KPI_RATE_STANDARD: Record<KpiRate, string> = {
  closeRate: '结案率 = 结案数 / 应结案数',
  onTimeCloseRate: '按期结案率 = 按期结案数 / 应结案数，应结案数 = 处置数 + 超时未处置数',
  onTimeDisposeRate: '按期处置率 = 按期处置数 / 应处置数',
  reworkRate: '返工率 = 返工数 / 处置数',
  returnRate: '回退率 = 回退次数 / 接收数',
  accurateFilingRate: '准确立案率 = (立案数 − 作废数) / 立案数',
  onTimeDispatchRate: '按时派遣率 = 按时派遣数 / 应派遣数',
  avgDisposeHours: '平均处置时长（标准列为常用指标，未给出公式）',
};

/** 协办 (co-unit) work, shown in its own columns and never mixed into a unit's rates. */
export const KPI_ASSIST_COUNTERS = ['assists', 'assistsOverdue'] as const;
export type KpiAssistCounter = (typeof KPI_ASSIST_COUNTERS)[number];
export const KPI_ASSIST_LABELS: Labels<KpiAssistCounter> = {
  assists: { zh: '协办次数', en: 'Assisting' },
  assistsOverdue: { zh: '协办超期', en: 'Assisting, overdue' },
};
/** Every figure of a KPI row that drills down to its cases. */
export const KPI_DRILL_COUNTERS = [...KPI_COUNTERS, ...KPI_ASSIST_COUNTERS] as const;
export type KpiDrillCounter = (typeof KPI_DRILL_COUNTERS)[number];
export const KPI_COUNTER_LABELS: Labels<KpiDrillCounter> = {
  reported: { zh: '上报数', en: 'Reported' },
  filed: { zh: '立案数', en: 'Filed' },
  voidedAfterFiling: { zh: '立案后作废', en: 'Voided after filing' },
  needDispatch: { zh: '应派遣', en: 'Due for dispatch' },
  dispatchedOnTime: { zh: '按时派遣', en: 'Dispatched on time' },
  dispatches: { zh: '接收派遣', en: 'Dispatches received' },
  returns: { zh: '回退', en: 'Returns' },
  needDispose: { zh: '应处置', en: 'Due for disposal' },
  disposed: { zh: '处置数', en: 'Disposed' },
  disposedOnTime: { zh: '按期处置', en: 'Disposed on time' },
  feedbacks: { zh: '处置反馈', en: 'Feedbacks' },
  reworks: { zh: '返工', en: 'Reworks' },
  needClose: { zh: '应结案', en: 'Due for closing' },
  closed: { zh: '结案数', en: 'Closed' },
  closedOnTime: { zh: '按期结案', en: 'Closed on time' },
  disposeMinutes: { zh: '处置时长（分钟）', en: 'Disposal minutes' },
  ...KPI_ASSIST_LABELS,
};

export const kpiQuerySchema = z.object({
  dimension: z.enum(KPI_DIMENSIONS).default('unit'),
  from: dateStringSchema.optional(),
  to: dateStringSchema.optional(),
  unitId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  blockId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  source: z.enum(CASE_SOURCES).optional(),
});
export type KpiQuery = z.infer<typeof kpiQuerySchema>;

const counters = z.object(
  Object.fromEntries(KPI_COUNTERS.map((k) => [k, z.number()])) as Record<KpiCounter, z.ZodNumber>,
);
const rates = z.object(
  Object.fromEntries(KPI_RATES.map((k) => [k, z.number().nullable()])) as Record<
    KpiRate,
    z.ZodNullable<z.ZodNumber>
  >,
);
export const kpiRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  counters,
  rates,
  /** 协办 stages received and those overdue (their own columns). */
  assist: z.object({ assists: z.number(), assistsOverdue: z.number() }).optional(),
});
export type KpiRow = z.infer<typeof kpiRowSchema>;
/** The sweeper's health as the office's console shows it (a failed or late sweep is a banner). */
export const sweepStatusSchema = z.object({
  state: z.enum(['ok', 'failing', 'late', 'off']),
  lastSuccessAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  failedJobId: z.string().nullable(),
});
export type SweepStatus = z.infer<typeof sweepStatusSchema>;
export const kpiResultSchema = z.object({
  dimension: z.enum(KPI_DIMENSIONS),
  total: kpiRowSchema,
  rows: z.array(kpiRowSchema),
  /** The instant open stages were judged at (overdue is a fact of time). */
  asOf: z.string().optional(),
  /** Figures attributed to the unit whose stage it was (the unit dimension, or a unit filter). */
  attributed: z.boolean().optional(),
  sweep: sweepStatusSchema.optional(),
});
export type KpiResult = z.infer<typeof kpiResultSchema>;

/** One cell of the KPI table: the row's key and the figure, with the same filters. */
export const kpiDrillQuerySchema = kpiQuerySchema.extend({
  key: z.string().max(200),
  counter: z.enum(KPI_DRILL_COUNTERS),
});
export type KpiDrillQuery = z.infer<typeof kpiDrillQuerySchema>;
export const kpiDrillItemSchema = z.object({
  caseId: z.uuid(),
  number: z.string(),
  categoryName: z.string(),
  status: z.enum(CASE_STATUSES),
  /** The stage behind the figure; null for case-level figures (上报, 立案, 结案 by area). */
  stage: z
    .object({
      kind: z.string(),
      role: z.string(),
      unitId: z.uuid().nullable(),
      unitName: z.string().nullable(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      deadline: z.string().nullable(),
      outcome: z.string().nullable(),
      pausedMinutes: z.number(),
      overdue: z.boolean(),
    })
    .nullable(),
});
export const kpiDrillSchema = z.object({
  items: z.array(kpiDrillItemSchema),
  /** More rows matched than were sent (the first 500). */
  truncated: z.boolean(),
});
export type KpiDrill = z.infer<typeof kpiDrillSchema>;

// ---- notifications ------------------------------------------------------------------------------

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  caseId: z.uuid().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
