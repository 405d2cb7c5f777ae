import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /**
     * A system administrator: manages cities and accounts, reads no case data, has no membership.
     * Every other account's role and scope are its `memberships` rows.
     */
    systemAdmin: boolean('system_admin').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

/** Server-side sessions. `id` is the SHA-256 of the cookie token, so a leaked table grants nothing. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * A user's access as rows: user × city × role × scope (region subtree or unit). One row per user today;
 * a provincial account will hold several. System administrators have none (they manage cities and
 * accounts and read no case data).
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    cityId: uuid('city_id').notNull(),
    role: text('role', { enum: ['office', 'leader', 'unit', 'grid_worker', 'inspector'] }).notNull(),
    /** The region subtree the membership covers (null = the whole city). */
    regionId: uuid('region_id'),
    /** The unit the user acts for (unit users). */
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_user_city_uq').on(t.userId, t.cityId),
    index('memberships_city_idx').on(t.cityId, t.role),
  ],
);

/**
 * Access denials (401/403 on authenticated routes) as security events (等保三级): at most one row per
 * subject (user or IP) × route × minute, with a count.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: uuid('id').primaryKey(),
    /** The minute the row covers (truncated). */
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    /** 'user:<id>' or 'ip:<address>'. */
    subject: text('subject').notNull(),
    userId: uuid('user_id'),
    cityId: uuid('city_id'),
    ip: text('ip'),
    method: text('method').notNull(),
    route: text('route').notNull(),
    status: integer('status').notNull(),
    code: text('code').notNull(),
    count: integer('count').notNull().default(1),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('security_events_bucket_uq').on(t.subject, t.method, t.route, t.minute),
    index('security_events_city_idx').on(t.cityId, t.minute),
  ],
);
