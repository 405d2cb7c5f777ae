/**
 * 迎检资料包 export throughput (issue 5): `evidence.exportPackage` (the service: tree layout, 目录.xlsx and
 * 目录.docx, audit entry, files streamed from the FileStore through yazl) — and the same through the
 * HTTP route (Web stream, Content-Length) — against a plain yazl zip of the same stored files, read the
 * same way (FileStore.get per file, stored not deflated), written to the same counting sink in the same
 * run. Target: service MB/s ≥ 0.8 × baseline MB/s.
 *
 *   node --expose-gc --import tsx bench/evidence.bench.ts [--files 500] [--min-kb 200] [--max-kb 2048] [--rounds 5]
 * Environment: BENCH_QUICK=1 (60 files).
 * Smoke mode (--smoke or BENCH_SMOKE=1): 6 files of 16–64 KB, one round — every code path, timings meaningless.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ZipFile } from 'yazl';
import { createApp, createServices } from '../apps/api/src/app';
import { loadConfig } from '../apps/api/src/config/config';
import {
  campaigns,
  campaignTasks,
  evidenceFiles,
  standardNodes,
  standards,
} from '../apps/api/src/db/schema/index';
import { type FileStore, localFileStore } from '../apps/api/src/platform/file-store';
import { newId } from '../apps/api/src/platform/ids';
import { createLogger } from '../apps/api/src/platform/logger';
import { openBenchPglite, setupCity } from './lib/bench-db';
import { fmt, machineInfoMarkdown, markdownTable, median } from './lib/report';
import { isSmoke, SMOKE_OPTION, writeFigures } from './lib/smoke';

const TARGET = 0.8;
const { values } = parseArgs({
  options: {
    files: { type: 'string' },
    'min-kb': { type: 'string' },
    'max-kb': { type: 'string' },
    rounds: { type: 'string' },
    ...SMOKE_OPTION,
  },
});
const smoke = isSmoke(values.smoke);
const quick = !smoke && process.env.BENCH_QUICK === '1';
const cfg = {
  files: Number(values.files ?? (smoke ? 6 : quick ? 60 : 500)),
  minKb: Number(values['min-kb'] ?? (smoke ? 16 : 200)),
  maxKb: Number(values['max-kb'] ?? (smoke ? 64 : 2048)),
  rounds: Number(values.rounds ?? (smoke ? 1 : 5)),
};
for (const [k, v] of Object.entries(cfg))
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${k} must be a positive integer, got ${v}`);
if (cfg.minKb > cfg.maxKb) throw new Error('--min-kb must not exceed --max-kb');

/** A sink that counts and drops bytes: the same for every contender, so only the zip side differs. */
function countingSink(): { sink: Writable; bytes: () => number } {
  let n = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      cb();
    },
  });
  return { sink, bytes: () => n };
}

/** Growth of RSS over its value at the start while `fn` runs (sampled every 20 ms; gc first if exposed). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    return { value, peakMb: (peak - start) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** The baseline: yazl, stored entries, each file read whole from the store when its turn comes. */
async function plainZip(files: FileStore, entries: { key: string; size: number; path: string }[]) {
  const zip = new ZipFile();
  for (const e of entries)
    zip.addReadStreamLazy(e.path, { size: e.size, compress: false }, (cb) => {
      files.get(e.key).then(
        (b) => {
          const s = new PassThrough();
          s.end(b);
          cb(null, s);
        },
        (err: unknown) => cb(err, new PassThrough()),
      );
    });
  zip.end();
  const { sink, bytes } = countingSink();
  await pipeline(zip.outputStream, sink);
  return bytes();
}

