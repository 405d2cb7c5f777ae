/**
 * Assessment rounds at scale (issue 5): recomputing a derived round over a generated 1,000-checkpoint
 * standard with 100,000 cases linked to its indicators, against the raw aggregate SQL that counts the
 * open linked cases per node, on the same database in the same run (interleaved rounds, medians).
 *
 *   node --import tsx bench/assessments.bench.ts [--db pglite,postgres] [--checkpoints 1000]
 *     [--cases 100000] [--rounds 7] [--grids 200] [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
 * Environment: BENCH_QUICK=1 (10,000 cases, 3 rounds), BENCH_PG_URL, BENCH_DB.
 * Smoke mode (--smoke or BENCH_SMOKE=1): PGlite only unless --db/BENCH_DB says otherwise, 100 checkpoints,
 * 500 cases, a 50-grid city, one round — every code path, timings meaningless.
 */
import { parseArgs } from 'node:util';
import { assessmentRounds } from '../apps/api/src/db/schema/index';
import {
  generateStandard,
  linkAllCases,
  manualEntries,
  RAW_OPEN_LINKED_SQL,
} from './lib/assessments-standard';
import { type BenchDb, openBenchPglite, openBenchPostgres, setupCity } from './lib/bench-db';
import { bulkLoad, emptyCaseTables } from './lib/bulk-load';
import { loadCaseGenRefs } from './lib/case-generator';
import { fmt, machineInfoMarkdown, markdownTable, median } from './lib/report';
import { isSmoke, SMOKE_OPTION, writeFigures } from './lib/smoke';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    checkpoints: { type: 'string' },
    cases: { type: 'string' },
    rounds: { type: 'string' },
    grids: { type: 'string' },
    'pg-url': { type: 'string' },
    quick: { type: 'boolean' },
    ...SMOKE_OPTION,
  },
});
const env = process.env;
const smoke = isSmoke(values.smoke);
const quick = !smoke && (values.quick === true || env.BENCH_QUICK === '1');
const int = (name: string, raw: string | undefined, fallback: number) => {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
};
const cfg = {
  dbs: (values.db ?? env.BENCH_DB ?? (smoke ? 'pglite' : 'pglite,postgres')).split(',').map((s) => s.trim()),
  checkpoints: int('checkpoints', values.checkpoints, smoke ? 100 : 1000),
  cases: int('cases', values.cases, smoke ? 500 : quick ? 10_000 : 100_000),
  rounds: int('rounds', values.rounds, smoke ? 1 : quick ? 3 : 7),
  grids: int('grids', values.grids, smoke ? 50 : 200),
  pgUrl: values['pg-url'] ?? env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  now: new Date('2026-11-24T03:00:00Z'),
  seed: 20261123,
};

const step = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

