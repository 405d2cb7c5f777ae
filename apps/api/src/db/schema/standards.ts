import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Tables of the standards, campaigns, assessments and evidence modules (issue 5). Each module owns its
// tables; the others read them through the owning module's index.ts.

const tz = (name: string) => timestamp(name, { withTimezone: true });

/** A scoring standard (考核标准) of a city: a versioned indicator tree. */
export const standards = pgTable(
  'standards',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ['sanitary', 'civilized', 'environmental', 'other'] }).notNull(),
    version: integer('version').notNull().default(1),
    sample: boolean('sample').notNull().default(false),
    totalPoints: doublePrecision('total_points').notNull(),
    passScore: doublePrecision('pass_score').notNull(),
    basicScore: doublePrecision('basic_score').notNull(),
    note: text('note'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('standards_code_uq').on(t.cityId, t.code, t.version)],
);

/** One node of a standard's tree: category → item → checkpoint, any depth. */
export const standardNodes = pgTable(
  'standard_nodes',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    standardId: uuid('standard_id').notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    points: doublePrecision('points').notNull().default(0),
    rule: text('rule', { enum: ['manual', 'deduction', 'threshold', 'count', 'exposure', 'veto'] }).notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    evidence: jsonb('evidence').$type<{ title: string; periodicity: string }[]>().notNull().default([]),
    unitIds: jsonb('unit_ids').$type<string[]>().notNull().default([]),
    depth: integer('depth').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    uniqueIndex('standard_nodes_code_uq').on(t.standardId, t.code),
    index('standard_nodes_parent_idx').on(t.standardId, t.parentId),
  ],
);

/** A standard applied to a city or region: thresholds, phases, milestones. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    regionId: uuid('region_id').notNull(),
    standardId: uuid('standard_id').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ['sanitary', 'civilized', 'environmental', 'other'] }).notNull(),
    passScore: doublePrecision('pass_score').notNull(),
    basicScore: doublePrecision('basic_score').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    phases: jsonb('phases')
      .$type<{ phase: string; startsOn: string; endsOn: string }[]>()
      .notNull()
      .default([]),
    milestones: jsonb('milestones')
      .$type<{ title: string; date: string; kind: string }[]>()
      .notNull()
      .default([]),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('campaigns_city_idx').on(t.cityId)],
);

/** 任务分解表: one row per indicator of a campaign. */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    leadUnitId: uuid('lead_unit_id'),
    coUnitIds: jsonb('co_unit_ids').$type<string[]>().notNull().default([]),
    leaderName: text('leader_name'),
    ownerName: text('owner_name'),
    ownerPhone: text('owner_phone'),
  },
  (t) => [uniqueIndex('campaign_tasks_node_uq').on(t.campaignId, t.nodeId)],
);

/** Overlapping indicators of two standards (stored once, read both ways). */
export const indicatorLinks = pgTable(
  'indicator_links',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    linkedNodeId: uuid('linked_node_id').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('indicator_links_uq').on(t.nodeId, t.linkedNodeId)],
);

/** Cases linked to an indicator of a campaign: each open one is an occurrence against it. */
export const indicatorCases = pgTable(
  'indicator_cases',
  {
    cityId: uuid('city_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    caseId: uuid('case_id').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.campaignId, t.nodeId, t.caseId] }),
    index('indicator_cases_case_idx').on(t.cityId, t.caseId),
  ],
);

/** An assessment round (自查 / 模拟测评 / 上级暗访 / 技术评估) with its computed totals. */
export const assessmentRounds = pgTable(
  'assessment_rounds',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    kind: text('kind', { enum: ['self', 'mock', 'upper_secret', 'upper_tech'] }).notNull(),
    name: text('name').notNull(),
    heldOn: date('held_on').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    derive: boolean('derive').notNull().default(true),
    total: doublePrecision('total').notNull().default(0),
    verdict: text('verdict', { enum: ['pass', 'basic', 'fail'] })
      .notNull()
      .default('fail'),
    vetoFailed: integer('veto_failed').notNull().default(0),
    vetoUnknown: integer('veto_unknown').notNull().default(0),
    /** The last computed node results (read model of the scores below). */
    results: jsonb('results').$type<unknown[]>().notNull().default([]),
    computedAt: tz('computed_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('assessment_rounds_campaign_idx').on(t.cityId, t.campaignId, t.heldOn)],
);

/** What an assessor entered on one checkpoint of a round. */
export const assessmentScores = pgTable(
  'assessment_scores',
  {
    cityId: uuid('city_id').notNull(),
    roundId: uuid('round_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    score: doublePrecision('score'),
    occurrences: integer('occurrences'),
    value: doublePrecision('value'),
    passed: boolean('passed'),
    note: text('note'),
    photoIds: jsonb('photo_ids').$type<string[]>().notNull().default([]),
    assessorId: uuid('assessor_id'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.roundId, t.nodeId] })],
);

/** One uploaded document of the evidence archive (台账). */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    requirement: text('requirement').notNull(),
    period: text('period').notNull(),
    title: text('title').notNull(),
    docDate: date('doc_date').notNull(),
    issuingUnit: text('issuing_unit'),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
    /**
     * Review before the document counts: 待牵头单位审核 → 待创建办验收 → 已接受, or 已退回 with a reason.
     * Documents filed before the review existed were migrated as accepted (they already counted).
     */
    reviewStatus: text('review_status', {
      enum: ['pending_lead', 'pending_office', 'accepted', 'returned'],
    })
      .notNull()
      .default('pending_lead'),
    leadReviewedByName: text('lead_reviewed_by_name'),
    leadReviewedAt: tz('lead_reviewed_at'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: tz('reviewed_at'),
    returnReason: text('return_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index('evidence_files_node_idx').on(t.cityId, t.campaignId, t.nodeId, t.period),
    index('evidence_files_sha_idx').on(t.cityId, t.sha256),
    index('evidence_files_review_idx').on(t.cityId, t.campaignId, t.reviewStatus),
  ],
);
