/**
 * The closed loop at scale (issue 3), on PGlite and on PostgreSQL, each against a baseline measured on
 * the same database in the same run:
 *   1. intake — `createCase` per second vs raw single-row INSERTs of a case row (target ratio ≥ 0.5);
 *   2. `listCases` and `kpis` over N generated cases vs the same SQL by hand (target ≤ 1.3×);
 *   3. the minute sweeper over N open cases: first sweep, steady state, next minute.
 *
 *   node --import tsx bench/cases.bench.ts [--db pglite,postgres] [--cases-pg 1000000] [--cases-pglite 100000]
 *     [--open-pg N] [--open-pglite N] [--grids 2000] [--gap-min 60] [--now 2026-11-24T03:00:00Z]
 *     [--pg-url postgres://postgres@127.0.0.1:5432/postgres] [--quick]
 * Environment: BENCH_QUICK=1 (small sizes, < 2 min), BENCH_CASES_PG, BENCH_CASES_PGLITE, BENCH_PG_URL.
 * Smoke mode (--smoke or BENCH_SMOKE=1): PGlite only unless --db/BENCH_DB says otherwise, a 50-grid city,
 * 500 cases, 300 open, one round of each phase — every code path, timings meaningless.
 */
import { parseArgs } from 'node:util';
import { type BenchDb, openBenchPglite, openBenchPostgres, setupCity } from './lib/bench-db';
import { bulkLoad, emptyCaseTables, type LoadResult } from './lib/bulk-load';
import { loadCaseGenRefs } from './lib/case-generator';
import { type IntakeResult, runIntake } from './lib/intake-phase';
import { pickTargets, type QueryResult, queryCases, runQueries } from './lib/query-phase';
import { fmt, machineInfoMarkdown, markdownTable } from './lib/report';
import { isSmoke, SMOKE_OPTION, writeFigures } from './lib/smoke';
import { type SweepOutcome, type SweepRow, sweepHistory, sweepOpen } from './lib/sweep-phase';

const INTAKE_TARGET = 0.5;
const QUERY_TARGET = 1.3;

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    'cases-pg': { type: 'string' },
    'cases-pglite': { type: 'string' },
    'open-pg': { type: 'string' },
    'open-pglite': { type: 'string' },
    grids: { type: 'string' },
    'gap-min': { type: 'string' },
    now: { type: 'string' },
    'pg-url': { type: 'string' },
    seed: { type: 'string' },
    quick: { type: 'boolean' },
    ...SMOKE_OPTION,
  },
});
const env = process.env;
const smoke = isSmoke(values.smoke);
const quick = !smoke && (values.quick === true || env.BENCH_QUICK === '1');

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

const casesPg = positiveInt(
  'cases-pg',
  values['cases-pg'] ?? env.BENCH_CASES_PG,
  smoke ? 500 : quick ? 50_000 : 1_000_000,
);
const casesPglite = positiveInt(
  'cases-pglite',
  values['cases-pglite'] ?? env.BENCH_CASES_PGLITE,
  smoke ? 500 : quick ? 10_000 : 100_000,
);
const cfg = {
  dbs: (values.db ?? env.BENCH_DB ?? (smoke ? 'pglite' : 'pglite,postgres')).split(',').map((s) => s.trim()),
  grids: positiveInt('grids', values.grids, smoke ? 50 : 2000),
  gapMin: positiveInt('gap-min', values['gap-min'], 60),
  now: new Date(values.now ?? '2026-11-24T03:00:00Z'),
  pgUrl: values['pg-url'] ?? env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  seed: positiveInt('seed', values.seed, 20261123),
  intake: smoke
    ? { rounds: 1, perRound: 3, warm: 2 }
    : quick
      ? { rounds: 3, perRound: 20 }
      : { rounds: 5, perRound: 40 },
  queryRounds: smoke ? 1 : quick ? 5 : 7,
  sweepRounds: smoke ? 1 : 3,
};
if (Number.isNaN(cfg.now.getTime())) throw new Error(`--now is not a date: ${values.now}`);
const sizes = {
  pglite: {
    cases: casesPglite,
    open: positiveInt('open-pglite', values['open-pglite'], smoke ? 300 : casesPglite),
  },
  postgres: { cases: casesPg, open: positiveInt('open-pg', values['open-pg'], smoke ? 300 : casesPg) },
};

interface DbReport {
  kind: 'pglite' | 'postgres';
  describe: string;
  setupMs: number;
  intake: IntakeResult;
  history: LoadResult;
  queries: QueryResult[];
  historySweep: { row: SweepRow; scanMs: number };
  open: LoadResult;
  sweep: SweepOutcome;
  totalMs: number;
}

const step = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const progress = (label: string, total: number) => {
  let last = 0;
  return (done: number) => {
    if (done - last >= total / 10 || done === total) {
      last = done;
      step(`  ${label}: ${fmt(done)} / ${fmt(total)}`);
    }
  };
};