interface Report {
  kind: string;
  describe: string;
  linked: number;
  open: number;
  nodes: number;
  byRule: Record<string, number>;
  scoreMs: number;
  manual: number;
  recompute: number[];
  raw: number[];
  kpi: number[];
  total: number;
  verdict: string;
  loadMs: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function runOne(kind: 'pglite' | 'postgres'): Promise<Report> {
  step(`${kind}: opening a throwaway database`);
  const b: BenchDb = kind === 'pglite' ? await openBenchPglite() : await openBenchPostgres(cfg.pgUrl);
  try {
    const city = await setupCity(b, { grids: cfg.grids, now: cfg.now });
    const refs = await loadCaseGenRefs(b.raw, city.services.catalog, city.office, city.cityId);
    await emptyCaseTables(b);
    step(`${kind}: generating ${fmt(cfg.cases)} cases over a year`);
    const t0 = performance.now();
    await bulkLoad(
      b,
      refs,
      { seed: cfg.seed, now: cfg.now, mode: 'history', spanDays: 365 },
      cfg.cases,
      () => {},
    );
    step(`${kind}: a ${fmt(cfg.checkpoints)}-checkpoint standard, every case linked to a checkpoint`);
    const g = await generateStandard(b, city.cityId, cfg.checkpoints, cfg.seed);
    const linked = await linkAllCases(b, city.cityId, g);
    const loadMs = performance.now() - t0;
    const assessments = city.services.assessments;
    const round = await assessments.createRound(city.office, {
      campaignId: g.campaignId,
      kind: 'mock',
      name: '基准测试轮次',
      heldOn: '2026-11-24',
      derive: true,
    });
    const pointsOf = new Map(round.nodes.map((n) => [n.nodeId, n.points]));
    const entries = manualEntries(g, pointsOf);
    step(`${kind}: scoring ${entries.length} manual checkpoints in one request`);
    const scored = await timed(() => assessments.scoreRound(city.inspector, round.id, entries));

    step(`${kind}: ${cfg.rounds} rounds of recompute vs the raw aggregate`);
    const recompute: number[] = [];
    const raw: number[] = [];
    const kpi: number[] = [];
    // The KPI question a recompute asks (its standard has thresholds on the four KPI metrics).
    const kpiQuery = () =>
      city.services.kpis.kpis(city.office, { dimension: 'source', from: '2026-08-27', to: '2026-11-24' });
    let open = 0;
    let last = scored.value;
    // Warm-up of both sides (plans, JIT), not measured.
    await b.raw.query(RAW_OPEN_LINKED_SQL, [city.cityId, g.campaignId]);
    await assessments.recomputeRound(city.inspector, round.id);
    for (let i = 0; i < cfg.rounds; i++) {
      const r = await timed(() =>
        b.raw.query<{ open: string }>(RAW_OPEN_LINKED_SQL, [city.cityId, g.campaignId]),
      );
      raw.push(r.ms);
      open = r.value.reduce((s, x) => s + Number(x.open), 0);
      const c = await timed(() => assessments.recomputeRound(city.inspector, round.id));
      recompute.push(c.ms);
      last = c.value;
      kpi.push((await timed(kpiQuery)).ms);
    }
    const derivedOpen = last.nodes
      .filter((n) => n.source === 'cases')
      .reduce((s, n) => s + (n.occurrences ?? 0), 0);
    if (derivedOpen !== open)
      throw new Error(`recompute counted ${derivedOpen} open linked cases, raw SQL ${open}`);
    const [stored] = await b.db.select({ n: assessmentRounds.total }).from(assessmentRounds);
    if (stored?.n !== last.total) throw new Error('the stored total differs from the answer');
    return {
      kind,
      describe: b.describe,
      linked,
      open,
      nodes: round.nodes.length,
      byRule: g.byRule,
      scoreMs: scored.ms,
      manual: entries.length,
      recompute,
      raw,
      kpi,
      total: last.total,
      verdict: last.verdict,
      loadMs,
    };
  } finally {
    await b.dispose();
  }
}

function report(r: Report): string {
  const rec = median(r.recompute);
  const raw = median(r.raw);
  const rules = Object.entries(r.byRule)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `### ${r.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}\n`,
    `${r.describe}. Standard: ${fmt(r.nodes)} nodes, ${fmt(cfg.checkpoints)} checkpoints (${rules}); ${fmt(r.linked)} cases linked, ${fmt(r.open)} of them open; data generated in ${fmt(r.loadMs / 1000, 1)} s. Round total ${fmt(r.total, 2)} (${r.verdict}).\n`,
    markdownTable(
      ['measure', 'median ms', 'min–max ms', 'ratio to raw SQL'],
      [
        [
          `\`recomputeRound\`: load tree + scores, count open linked cases, 90-day KPIs, score ${fmt(cfg.checkpoints)} leaves, roll up, store results + audit`,
          fmt(rec, 1),
          `${fmt(Math.min(...r.recompute), 1)}–${fmt(Math.max(...r.recompute), 1)}`,
          `${fmt(rec / raw, 2)}×`,
        ],
        [
          'baseline: raw aggregate SQL (open linked cases per node, one statement through the driver)',
          fmt(raw, 1),
          `${fmt(Math.min(...r.raw), 1)}–${fmt(Math.max(...r.raw), 1)}`,
          '1×',
        ],
        [
          'of which: the 90-day KPI query the recompute asks (`kpis`, grouped + total), measured alone',
          fmt(median(r.kpi), 1),
          `${fmt(Math.min(...r.kpi), 1)}–${fmt(Math.max(...r.kpi), 1)}`,
          `${fmt(median(r.kpi) / raw, 2)}×`,
        ],
        [
          `\`scoreRound\` with ${fmt(r.manual)} manual entries (validate, upsert, recompute, audit), once`,
          fmt(r.scoreMs, 1),
          '',
          '',
        ],
      ],
    ),
  ].join('\n');
}

const started = performance.now();
const reports: Report[] = [];
for (const kind of cfg.dbs) {
  if (kind !== 'pglite' && kind !== 'postgres')
    throw new Error(`--db takes pglite and/or postgres, got ${kind}`);
  reports.push(await runOne(kind));
}
const argv = process.argv.slice(2).join(' ');
console.log(
  `## Assessment rounds: recompute at scale${smoke ? ' (smoke mode: tiny data, timings meaningless)' : quick ? ' (quick mode)' : ''}\n`,
);
console.log(
  `Command: \`node --import tsx bench/assessments.bench.ts${argv ? ` ${argv}` : ''}\`${quick ? ' with BENCH_QUICK=1' : ''}${smoke ? ' in smoke mode' : ''}; ${cfg.rounds} interleaved rounds after one warm-up each, medians; total ${fmt((performance.now() - started) / 1000)} s.\n`,
);
console.log(machineInfoMarkdown());
for (const r of reports) console.log(`\n${report(r)}`);
writeFigures({
  bench: 'assessments',
  smoke,
  ratios: Object.fromEntries(
    reports.flatMap((r) => [
      [`${r.kind}: recomputeRound ÷ raw aggregate SQL`, median(r.recompute) / median(r.raw)],
      [`${r.kind}: 90-day KPI query ÷ raw aggregate SQL`, median(r.kpi) / median(r.raw)],
    ]),
  ),
});
