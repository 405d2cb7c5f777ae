import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases';

const tz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Stage attribution (domain cases/stages.ts): who held which stage of a case, from when to when,
 * against which deadline, how it ended. Rewritten from the case's event log in the transaction that
 * appends an event; the KPIs and the province roll-up count these rows.
 */
export const caseStages = pgTable(
  'case_stages',
  {
    cityId: uuid('city_id').notNull(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    /** dispatch (office) · dispose (unit, lead or assist) · verify (checkers). */
    kind: text('kind').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id'),
    startedBy: text('started_by').notNull(),
    startedAt: tz('started_at').notNull(),
    endedAt: tz('ended_at'),
    outcome: text('outcome'),
    deadline: tz('deadline'),
    acceptDeadline: tz('accept_deadline'),
    acceptedAt: tz('accepted_at'),
    pausedMinutes: integer('paused_minutes').notNull().default(0),
    pausedSince: tz('paused_since'),
    pendingSince: tz('pending_since'),
    closes: boolean('closes').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.cityId, t.caseId, t.seq] }),
    foreignKey({ columns: [t.cityId, t.caseId], foreignColumns: [cases.cityId, cases.id] }),
    // Per-unit and per-period figures (the unit's KPIs, the province roll-up).
    index('case_stages_unit_idx').on(t.cityId, t.unitId, t.startedAt).where(sql`unit_id is not null`),
    index('case_stages_kind_idx').on(t.cityId, t.kind, t.startedAt),
  ],
);
