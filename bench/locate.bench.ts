/**
 * Point-in-grid lookup: R-tree index (GridIndex) against a full linear scan, same process, same data.
 * Run: node --import tsx bench/locate.bench.ts [--grids 50000] [--points 20000] [--linear-points 200] [--seed N]
 *   [--smoke] (or BENCH_SMOKE=1: 2,000 grids, 2,000 points, 50 scanned)
 */
import { parseArgs } from 'node:util';
import { GridIndex, geometryBbox, type IndexedGrid, linearLocate } from '@chuangcheng/domain';
import { buildLattice, mulberry32 } from './lib/lattice';
import { fmt, machineInfoMarkdown, markdownTable, median, time } from './lib/report';
import { isSmoke, SMOKE_OPTION, writeFigures } from './lib/smoke';

const TARGET_RATIO = 100;
const ROUNDS = 5;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

const { values } = parseArgs({
  options: {
    grids: { type: 'string' },
    points: { type: 'string' },
    'linear-points': { type: 'string' },
    seed: { type: 'string' },
    ...SMOKE_OPTION,
  },
});
const smoke = isSmoke(values.smoke);
const gridCount = positiveInt('grids', values.grids, smoke ? 2_000 : 50_000);
const pointCount = positiveInt('points', values.points, smoke ? 2_000 : 20_000);
const linearCount = Math.min(
  pointCount,
  positiveInt('linear-points', values['linear-points'], smoke ? 50 : 200),
);
const seed = positiveInt('seed', values.seed, 20261123);

const generated = time(() => buildLattice({ count: gridCount, seed }));
const { grids, bbox } = generated.value;
// The linear baseline gets stored bboxes (as the database has bbox columns), so it is a fair scan, not a
// straw man. Built as a literal, not `{ ...g, bbox }`: on V8 11 the spread copies scanned ~15× slower.
const withBbox: IndexedGrid[] = grids.map((g) => ({
  id: g.id,
  geometry: g.geometry,
  bbox: geometryBbox(g.geometry),
}));
// Distinct vertices: a closed ring repeats its first point.
const vertexCount = grids.reduce(
  (n, g) => n + (g.geometry.type === 'Polygon' ? (g.geometry.coordinates[0]?.length ?? 1) - 1 : 0),
  0,
);

const rnd = mulberry32(seed ^ 0x5eed);
const points: [number, number][] = Array.from({ length: pointCount }, () => [
  bbox[0] + rnd() * (bbox[2] - bbox[0]),
  bbox[1] + rnd() * (bbox[3] - bbox[1]),
]);

// Build from bare geometry: bbox and area computation are part of what a rebuild after a grid edit costs.
const built = time(() => GridIndex.build(grids));
const index = built.value;

// Other work on a shared machine makes single timings swing by 2×. Indexed and linear runs are
// therefore interleaved, round by round, and the speed-up is the median of per-round ratios, so a
// slow moment hits both sides instead of one.
const sample = points.slice(0, linearCount);
const linearSlice = Math.ceil(linearCount / ROUNDS);
const lookIndexed = () => points.map(([lng, lat]) => index.locate(lng, lat));
const lookLinear = (slice: [number, number][]) => slice.map(([lng, lat]) => linearLocate(withBbox, lng, lat));
lookIndexed(); // warm-up: let the JIT settle before timing
lookLinear(sample.slice(0, 5));

const indexedRates: number[] = [];
const linearRates: number[] = [];
const ratios: number[] = [];
let indexed: (string | null)[] = [];
const linearAnswers: (string | null)[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const slice = sample.slice(r * linearSlice, (r + 1) * linearSlice);
  if (slice.length === 0) break;
  const idx = time(lookIndexed);
  const lin = time(() => lookLinear(slice));
  indexed = idx.value;
  linearAnswers.push(...lin.value);
  indexedRates.push(pointCount / (idx.ms / 1000));
  linearRates.push(slice.length / (lin.ms / 1000));
  ratios.push(indexedRates[r]! / linearRates[r]!);
}
const ratio = median(ratios);

const mismatches = sample.filter((_, i) => indexed[i] !== linearAnswers[i]).length;
const located = indexed.filter((id) => id !== null).length;

console.log(`## Grid locate benchmark${smoke ? ' (smoke mode: tiny data, timings meaningless)' : ''}\n`);
console.log(
  `${fmt(gridCount)} grids (jittered ~100 m lattice near 117.0, 36.6, ${fmt(vertexCount / gridCount, 1)} vertices each), seed ${seed}\n`,
);
console.log(
  markdownTable(
    ['measure', 'value'],
    [
      ['lattice generation', `${fmt(generated.ms, 1)} ms`],
      ['index build (bbox, area, packing, R-tree)', `${fmt(built.ms, 1)} ms`],
      [
        `indexed locate (${fmt(pointCount)} points × ${ratios.length} rounds)`,
        `${fmt(median(indexedRates))} lookups/s`,
      ],
      [`linear scan (${fmt(linearCount)} points, bbox pre-check)`, `${fmt(median(linearRates))} lookups/s`],
      [
        'speed-up (median of per-round ratios)',
        `${fmt(ratio)}× (rounds ${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))}×; target ≥ ${TARGET_RATIO}×)`,
      ],
      ['points inside a grid', `${fmt(located)} / ${fmt(pointCount)}`],
      [
        `identical answers (${fmt(linearCount)} sampled)`,
        mismatches === 0 ? 'yes' : `NO: ${mismatches} differ`,
      ],
    ],
  ),
);
console.log(`\n${machineInfoMarkdown()}`);
writeFigures({ bench: 'locate', smoke, ratios: { 'indexed locate ÷ linear scan (lookups/s)': ratio } });

if (mismatches > 0) process.exitCode = 1;
if (ratio < TARGET_RATIO && !smoke)
  console.warn(`\nwarning: speed-up ${fmt(ratio)}× is below the ${TARGET_RATIO}× target`);
