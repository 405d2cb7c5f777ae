/**
 * The minute sweeper (`createSweeper().sweep()`) over a large table: a first sweep after the sweeper
 * was off for a while (lights move, overdue cases escalate to 督办), the steady state where nothing is
 * left to change, and the next minute's sweep. Baseline in the same run: one full scan of the table.
 */
import type { BenchCity, BenchDb } from './bench-db';
import { median } from './report';

export interface SweepRow {
  name: string;
  ms: number;
  yellow: number;
  red: number;
  escalated: number;
}

export interface SweepOutcome {
  rows: SweepRow[];
  /** Median ms of `select count(*) from cases` (a sequential scan of the whole table). */
  scanMs: number;
  open: number;
}

async function scanMs(b: BenchDb): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    await b.raw.query('select count(*) from cases');
    if (i > 0) ms.push(performance.now() - t0);
  }
  return median(ms);
}

async function sweepAt(city: BenchCity, at: Date, name: string): Promise<SweepRow> {
  city.clock.set(at);
  const t0 = performance.now();
  const r = await city.services.sweeper.sweep();
  const row = { name, ms: performance.now() - t0, ...r };
  console.error(`  ${name}: ${row.ms.toFixed(0)} ms, ${JSON.stringify(r)}`);
  return row;
}

/** Steady state: sweeps at an instant already swept, nothing to change; median of `rounds`. */
async function steady(city: BenchCity, at: Date, name: string, rounds: number): Promise<SweepRow> {
  const rows: SweepRow[] = [];
  for (let i = 0; i < rounds; i++) rows.push(await sweepAt(city, at, `${name} #${i + 1}`));
  return {
    name,
    ms: median(rows.map((r) => r.ms)),
    yellow: Math.max(...rows.map((r) => r.yellow)),
    red: Math.max(...rows.map((r) => r.red)),
    escalated: Math.max(...rows.map((r) => r.escalated)),
  };
}

/** Over the history table: everything is already as of `now`, so only the steady state is measured. */
export async function sweepHistory(b: BenchDb, city: BenchCity, now: Date, rounds: number) {
  const baseline = await scanMs(b);
  const row = await steady(city, now, 'steady state (nothing to change)', rounds);
  return { row, scanMs: baseline };
}

/** Over the open backlog whose lights and escalations are as of `now - gap`. */
export async function sweepOpen(
  b: BenchDb,
  city: BenchCity,
  now: Date,
  gapMin: number,
  rounds: number,
): Promise<SweepOutcome> {
  const [open] = await b.raw.query<{ n: number }>(
    "select count(*)::int as n from cases where status not in ('closed', 'voided')",
  );
  const baseline = await scanMs(b);
  const first = await sweepAt(city, now, `first sweep after ${gapMin} min without one`);
  const same = await steady(city, now, 'steady state: again at the same instant (nothing to change)', rounds);
  const next = await sweepAt(city, new Date(now.getTime() + 60_000), 'next minute (+60 s)');
  return { rows: [first, same, next], scanMs: baseline, open: open?.n ?? 0 };
}
