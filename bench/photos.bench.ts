/**
 * Photo intake throughput (issue 4): `photos.upload` — the service path (size and pixel checks, EXIF time
 * and GPS, upright 320 px thumbnail, metadata-free public copy, dHash, SHA-256, three files through the
 * FileStore, the row) — against a plain `fs.writeFile` of the same bytes to the same disk, in the same
 * run, rounds interleaved. Images: 4000×3000 JPEGs made with sharp (a smooth random field plus per-pixel
 * noise, so they compress like camera photos, ~3 MB) carrying EXIF with GPS. No target in the issue.
 *
 * Then the reuse lookup a case runs when it takes a photo, over N attached photos with random hashes.
 *
 *   node --import tsx bench/photos.bench.ts [--images 8] [--rounds 5] [--concurrency 4] [--reuse-rows 100000]
 * Environment: BENCH_QUICK=1 (4 images, 3 rounds, 20,000 rows).
 * Smoke mode (--smoke or BENCH_SMOKE=1): 2 images of 1200×900, one round, 2 in flight, 200 rows —
 * every code path, timings meaningless.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCaseSchema } from '@chuangcheng/contracts';
import sharp, { type OutputInfo } from 'sharp';
import { createServices } from '../apps/api/src/app';
import { loadConfig } from '../apps/api/src/config/config';
import { photos as photosTable } from '../apps/api/src/db/schema/index';
import { localFileStore } from '../apps/api/src/platform/file-store';
import { newId } from '../apps/api/src/platform/ids';
import { openBenchPglite, setupCity } from './lib/bench-db';
import { mulberry32 } from './lib/lattice';
import { fmt, machineInfoMarkdown, markdownTable, median } from './lib/report';
import { isSmoke, SMOKE_OPTION, writeFigures } from './lib/smoke';

const { values } = parseArgs({
  options: {
    images: { type: 'string' },
    rounds: { type: 'string' },
    concurrency: { type: 'string' },
    'reuse-rows': { type: 'string' },
    ...SMOKE_OPTION,
  },
});
const smoke = isSmoke(values.smoke);
const quick = !smoke && process.env.BENCH_QUICK === '1';
const cfg = {
  images: Number(values.images ?? (smoke ? 2 : quick ? 4 : 8)),
  rounds: Number(values.rounds ?? (smoke ? 1 : quick ? 3 : 5)),
  concurrency: Number(values.concurrency ?? (smoke ? 2 : 4)),
  reuseRows: Number(values['reuse-rows'] ?? (smoke ? 200 : quick ? 20_000 : 100_000)),
  reuseRuns: smoke ? 2 : 7,
  width: smoke ? 1200 : 4000,
  height: smoke ? 900 : 3000,
};
for (const k of ['images', 'rounds', 'concurrency', 'reuseRows'] as const)
  if (!Number.isInteger(cfg[k]) || cfg[k] <= 0) throw new Error(`--${k} must be a positive integer`);
if (cfg.images < 2) throw new Error('--images must be at least 2 (the reuse lookup probes a second image)');

/** A camera-like JPEG: low-frequency colour field + noise (±amp per channel), EXIF time, GPS and device. */
async function cameraJpeg(seed: number, amp: number): Promise<Buffer> {
  const { width, height } = cfg;
  const rnd = mulberry32(seed);
  const coarse = Buffer.from(Array.from({ length: 40 * 30 * 3 }, () => Math.floor(rnd() * 256)));
  const field = await sharp(coarse, { raw: { width: 40, height: 30, channels: 3 } })
    .resize(width, height, { kernel: 'cubic', fit: 'fill' })
    .raw()
    .toBuffer();
  for (let i = 0; i < field.length; i++) {
    const v = field[i]! + Math.floor((rnd() * 2 - 1) * amp);
    field[i] = Math.max(0, Math.min(255, v));
  }
  return sharp(field, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .withExif({
      IFD0: { Make: 'BenchPhone', Model: 'B1' },
      IFD2: { DateTimeOriginal: `2026:11:23 09:${String(seed % 60).padStart(2, '0')}:00` },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '36/1 39/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '117/1 0/1 1234/100',
      },
    })
    .toBuffer();
}

