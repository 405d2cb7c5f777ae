/**
 * Case intake: cases per second through the real `createCase` (contract validation, locate, route,
 * category snapshot, clocks, numbering, event, notifications, detail) against single-row INSERTs of a
 * full case row into the same table through the driver, interleaved round by round.
 */

import { type CreateCase, createCaseSchema } from '@chuangcheng/contracts';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { createServices } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config/config';
import type { Db } from '../../apps/api/src/db/client';
import * as schema from '../../apps/api/src/db/schema/index';
import { newId } from '../../apps/api/src/platform/ids';
import type { BenchCity, BenchDb } from './bench-db';
import { mulberry32 } from './lattice';
import { median } from './report';

export interface IntakeOptions {
  rounds: number;
  perRound: number;
  seed: number;
  /** Warm-up calls of each contender before the rounds (default: half a round, at least 10). */
  warm?: number;
}

export interface IntakeResult {
  inspector: { rate: number; ratio: number; ratios: number[] };
  office: { rate: number; ratio: number; ratios: number[] };
  raw: { rate: number };
  /** The minimum transaction a case needs (number, case row, report event), raw. */
  floor: { rate: number; ratio: number };
  /** Per-call medians of the parts that can be called alone, in ms. */
  parts: { route: number; detail: number };
  statements: { inspector: number; office: number };
  created: number;
}

type Body = Record<string, unknown>;

/** Request bodies as the console sends them: a point inside a random grid, a favourite-heavy category. */
async function bodies(b: BenchDb, city: BenchCity, n: number, seed: number): Promise<Body[]> {
  const rnd = mulberry32(seed);
  const cats = await city.services.catalog.listCategories(city.office, { fileable: 'true' } as never);
  const grids = await b.raw.query<{ a: number; b: number; c: number; d: number }>(
    'select min_lng as a, min_lat as b, max_lng as c, max_lat as d from grids where city_id = $1 and valid_to is null',
    [city.cityId],
  );
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const g = pick(grids);
    const cat = pick(cats);
    return {
      source: 'inspector',
      categoryId: cat.id,
      description: `${cat.name}：巡查发现问题（压测 ${i}），请尽快处理。`,
      lng: g.a + (g.c - g.a) * (0.3 + 0.4 * rnd()),
      lat: g.b + (g.d - g.b) * (0.3 + 0.4 * rnd()),
      address: '测试路 1 号',
    };
  });
}

/** A single-row INSERT of every column of `template` (a row read back from `table`), values per call. */
function rowInsert(table: string, template: Record<string, unknown>) {
  const cols = Object.keys(template);
  const text = `insert into ${table} (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols
    .map((_, i) => `$${i + 1}`)
    .join(', ')})`;
  const params = (patch: Record<string, unknown>): unknown[] =>
    cols.map((c) => {
      const v = c in patch ? patch[c] : template[c];
      return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
    });
  return { text, params };
}

/** The two baselines: one autocommit INSERT of a case row, and the minimum transaction a case needs. */
async function baselines(b: BenchDb, cityId: string, caseId: string) {
  const [c] = await b.raw.query<Record<string, unknown>>('select * from cases where id = $1', [caseId]);
  const [e] = await b.raw.query<Record<string, unknown>>('select * from case_events where case_id = $1', [
    caseId,
  ]);
  const caseRow = rowInsert('cases', c!);
  const eventRow = rowInsert('case_events', e!);
  const seq = `insert into sequences (city_id, scope, last) values ($1, $2, 1)
    on conflict (city_id, scope) do update set last = sequences.last + 1 returning last`;
  let n = 0;
  return {
    insert: async () => {
      n++;
      await b.raw.query(caseRow.text, caseRow.params({ id: newId(), number: `R${process.pid}-${n}` }));
    },
    transaction: async () => {
      n++;
      const id = newId();
      await b.raw.transaction([
        [seq, [cityId, 'case:bench-floor']],
        [caseRow.text, caseRow.params({ id, number: `T${process.pid}-${n}` })],
        [eventRow.text, eventRow.params({ id: newId(), case_id: id })],
      ]);
    },
  };
}

/** The same services on a drizzle instance that counts statements (begin/commit included). */
function countingServices(b: BenchDb, city: BenchCity) {
  let count = 0;
  const logger: Logger = {
    logQuery: () => {
      count++;
    },
  };
  const client = (b.db as unknown as { $client: unknown }).$client;
  const db = (b.kind === 'postgres'
    ? drizzlePg(client as pg.Pool, { schema, logger })
    : drizzlePglite(client as PGlite, { schema, logger })) as unknown as Db;
  const config = loadConfig({ CHUANGCHENG_DATA_DIR: '/tmp/cc-bench-unused', LOG_LEVEL: 'silent' });
  const services = createServices({ db, clock: city.clock, config });
  return { services, take: () => count, reset: () => (count = 0) };
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return performance.now() - t0;
}

