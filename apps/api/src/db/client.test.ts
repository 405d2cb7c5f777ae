/**
 * The PostgreSQL pool's life cycle on a real server: `close()` returns only once the server has closed
 * every connection (each test file's database is dropped `with (force)` right after), and a connection
 * the server ends — idle, or checked out between two queries of a transaction — is logged, never
 * thrown as an unhandled `error` event. PostgreSQL only: PGlite has no connections.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl } from '../../test/pg-admin';
import { type Database, openPostgres } from './client';

const url = process.env.TEST_DATABASE_URL ?? '';
const name = `cc_pool_${randomBytes(6).toString('hex')}`;

/** A logger that keeps what it is told. */
function capture() {
  const lines: { msg: string; fields?: Record<string, unknown> }[] = [];
  return { lines, warn: (msg: string, fields?: Record<string, unknown>) => void lines.push({ msg, fields }) };
}

/** The rows of a raw query (the shared `Db` type leaves them untyped). */
const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

async function until(what: string, ok: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(process.env.TEST_DB_DRIVER !== 'postgres')('PostgreSQL pool', () => {
  beforeAll(() => adminQuery(url, `create database ${name}`));
  afterAll(() => adminQuery(url, `drop database if exists ${name} with (force)`));

  it('close() returns once the server has closed every connection, so the database can be dropped at once', async () => {
    // Connected beforehand, so the count is read the moment close() returns.
    const admin = new pg.Client({ connectionString: url });
    admin.on('error', () => undefined);
    await admin.connect();
    try {
      for (let round = 0; round < 20; round++) {
        const log = capture();
        const database = openPostgres(databaseUrl(url, name), { max: 4, logger: log });
        // Four connections at once, all idle in the pool when close() is called.
        await Promise.all([1, 2, 3, 4].map(() => database.db.execute(sql`select pg_sleep(0.02)`)));
        await database.close();
        const { rows } = await admin.query(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        expect(rows[0].n, `connections left in round ${round}`).toBe(0);
        expect(log.lines).toEqual([]);
      }
    } finally {
      await admin.end();
    }
  });

  describe('a connection the server ends', () => {
    let database: Database;
    const log = capture();
    beforeAll(() => {
      database = openPostgres(databaseUrl(url, name), { max: 2, logger: log });
    });
    afterAll(() => database?.close());

    it('while idle in the pool is logged, not thrown, and the pool opens a new one', async () => {
      log.lines.length = 0;
      await database.db.execute(sql`select 1`);
      await adminQuery(
        url,
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`,
      );
      await until('the logged error', () => log.lines.length > 0);
      expect(log.lines).toEqual([
        { msg: 'database connection error', fields: { code: '57P01', message: expect.any(String) } },
      ]);
      const r = await database.db.execute(sql`select 2 as n`);
      expect(rowsOf(r)).toEqual([{ n: 2 }]);
    });

    it('between two queries of a transaction is logged, and the transaction fails', async () => {
      log.lines.length = 0;
      const tx = database.db.transaction(async (t) => {
        const r = await t.execute(sql`select pg_backend_pid() as pid`);
        await adminQuery(url, `select pg_terminate_backend(${Number(rowsOf(r)[0]!.pid)})`);
        await until('the logged error', () => log.lines.length > 0);
        await t.execute(sql`select 1`);
      });
      await expect(tx).rejects.toThrow();
      // The server's message, then (the socket closing under a checked-out client) the hang-up.
      expect(log.lines[0]).toEqual({
        msg: 'database connection error',
        fields: { code: '57P01', message: expect.any(String) },
      });
      expect(log.lines.map((l) => l.msg)).toEqual(log.lines.map(() => 'database connection error'));
      const r = await database.db.execute(sql`select 3 as n`);
      expect(rowsOf(r)).toEqual([{ n: 3 }]);
    });
  });
});
