/**
 * Time from `chuangcheng serve` to ready: a first start on an empty data directory (initdb, migrations,
 * admin, demo city) and a restart on the same directory. Baseline, in the same run: opening a bare PGlite
 * on a new directory (initdb) and reopening it — the floor any embedded-database start pays.
 *
 *   node --import tsx bench/startup.bench.ts [--grids 2000] [--rounds 2]
 *     [--smoke] (or BENCH_SMOKE=1: a 50-grid demo city (the smallest the server takes), one round)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { fmt, machineInfoMarkdown, markdownTable, median } from './lib/report';
import { isSmoke, SMOKE_OPTION, writeFigures } from './lib/smoke';

const { values } = parseArgs({
  options: { grids: { type: 'string' }, rounds: { type: 'string' }, ...SMOKE_OPTION },
});
const smoke = isSmoke(values.smoke);
const grids = Number(values.grids ?? (smoke ? 50 : 2000));
const rounds = Number(values.rounds ?? (smoke ? 1 : 2));
if (!Number.isInteger(grids) || grids <= 0 || !Number.isInteger(rounds) || rounds <= 0)
  throw new Error(`--grids and --rounds must be positive integers, got ${values.grids} and ${values.rounds}`);
const root = path.resolve(import.meta.dirname, '..');

/** Starts the real server as a child process and resolves with ms until its "ready" line. */
function serveUntilReady(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin/chuangcheng.mjs'), 'serve'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CHUANGCHENG_DATA_DIR: dataDir,
        CHUANGCHENG_ADMIN_PASSWORD: 'Bench@12345',
        CHUANGCHENG_DEMO_GRIDS: String(grids),
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ready line after 300 s:\n${out}`));
    }, 300_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('chuangcheng ready:')) {
        const ms = performance.now() - t0;
        clearTimeout(timer);
        child.once('exit', () => resolve(ms));
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.once('exit', (code) => {
      if (!out.includes('chuangcheng ready:')) {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${out}`));
      }
    });
  });
}

async function pgliteOpen(dir: string): Promise<number> {
  const t0 = performance.now();
  const db = await PGlite.create(dir);
  await db.query('select 1');
  const ms = performance.now() - t0;
  await db.close();
  return ms;
}

const rows: { first: number; restart: number; initdb: number; reopen: number }[] = [];
for (let i = 0; i < rounds; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-start-'));
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-pglite-'));
  const initdb = await pgliteOpen(path.join(base, 'pg'));
  const reopen = await pgliteOpen(path.join(base, 'pg'));
  const first = await serveUntilReady(dir);
  const restart = await serveUntilReady(dir);
  rows.push({ first, restart, initdb, reopen });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(base, { recursive: true, force: true });
  console.error(
    `round ${i + 1}: first ${fmt(first)} ms, restart ${fmt(restart)} ms, baseline initdb ${fmt(initdb)} ms / reopen ${fmt(reopen)} ms`,
  );
}

const m = (k: keyof (typeof rows)[number]) => median(rows.map((r) => r[k]));
console.log(
  `## Start-up time (${fmt(grids)} demo grids, median of ${rounds} rounds)${smoke ? ' — smoke mode: tiny data, timings meaningless' : ''}\n`,
);
console.log(
  markdownTable(
    ['measure', 'ms', 'baseline (bare PGlite, same run)', 'ratio'],
    [
      [
        'first start: empty dir → ready (initdb, migrate, admin, demo city)',
        fmt(m('first')),
        `initdb ${fmt(m('initdb'))} ms`,
        `${fmt(m('first') / m('initdb'), 1)}×`,
      ],
      [
        'restart: same dir → ready',
        fmt(m('restart')),
        `reopen ${fmt(m('reopen'))} ms`,
        `${fmt(m('restart') / m('reopen'), 1)}×`,
      ],
    ],
  ),
);
console.log(`\n${machineInfoMarkdown()}`);
writeFigures({
  bench: 'startup',
  smoke,
  ratios: {
    'first start ÷ bare PGlite initdb': m('first') / m('initdb'),
    'restart ÷ bare PGlite reopen': m('restart') / m('reopen'),
  },
});
