import pg from 'pg';
import { createLogger } from '../src/platform/logger';

const logger = createLogger('warn');

/**
 * Runs statements (create or drop a database) on a short-lived connection to the server at `url` and
 * answers the last one's rows. A connection error is logged instead of crashing the test process; the
 * connection is ended, and the server has hung up, before this returns.
 */
export async function adminQuery(url: string, ...statements: string[]): Promise<Record<string, unknown>[]> {
  const admin = new pg.Client({ connectionString: url });
  admin.on('error', (e: Error & { code?: string }) =>
    logger.warn('test database admin connection error', { code: e.code, message: e.message }),
  );
  await admin.connect();
  try {
    let rows: Record<string, unknown>[] = [];
    for (const s of statements) rows = (await admin.query(s)).rows;
    return rows;
  } finally {
    await admin.end();
  }
}

/** The URL of database `name` on the server of `url`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
