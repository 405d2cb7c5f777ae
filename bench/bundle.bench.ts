/**
 * First-load JavaScript of the two web pages, gzipped (level 9), from the built apps/web/dist:
 * the citizen portal (citizen.html, target ≤ 250 KB) and the console (index.html, which may be
 * larger but loads every page lazily). First load = the entry script plus every module it preloads.
 *
 *   npm run build:web && node --import tsx bench/bundle.bench.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, machineInfoMarkdown, markdownTable } from './lib/report';

const dist = path.resolve(import.meta.dirname, '../apps/web/dist');
const TARGET_KB = 250;

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

if (!fs.existsSync(path.join(dist, 'citizen.html'))) {
  console.error('apps/web/dist is missing: run `npm run build:web` first');
  process.exit(1);
}
const citizen = firstLoad('citizen.html');
const consolePage = firstLoad('index.html');
const allJs = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const lazy = allJs
  .map((f) => gzipSync(fs.readFileSync(path.join(dist, 'assets', f)), { level: 9 }).byteLength)
  .sort((a, b) => b - a);
const kb = (n: number) => fmt(n / 1024, 1);

console.log(`## Web bundles (gzip -9)\n\n${machineInfoMarkdown()}\n`);
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
if (citizen.js / 1024 > TARGET_KB) {
  console.log(`\nThe citizen portal's first load is over the ${TARGET_KB} KB target.`);
  process.exitCode = 1;
}
