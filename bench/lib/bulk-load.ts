/** Loading generated cases fast: secondary indexes off, pipelined JSON batches, indexes rebuilt, ANALYZE. */
import type { BenchDb } from './bench-db';
import {
  type CaseGenOptions,
  type CaseGenRefs,
  createCaseGenerator,
  insertCases,
  insertEvents,
  insertStages,
  secondaryIndexes,
} from './case-generator';

export interface LoadResult {
  cases: number;
  events: number;
  /** Generating and inserting (the two overlap on PostgreSQL), ms. */
  loadMs: number;
  indexMs: number;
}

/** Empties every table a case writes to (keeps the city, catalogue and users). */
export async function emptyCaseTables(b: BenchDb): Promise<void> {
  await b.raw.exec(
    'truncate cases, case_events, case_stages, supervision_orders, accountability_records, photos, notifications, outbox; ' +
      "delete from sequences where scope like 'case:%' or scope like 'supervision:%'",
  );
}

/** Generates `count` cases with `opts` into the (emptied) cases table. */
export async function bulkLoad(
  b: BenchDb,
  refs: CaseGenRefs,
  opts: CaseGenOptions,
  count: number,
  progress: (done: number) => void,
): Promise<LoadResult> {
  const batch = b.kind === 'postgres' ? 5000 : 2000;
  const gen = createCaseGenerator(refs, opts);
  const dropped = [
    ...(await secondaryIndexes(b.raw, 'cases')),
    ...(await secondaryIndexes(b.raw, 'case_events')),
    ...(await secondaryIndexes(b.raw, 'case_stages')),
  ];
  await b.raw.exec(dropped.map((i) => `drop index "${i.name}";`).join('\n'));
  let events = 0;
  const t0 = performance.now();
  // The next batch is generated while the server writes the previous one (PGlite runs in this thread,
  // so there the two simply alternate).
  let pending: Promise<void> = Promise.resolve();
  for (let done = 0; done < count; ) {
    const n = Math.min(batch, count - done);
    const rows = gen.next(n);
    await pending;
    events += rows.events.length;
    pending = insertCases(b.raw, rows.cases)
      .then(() => insertEvents(b.raw, rows.events))
      .then(() => insertStages(b.raw, rows.stages));
    done += n;
    progress(done);
  }
  await pending;
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  const mem = b.kind === 'postgres' ? "set maintenance_work_mem = '256MB';" : '';
  for (const i of dropped) await b.raw.exec(`${mem}${i.def};`);
  await b.raw.exec('analyze cases; analyze case_events; analyze case_stages;');
  return { cases: count, events, loadMs, indexMs: performance.now() - t1 };
}
