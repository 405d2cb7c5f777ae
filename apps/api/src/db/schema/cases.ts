import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  foreignKey,
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

const tz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Per-case KPI counters, materialised from the event log (see domain cases/counters.ts). */
const counters = {
  nReported: integer('n_reported').notNull().default(0),
  nFiled: integer('n_filed').notNull().default(0),
  nVoidedAfterFiling: integer('n_voided_after_filing').notNull().default(0),
  nNeedDispatch: integer('n_need_dispatch').notNull().default(0),
  nDispatchedOnTime: integer('n_dispatched_on_time').notNull().default(0),
  nDispatches: integer('n_dispatches').notNull().default(0),
  nReturns: integer('n_returns').notNull().default(0),
  nNeedDispose: integer('n_need_dispose').notNull().default(0),
  nDisposed: integer('n_disposed').notNull().default(0),
  nDisposedOnTime: integer('n_disposed_on_time').notNull().default(0),
  nFeedbacks: integer('n_feedbacks').notNull().default(0),
  nReworks: integer('n_reworks').notNull().default(0),
  nNeedClose: integer('n_need_close').notNull().default(0),
  nClosed: integer('n_closed').notNull().default(0),
  nClosedOnTime: integer('n_closed_on_time').notNull().default(0),
  nDisposeMinutes: integer('n_dispose_minutes').notNull().default(0),
};

const OPEN_TIMED_SQL =
  "status in ('filed', 'returned', 'dispatched', 'in_progress', 'feedback', 'self_handled')";
const UNIT_HOLDS_SQL = "status in ('dispatched', 'in_progress')";
/** Conditions of the sweeper's partial indexes (constant SQL text: the planner matches them literally). */
export const SWEEP_PREDICATES = {
  yellow: `${OPEN_TIMED_SQL} and light = 'green'`,
  redStage: `${OPEN_TIMED_SQL} and light is distinct from 'red'`,
  redDispose: `${UNIT_HOLDS_SQL} and light is distinct from 'red'`,
  escalate: `${UNIT_HOLDS_SQL} and overdue_at is null`,
} as const;

