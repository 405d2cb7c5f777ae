import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type Database, openPostgres, wrapPglite } from '../src/db/client';
import type { Logger } from '../src/platform/logger';
import { adminQuery, databaseUrl } from './pg-admin';

/**
 * A fresh, migrated, private database for one test file: PGlite in-process by default, a real
 * PostgreSQL database when the project runs with TEST_DB_DRIVER=postgres. Never a mock.
 * `close()` returns once every connection is closed, then drops the PostgreSQL database.
 */
export async function createTestDatabase(opts: { logger?: Pick<Logger, 'warn'> } = {}): Promise<Database> {
  if (process.env.TEST_DB_DRIVER === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `cc_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create database ${name} template ${inject('postgresTemplate')}`);
    const database = openPostgres(databaseUrl(url, name), { max: 4, logger: opts.logger });
    return {
      ...database,
      close: async () => {
        await database.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const tgz = fs.readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([tgz]) });
  return wrapPglite(client);
}