/**
 * Runs `fn` over the items with at most `limit` in flight; resolves to the wall time and the process's
 * CPU time (all threads: libvips, libuv, PGlite) in ms — CPU time shrugs off the other jobs on a shared box.
 */
async function timed<T>(
  items: T[],
  limit: number,
  fn: (x: T) => Promise<unknown>,
): Promise<{ ms: number; cpuMs: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

async function main() {
  const b = await openBenchPglite();
  const now = new Date('2026-11-23T02:00:00Z');
  const city = await setupCity(b, { grids: 60, now });
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-photos-'));
  const plainDir = path.join(filesDir, 'plain');
  fs.mkdirSync(plainDir);
  const config = loadConfig({
    CHUANGCHENG_DATA_DIR: path.join(os.tmpdir(), 'cc-bench-unused'),
    CHUANGCHENG_FILES_DIR: filesDir,
    LOG_LEVEL: 'silent',
  });
  const services = createServices({ db: b.db, clock: city.clock, config, files: localFileStore(filesDir) });
  const photos = services.photos;

  const g0 = performance.now();
  const images: Buffer[] = [];
  for (let i = 0; i < cfg.images; i++) images.push(await cameraJpeg(20261123 + i, 16));
  const genMs = performance.now() - g0;
  const avgBytes = images.reduce((s, x) => s + x.length, 0) / images.length;
  const meta = await sharp(images[0]!).metadata();

  // Each upload gets fresh bytes, as a request body would: libvips never sees the same buffer twice.
  const fresh = () => images.map((x) => new Uint8Array(x));
  let seq = 0;
  const contenders = {
    service: (limit: number) =>
      timed(fresh(), limit, (data) => photos.upload(city.inspector, 'before', data)),
    plain: (limit: number) =>
      timed(fresh(), limit, (data) => fs.promises.writeFile(path.join(plainDir, `${seq++}.jpg`), data)),
  };
  type Name = keyof typeof contenders;
  const limits = [1, cfg.concurrency];
  const rates: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  const run = async (name: Name, limit: number, keep = true) => {
    const { ms, cpuMs } = await contenders[name](limit);
    if (!keep) return;
    const key = `${name}@${limit}`;
    rates[key] = [...(rates[key] ?? []), cfg.images / (ms / 1000)];
    cpu[key] = [...(cpu[key] ?? []), cpuMs / cfg.images];
  };
  // Warm-up: module loading, libvips start-up, the first PGlite inserts.
  await run('service', 1, false);
  await run('plain', 1, false);
  for (let r = 0; r < cfg.rounds; r++) {
    // Who goes first alternates, so neither side always meets a cold cache or a pending GC.
    const order: Name[] = r % 2 === 0 ? ['plain', 'service'] : ['service', 'plain'];
    for (const limit of limits) for (const name of order) await run(name, limit);
  }

  // Where the time goes: the same sharp calls as photos.service.ts, one step at a time, on each image.
  const parts: Record<string, number[]> = {
    'header + EXIF block (`metadata()`)': [],
    'decode once: upright, flattened, 1920 px raw (JPEG shrink-on-load ×2)': [],
    'public copy: 1920 px JPEG q80, no metadata, from those pixels': [],
    'thumbnail pixels: 320 px raw from those pixels': [],
    'thumbnail JPEG q75 from the 320 px pixels': [],
    'dHash (grey, 9×8) from the 320 px pixels': [],
    'SHA-256 of the file': [],
  };
  const keys = Object.keys(parts);
  const part = async <T>(k: number, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const v = await fn();
    parts[keys[k]!]!.push(performance.now() - t0);
    return v;
  };
  const pixels = (p: { data: Buffer; info: OutputInfo }) =>
    sharp(p.data, { raw: { width: p.info.width, height: p.info.height, channels: p.info.channels } });
  for (const x of images) {
    const data = new Uint8Array(x);
    await part(0, () => sharp(data, { limitInputPixels: false }).metadata());
    const px = await part(1, () =>
      sharp(data, { limitInputPixels: config.photos.maxPixels })
        .rotate()
        .flatten({ background: '#ffffff' })
        .resize(1920, 1920, { fit: 'inside', withoutEnlargement: true })
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true }),
    );
    await part(2, () => pixels(px).jpeg({ quality: 80 }).toBuffer());
    const small = await part(3, () =>
      pixels(px)
        .resize(320, 320, { fit: 'inside', withoutEnlargement: true })
        .raw()
        .toBuffer({ resolveWithObject: true }),
    );
    await part(4, () => pixels(small).jpeg({ quality: 75 }).toBuffer());
    await part(5, () => pixels(small).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer());
    await part(6, () => createHash('sha256').update(data).digest('hex'));
  }

  // The reuse lookup (REUSED_PHOTO) when a case takes a photo: N attached photos with random hashes.
  const cats = await city.services.catalog.listCategories(city.office, { fileable: 'true' } as never);
  const [g] = await b.raw.query<{ lng: number; lat: number }>(
    `select (min_lng + max_lng) / 2 as lng, (min_lat + max_lat) / 2 as lat from grids
      where city_id = $1 and valid_to is null order by code limit 1`,
    [city.cityId],
  );
  const hostPhoto = await photos.upload(city.inspector, 'before', new Uint8Array(images[0]!));
  const host = await services.cases.createCase(
    city.inspector,
    createCaseSchema.parse({
      source: 'inspector',
      categoryId: cats[0]!.id,
      description: '基准：承载照片的案卷',
      lng: g!.lng,
      lat: g!.lat,
      photoIds: [hostPhoto.id],
    }),
  );
  const hex = (n: number) => randomBytes(n / 2).toString('hex');
  const l0 = performance.now();
  for (let done = 0; done < cfg.reuseRows; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, cfg.reuseRows - done) }, () => ({
      cityId: city.cityId,
      id: newId(),
      caseId: host.id,
      kind: 'before' as const,
      contentType: 'image/jpeg',
      bytes: 1,
      sha256: hex(64),
      storageKey: 'bench/none.jpg',
      thumbKey: 'bench/none.thumb.jpg',
      phash: hex(16),
      createdAt: now,
    }));
    await b.db.insert(photosTable).values(batch);
  }
  const loadMs = performance.now() - l0;
  const probe = await photos.upload(city.inspector, 'before', new Uint8Array(images[1]!));
  const other = { cityId: city.cityId, id: newId(), lng: g!.lng, lat: g!.lat };
  const reuse = { lookup: [] as number[], scan: [] as number[] };
  for (let r = 0; r < cfg.reuseRuns; r++) {
    let t0 = performance.now();
    await photos.flagBeforePhotos(b.db, other, [probe.id]);
    reuse.lookup.push(performance.now() - t0);
    t0 = performance.now();
    await b.raw.query('select count(*) from photos where city_id = $1', [city.cityId]);
    reuse.scan.push(performance.now() - t0);
  }

  const ratio = (limit: number) =>
    median(rates[`service@${limit}`]!.map((x, i) => x / rates[`plain@${limit}`]![i]!));
  const row = (name: Name, limit: number, label: string) => {
    const xs = rates[`${name}@${limit}`]!;
    const m = median(xs);
    return [
      label,
      String(limit),
      fmt(m, m < 10 ? 2 : 0),
      fmt(1000 / m, 1),
      fmt(median(cpu[`${name}@${limit}`]!), 1),
      xs.map((x) => fmt(x, x < 10 ? 1 : 0)).join(' / '),
      name === 'plain' ? '1' : fmt(ratio(limit), 4),
    ];
  };
  const lines = [
    `## Photo intake${smoke ? ' — smoke mode: tiny data, timings meaningless' : ''}`,
    '',
    `Command: \`npm run bench:photos -- --images ${cfg.images} --rounds ${cfg.rounds} --concurrency ${cfg.concurrency} --reuse-rows ${cfg.reuseRows}${smoke ? ' --smoke' : ''}\` (\`node --import tsx bench/photos.bench.ts\`).`,
    '',
    machineInfoMarkdown(),
    `- Database: ${b.describe}; files in a local directory (localFileStore) on the same disk as the baseline's`,
    `- sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}), ${sharp.concurrency()} libvips threads per image, libuv pool ${process.env.UV_THREADPOOL_SIZE ?? 4}`,
    '',
    `${cfg.images} distinct ${meta.width}×${meta.height} JPEGs (q88, smooth random field + noise, EXIF time + GPS + device), ` +
      `${fmt(avgBytes / 2 ** 20, 2)} MiB on average, generated in ${fmt(genMs / 1000, 1)} s. ` +
      `Each round uploads all ${cfg.images} through \`photos.upload\` and writes the same bytes with \`fs.promises.writeFile\`, ` +
      `one at a time and then ${cfg.concurrency} in flight; who goes first alternates; after one warm-up round. ` +
      `Median of ${cfg.rounds} rounds; ratio = median of the per-round ratios. Load average at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')}.`,
    '',
    markdownTable(
      [
        'contender',
        'in flight',
        'photos/s (median)',
        'wall ms/photo',
        'CPU ms/photo',
        'photos/s per round',
        'ratio to writeFile',
      ],
      [
        row('plain', 1, '`fs.promises.writeFile` of the bytes (baseline)'),
        row(
          'service',
          1,
          '`photos.upload` (checks, EXIF, thumbnail, public copy, dHash, SHA-256, 3 files, row)',
        ),
        row('plain', cfg.concurrency, '`fs.promises.writeFile` (baseline)'),
        row('service', cfg.concurrency, '`photos.upload`'),
      ],
    ),
    '',
    'Where the time goes (each step alone, one at a time, median ms over the images; the service encodes the public copy alongside the thumbnail and hash):',
    '',
    markdownTable(
      ['step', 'median ms', 'min–max ms'],
      keys.map((k) => [
        k,
        fmt(median(parts[k]!), 1),
        `${fmt(Math.min(...parts[k]!), 1)}–${fmt(Math.max(...parts[k]!), 1)}`,
      ]),
    ),
    '',
    `Reuse lookup when a case takes a photo (\`flagBeforePhotos\`: read the photo, find the nearest hash or same file among ${fmt(cfg.reuseRows)} attached photos of the city with random hashes, store the flags), ${cfg.reuseRuns} runs; baseline: \`select count(*) from photos where city_id = $1\` (a full scan). ${fmt(cfg.reuseRows)} rows loaded in ${fmt(loadMs / 1000, 1)} s.`,
    '',
    markdownTable(
      ['measure', 'median ms', 'min–max ms', 'ratio to the scan'],
      [
        [
          `reuse lookup over ${fmt(cfg.reuseRows)} photos`,
          fmt(median(reuse.lookup), 1),
          `${fmt(Math.min(...reuse.lookup), 1)}–${fmt(Math.max(...reuse.lookup), 1)}`,
          fmt(median(reuse.lookup) / median(reuse.scan), 2),
        ],
        [
          "count(*) of the city's photos (baseline)",
          fmt(median(reuse.scan), 1),
          `${fmt(Math.min(...reuse.scan), 1)}–${fmt(Math.max(...reuse.scan), 1)}`,
          '1',
        ],
      ],
    ),
  ];
  console.log(lines.join('\n'));
  writeFigures({
    bench: 'photos',
    smoke,
    ratios: {
      'photos.upload ÷ writeFile, one at a time (photos/s)': ratio(1),
      [`photos.upload ÷ writeFile, ${cfg.concurrency} in flight (photos/s)`]: ratio(cfg.concurrency),
      "reuse lookup ÷ count(*) of the city's photos": median(reuse.lookup) / median(reuse.scan),
    },
  });
  await b.dispose();
  fs.rmSync(filesDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
