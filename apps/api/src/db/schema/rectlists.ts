import {
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

// 整改清单: a list of problems an upper level returned after an inspection (暗访), imported from Excel
// as one batch whose rows become routed cases.

const tz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One imported 整改清单: who sent it, who uploaded it, its file and how far the case creation got. */
export const rectlists = pgTable(
  'rectlists',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    /** 整改〔2026〕003号: numbered per city per year. */
    number: text('number').notNull(),
    title: text('title').notNull(),
    /** The upper level that sent the list (省爱卫办, 市文明办 …). */
    upperUnit: text('upper_unit').notNull(),
    /** The day of the inspection (暗访) the list comes from. */
    inspectedOn: date('inspected_on'),
    /** The uploader's region subtree ('/id/…/'); null = the whole city. The batch is read within it. */
    regionPath: text('region_path'),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the uploaded file: the same file uploaded twice is noticed. */
    fileHash: text('file_hash').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedByUsername: text('uploaded_by_username').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    state: text('state', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    rowCount: integer('row_count').notNull(),
    createdCount: integer('created_count').notNull().default(0),
    failedCount: integer('failed_count').notNull().default(0),
    /** The job run creating the cases (GET /api/jobs/{id} for its progress). */
    jobId: uuid('job_id'),
    /** Why the run stopped (Chinese), when the state is failed. */
    error: text('error'),
    createdAt: tz('created_at').notNull(),
    finishedAt: tz('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex('rectlists_number_uq').on(t.cityId, t.number),
    index('rectlists_hash_idx').on(t.cityId, t.fileHash),
    index('rectlists_created_idx').on(t.cityId, t.createdAt),
  ],
);

/** A row of a 整改清单 as validated at upload, and the case made from it (or why none was). */
export const rectlistRows = pgTable(
  'rectlist_rows',
  {
    cityId: uuid('city_id').notNull(),
    batchId: uuid('batch_id').notNull(),
    /** The Excel row number (header = 1). */
    row: integer('row').notNull(),
    /** The validated row: location, category, description, 整改期限, source note, remark. */
    data: jsonb('data').notNull(),
    caseId: uuid('case_id'),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.batchId, t.row] }),
    index('rectlist_rows_case_idx').on(t.cityId, t.caseId),
  ],
);
