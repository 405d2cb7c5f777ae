/**
 * Every bench in smoke mode (tiny data, same code paths), started as its `bench:<name>` script in
 * package.json starts it: it must exit 0, print its markdown report and write figures whose ratios are
 * finite and positive. No timing is asserted — smoke data is tiny and the machine shared; this only
 * catches a bench that no longer runs against the code it measures.
 *
 * With TEST_DATABASE_URL set, the benches that take a database run on PGlite and on that PostgreSQL
 * server (each makes and drops its own throwaway database there).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchFigures } from './lib/smoke';

const root = path.resolve(import.meta.dirname, '..');
const scripts: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
).scripts;
/** Benches that take `BENCH_DB` (pglite and/or postgres). */
const WITH_DATABASE = new Set(['cases', 'assessments']);
const pgUrl = process.env.TEST_DATABASE_URL;

/** The node arguments of a `bench:<name>` script (its last command, after any build step). */
function nodeArgs(script: string): string[] {
  const command = script.split('&&').at(-1)!.trim().split(/\s+/);
  if (command[0] !== 'node') throw new Error(`a bench script ends with a node command: ${script}`);
  return command.slice(1);
}

const benches = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args, '--smoke'], {
      cwd: root,
      env: { ...process.env, BENCH_QUICK: '', BENCH_DB: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('benches in smoke mode', () => {
  it('every bench has a bench:<name> script that runs bench/<name>.bench.ts', () => {
    expect(benches.length).toBeGreaterThan(0);
    for (const name of benches) {
      const script = scripts[`bench:${name}`];
      expect(script, `package.json has no "bench:${name}" script`).toBeDefined();
      expect(nodeArgs(script!)).toContain(`bench/${name}.bench.ts`);
    }
  });

  for (const name of benches) {
    const databases = WITH_DATABASE.has(name) ? ['pglite', ...(pgUrl ? ['postgres'] : [])] : [];
    it(`${name}${databases.length ? ` (${databases.join(', ')})` : ''}: runs and reports positive, finite ratios`, async () => {
      const script = scripts[`bench:${name}`];
      if (!script) throw new Error(`package.json has no "bench:${name}" script`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-smoke-'));
      const file = path.join(dir, 'figures.json');
      try {
        const env: Record<string, string> = { BENCH_RESULT_FILE: file };
        if (databases.length) env.BENCH_DB = databases.join(',');
        if (databases.includes('postgres')) env.BENCH_PG_URL = pgUrl!;
        const r = await run(nodeArgs(script), env);
        const tail = `\n--- stderr (end) ---\n${r.stderr.slice(-4000)}\n--- stdout (end) ---\n${r.stdout.slice(-2000)}`;
        expect(r.code, `bench ${name} exited with ${r.code}${tail}`).toBe(0);
        // Its report: a heading and at least one markdown table.
        expect(r.stdout, tail).toMatch(/^## /m);
        expect(r.stdout, tail).toMatch(/^\| -+ \|/m);
        expect(fs.existsSync(file), `bench ${name} wrote no figures${tail}`).toBe(true);
        const figures = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchFigures;
        expect(figures.bench).toBe(name);
        expect(figures.smoke).toBe(true);
        const ratios = Object.entries(figures.ratios);
        expect(ratios.length, `bench ${name} reported no ratios`).toBeGreaterThan(0);
        for (const [label, value] of ratios) {
          expect(Number.isFinite(value) && value > 0, `${label} = ${value}`).toBe(true);
        }
        for (const db of databases)
          expect(
            ratios.some(([label]) => label.startsWith(`${db}:`)),
            `no ${db} figures from ${name}`,
          ).toBe(true);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