async function runOne(kind: 'pglite' | 'postgres'): Promise<DbReport> {
  const t0 = performance.now();
  const size = sizes[kind];
  step(`${kind}: opening a throwaway database`);
  const b: BenchDb = kind === 'pglite' ? await openBenchPglite() : await openBenchPostgres(cfg.pgUrl);
  try {
    const city = await setupCity(b, { grids: cfg.grids, now: cfg.now });
    step(`${kind}: intake (${cfg.intake.rounds} rounds × ${cfg.intake.perRound})`);
    const intake = await runIntake(b, city, { ...cfg.intake, seed: cfg.seed });

    const refs = await loadCaseGenRefs(b.raw, city.services.catalog, city.office, city.cityId);
    await emptyCaseTables(b);
    step(`${kind}: generating ${fmt(size.cases)} cases over a year`);
    const history = await bulkLoad(
      b,
      refs,
      { seed: cfg.seed, now: cfg.now, mode: 'history', spanDays: 365 },
      size.cases,
      progress('history', size.cases),
    );
    step(`${kind}: list and KPI queries`);
    city.clock.set(cfg.now);
    const targets = await pickTargets(b, cfg.now);
    const queries = await runQueries(queryCases(b, city, cfg.now, targets), cfg.queryRounds);
    step(`${kind}: sweeper over the year of cases`);
    const historySweep = await sweepHistory(b, city, cfg.now, cfg.sweepRounds);

    await emptyCaseTables(b);
    const asOf = new Date(cfg.now.getTime() - cfg.gapMin * 60_000);
    step(`${kind}: generating ${fmt(size.open)} open cases (last sweep ${cfg.gapMin} min ago)`);
    const open = await bulkLoad(
      b,
      refs,
      {
        seed: cfg.seed + 1,
        now: cfg.now,
        mode: 'open',
        spanDays: 5,
        asOf,
        // The cases the first sweep escalates need their logs: escalation recomputes counters from them.
        eventsFor: (r) =>
          (r.status === 'dispatched' || r.status === 'in_progress') &&
          !r.overdueAt &&
          !!r.disposeDeadline &&
          r.disposeDeadline < cfg.now,
      },
      size.open,
      progress('open', size.open),
    );
    step(`${kind}: sweeper over the open backlog`);
    const sweep = await sweepOpen(b, city, cfg.now, cfg.gapMin, cfg.sweepRounds);
    return {
      kind,
      describe: b.describe,
      setupMs: city.setupMs,
      intake,
      history,
      queries,
      historySweep,
      open,
      sweep,
      totalMs: performance.now() - t0,
    };
  } finally {
    await b.dispose();
  }
}

const x = (n: number, d = 2) => `${fmt(n, d)}×`;
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

