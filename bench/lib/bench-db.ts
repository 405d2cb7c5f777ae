/**
 * A throwaway, migrated database for one benchmark run — PGlite in a temp directory or a fresh database
 * on a PostgreSQL server — with the real services built on it and a driver-level handle for baselines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createServices, type Services } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config/config';
import { type Database, type Db, openPglite, openPostgres } from '../../apps/api/src/db/client';
import { memberActor } from '../../apps/api/src/modules/auth/index';
import { loadDefaultCatalog } from '../../apps/api/src/modules/catalog/index';
import { loadDemoCity } from '../../apps/api/src/modules/demo/index';
import type { Actor, Ctx } from '../../apps/api/src/platform/actor';
import { fixedClock } from '../../apps/api/src/platform/clock';

export type DbKind = 'pglite' | 'postgres';

/** SQL straight through the driver, bypassing drizzle: the baseline side of every ratio. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (simple protocol). */
  exec(text: string): Promise<void>;
  /** Statements in one transaction on one connection. */
  transaction(statements: readonly [string, unknown[]][]): Promise<void>;
}

export interface BenchDb {
  kind: DbKind;
  database: Database;
  db: Db;
  raw: RawSql;
  /** A human description (PGlite directory or PostgreSQL server version). */
  describe: string;
  /** Closes the connection and removes the directory / drops the database. */
  dispose(): Promise<void>;
}

/** Opens PGlite in a new temp directory and migrates it. */
export async function openBenchPglite(): Promise<BenchDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-cases-'));
  const database = await openPglite(dir);
  await database.migrate();
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const raw: RawSql = {
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    exec: async (text) => {
      await client.exec(text);
    },
    transaction: async (statements) => {
      await client.transaction(async (tx) => {
        for (const [text, params] of statements) await tx.query(text, params);
      });
    },
  };
  const [v] = await raw.query<{ v: string }>("select current_setting('server_version') as v");
  return {
    kind: 'pglite',
    database,
    db: database.db,
    raw,
    describe: `PGlite (PostgreSQL ${v?.v ?? '?'} in WASM, in-process), data dir in ${os.tmpdir()}`,
    dispose: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates `bench_cases_<pid>` on the server at `adminUrl`, migrates it; dispose drops it. */
export async function openBenchPostgres(adminUrl: string): Promise<BenchDb> {
  const name = `bench_cases_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString());
  await database.migrate();
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const raw: RawSql = {
    query: async <T>(text: string, params?: unknown[]) =>
      (await pool.query(text, params as unknown[])).rows as T[],
    exec: async (text) => {
      await pool.query(text);
    },
    transaction: async (statements) => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        for (const [text, params] of statements) await c.query(text, params);
        await c.query('commit');
      } catch (e) {
        await c.query('rollback');
        throw e;
      } finally {
        c.release();
      }
    },
  };
  const [v] = await raw.query<{ v: string }>("select current_setting('server_version') as v");
  return {
    kind: 'postgres',
    database,
    db: database.db,
    raw,
    describe: `PostgreSQL ${v?.v ?? '?'} at ${url.host} (default server settings, pool of 10)`,
    dispose: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface BenchCity {
  cityId: string;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  office: Ctx;
  inspector: Ctx;
  /** Wall time of loading the demo city and the default catalogue. */
  setupMs: number;
}

const ctxOf = (actor: Actor): Ctx => ({ actor, meta: { requestId: 'bench', ip: null } });

/**
 * The demo city (loadDemoCity) with the default catalogue, the services of one API process on a clock
 * the benchmark sets, and the office and inspector actors as the users table has them.
 */
export async function setupCity(b: BenchDb, opts: { grids: number; now: Date }): Promise<BenchCity> {
  const t0 = performance.now();
  const demo = await loadDemoCity(b.db, { grids: opts.grids, password: 'Bench@12345' });
  await b.db.transaction((tx) => loadDefaultCatalog(tx, demo.cityId, opts.now).then(() => undefined));
  const setupMs = performance.now() - t0;
  const clock = fixedClock(opts.now);
  const config = loadConfig({
    CHUANGCHENG_DATA_DIR: path.join(os.tmpdir(), 'cc-bench-unused'),
    CHUANGCHENG_FILES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-files-')),
    // An external channel makes escalations write outbox rows, as a configured deployment does
    // (nothing delivers them during the benchmark).
    NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:9/bench',
    LOG_LEVEL: 'silent',
  });
  const services = createServices({ db: b.db, clock, config });
  const actor = async (username: string): Promise<Ctx> =>
    ctxOf(await memberActor(b.db, demo.cityId, username));
  return {
    cityId: demo.cityId,
    services,
    clock,
    office: await actor('office'),
    inspector: await actor('inspector'),
    setupMs,
  };
}
