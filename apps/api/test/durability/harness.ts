import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import sharp from 'sharp';
import { inject } from 'vitest';
import { createServices } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { type Database, openPostgres, wrapPglite } from '../../src/db/client';
import { loadDemoCity } from '../../src/modules/demo/index';
import { systemClock } from '../../src/platform/clock';
import { adminQuery, databaseUrl } from '../pg-admin';

/**
 * Durability harness: the real server (`node bin/chuangcheng.mjs serve`) as child processes on one
 * installation — an embedded PGlite data directory, or a fresh PostgreSQL database — killed and
 * restarted at will, and a citizen-portal client on loopback addresses. A later multi-process test
 * starts several `ServerProcess`es on one PostgreSQL installation.
 */

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');
const READY = /chuangcheng ready: (http:\/\/[^\s]+)/;
const START_TIMEOUT_MS = 120_000;

export type DbMode = 'pglite' | 'postgres';

export interface Installation {
  mode: DbMode;
  dataDir: string;
  /** The environment every server process of this installation runs with. */
  env: Record<string, string>;
  /** Removes the data directory and drops the database. */
  destroy(): Promise<void>;
}

/** The mode of the vitest project running the file (api-pglite or api-postgres). */
export function currentMode(): DbMode {
  return process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh installation from the run's migrated template (a PGlite snapshot written into the data
 * directory, or `CREATE DATABASE … TEMPLATE`), holding a small demo city with the default catalogue.
 * Extra environment (limits, intervals) is merged over the defaults.
 */
export async function createInstallation(
  mode: DbMode,
  extraEnv: Record<string, string> = {},
): Promise<Installation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-durability-'));
  const env: Record<string, string> = {
    CHUANGCHENG_DATA_DIR: dataDir,
    CHUANGCHENG_DEMO: 'false',
    CHUANGCHENG_ADMIN_PASSWORD: 'Admin@12345',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  let database: Database;
  let dropDatabase = async () => {};
  if (mode === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const name = `cc_dur_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create database ${name} template ${inject('postgresTemplate')}`);
    env.DATABASE_URL = databaseUrl(url, name);
    database = openPostgres(env.DATABASE_URL, { max: 2 });
    dropDatabase = async () => {
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    };
  } else {
    const tgz = fs.readFileSync(inject('pgliteTemplate'));
    database = wrapPglite(await PGlite.create(path.join(dataDir, 'pg'), { loadDataDir: new Blob([tgz]) }));
  }
  try {
    const config = loadConfig({ ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' });
    const demo = await loadDemoCity(database.db, { grids: 50, password: 'Demo@2026' });
    const services = createServices({ db: database.db, clock: systemClock, config });
    await database.db.transaction((tx) => services.catalog.loadDefaultCatalog(tx, demo.cityId));
  } finally {
    await database.close();
  }
  return {
    mode,
    dataDir,
    env,
    destroy: async () => {
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGKILL: no shutdown code runs (a crash, an OOM kill, a power cut of the process). */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Starts `chuangcheng serve` on the installation and waits for its ready line. */
export async function startServer(
  inst: Installation,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/chuangcheng.mjs', 'serve'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', CHUANGCHENG_SECRET: '', ...inst.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const server: Omit<ServerProcess, 'url'> = {
    pid: child.pid!,
    child,
    output: () => out,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
  try {
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`server not ready after ${START_TIMEOUT_MS} ms:\n${out}`)),
        START_TIMEOUT_MS,
      );
      const check = () => {
        const m = READY.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          done(m[1]);
        }
      };
      child.stdout?.on('data', check);
      child.stderr?.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`server exited (${code ?? signal}) before it was ready:\n${out}`));
      });
    });
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`not a loopback address: ${url}`);
    return { ...server, url };
  } catch (e) {
    await server.kill();
    throw e;
  }
}

export interface Answer {
  status: number;
  body: any;
}

/**
 * One HTTP request from a chosen loopback source address (127.0.0.x): the portal's per-IP limits
 * see distinct clients. A request the server never answered rejects (connection refused or reset).
 */