function report(r: DbReport): string {
  const i = r.intake;
  const out: string[] = [];
  out.push(`### ${r.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}\n`);
  out.push(
    `${r.describe}; demo city of ${fmt(cfg.grids)} grids + default catalogue loaded in ${fmt(r.setupMs)} ms; whole section ${fmt(r.totalMs / 1000)} s.\n`,
  );
  out.push(
    `**1. Intake** (${cfg.intake.rounds} rounds × ${cfg.intake.perRound} cases each way, interleaved; median of per-round rates and ratios)\n`,
  );
  out.push(
    markdownTable(
      ['measure', 'cases/s', 'ms/case', 'statements/case', `ratio to raw INSERT (target ≥ ${INTAKE_TARGET})`],
      [
        [
          '`createCase`, inspector report (validate, locate, route, clocks, number, event, detail)',
          fmt(i.inspector.rate),
          fmt(1000 / i.inspector.rate, 1),
          fmt(i.statements.inspector, 1),
          `${fmt(i.inspector.ratio, 3)} (rounds ${fmt(Math.min(...i.inspector.ratios), 3)}–${fmt(Math.max(...i.inspector.ratios), 3)}) ${met(i.inspector.ratio >= INTAKE_TARGET)}`,
        ],
        [
          '`createCase` fileNow, office (+ file, dispatch, notifications to the unit)',
          fmt(i.office.rate),
          fmt(1000 / i.office.rate, 1),
          fmt(i.statements.office, 1),
          `${fmt(i.office.ratio, 3)} (rounds ${fmt(Math.min(...i.office.ratios), 3)}–${fmt(Math.max(...i.office.ratios), 3)}) ${met(i.office.ratio >= INTAKE_TARGET)}`,
        ],
        [
          'baseline: raw single-row INSERT of a full case row (autocommit)',
          fmt(i.raw.rate),
          fmt(1000 / i.raw.rate, 2),
          '1',
          '1',
        ],
        ['part: `resolveCategory` + `routeCase` alone', '', fmt(i.parts.route, 1), '', ''],
        ['part: `getCase` (the detail createCase returns) alone', '', fmt(i.parts.detail, 1), '', ''],
      ],
    ),
  );
  const h = r.history;
  out.push(
    `\n**2. List and KPIs** over ${fmt(h.cases)} generated cases (created over 365 days; loaded in ${fmt(h.loadMs / 1000, 1)} s = ${fmt(h.cases / (h.loadMs / 1000))} rows/s, secondary indexes rebuilt in ${fmt(h.indexMs / 1000, 1)} s). Office user (whole city); median of ${cfg.queryRounds} rounds after 2 warm-ups.\n`,
  );
  out.push(
    markdownTable(
      ['query', 'service ms', 'raw SQL ms', `ratio (target ≤ ${QUERY_TARGET}×)`, 'answer (both sides)'],
      r.queries.map((q) => [
        q.name,
        fmt(q.serviceMs, 1),
        fmt(q.rawMs, 1),
        `${x(q.ratio)} ${met(q.ratio <= QUERY_TARGET)}`,
        q.answer,
      ]),
    ),
  );
  const o = r.open;
  const s = r.sweep;
  out.push(
    `\n**3. Sweeper** over ${fmt(s.open)} open cases (created over the last 5 days, lights and escalations as of ${cfg.gapMin} min before the sweep; loaded in ${fmt(o.loadMs / 1000, 1)} s with ${fmt(o.events)} event rows for the cases due to escalate). Baseline: \`select count(*) from cases\` (full scan) = ${fmt(s.scanMs, 1)} ms.\n`,
  );
  const sweepRow = (w: SweepRow, scan: number) => [
    w.name,
    fmt(w.ms),
    x(w.ms / scan, 1),
    fmt(w.yellow),
    fmt(w.red),
    fmt(w.escalated),
  ];
  const hs = r.historySweep;
  out.push(
    markdownTable(
      ['sweep', 'ms', '× full scan', '→ yellow', '→ red', 'escalated (督办)'],
      [
        ...s.rows.map((w) => sweepRow(w, s.scanMs)),
        [
          `over the ${fmt(h.cases)}-case year instead: ${hs.row.name} (full scan ${fmt(hs.scanMs, 1)} ms)`,
          fmt(hs.row.ms),
          x(hs.row.ms / hs.scanMs, 1),
          fmt(hs.row.yellow),
          fmt(hs.row.red),
          fmt(hs.row.escalated),
        ],
      ],
    ),
  );
  const first = s.rows[0]!;
  const steadyMs = s.rows[1]!.ms;
  if (first.escalated > 0) {
    out.push(
      `\nEscalation cost: ${fmt(Math.max(0, first.ms - steadyMs) / first.escalated, 1)} ms per escalated case ((first − steady) / escalated).`,
    );
  }
  return out.join('\n');
}

const started = performance.now();
const reports: DbReport[] = [];
for (const kind of cfg.dbs) {
  if (kind !== 'pglite' && kind !== 'postgres')
    throw new Error(`--db takes pglite and/or postgres, got ${kind}`);
  reports.push(await runOne(kind));
}
const argv = process.argv.slice(2).join(' ');
console.log(
  `## Closed loop at scale${smoke ? ' (smoke mode: tiny data, timings meaningless)' : quick ? ' (quick mode)' : ''}\n`,
);
console.log(
  `Command: \`node --import tsx bench/cases.bench.ts${argv ? ` ${argv}` : ''}\`${quick ? ' with BENCH_QUICK=1' : ''}${smoke ? ' in smoke mode' : ''}; "now" = ${cfg.now.toISOString()} (a Tuesday, 11:00 Asia/Shanghai); total ${fmt((performance.now() - started) / 1000)} s.\n`,
);
console.log(machineInfoMarkdown());
for (const r of reports) console.log(`\n${report(r)}`);
writeFigures({
  bench: 'cases',
  smoke,
  ratios: Object.fromEntries(
    reports.flatMap((r) => [
      [`${r.kind}: intake, inspector report ÷ raw INSERT`, r.intake.inspector.ratio],
      [`${r.kind}: intake, office fileNow ÷ raw INSERT`, r.intake.office.ratio],
      ...r.queries.map((q) => [`${r.kind}: ${q.name} ÷ raw SQL`, q.ratio]),
      ...r.sweep.rows.map((w) => [`${r.kind}: sweep, ${w.name} ÷ full scan`, w.ms / r.sweep.scanMs]),
      [
        `${r.kind}: sweep over the year, ${r.historySweep.row.name} ÷ full scan`,
        r.historySweep.row.ms / r.historySweep.scanMs,
      ],
    ]),
  ),
});

const mismatch = reports.some((r) => r.queries.some((q) => q.answer.startsWith('MISMATCH')));
if (mismatch) process.exitCode = 1;
