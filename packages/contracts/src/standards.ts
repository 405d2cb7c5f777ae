import { z } from 'zod';
import { CASE_SOURCES } from './cases';
import { dateStringSchema, pageQuerySchema } from './common';
import type { Labels } from './labels';

// Standards (考核标准), campaigns (创建活动), assessment rounds (测评) and the evidence archive (台账).
// One file: the four modules share the indicator tree and its scoring vocabulary.

// ---- standards -------------------------------------------------------------------------------------

export const CAMPAIGN_TYPES = ['sanitary', 'civilized', 'environmental', 'other'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export const CAMPAIGN_TYPE_LABELS: Labels<CampaignType> = {
  sanitary: { zh: '创卫', en: 'Sanitary city' },
  civilized: { zh: '创文', en: 'Civilized city' },
  environmental: { zh: '创模', en: 'Environmental model city' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * How a node of the indicator tree is scored.
 * - manual: an assessor gives 0..points;
 * - deduction: `perOccurrence` points off for each occurrence (an observation or a linked open case),
 *   at most `cap` (default: the node's points);
 * - threshold: a metric (entered, or computed by the system: satisfaction, 按期结案率 …) must reach
 *   `target` (or stay at/below it when `direction` = 'max'); below it, points scale linearly down to
 *   `zeroAt` (full loss at or beyond zeroAt; without zeroAt all points are lost);
 * - count: "行走300米可看到5处": `perOccurrence` off per counted item beyond `allowed`, capped;
 * - exposure: "第一次曝光扣30分，第二次曝光该项不得分": the exposures of the period (曝光台, whatever
 *   became of their cases), `perOccurrence` off per exposure (capped), the whole item lost from the
 *   `zeroAt`-th exposure on;
 * - veto: 必备条件 / 一票否决: passes or fails, carries no points; a failed veto fails the round.
 * Inner nodes (with children) are the sum of their children, whatever their rule says.
 */
export const SCORING_RULES = ['manual', 'deduction', 'threshold', 'count', 'exposure', 'veto'] as const;
export type ScoringRule = (typeof SCORING_RULES)[number];
export const SCORING_RULE_LABELS: Labels<ScoringRule> = {
  manual: { zh: '人工评分', en: 'Manual score' },
  deduction: { zh: '按次扣分', en: 'Deduction per occurrence' },
  threshold: { zh: '指标达标', en: 'Metric threshold' },
  count: { zh: '计数扣分', en: 'Countable observation' },
  exposure: { zh: '曝光扣分', en: 'Exposure deduction' },
  veto: { zh: '一票否决', en: 'Veto (mandatory condition)' },
};

/** Metrics the system can compute for a threshold rule (others are entered by an assessor). */
export const SYSTEM_METRICS = [
  'on_time_close_rate',
  'close_rate',
  'on_time_dispose_rate',
  'rework_rate',
  'satisfaction_rate',
  'evidence_completeness',
] as const;
export type SystemMetric = (typeof SYSTEM_METRICS)[number];
export const SYSTEM_METRIC_LABELS: Labels<SystemMetric> = {
  on_time_close_rate: { zh: '按期结案率', en: 'On-time closing rate' },
  close_rate: { zh: '结案率', en: 'Closing rate' },
  on_time_dispose_rate: { zh: '按期处置率', en: 'On-time disposal rate' },
  rework_rate: { zh: '返工率', en: 'Rework rate' },
  satisfaction_rate: { zh: '群众满意率', en: 'Satisfaction rate' },
  evidence_completeness: { zh: '台账完整率', en: 'Evidence completeness' },
};

export const scoringParamsSchema = z
  .object({
    perOccurrence: z.number().positive().max(1000).optional(),
    cap: z.number().nonnegative().max(1000).optional(),
    allowed: z.number().int().nonnegative().max(100000).optional(),
    /** Metric: a system metric key, or free text for an entered metric (e.g. "病媒密度"). */
    metric: z.string().trim().min(1).max(60).optional(),
    target: z.number().optional(),
    zeroAt: z.number().optional(),
    direction: z.enum(['min', 'max']).optional(),
    /** A case metric counted over these sources only: "按期办结投诉事项" reads complaints, not every case. */
    sources: z.array(z.enum(CASE_SOURCES)).min(1).max(CASE_SOURCES.length).optional(),
  })
  .strict();
export type ScoringParams = z.infer<typeof scoringParamsSchema>;

export const PERIODICITIES = ['once', 'yearly', 'quarterly', 'monthly'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];
export const PERIODICITY_LABELS: Labels<Periodicity> = {
  once: { zh: '一次性', en: 'Once' },
  yearly: { zh: '每年', en: 'Yearly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  monthly: { zh: '每月', en: 'Monthly' },
};

/** A document an indicator requires in its archive (台账), e.g. "月度病媒防制记录" monthly. */
export const evidenceRequirementSchema = z.object({
  title: z.string().trim().min(1).max(200),
  periodicity: z.enum(PERIODICITIES),
});
export type EvidenceRequirement = z.infer<typeof evidenceRequirementSchema>;

/** Standard codes are dotted paths of the tree ("3", "3.2", "3.2.1"); letters and digits allowed. */
export const standardCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/, '编码只能由字母、数字和“.”“-”组成，如 3.2.1')
  .max(40);

export const standardNodeSchema = z.object({
  id: z.uuid(),
  standardId: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  points: z.number(),
  rule: z.enum(SCORING_RULES),
  params: scoringParamsSchema,
  veto: z.boolean(),
  evidence: z.array(evidenceRequirementSchema),
  unitIds: z.array(z.uuid()),
  unitNames: z.array(z.string()),
  depth: z.number().int(),
  sort: z.number().int(),
  leaf: z.boolean(),
});
export type StandardNode = z.infer<typeof standardNodeSchema>;

export const standardSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.enum(CAMPAIGN_TYPES),
  version: z.number().int(),
  /** Shipped examples are labelled as such everywhere they appear. */
  sample: z.boolean(),
  totalPoints: z.number(),
  passScore: z.number(),
  basicScore: z.number(),
  note: z.string().nullable(),
  nodeCount: z.number().int(),
  vetoCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Standard = z.infer<typeof standardSchema>;

export const standardDetailSchema = standardSchema.extend({ nodes: z.array(standardNodeSchema) });
export type StandardDetail = z.infer<typeof standardDetailSchema>;

export const createStandardSchema = z
  .object({
    code: standardCodeSchema,
    name: z.string().trim().min(1).max(100),
    type: z.enum(CAMPAIGN_TYPES),
    totalPoints: z.number().positive().max(100000).default(1000),
    passScore: z.number().nonnegative().max(100000).default(900),
    basicScore: z.number().nonnegative().max(100000).default(750),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type CreateStandard = z.infer<typeof createStandardSchema>;
export const updateStandardSchema = createStandardSchema.partial().strict();

export const createStandardNodeSchema = z
  .object({
    parentId: z.uuid().nullable().default(null),
    code: standardCodeSchema,
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().max(2000).optional(),
    points: z.number().nonnegative().max(100000).default(0),
    rule: z.enum(SCORING_RULES).default('manual'),
    params: scoringParamsSchema.default({}),
    evidence: z.array(evidenceRequirementSchema).max(50).default([]),
    unitIds: z.array(z.uuid()).max(50).default([]),
    sort: z.number().int().optional(),
  })
  .strict();
export type CreateStandardNode = z.infer<typeof createStandardNodeSchema>;
export const updateStandardNodeSchema = createStandardNodeSchema.omit({ parentId: true }).partial().strict();

export const standardListQuerySchema = pageQuerySchema.extend({ type: z.enum(CAMPAIGN_TYPES).optional() });

// ---- campaigns -------------------------------------------------------------------------------------

export const CAMPAIGN_PHASES = ['attack', 'reach', 'consolidate'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];
export const CAMPAIGN_PHASE_LABELS: Labels<CampaignPhase> = {
  attack: { zh: '攻坚', en: 'Push' },
  reach: { zh: '达标', en: 'Reach the standard' },
  consolidate: { zh: '巩固', en: 'Consolidate' },
};

export const phaseSchema = z.object({
  phase: z.enum(CAMPAIGN_PHASES),
  startsOn: dateStringSchema,
  endsOn: dateStringSchema,
});
export const MILESTONE_KINDS = [
  'city_secret',
  'province_secret',
  'tech_assessment',
  'national',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_KIND_LABELS: Labels<MilestoneKind> = {
  city_secret: { zh: '市级暗访', en: 'City unannounced visit' },
  province_secret: { zh: '省级暗访', en: 'Provincial unannounced visit' },
  tech_assessment: { zh: '技术评估', en: 'Technical assessment' },
  national: { zh: '国家级评审', en: 'National review' },
  other: { zh: '其他', en: 'Other' },
};
export const milestoneSchema = z.object({
  title: z.string().trim().min(1).max(100),
  date: dateStringSchema,
  kind: z.enum(MILESTONE_KINDS).default('other'),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(CAMPAIGN_TYPES),
  regionId: z.uuid(),
  regionName: z.string(),
  standardId: z.uuid(),
  standardName: z.string(),
  standardSample: z.boolean(),
  totalPoints: z.number(),
  passScore: z.number(),
  basicScore: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  phases: z.array(phaseSchema),
  milestones: z.array(milestoneSchema),
  /** The next milestone from today in the city's time zone, with days remaining. */
  nextMilestone: milestoneSchema.extend({ daysLeft: z.number().int() }).nullable(),
  currentPhase: z.enum(CAMPAIGN_PHASES).nullable(),
  createdAt: z.iso.datetime(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const createCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    type: z.enum(CAMPAIGN_TYPES),
    regionId: z.uuid(),
    standardId: z.uuid(),
    passScore: z.number().nonnegative().optional(),
    basicScore: z.number().nonnegative().optional(),
    startsOn: dateStringSchema,
    endsOn: dateStringSchema,
    phases: z.array(phaseSchema).max(10).default([]),
    milestones: z.array(milestoneSchema).max(30).default([]),
  })
  .strict();
export type CreateCampaign = z.infer<typeof createCampaignSchema>;
export const updateCampaignSchema = createCampaignSchema.omit({ standardId: true }).partial().strict();

/** One row of the 任务分解表: an indicator and who answers for it. */
export const campaignTaskSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  nodeId: z.uuid(),
  nodeCode: z.string(),
  nodeTitle: z.string(),
  leadUnitId: z.uuid().nullable(),
  leadUnitName: z.string().nullable(),
  coUnitIds: z.array(z.uuid()),
  coUnitNames: z.array(z.string()),
  leaderName: z.string().nullable(),
  ownerName: z.string().nullable(),
  ownerPhone: z.string().nullable(),
});
export type CampaignTask = z.infer<typeof campaignTaskSchema>;
export const upsertCampaignTaskSchema = z
  .object({
    nodeId: z.uuid(),
    leadUnitId: z.uuid().nullable(),
    coUnitIds: z.array(z.uuid()).max(30).default([]),
    leaderName: z.string().trim().max(50).nullable().default(null),
    ownerName: z.string().trim().max(50).nullable().default(null),
    ownerPhone: z.string().trim().max(20).nullable().default(null),
  })
  .strict();

/** Two indicators of different standards that measure the same thing: evidence and work count for both. */
export const indicatorLinkSchema = z.object({
  id: z.uuid(),
  nodeId: z.uuid(),
  nodeCode: z.string(),
  nodeTitle: z.string(),
  standardName: z.string(),
  linkedNodeId: z.uuid(),
  linkedNodeCode: z.string(),
  linkedNodeTitle: z.string(),
  linkedStandardName: z.string(),
  note: z.string().nullable(),
});
export type IndicatorLink = z.infer<typeof indicatorLinkSchema>;
export const createIndicatorLinkSchema = z
  .object({ nodeId: z.uuid(), linkedNodeId: z.uuid(), note: z.string().trim().max(200).optional() })
  .strict();

// ---- assessment rounds -----------------------------------------------------------------------------

export const ROUND_KINDS = ['self', 'mock', 'upper_secret', 'upper_tech'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUND_KIND_LABELS: Labels<RoundKind> = {
  self: { zh: '自查', en: 'Self-check' },
  mock: { zh: '模拟测评', en: 'Mock assessment' },
  upper_secret: { zh: '上级暗访', en: 'Upper-level unannounced visit' },
  upper_tech: { zh: '上级技术评估', en: 'Upper-level technical assessment' },
};

export const VERDICTS = ['pass', 'basic', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Labels<Verdict> = {
  pass: { zh: '达标', en: 'Pass' },
  basic: { zh: '基本达标', en: 'Basic pass' },
  fail: { zh: '不达标', en: 'Fail' },
};

/** Where a checkpoint's score came from. */
export const SCORE_SOURCES = ['manual', 'cases', 'metric', 'evidence', 'exposures', 'none'] as const;
export type ScoreSource = (typeof SCORE_SOURCES)[number];
export const SCORE_SOURCE_LABELS: Labels<ScoreSource> = {
  manual: { zh: '人工评分', en: 'Assessor' },
  cases: { zh: '关联案件', en: 'Linked cases' },
  metric: { zh: '系统指标', en: 'System metric' },
  evidence: { zh: '台账完整性', en: 'Evidence completeness' },
  exposures: { zh: '曝光记录', en: 'Exposures' },
  none: { zh: '未评分', en: 'Not scored' },
};

/** What an assessor records on one checkpoint; which fields count depends on the node's rule. */
export const scoreEntrySchema = z
  .object({
    nodeId: z.uuid(),
    /** manual: the score given (0..points). */
    score: z.number().nonnegative().optional(),
    /** deduction / count / exposure: occurrences observed (exposures counted). */
    occurrences: z.number().int().nonnegative().max(100000).optional(),
    /** threshold with an entered metric: its value. */
    value: z.number().optional(),
    /** veto: whether the condition is met. */
    passed: z.boolean().optional(),
    note: z.string().trim().max(1000).optional(),
    photoIds: z.array(z.uuid()).max(20).default([]),
  })
  .strict();
export type ScoreEntry = z.infer<typeof scoreEntrySchema>;
export const scoreEntriesSchema = z.object({ entries: z.array(scoreEntrySchema).min(1).max(2000) }).strict();

export const nodeResultSchema = z.object({
  nodeId: z.uuid(),
  code: z.string(),
  title: z.string(),
  parentId: z.uuid().nullable(),
  depth: z.number().int(),
  leaf: z.boolean(),
  rule: z.enum(SCORING_RULES),
  veto: z.boolean(),
  points: z.number(),
  score: z.number(),
  lost: z.number(),
  /** Veto nodes: met / not met / not yet assessed. */
  vetoStatus: z.enum(['met', 'failed', 'unknown']).nullable(),
  source: z.enum(SCORE_SOURCES),
  occurrences: z.number().int().nullable(),
  value: z.number().nullable(),
  note: z.string().nullable(),
  photoIds: z.array(z.uuid()),
  linkedCaseCount: z.number().int(),
  unitNames: z.array(z.string()),
});
export type NodeResult = z.infer<typeof nodeResultSchema>;

export const roundSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  kind: z.enum(ROUND_KINDS),
  name: z.string(),
  heldOn: z.string(),
  status: z.enum(['open', 'closed']),
  total: z.number(),
  totalPoints: z.number(),
  verdict: z.enum(VERDICTS),
  vetoFailed: z.number().int(),
  vetoUnknown: z.number().int(),
  scoredLeaves: z.number().int(),
  leaves: z.number().int(),
  computedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Round = z.infer<typeof roundSchema>;
export const roundDetailSchema = roundSchema.extend({ nodes: z.array(nodeResultSchema) });
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const createRoundSchema = z
  .object({
    campaignId: z.uuid(),
    kind: z.enum(ROUND_KINDS),
    name: z.string().trim().min(1).max(100),
    heldOn: dateStringSchema,
    /** Manual rounds record an external result; 'system' derives what it can from cases, metrics, evidence. */
    derive: z.boolean().default(true),
  })
  .strict();

export const lostPointSchema = z.object({
  nodeId: z.uuid(),
  code: z.string(),
  title: z.string(),
  pathText: z.string(),
  lost: z.number(),
  points: z.number(),
  veto: z.boolean(),
  source: z.enum(SCORE_SOURCES),
  leadUnitId: z.uuid().nullable(),
  leadUnitName: z.string().nullable(),
  unitNames: z.array(z.string()),
});
export type LostPoint = z.infer<typeof lostPointSchema>;

/** One click from a lost point to a rectification case routed by the closed loop. */
export const caseFromLostPointSchema = z
  .object({
    nodeId: z.uuid(),
    categoryId: z.uuid(),
    lng: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    description: z.string().trim().min(1).max(2000),
  })
  .strict();

/** Link an existing case to an indicator: its occurrence counts against the node while open. */
export const linkCaseSchema = z.object({ caseId: z.uuid() }).strict();

// ---- evidence archive (台账) -----------------------------------------------------------------------

export const EVIDENCE_MIME_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
] as const;
export const EVIDENCE_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'jpg', 'jpeg', 'png'] as const;

/** "2026" (yearly), "2026-Q3" (quarterly), "2026-11" (monthly), "once". */
export const periodSchema = z
  .string()
  .trim()
  .regex(/^(once|\d{4}|\d{4}-Q[1-4]|\d{4}-(0[1-9]|1[0-2]))$/, '期间格式：2026、2026-Q3、2026-11 或 once');

/**
 * The review of an uploaded document before it counts: the unit uploads → the indicator's lead unit
 * (牵头单位) reviews → the office accepts, or either sends it back with a reason. Uploads by the lead unit,
 * by the office, or for an indicator without a lead unit go straight to the office.
 */
export const EVIDENCE_REVIEW_STATUSES = ['pending_lead', 'pending_office', 'accepted', 'returned'] as const;
export type EvidenceReviewStatus = (typeof EVIDENCE_REVIEW_STATUSES)[number];
export const EVIDENCE_REVIEW_STATUS_LABELS: Labels<EvidenceReviewStatus> = {
  pending_lead: { zh: '待牵头单位审核', en: 'Awaiting the lead unit' },
  pending_office: { zh: '待创建办验收', en: 'Awaiting the office' },
  accepted: { zh: '已接受', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Sent back' },
};
export const EVIDENCE_REVIEW_ACTIONS = ['approve', 'return'] as const;
export type EvidenceReviewAction = (typeof EVIDENCE_REVIEW_ACTIONS)[number];
export const EVIDENCE_REVIEW_ACTION_LABELS: Labels<EvidenceReviewAction> = {
  approve: { zh: '审核通过', en: 'Approve' },
  return: { zh: '退回', en: 'Send back' },
};
export const reviewEvidenceSchema = z
  .object({
    action: z.enum(EVIDENCE_REVIEW_ACTIONS),
    /** Required when sending back: the unit must know what to fix. */
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => b.action !== 'return' || (b.reason ?? '').length >= 2, {
    path: ['reason'],
    message: '退回须填写退回原因（至少 2 个字）',
  });
export type ReviewEvidence = z.infer<typeof reviewEvidenceSchema>;

/** A required document's state in the 目录 of the 迎检资料包. */
export const EVIDENCE_CATALOG_STATES = ['uploaded', 'missing', 'stale', 'duplicate'] as const;
export type EvidenceCatalogState = (typeof EVIDENCE_CATALOG_STATES)[number];
export const EVIDENCE_CATALOG_STATE_LABELS: Labels<EvidenceCatalogState> = {
  uploaded: { zh: '已上传', en: 'Uploaded' },
  missing: { zh: '缺失', en: 'Missing' },
  stale: { zh: '过期', en: 'Out of date' },
  duplicate: { zh: '疑似重复', en: 'Suspected duplicate' },
};

export const evidenceFileSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  nodeId: z.uuid(),
  nodeCode: z.string(),
  requirement: z.string(),
  period: z.string(),
  title: z.string(),
  docDate: z.string(),
  issuingUnit: z.string().nullable(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Consistency flags: dated outside its period, the same bytes uploaded elsewhere. */
  flags: z.array(z.enum(['date_outside_period', 'duplicate_file'])),
  duplicateOf: z.array(z.uuid()),
  uploadedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  reviewStatus: z.enum(EVIDENCE_REVIEW_STATUSES),
  /** The indicator's lead unit (牵头单位), who reviews before the office; null: none assigned. */
  leadUnitName: z.string().nullable(),
  leadReviewedBy: z.string().nullable(),
  leadReviewedAt: z.iso.datetime().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  returnReason: z.string().nullable(),
  /** What the viewer may do with it now (the web renders only these). */
  reviewActions: z.array(z.enum(EVIDENCE_REVIEW_ACTIONS)),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

/** Multipart fields that come with an uploaded evidence file. */
export const evidenceUploadFieldsSchema = z
  .object({
    campaignId: z.uuid(),
    nodeId: z.uuid(),
    requirement: z.string().trim().min(1).max(200),
    period: periodSchema,
    title: z.string().trim().min(1).max(200),
    docDate: dateStringSchema,
    issuingUnit: z.string().trim().max(100).optional(),
  })
  .strict();
export type EvidenceUploadFields = z.infer<typeof evidenceUploadFieldsSchema>;

export const evidenceSlotSchema = z.object({
  nodeId: z.uuid(),
  nodeCode: z.string(),
  nodeTitle: z.string(),
  requirement: z.string(),
  periodicity: z.enum(PERIODICITIES),
  period: z.string(),
  /** Files filed for the slot and not sent back (awaiting review or accepted). */
  fileCount: z.number().int(),
  acceptedCount: z.number().int(),
  /** Complete = at least one accepted document (a document awaiting review does not count yet). */
  complete: z.boolean(),
  state: z.enum(['accepted', 'pending', 'returned', 'missing']),
});
export const evidenceCompletenessSchema = z.object({
  campaignId: z.uuid(),
  asOf: z.string(),
  required: z.number().int(),
  present: z.number().int(),
  /** Slots whose only documents still await review. */
  pending: z.number().int(),
  percent: z.number(),
  byIndicator: z.array(
    z.object({
      nodeId: z.uuid(),
      code: z.string(),
      title: z.string(),
      required: z.number().int(),
      present: z.number().int(),
      percent: z.number(),
    }),
  ),
  byUnit: z.array(
    z.object({
      unitId: z.uuid().nullable(),
      unitName: z.string(),
      required: z.number().int(),
      present: z.number().int(),
      percent: z.number(),
    }),
  ),
  missing: z.array(evidenceSlotSchema),
  issues: z.array(
    z.object({
      fileId: z.uuid(),
      title: z.string(),
      kind: z.enum(['date_outside_period', 'duplicate_file']),
      message: z.string(),
    }),
  ),
});
export type EvidenceCompleteness = z.infer<typeof evidenceCompletenessSchema>;

export const evidenceListQuerySchema = pageQuerySchema.extend({
  campaignId: z.uuid(),
  nodeId: z.uuid().optional(),
  period: z.string().optional(),
});

// ---- readiness -------------------------------------------------------------------------------------

export const readinessSchema = z.object({
  campaign: campaignSchema,
  latestRound: roundSchema.nullable(),
  projected: z.number(),
  projectedVerdict: z.enum(VERDICTS),
  vetoRisks: z.array(lostPointSchema),
  evidencePercent: z.number(),
  /** Below this archive completeness (percent, configured) the projection never says 达标. */
  evidenceFloor: z.number(),
  /** The verdict of the score alone; projectedVerdict is held at 基本达标 while the archive is short. */
  scoreVerdict: z.enum(VERDICTS),
  evidenceShort: z.boolean(),
  lostByCategory: z.array(
    z.object({ code: z.string(), title: z.string(), lost: z.number(), points: z.number() }),
  ),
  lostByUnit: z.array(z.object({ unitName: z.string(), lost: z.number(), nodes: z.number().int() })),
  trend: z.array(
    z.object({
      roundId: z.uuid(),
      name: z.string(),
      heldOn: z.string(),
      total: z.number(),
      kind: z.enum(ROUND_KINDS),
    }),
  ),
  topLost: z.array(lostPointSchema),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const standardImportResultSchema = z.object({
  standardId: z.uuid(),
  nodes: z.number().int(),
  veto: z.number().int(),
});
export type StandardImportResult = z.infer<typeof standardImportResultSchema>;