export function request(
  baseUrl: string,
  method: string,
  pathname: string,
  opts: { json?: unknown; body?: Buffer; contentType?: string; from?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const url = new URL(pathname, baseUrl);
  if (url.hostname !== '127.0.0.1') throw new Error(`loopback only: ${url.hostname}`);
  const body = opts.json !== undefined ? Buffer.from(JSON.stringify(opts.json)) : opts.body;
  return new Promise((done, fail) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: opts.from ?? '127.0.0.1',
        agent: false,
        timeout: opts.timeoutMs ?? 30_000,
        headers: body
          ? {
              'content-type': opts.json !== undefined ? 'application/json' : (opts.contentType ?? ''),
              'content-length': body.length,
            }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON
          }
          done({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(body);
  });
}

/** A small JPEG (a few hundred bytes): enough for the photo pipeline, cheap to process. */
export async function smallJpeg(seed: number): Promise<Buffer> {
  const shade = 40 + (seed % 160);
  return sharp({ create: { width: 48, height: 36, channels: 3, background: { r: shade, g: 120, b: 80 } } })
    .jpeg({ quality: 60 })
    .toBuffer();
}

/** multipart/form-data with one file field named `file`. */
export function multipartFile(data: Buffer, filename = 'photo.jpg'): { body: Buffer; contentType: string } {
  const boundary = `----cc${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: image/jpeg\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, data, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Source addresses 127.0.0.2 … for client i (the portal allows 60 photos per IP and hour). */
export const loopbackFrom = (i: number, perAddress = 50) => `127.0.0.${2 + Math.floor(i / perAddress)}`;

/** The citizen portal's configuration: a category and a point inside the city for reports. */
export async function portalTarget(
  baseUrl: string,
): Promise<{ categoryId: string; lng: number; lat: number }> {
  const r = await request(baseUrl, 'GET', '/api/public/config');
  if (r.status !== 200) throw new Error(`GET /api/public/config: ${r.status} ${JSON.stringify(r.body)}`);
  const category = r.body.categories[0];
  if (!category) throw new Error('no public category');
  const b = r.body.bounds;
  const [lng, lat] = b ? [(b.minLng + b.maxLng) / 2, (b.minLat + b.maxLat) / 2] : r.body.center;
  return { categoryId: category.id, lng, lat };
}

/** Uploads an anonymous photo and answers its id and claim token. */
export async function uploadPhoto(
  baseUrl: string,
  from: string,
  data: Buffer,
): Promise<{ id: string; token: string }> {
  const form = multipartFile(data);
  const r = await request(baseUrl, 'POST', '/api/public/photos', { ...form, from });
  if (r.status !== 201) throw new Error(`photo upload: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id, token: r.body.token };
}

/** A citizen report ready to send (and resend: the idempotency key makes it once). */
export interface PlannedReport {
  key: string;
  from: string;
  body: Record<string, unknown>;
}

/** What became of a report sent while the server was being killed. */
export interface SentReport extends PlannedReport {
  /** The tracking code when the server acknowledged the report (2xx). */
  trackingCode: string | null;
  status: number | null;
  error: string | null;
}

/**
 * Sends the reports with `concurrency` workers until all were tried or `stop()` returns true; each
 * answer (or failure) is recorded. Workers go on through a dead server, recording the failures.
 */
export async function sendReports(
  baseUrl: string,
  planned: PlannedReport[],
  opts: { concurrency: number; onAck?: (acked: number) => void },
): Promise<SentReport[]> {
  const results: SentReport[] = [];
  let next = 0;
  let acked = 0;
  const worker = async () => {
    while (next < planned.length) {
      const p = planned[next++]!;
      try {
        const r = await request(baseUrl, 'POST', '/api/public/reports', { json: p.body, from: p.from });
        const code = r.status >= 200 && r.status < 300 ? (r.body?.trackingCode ?? null) : null;
        results.push({
          ...p,
          trackingCode: code,
          status: r.status,
          error: code ? null : JSON.stringify(r.body),
        });
        if (code) opts.onAck?.(++acked);
      } catch (e) {
        results.push({ ...p, trackingCode: null, status: null, error: (e as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return results;
}
