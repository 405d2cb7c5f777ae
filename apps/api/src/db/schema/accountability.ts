import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The city's lists of 问责情形 (situations that call for accountability) and 问责方式 (its forms), in
 * order; an entry in use is deactivated, never deleted.
 */
export const accountabilityKinds = pgTable(
  'accountability_kinds',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    type: text('type', { enum: ['situation', 'method'] }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    uniqueIndex('accountability_kinds_name_uq').on(t.cityId, t.type, t.name),
  ],
);

/**
 * The 问责 register: one decision on a unit (and the person held to account), with its 情形 and 方式
 * (null = 未分类), the cases and 督办单 it is about, and the region whose offices may read it.
 */
export const accountabilityRecords = pgTable(
  'accountability_records',
  {
    cityId: uuid('city_id').notNull(),
    id: uuid('id').notNull(),
    /** The case the decision was recorded on (the case's 问责 action), if any. */
    caseId: uuid('case_id'),
    unitId: uuid('unit_id').notNull(),
    situationId: uuid('situation_id'),
    methodId: uuid('method_id'),
    personName: text('person_name'),
    personPost: text('person_post'),
    decidedOn: date('decided_on').notNull(),
    text: text('text').notNull(),
    caseIds: uuid('case_ids').array().notNull().default(sql`'{}'::uuid[]`),
    supervisionOrderIds: uuid('supervision_order_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Region path ('/id/…/') of the unit, else of the case: a district office reads the entries under it. */
    scopePath: text('scope_path').notNull(),
    byUserId: uuid('by_user_id'),
    byName: text('by_name').notNull(),
    at: tz('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.id] }),
    index('accountability_unit_idx').on(t.cityId, t.unitId),
    index('accountability_decided_idx').on(t.cityId, t.decidedOn),
  ],
);
