import {
  boolean,
  date,
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

// Tables of the public and field side (issue 4): abuse limits, 回头看 re-inspections, the exposure
// board and 红黑榜, and Open311 API keys.

const tz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Fixed-window hit counters for abuse limits (per IP, per phone); shared by every server process. */
export const rateHits = pgTable(
  'rate_hits',
  {
    key: text('key').notNull(),
    windowStart: tz('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_hits_window_idx').on(t.windowStart)],
);

/** 回头看: a scheduled re-inspection of a closed case (random sample of a period's closings). */
export const revisits = pgTable(
  'revisits',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    batchId: uuid('batch_id').notNull(),
    caseId: uuid('case_id').notNull(),
    status: text('status', { enum: ['pending', 'ok', 'relapsed'] })
      .notNull()
      .default('pending'),
    dueDate: date('due_date'),
    note: text('note'),
    /** The new case opened when the re-inspection found the problem back. */
    relapseCaseId: uuid('relapse_case_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: tz('created_at').notNull(),
    doneByName: text('done_by_name'),
    doneAt: tz('done_at'),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index('revisits_batch_idx').on(t.cityId, t.batchId),
    uniqueIndex('revisits_case_batch_uq').on(t.cityId, t.batchId, t.caseId),
  ],
);

/** 曝光台: a case the office published, with its public text. */
export const exposures = pgTable(
  'exposures',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    title: text('title').notNull(),
    comment: text('comment'),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: tz('published_at').notNull(),
    withdrawnAt: tz('withdrawn_at'),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index('exposures_published_idx').on(t.cityId, t.publishedAt),
    uniqueIndex('exposures_case_uq').on(t.cityId, t.caseId),
  ],
);

/** 红黑榜: a published ranking of units for a period, frozen as published. */
export const rankingBoards = pgTable(
  'ranking_boards',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    /** The red and black lists as published (unit, rates, rank). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    published: boolean('published').notNull().default(false),
    createdByName: text('created_by_name').notNull(),
    createdAt: tz('created_at').notNull(),
    publishedAt: tz('published_at'),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index('ranking_boards_city_idx').on(t.cityId, t.createdAt),
  ],
);

/** Open311 API keys: only the SHA-256 of the key is stored. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: tz('created_at').notNull(),
    revokedAt: tz('revoked_at'),
    lastUsedAt: tz('last_used_at'),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash), index('api_keys_city_idx').on(t.cityId)],
);
