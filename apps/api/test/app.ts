import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@chuangcheng/contracts';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import type { Database } from '../src/db/client';
import { fixedClock } from '../src/platform/clock';
import { createLogger } from '../src/platform/logger';
import { createTestDatabase } from './db';

export const TEST_PASSWORD = 'Test@12345';

/** A real app on a fresh database with a settable clock; `as(role)` logs in a user of that role. */
export async function createTestApp(env: Record<string, string> = {}) {
  const database: Database = await createTestDatabase();
  const clock = fixedClock('2026-11-23T02:00:00Z');
  const config = loadConfig({
    CHUANGCHENG_DATA_DIR: '.tmp/unused',
    CHUANGCHENG_FILES_DIR: mkdtempSync(path.join(os.tmpdir(), 'cc-files-')),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const logger = createLogger(process.env.TEST_LOG_LEVEL === 'error' ? 'error' : 'silent');
  const built = createApp({ db: database.db, clock, config, logger });
  const { app, services } = built;

  async function call(
    method: string,
    path: string,
    opts: { body?: unknown; session?: Session; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.body !== undefined && !(opts.body instanceof FormData) && !headers['content-type'])
      headers['content-type'] = 'application/json';
    if (opts.session) {
      headers.cookie = `cc_session=${opts.session.token}`;
      headers['x-csrf-token'] ??= opts.session.csrf;
    }
    const res = await app.request(path, {
      method,
      headers,
      body:
        opts.body === undefined
          ? undefined
          : typeof opts.body === 'string' || opts.body instanceof FormData
            ? (opts.body as string | FormData)
            : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json as any, headers: res.headers };
  }

  async function login(username: string, password = TEST_PASSWORD): Promise<Session> {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie') ?? '';
    const token = /cc_session=([^;]+)/.exec(cookie)?.[1] ?? '';
    const me = (await res.json()) as { csrfToken: string; id: string };
    return { token, csrf: me.csrfToken, userId: me.id };
  }

  return {
    ...built,
    database,
    db: database.db,
    clock,
    config,
    call,
    login,
    services,
    /** Stops background work a test started (the job runner), then closes and drops the database. */
    close: async () => {
      await (services as { jobs?: { stop(): Promise<void> } }).jobs?.stop();
      await database.close();
    },
  };
}

export interface Session {
  token: string;
  csrf: string;
  userId: string;
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type { Role };