/** A case (案卷). city_id leads every key: the distribution key if a province outgrows one server. */
export const cases = pgTable(
  'cases',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    source: text('source').notNull(),
    version: integer('version').notNull().default(1),
    // Snapshot of the category at filing: a later catalogue change never rewrites history.
    categoryId: uuid('category_id'),
    categoryCode: text('category_code').notNull(),
    categoryName: text('category_name').notNull(),
    categoryKind: text('category_kind').notNull(),
    categoryPath: jsonb('category_path').$type<string[]>().notNull().default([]),
    severity: text('severity').notNull().default('normal'),
    conditionId: uuid('condition_id'),
    conditionText: text('condition_text'),
    closingCondition: text('closing_condition'),
    limitValue: doublePrecision('limit_value'),
    limitUnit: text('limit_unit'),
    description: text('description').notNull(),
    address: text('address'),
    /** Null while a report that came with an address only waits for the office to place it. */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    owner: text('owner').notNull().default('public'),
    gridId: uuid('grid_id'),
    gridCode: text('grid_code'),
    gridName: text('grid_name'),
    communityId: uuid('community_id'),
    streetId: uuid('street_id'),
    districtId: uuid('district_id'),
    blockId: uuid('block_id'),
    outOfGrid: boolean('out_of_grid').notNull().default(false),
    leadUnitId: uuid('lead_unit_id'),
    coUnitIds: jsonb('co_unit_ids').$type<string[]>().notNull().default([]),
    route: jsonb('route'),
    stageLimits: jsonb('stage_limits').notNull().default({}),
    reporterUserId: uuid('reporter_user_id'),
    reporterName: text('reporter_name'),
    /** Stored sealed (platform/secret-box: AES-256-GCM), shown masked to all but the roles that need it. */
    reporterPhone: text('reporter_phone'),
    /** HMAC of the normalised phone: per-phone abuse limits and lookups without decrypting. */
    reporterPhoneHash: text('reporter_phone_hash'),
    /** Public tracking code (citizen reports), unique across cities: the citizen looks up by code alone. */
    trackingCode: text('tracking_code'),
    /** Priority from the source's default (hotline / media / 上级交办 …) or set by the office. */
    priority: text('priority').notNull().default('normal'),
    /** Media exposure: link or video reference. */
    mediaRef: text('media_ref'),
    /** Merged into this parent case (duplicates); null when the case stands on its own. */
    parentCaseId: uuid('parent_case_id'),
    /** 反弹: the closed case at the same spot and category this one repeats. */
    relapseOfCaseId: uuid('relapse_of_case_id'),
    /** The citizen's answer after closing: resolved or not, 1–5. */
    ratingResolved: boolean('rating_resolved'),
    ratingScore: integer('rating_score'),
    ratingComment: text('rating_comment'),
    ratedAt: tz('rated_at'),
    idempotencyKey: text('idempotency_key'),
    verified: boolean('verified').notNull().default(false),
    rectifierUserId: uuid('rectifier_user_id'),
    pending: jsonb('pending'),
    resumeStatus: text('resume_status'),
    supervisionLevel: integer('supervision_level').notNull().default(0),
    autoSupervisedAt: tz('auto_supervised_at'),
    // Clocks (see domain cases/timers.ts); the sweeper compares these with now.
    stage: text('stage').notNull().default('none'),
    stageStartedAt: tz('stage_started_at'),
    stageDeadline: tz('stage_deadline'),
    yellowAt: tz('yellow_at'),
    light: text('light'),
    disposeStartedAt: tz('dispose_started_at'),
    disposeDeadline: tz('dispose_deadline'),
    disposeUnit: text('dispose_unit'),
    pausedRemaining: doublePrecision('paused_remaining'),
    /** The deadline was computed across a year without holiday data (weekends only, 暂估). */
    stageDeadlineEstimated: boolean('stage_deadline_estimated').notNull().default(false),
    disposeDeadlineEstimated: boolean('dispose_deadline_estimated').notNull().default(false),
    /**
     * A deadline an upper level set for the rectification (整改期限, e.g. from an imported 整改清单): while
     * it lies ahead, a dispatch takes it as the unit's disposal deadline instead of the category's limit.
     */
    rectifyBy: tz('rectify_by'),
    overdueAt: tz('overdue_at'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    closedAt: tz('closed_at'),
    ...counters,
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex('cases_number_uq').on(t.cityId, t.number),
    // Detail pages address a case by id alone.
    index('cases_id_idx').on(t.id),
    uniqueIndex('cases_idem_uq').on(t.cityId, t.reporterUserId, t.idempotencyKey),
    uniqueIndex('cases_tracking_uq').on(t.trackingCode),
    // Public reports (no user) are made idempotent by their key alone.
    uniqueIndex('cases_public_idem_uq')
      .on(t.cityId, t.idempotencyKey)
      .where(sql`reporter_user_id is null and idempotency_key is not null`),
    index('cases_parent_idx').on(t.cityId, t.parentCaseId),
    index('cases_spot_idx').on(t.cityId, t.categoryCode, t.lng),
    index('cases_created_idx').on(t.cityId, t.createdAt),
    index('cases_status_idx').on(t.cityId, t.status, t.createdAt),
    index('cases_unit_idx').on(t.cityId, t.leadUnitId, t.status),
    index('cases_street_idx').on(t.cityId, t.streetId, t.createdAt),
    index('cases_district_idx').on(t.cityId, t.districtId, t.createdAt),
    index('cases_community_idx').on(t.cityId, t.communityId),
    index('cases_grid_idx').on(t.cityId, t.gridId),
    index('cases_block_idx').on(t.cityId, t.blockId),
    index('cases_category_idx').on(t.cityId, t.categoryId),
    index('cases_dispose_deadline_idx').on(t.disposeDeadline),
    // The sweeper's work lists: each partial index holds only the cases a sweep may still change, so a
    // sweep over a large open backlog reads what is due, not every case whose deadline ever passed.
    // The predicates are repeated literally by the sweeper's queries (sweeper.ts) so the planner uses them.
    index('cases_deadline_estimated_idx')
      .on(t.cityId)
      .where(sql`${t.stageDeadlineEstimated} or ${t.disposeDeadlineEstimated}`),
    index('cases_sweep_yellow_idx').on(t.yellowAt).where(sql.raw(SWEEP_PREDICATES.yellow)),
    index('cases_sweep_stage_idx').on(t.stageDeadline).where(sql.raw(SWEEP_PREDICATES.redStage)),
    index('cases_sweep_dispose_idx').on(t.disposeDeadline).where(sql.raw(SWEEP_PREDICATES.redDispose)),
    index('cases_sweep_escalate_idx').on(t.disposeDeadline).where(sql.raw(SWEEP_PREDICATES.escalate)),
  ],
);

