import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { createLogger, type Logger } from '../platform/logger';
import { acquireDataDirLock, type DataDirLock } from './lock';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The database handle every repository takes; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** How long `close()` waits for the server to hang up each connection before giving up on it. */
const HANG_UP_WAIT_MS = 5000;

/**
 * A connection's error (the server restarted, an administrator ended the session, the network dropped)
 * is logged, never thrown: pg emits it as an `error` event, which without a listener crashes the process.
 * An idle connection's error reaches both its own listener and the pool's: logged once.
 */
function connectionErrorLogger(logger: Pick<Logger, 'warn'>) {
  const seen = new WeakSet<object>();
  return (e: Error & { code?: string }) => {
    if (seen.has(e)) return;
    seen.add(e);
    logger.warn('database connection error', { code: e.code, message: e.message });
  };
}

/** PostgreSQL server (production): DATABASE_URL. */
export function openPostgres(
  url: string,
  opts: { max?: number; logger?: Pick<Logger, 'warn'> } = {},
): Database {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  const logError = connectionErrorLogger(opts.logger ?? createLogger('warn'));
  pool.on('error', logError);
  // Connections whose socket is still open: `pool.end()` resolves once it has asked each to end, not
  // when the server has hung up, so a database dropped right after would still see them.
  const open = new Set<pg.PoolClient>();
  let allClosed: (() => void) | null = null;
  pool.on('connect', (client) => {
    open.add(client);
    client.on('error', logError); // also while checked out, between two queries
  });
  pool.on('remove', (client) => {
    open.delete(client);
    if (open.size === 0) allClosed?.();
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    /** Waits for running queries, ends every connection and returns once the server has closed them. */
    close: async () => {
      await pool.end();
      if (open.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => {
          allClosed = resolve;
        }),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, HANG_UP_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

/** An already-open PGlite instance (tests load one from a migrated snapshot). */
export function wrapPglite(client: PGlite, onClose?: () => void): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      await client.close();
      onClose?.();
    },
  };
}

/**
 * The embedded database in `dataDir/pg`. Two PGlite processes on one directory silently lose data, so
 * this takes an exclusive lock file first and refuses to open when another live process holds it.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(path.join(dataDir, 'pg'));
    return wrapPglite(client, () => lock.release());
  } catch (e) {
    lock.release();
    throw e;
  }
}

export function openDatabase(cfg: { databaseUrl: string | undefined; dataDir: string }): Promise<Database> {
  return cfg.databaseUrl ? Promise.resolve(openPostgres(cfg.databaseUrl)) : openPglite(cfg.dataDir);
}
