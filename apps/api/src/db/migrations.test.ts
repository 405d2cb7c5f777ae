/**
 * Upgrading an installation moves every account's access into `memberships`: a database at the
 * previous release (migrations up to 0004, accounts holding role, city, region and unit) is migrated
 * to the current schema, and each staff account keeps exactly the access it had; the administrator
 * becomes a system administrator; an account that had no city (installation-wide staff, the scope
 * hole this closes) keeps no access.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from './client';

const files = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();

async function apply(db: PGlite, file: string) {
  const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
  for (const statement of sql.split('--> statement-breakpoint')) {
    if (statement.trim()) await db.exec(statement);
  }
}

const CITY = '0190a000-0000-7000-8000-000000000001';
const DISTRICT = '0190a000-0000-7000-8000-000000000002';
const UNIT = '0190a000-0000-7000-8000-000000000003';
const id = (n: number) => `0190a000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

// The migrations are the same SQL on both engines: run once, on an in-process PostgreSQL (PGlite).
const onPostgresProject = process.env.TEST_DB_DRIVER === 'postgres';

let db: PGlite;
beforeAll(async () => {
  if (onPostgresProject) return;
  db = await PGlite.create();
  const before = files.filter((f) => f < '0005');
  expect(before.length).toBe(5);
  for (const f of before) await apply(db, f);
  await db.exec(`
    insert into regions (id, city_id, parent_id, code, name, level, path) values
      ('${CITY}', '${CITY}', null, '990100', '示范市', 'city', '/${CITY}/'),
      ('${DISTRICT}', '${CITY}', '${CITY}', '990102', '东区', 'district', '/${CITY}/${DISTRICT}/');
    insert into users (id, city_id, username, display_name, password_hash, role, region_id, unit_id) values
      ('${id(1)}', null, 'admin', '管理员', 'h', 'admin', null, null),
      ('${id(2)}', '${CITY}', 'office', '创建办', 'h', 'office', null, null),
      ('${id(3)}', '${CITY}', 'office_d', '区创建办', 'h', 'office', '${DISTRICT}', null),
      ('${id(4)}', '${CITY}', 'unit', '城管局', 'h', 'unit', null, '${UNIT}'),
      ('${id(5)}', null, 'nowhere', '无城市', 'h', 'leader', null, null);
  `);
  for (const f of files.filter((f) => f >= '0005')) await apply(db, f);
});
afterAll(() => db?.close());

describe.skipIf(onPostgresProject)('upgrading moves access into memberships', () => {
  it('keeps each staff account’s role and scope as its membership', async () => {
    const { rows } = await db.query<{
      username: string;
      role: string;
      city_id: string;
      region_id: string | null;
      unit_id: string | null;
    }>(
      `select u.username, m.role, m.city_id, m.region_id, m.unit_id
         from memberships m join users u on u.id = m.user_id order by u.username`,
    );
    expect(rows).toEqual([
      { username: 'office', role: 'office', city_id: CITY, region_id: null, unit_id: null },
      { username: 'office_d', role: 'office', city_id: CITY, region_id: DISTRICT, unit_id: null },
      { username: 'unit', role: 'unit', city_id: CITY, region_id: null, unit_id: UNIT },
    ]);
  });

  it('makes the administrator a system administrator and leaves a city-less account without access', async () => {
    const { rows } = await db.query<{ username: string; system_admin: boolean }>(
      'select username, system_admin from users order by username',
    );
    expect(rows.map((r) => [r.username, r.system_admin])).toEqual([
      ['admin', true],
      ['nowhere', false],
      ['office', false],
      ['office_d', false],
      ['unit', false],
    ]);
    const cols = await db.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'users'`,
    );
    const names = cols.rows.map((c) => c.column_name);
    for (const gone of ['role', 'city_id', 'region_id', 'unit_id']) expect(names).not.toContain(gone);
  });
});