/** The append-only case event log; every state change writes one row in the same transaction. */
export const caseEvents = pgTable(
  'case_events',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role'),
    unitId: uuid('unit_id'),
    note: text('note'),
    photoIds: jsonb('photo_ids').$type<string[]>().notNull().default([]),
    /** Deadlines in force (deadlineBefore, disposeDeadline) and action details. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    at: tz('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex('case_events_seq_uq').on(t.cityId, t.caseId, t.seq),
    index('case_events_at_idx').on(t.cityId, t.at),
    foreignKey({ columns: [t.cityId, t.caseId], foreignColumns: [cases.cityId, cases.id] }),
  ],
);

/** Photos (before / after / other), stored through the FileStore. */
export const photos = pgTable(
  'photos',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id'),
    kind: text('kind', { enum: ['before', 'after', 'other'] }).notNull(),
    uploadedBy: uuid('uploaded_by'),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key').notNull(),
    /** A copy with every EXIF/XMP/ICC field stripped: what public pages serve. */
    publicKey: text('public_key'),
    /** From the file's EXIF, when present. */
    exifTakenAt: tz('exif_taken_at'),
    exifLng: doublePrecision('exif_lng'),
    exifLat: doublePrecision('exif_lat'),
    /** Captured by the page at shooting time (browsers strip EXIF GPS from camera uploads). */
    capturedAt: tz('captured_at'),
    capturedLng: doublePrecision('captured_lng'),
    capturedLat: doublePrecision('captured_lat'),
    /** 64-bit perceptual (difference) hash, 16 hex digits: a photo reused from another case. */
    phash: text('phash'),
    /** Evidence flags for the verifier (疑似不实): shown, never blocking. */
    flags: jsonb('flags').$type<{ code: string; detail: string }[]>().notNull().default([]),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index('photos_case_idx').on(t.cityId, t.caseId),
    index('photos_phash_idx').on(t.cityId, t.phash),
  ],
);

/** 督办单 states: 已下发 → 已签收 → 已回复 → 已办结. */
export type SupervisionOrderState = 'issued' | 'signed' | 'replied' | 'closed';
/** One step of a 督办单's history (issue, sign, reply, close, escalation). */
export interface SupervisionOrderStep {
  at: string;
  action: 'issue' | 'sign' | 'reply' | 'close' | 'escalate';
  byUserId: string | null;
  byName: string;
  note?: string;
}

/**
 * 督办单 register: an issued document, numbered per issuing office per year. `content` is the frozen
 * model every print is rendered from (never the live case); `case_id` is the first line's case.
 */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id'),
    /** The issuing office's region (the city, or a district office); numbering runs per office and year. */
    officeRegionId: uuid('office_region_id'),
    number: text('number').notNull(),
    level: integer('level').notNull(),
    unitId: uuid('unit_id'),
    requirements: text('requirements').notNull(),
    /** 限期: the order's own deadline (the case's disposal deadline is never moved by 督办). */
    deadline: tz('deadline'),
    automatic: boolean('automatic').notNull().default(false),
    issuedByUserId: uuid('issued_by_user_id'),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: tz('issued_at').notNull(),
    state: text('state').$type<SupervisionOrderState>().notNull().default('issued'),
    content: jsonb('content').$type<Record<string, unknown>>().notNull().default({}),
    /** Content rebuilt when the register was introduced, from what the case held then. */
    migrated: boolean('migrated').notNull().default(false),
    signedAt: tz('signed_at'),
    signedByName: text('signed_by_name'),
    repliedAt: tz('replied_at'),
    replyText: text('reply_text'),
    replyPhotoIds: jsonb('reply_photo_ids').$type<string[]>().notNull().default([]),
    closedAt: tz('closed_at'),
    /** The 挂牌督办单 issued when this order's 限期 passed unanswered (escalated once). */
    escalatedAt: tz('escalated_at'),
    escalatedToId: uuid('escalated_to_id'),
    history: jsonb('history').$type<SupervisionOrderStep[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex('supervision_orders_office_number_uq').on(t.cityId, t.officeRegionId, t.number),
    index('supervision_orders_case_idx').on(t.cityId, t.caseId),
    index('supervision_orders_unit_idx').on(t.cityId, t.unitId, t.issuedAt),
    index('supervision_orders_due_idx').on(t.cityId, t.deadline).where(sql`state in ('issued', 'signed')`),
  ],
);

/** The problems one 督办单 covers, all of its unit: cases today; work items and inspection findings later. */
export const supervisionOrderLines = pgTable(
  'supervision_order_lines',
  {
    cityId: uuid('city_id').notNull(),
    orderId: uuid('order_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<'case' | 'work_item' | 'finding'>().notNull(),
    refId: uuid('ref_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.orderId, t.seq] }),
    index('supervision_order_lines_ref_idx').on(t.cityId, t.kind, t.refId),
  ],
);

/** Human number sequences (case numbers per day, 督办单 numbers per year). */
export const sequences = pgTable(
  'sequences',
  {
    cityId: uuid('city_id').notNull(),
    scope: text('scope').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.scope] })],
);

/** Saved case-list filters per user. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [index('saved_views_user_idx').on(t.userId)],
);

/** In-app notifications, one row per recipient. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    caseId: uuid('case_id'),
    createdAt: tz('created_at').notNull(),
    readAt: tz('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Outbox for external channels (webhook, WeCom/DingTalk robots, SMS, e-mail), delivered with retries. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    channel: text('channel').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tz('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: tz('created_at').notNull(),
    sentAt: tz('sent_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);
