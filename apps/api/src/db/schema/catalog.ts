import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A catalogue version per city; an Excel import creates a new one, activating it switches. */
export const catalogVersions = pgTable(
  'catalog_versions',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    version: integer('version').notNull(),
    note: text('note'),
    active: boolean('active').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalog_versions_uq').on(t.cityId, t.version)],
);

/** 大类 / 小类 / 细类 of one catalogue version; the kind (部件/事件) is a column, not a row. */
export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    versionId: uuid('version_id').notNull(),
    parentId: uuid('parent_id'),
    kind: text('kind', { enum: ['component', 'event'] }).notNull(),
    level: text('level', { enum: ['major', 'minor', 'detail'] }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    departmentId: uuid('department_id'),
    /** The department's name as the catalogue states it (kept when no unit matches). */
    departmentName: text('department_name'),
    severity: text('severity', { enum: ['low', 'normal', 'high', 'critical'] })
      .notNull()
      .default('normal'),
    disabled: boolean('disabled').notNull().default(false),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    uniqueIndex('categories_code_uq').on(t.versionId, t.kind, t.code),
    index('categories_parent_idx').on(t.versionId, t.parentId),
  ],
);

/** 立案条件 of a category: text, time limit, 结案条件. */
export const filingConditions = pgTable(
  'filing_conditions',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    categoryId: uuid('category_id').notNull(),
    text: text('text').notNull(),
    limitValue: doublePrecision('limit_value').notNull(),
    limitUnit: text('limit_unit', {
      enum: ['urgent_hours', 'work_hours', 'work_days', 'natural_days'],
    }).notNull(),
    closing: text('closing').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('filing_conditions_category_idx').on(t.categoryId)],
);

/** Ordered routing rules (派遣规则). */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    priority: integer('priority').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    categoryIds: jsonb('category_ids').$type<string[]>().notNull().default([]),
    regionId: uuid('region_id'),
    blockId: uuid('block_id'),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
    owners: jsonb('owners').$type<string[]>().notNull().default([]),
    leadUnitId: uuid('lead_unit_id').notNull(),
    coUnitIds: jsonb('co_unit_ids').$type<string[]>().notNull().default([]),
    limits: jsonb('limits').$type<Record<string, { value: number; unit: string }>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('routing_rules_city_idx').on(t.cityId, t.priority)],
);

/** The city's working calendar (office hours, holidays, 调休) as data. */
export const calendars = pgTable('calendars', {
  cityId: uuid('city_id').primaryKey(),
  data: jsonb('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 行业主管 (谁主管、谁负责): the categories a department supervises. Named by kind + code, so the
 * configuration holds across catalogue versions; a supervised category covers its descendants.
 */
export const unitTrades = pgTable(
  'unit_trades',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind', { enum: ['component', 'event'] }).notNull(),
    code: text('code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unit_trades_uq').on(t.cityId, t.unitId, t.kind, t.code),
    index('unit_trades_code_idx').on(t.cityId, t.kind, t.code),
  ],
);