async function main() {
  const b = await openBenchPglite();
  const now = new Date('2026-11-23T02:00:00Z');
  const city = await setupCity(b, { grids: 60, now });
  const { cityId } = city;
  // Services of one API process with a files directory of our own, so the baseline reads the same store.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-evidence-'));
  const files = localFileStore(filesDir);
  const config = loadConfig({
    CHUANGCHENG_DATA_DIR: path.join(os.tmpdir(), 'cc-bench-unused'),
    CHUANGCHENG_FILES_DIR: filesDir,
    UPLOAD_LIMIT_MB: '50',
    LOG_LEVEL: 'silent',
  });
  const services = createServices({ db: b.db, clock: city.clock, config, files });
  const evidence = services.evidence;

  // A 3-level tree: 5 categories × 4 items × 5 checkpoints, each with one monthly document.
  const standardId = newId();
  await b.db.insert(standards).values({
    id: standardId,
    cityId,
    code: 'BENCH',
    name: '基准标准',
    type: 'sanitary',
    totalPoints: 1000,
    passScore: 900,
    basicScore: 750,
  });
  const nodes: (typeof standardNodes.$inferInsert)[] = [];
  const leaves: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const cat = { id: newId(), code: `${i}`, title: `类别${i}`, depth: 0, parentId: null as string | null };
    nodes.push({ ...cat, cityId, standardId, rule: 'manual', points: 200 });
    for (let j = 1; j <= 4; j++) {
      const item = { id: newId(), code: `${i}.${j}`, title: `项目${i}.${j}`, depth: 1, parentId: cat.id };
      nodes.push({ ...item, cityId, standardId, rule: 'manual', points: 50 });
      for (let k = 1; k <= 5; k++) {
        const id = newId();
        leaves.push(id);
        nodes.push({
          id,
          cityId,
          standardId,
          parentId: item.id,
          code: `${i}.${j}.${k}`,
          title: `检查点${i}.${j}.${k}`,
          depth: 2,
          rule: 'manual',
          points: 10,
          evidence: [{ title: '月度检查记录', periodicity: 'monthly' }],
        });
      }
    }
  }
  await b.db.insert(standardNodes).values(nodes);
  const campaignId = newId();
  await b.db.insert(campaigns).values({
    id: campaignId,
    cityId,
    regionId: cityId,
    standardId,
    name: '基准活动',
    type: 'sanitary',
    passScore: 900,
    basicScore: 750,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  await b.db
    .insert(campaignTasks)
    .values([{ id: newId(), cityId, campaignId, nodeId: nodes[0]!.id!, leadUnitId: null, coUnitIds: [] }]);

  // Files through the real upload path (content check, hash, store, row, audit).
  const t0 = performance.now();
  let total = 0;
  for (let i = 0; i < cfg.files; i++) {
    const kb = cfg.minKb + Math.floor(Math.random() * (cfg.maxKb - cfg.minKb + 1));
    // PDF header + random bytes: as incompressible as real PDFs and photos.
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(kb * 1024 - 9)]);
    total += data.length;
    const month = String((i % 11) + 1).padStart(2, '0');
    await evidence.uploadEvidence(
      city.office,
      {
        campaignId,
        nodeId: leaves[i % leaves.length]!,
        requirement: '月度检查记录',
        period: `2026-${month}`,
        title: `检查记录 第${i + 1}份`,
        docDate: `2026-${month}-15`,
      },
      { name: `f${i}.pdf`, data },
    );
  }
  const uploadMs = performance.now() - t0;
  const rows = await b.db.select().from(evidenceFiles);
  const entries = rows.map((r, i) => ({ key: r.storageKey, size: r.size, path: `files/${i}.pdf` }));

  const { app } = createApp(
    { db: b.db, clock: city.clock, config, logger: createLogger('silent') },
    services,
  );
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: 'Bench@12345' }),
  });
  const token = /cc_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';

  const runs = { service: [] as number[], http: [] as number[], plain: [] as number[] };
  const peaks = { service: 0, http: 0, plain: 0 };
  /** Time until the package's headers are ready (queries, 目录.xlsx/.docx, audit): the fixed cost. */
  const prepMs: number[] = [];
  let zipBytes = 0;
  let contentLength = 0;
  const contenders: Record<keyof typeof runs, () => Promise<void>> = {
    async service() {
      const s = performance.now();
      const { value, peakMb } = await withPeakRss(async () => {
        const p0 = performance.now();
        const pkg = await evidence.exportPackage(city.office, campaignId);
        prepMs.push(performance.now() - p0);
        const { sink, bytes } = countingSink();
        await pipeline(pkg.stream as Readable, sink);
        if (bytes() !== pkg.size) throw new Error(`size ${pkg.size} announced, ${bytes()} written`);
        return bytes();
      });
      zipBytes = value;
      runs.service.push(value / 2 ** 20 / ((performance.now() - s) / 1000));
      peaks.service = Math.max(peaks.service, peakMb);
    },
    async http() {
      const s = performance.now();
      const { value, peakMb } = await withPeakRss(async () => {
        const res = await app.request(`/api/campaigns/${campaignId}/evidence/export`, {
          headers: { cookie: `cc_session=${token}` },
        });
        if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
        contentLength = Number(res.headers.get('content-length'));
        const { sink, bytes } = countingSink();
        await pipeline(Readable.fromWeb(res.body! as never), sink);
        return bytes();
      });
      if (value !== contentLength) throw new Error(`Content-Length ${contentLength}, ${value} received`);
      runs.http.push(value / 2 ** 20 / ((performance.now() - s) / 1000));
      peaks.http = Math.max(peaks.http, peakMb);
    },
    async plain() {
      const s = performance.now();
      const { value, peakMb } = await withPeakRss(() => plainZip(files, entries));
      runs.plain.push(value / 2 ** 20 / ((performance.now() - s) / 1000));
      peaks.plain = Math.max(peaks.plain, peakMb);
    },
  };
  const order = ['plain', 'service', 'http'] as const;
  // Rounds rotate who goes first, so neither side always meets a cold cache or a pending GC.
  for (let r = 0; r < cfg.rounds; r++)
    for (let k = 0; k < order.length; k++) await contenders[order[(r + k) % order.length]!]();
  const svc = median(runs.service);
  const http = median(runs.http);
  const plain = median(runs.plain);
  // Each round runs the three back to back: the per-round ratio cancels most of the machine's drift.
  const ratio = median(runs.service.map((x, i) => x / runs.plain[i]!));
  const httpRatio = median(runs.http.map((x, i) => x / runs.plain[i]!));
  const lines = [
    `## Evidence export (迎检资料包) throughput${smoke ? ' (smoke mode: tiny data, timings meaningless)' : ''}`,
    '',
    `Command: \`node --expose-gc --import tsx bench/evidence.bench.ts --files ${cfg.files} --min-kb ${cfg.minKb} --max-kb ${cfg.maxKb} --rounds ${cfg.rounds}\``,
    '',
    machineInfoMarkdown(),
    `- Database: ${b.describe}; files in a local directory (localFileStore) on the same disk`,
    '',
    `${fmt(rows.length)} files, ${fmt(total / 2 ** 20, 1)} MiB (${cfg.minKb} KB – ${cfg.maxKb} KB, random bytes behind a PDF header), ` +
      `uploaded through \`uploadEvidence\` in ${fmt(uploadMs / 1000, 1)} s; package ${fmt(zipBytes / 2 ** 20, 1)} MiB ` +
      `(Content-Length ${fmt(contentLength)} = bytes received). Median of ${cfg.rounds} rounds, each contender ` +
      'writing to the same counting sink; ratio = median of the per-round ratios (the three back to back, who goes first rotating); ' +
      `RSS growth = peak RSS during the run minus RSS at its start (after a gc). Load average at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')} (a shared machine).`,
    '',
    `Fixed cost before the first byte (queries, stat of every file, 目录.xlsx + 目录.docx, audit): median ${fmt(median(prepMs))} ms (${prepMs.map((x) => fmt(x)).join(' / ')}).`,
    '',
    markdownTable(
      ['contender', 'MB/s (median)', 'MB/s per round', 'ratio to baseline', 'RSS growth MiB'],
      [
        [
          'plain yazl zip (baseline)',
          fmt(plain, 1),
          runs.plain.map((x) => fmt(x, 0)).join(' / '),
          '1.00',
          fmt(peaks.plain),
        ],
        [
          '`evidence.exportPackage` (service)',
          fmt(svc, 1),
          runs.service.map((x) => fmt(x, 0)).join(' / '),
          fmt(ratio, 2),
          fmt(peaks.service),
        ],
        [
          'GET …/evidence/export (HTTP route, in-process)',
          fmt(http, 1),
          runs.http.map((x) => fmt(x, 0)).join(' / '),
          fmt(httpRatio, 2),
          fmt(peaks.http),
        ],
      ],
    ),
    '',
    smoke
      ? `Target (service ≥ ${TARGET} × baseline) not judged in smoke mode (${fmt(ratio, 2)}).`
      : `Target: service ≥ ${TARGET} × baseline — ${ratio >= TARGET ? 'met' : 'NOT met'} (${fmt(ratio, 2)}).`,
  ];
  console.log(lines.join('\n'));
  writeFigures({
    bench: 'evidence',
    smoke,
    ratios: {
      'exportPackage ÷ plain yazl zip (MB/s)': ratio,
      'GET …/evidence/export ÷ plain yazl zip (MB/s)': httpRatio,
    },
  });
  await b.dispose();
  fs.rmSync(filesDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
