/**
 * Upgrading an installation turns the 问责 recorded on cases into register entries: the reason becomes
 * the text, 情形 and 方式 stay empty (未分类), the decision date is the record's day in the city, the case
 * is linked, and the entry lies where its unit lies (a city-level unit: where its case lies).
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

const id = (n: number) => `0190a000-0000-7000-8000-0000000002${String(n).padStart(2, '0')}`;
const CITY = id(1);
const DISTRICT = id(2);
const STREET_UNIT = id(3);
const CITY_UNIT = id(4);

// The migrations are the same SQL on both engines: run once, on an in-process PostgreSQL (PGlite).
const onPostgresProject = process.env.TEST_DB_DRIVER === 'postgres';

let db: PGlite;
beforeAll(async () => {
  if (onPostgresProject) return;
  db = await PGlite.create();
  for (const f of files.filter((f) => f < '0013')) await apply(db, f);
  await db.exec(`
    insert into regions (id, city_id, parent_id, code, name, level, path) values
      ('${CITY}', '${CITY}', null, '990100', '示范市', 'city', '/${CITY}/'),
      ('${DISTRICT}', '${CITY}', '${CITY}', '990102', '东区', 'district', '/${CITY}/${DISTRICT}/');
    insert into units (id, city_id, code, name, kind, region_id) values
      ('${STREET_UNIT}', '${CITY}', 'S1', '东区环卫所', 'street', '${DISTRICT}'),
      ('${CITY_UNIT}', '${CITY}', 'CG', '城管局', 'department', '${CITY}');
    insert into accountability_records (city_id, id, case_id, unit_id, reason, by_user_id, by_name, at) values
      ('${CITY}', '${id(10)}', '${id(20)}', '${STREET_UNIT}', '逾期未整改', null, '创建办', '2026-11-23T17:30:00Z'),
      ('${CITY}', '${id(11)}', null, '${CITY_UNIT}', '配合不力', null, '创建办', '2026-11-23T02:00:00Z');
  `);
  for (const f of files.filter((f) => f >= '0013')) await apply(db, f);
});
afterAll(() => db?.close());

describe.skipIf(onPostgresProject)('upgrading turns recorded 问责 into register entries', () => {
  it('moves the reason to the text, dates the decision in the city, links the case, scopes by unit', async () => {
    const { rows } = await db.query<Record<string, unknown>>(
      `select id, text, situation_id, method_id, decided_on::text as decided_on, case_ids::text as case_ids,
              supervision_order_ids::text as orders, scope_path
         from accountability_records order by id`,
    );
    expect(rows).toEqual([
      {
        id: id(10),
        text: '逾期未整改',
        situation_id: null,
        method_id: null,
        // 17:30 UTC is 01:30 the next day in the city.
        decided_on: '2026-11-24',
        case_ids: `{${id(20)}}`,
        orders: '{}',
        scope_path: `/${CITY}/${DISTRICT}/`,
      },
      {
        id: id(11),
        text: '配合不力',
        situation_id: null,
        method_id: null,
        decided_on: '2026-11-23',
        case_ids: '{}',
        orders: '{}',
        scope_path: `/${CITY}/`,
      },
    ]);
    const cols = await db.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'accountability_records'`,
    );
    expect(cols.rows.map((c) => c.column_name)).not.toContain('reason');
  });
});
