import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log, one hash chain per city (city_id first in the key: the distribution key).
 * Each row's hash covers its content and the previous row's hash; `audit verify` recomputes the chain.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    cityId: uuid('city_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.seq] }),
    index('audit_entity_idx').on(t.cityId, t.entityType, t.entityId),
  ],
);

/** Small key/value facts about the installation (e.g. the grid index version). */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
