/**
 * First-load JavaScript of the two web pages, gzipped (level 9), from the built apps/web/dist:
 * the citizen portal (citizen.html, target ≤ 250 KB) and the console (index.html, which may be
 * larger but loads every page lazily). First load = the entry script plus every module it preloads.
 *
 *   npm run build:web && node --import tsx bench/bundle.bench.ts
 * Smoke mode (--smoke or BENCH_SMOKE=1): measures the build already in apps/web/dist (building it only
 * when there is none) and reports the target without failing on it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fmt, machineInfoMarkdown, markdownTable } from './lib/report';
import { isSmoke, SMOKE_OPTION, writeFigures } from './lib/smoke';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'apps/web/dist');
const TARGET_KB = 250;
const { values } = parseArgs({ options: { ...SMOKE_OPTION } });
const smoke = isSmoke(values.smoke);

function firstLoad(html: string): { files: string[]; js: number; css: number } {
  const page = fs.readFileSync(path.join(dist, html), 'utf8');
  const refs = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const bytes = gzipSync(fs.readFileSync(path.join(dist, ref)), { level: 9 }).byteLength;
    if (ref.endsWith('.js')) js += bytes;
    else if (ref.endsWith('.css')) css += bytes;
  }
  return { files: refs, js, css };
}

let builtNow = false;
if (!fs.existsSync(path.join(dist, 'citizen.html'))) {
  if (!smoke) {
    console.error('apps/web/dist is missing: run `npm run build:web` first (or `npm run bench:bundle`)');
    process.exit(1);
  }
  console.error('apps/web/dist is missing: building the web once (npm run build:web)');
  builtNow = true;
  const built = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error(`npm run build:web failed (exit ${built.status})`);
    process.exit(1);
  }
}
const citizen = firstLoad('citizen.html');
const consolePage = firstLoad('index.html');
const allJs = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const lazy = allJs
  .map((f) => gzipSync(fs.readFileSync(path.join(dist, 'assets', f)), { level: 9 }).byteLength)
  .sort((a, b) => b - a);
const kb = (n: number) => fmt(n / 1024, 1);

console.log(
  `## Web bundles (gzip -9)${smoke ? ` — smoke mode: ${builtNow ? 'built now' : 'the build found in apps/web/dist'}` : ''}\n\n${machineInfoMarkdown()}\n`,
);
console.log(
  markdownTable(
    ['page', 'first-load JS (KB)', 'first-load CSS (KB)', 'files', `ratio to ${TARGET_KB} KB`],
    [
      [
        'citizen portal /c',
        kb(citizen.js),
        kb(citizen.css),
        String(citizen.files.length),
        fmt(citizen.js / 1024 / TARGET_KB, 2),
      ],
      [
        'console /',
        kb(consolePage.js),
        kb(consolePage.css),
        String(consolePage.files.length),
        fmt(consolePage.js / 1024 / TARGET_KB, 2),
      ],
    ],
  ),
);
console.log(
  `\n${allJs.length} JS chunks in all; the largest lazy ones: ${lazy.slice(0, 5).map(kb).join(', ')} KB.`,
);
writeFigures({
  bench: 'bundle',
  smoke,
  ratios: {
    [`citizen portal first-load JS ÷ ${TARGET_KB} KB`]: citizen.js / 1024 / TARGET_KB,
    [`console first-load JS ÷ ${TARGET_KB} KB`]: consolePage.js / 1024 / TARGET_KB,
  },
});
if (citizen.js / 1024 > TARGET_KB) {
  console.log(`\nThe citizen portal's first load is over the ${TARGET_KB} KB target.`);
  if (!smoke) process.exitCode = 1;
}