export async function runIntake(b: BenchDb, city: BenchCity, o: IntakeOptions): Promise<IntakeResult> {
  const warm = o.warm ?? Math.max(10, Math.ceil(o.perRound / 2));
  const total = (o.rounds * o.perRound + warm) * 2 + 40;
  const inputs = await bodies(b, city, total, o.seed);
  let next = 0;
  const cases = city.services.cases;
  const inspector = () => cases.createCase(city.inspector, createCaseSchema.parse(inputs[next++]));
  const office = () =>
    cases.createCase(
      city.office,
      createCaseSchema.parse({ ...inputs[next++], source: 'hotline', fileNow: true }) as CreateCase,
    );

  // Warm-up: JIT, the grid index, the calendar cache, the driver's connections.
  const first = await inspector();
  for (let i = 0; i < warm; i++) await inspector();
  for (let i = 0; i < warm; i++) await office();
  const base = await baselines(b, city.cityId, first.id);
  const insert = base.insert;
  for (let i = 0; i < warm; i++) await insert();
  for (let i = 0; i < warm; i++) await base.transaction();

  const rates = {
    inspector: [] as number[],
    office: [] as number[],
    raw: [] as number[],
    tx: [] as number[],
  };
  const ratios = { inspector: [] as number[], office: [] as number[], tx: [] as number[] };
  for (let r = 0; r < o.rounds; r++) {
    const k = o.perRound;
    const ins = k / ((await timed(k, inspector)) / 1000);
    const raw = k / ((await timed(k, insert)) / 1000);
    const off = k / ((await timed(k, office)) / 1000);
    const tx = k / ((await timed(k, base.transaction)) / 1000);
    rates.tx.push(tx);
    ratios.tx.push(tx / raw);
    rates.inspector.push(ins);
    rates.office.push(off);
    rates.raw.push(raw);
    ratios.inspector.push(ins / raw);
    ratios.office.push(off / raw);
    console.error(
      `  intake round ${r + 1}: inspector ${ins.toFixed(0)}/s, office+file+dispatch ${off.toFixed(0)}/s, raw INSERT ${raw.toFixed(0)}/s, raw transaction ${tx.toFixed(0)}/s`,
    );
  }

  // Where the time goes: the parts callable on their own, and statements per call.
  const routeMs: number[] = [];
  const detailMs: number[] = [];
  const catalog = city.services.catalog;
  for (let i = 0; i < 20; i++) {
    const body = inputs[next++]!;
    const t0 = performance.now();
    const category = await catalog.resolveCategory(city.cityId, String(body.categoryId));
    await catalog.routeCase(city.cityId, {
      category,
      lng: Number(body.lng),
      lat: Number(body.lat),
      source: 'inspector',
      owner: 'public',
    });
    routeMs.push(performance.now() - t0);
    const t1 = performance.now();
    await cases.getCase(city.inspector, first.id);
    detailMs.push(performance.now() - t1);
  }
  const counting = countingServices(b, city);
  const per = async (fn: () => Promise<unknown>) => {
    await fn(); // its own caches warm
    counting.reset();
    for (let i = 0; i < 5; i++) await fn();
    // drizzle logs begin/commit on node-postgres; PGlite's transaction API sends them unlogged, and
    // createCase opens exactly one transaction.
    return counting.take() / 5 + (b.kind === 'pglite' ? 2 : 0);
  };
  const statements = {
    inspector: await per(() =>
      counting.services.cases.createCase(city.inspector, createCaseSchema.parse(inputs[next++])),
    ),
    office: await per(() =>
      counting.services.cases.createCase(
        city.office,
        createCaseSchema.parse({ ...inputs[next++], source: 'hotline', fileNow: true }),
      ),
    ),
  };
  return {
    inspector: {
      rate: median(rates.inspector),
      ratio: median(ratios.inspector),
      ratios: ratios.inspector,
    },
    office: { rate: median(rates.office), ratio: median(ratios.office), ratios: ratios.office },
    raw: { rate: median(rates.raw) },
    floor: { rate: median(rates.tx), ratio: median(ratios.tx) },
    parts: { route: median(routeMs), detail: median(detailMs) },
    statements,
    created: next,
  };
}
