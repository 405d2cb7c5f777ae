/**
 * Smoke mode and machine-readable figures, shared by every bench.
 *
 * Smoke mode (`--smoke` or `BENCH_SMOKE=1`) runs a bench on tiny data through the same code paths, so
 * drift between the benches and the code they measure (a new NOT NULL column, a renamed service) shows
 * up in the `bench` test project instead of on the day someone needs the figures. Its timings mean
 * nothing and are never asserted.
 */
import fs from 'node:fs';

/** The option every bench's `parseArgs` accepts. */
export const SMOKE_OPTION = { smoke: { type: 'boolean' } } as const;

/** True when the `--smoke` flag or `BENCH_SMOKE=1` asks for smoke mode. */
export function isSmoke(flag: boolean | undefined): boolean {
  return flag === true || process.env.BENCH_SMOKE === '1';
}

/** What a bench reports besides its markdown: the ratios it measured against its floor. */
export interface BenchFigures {
  bench: string;
  smoke: boolean;
  /** Each ratio of the run by name (service against baseline, or size against target). */
  ratios: Record<string, number>;
}

/** Writes the run's figures as JSON to `BENCH_RESULT_FILE` when it is set (the smoke test reads them). */
export function writeFigures(figures: BenchFigures): void {
  const file = process.env.BENCH_RESULT_FILE;
  if (file) fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}
