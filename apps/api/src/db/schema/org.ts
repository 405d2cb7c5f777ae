import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Administrative regions: city → district → street → community. `path` is '/id/id/…/' for subtree scans. */
export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['city', 'district', 'street', 'community'] }).notNull(),
    path: text('path').notNull(),
    ...stamps,
  },
  (t) => [
    uniqueIndex('regions_code_uq').on(t.code),
    index('regions_parent_idx').on(t.cityId, t.parentId),
    index('regions_path_idx').on(t.path.op('text_pattern_ops')),
  ],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['department', 'street', 'community', 'other'] }).notNull(),
    parentId: uuid('parent_id'),
    regionId: uuid('region_id'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('units_code_uq').on(t.cityId, t.code),
    index('units_region_idx').on(t.cityId, t.regionId),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    duties: text('duties').array().notNull().default(sql`'{}'::text[]`),
    userId: uuid('user_id'),
    ...stamps,
  },
  (t) => [index('people_unit_idx').on(t.cityId, t.unitId)],
);

/**
 * Unit grids. A row is one version of a grid: changing the geometry closes the row (valid_to) and opens
 * a new one with the same code, so history is kept. At most one open version per code.
 */
export const grids = pgTable(
  'grids',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    communityId: uuid('community_id').notNull(),
    blockId: uuid('block_id'),
    leadUnitId: uuid('lead_unit_id'),
    leaderId: uuid('leader_id'),
    geometry: jsonb('geometry').notNull(),
    minLng: doublePrecision('min_lng').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    areaM2: doublePrecision('area_m2').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('grids_current_code_uq').on(t.cityId, t.code).where(sql`valid_to is null`),
    index('grids_code_idx').on(t.cityId, t.code),
    index('grids_community_idx').on(t.cityId, t.communityId),
    index('grids_block_idx').on(t.cityId, t.blockId),
  ],
);

export const gridUnits = pgTable(
  'grid_units',
  {
    gridId: uuid('grid_id').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gridId, t.unitId] }), index('grid_units_unit_idx').on(t.unitId)],
);

export const gridWorkers = pgTable(
  'grid_workers',
  {
    gridId: uuid('grid_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gridId, t.personId] }), index('grid_workers_person_idx').on(t.personId)],
);

/** 责任区块: a named set of grids (grids.block_id) with one lead department and responsible units. */
export const blocks = pgTable(
  'blocks',
  {
    id: uuid('id').primaryKey(),
    cityId: uuid('city_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    leadUnitId: uuid('lead_unit_id').notNull(),
    leaderId: uuid('leader_id'),
    note: text('note'),
    ...stamps,
  },
  (t) => [uniqueIndex('blocks_code_uq').on(t.cityId, t.code)],
);

export const blockUnits = pgTable(
  'block_units',
  {
    blockId: uuid('block_id').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.blockId, t.unitId] })],
);
