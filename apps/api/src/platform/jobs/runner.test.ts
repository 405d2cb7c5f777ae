import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase } from '../../../test/db';
import type { Database } from '../../db/client';
import { AppError } from '../app-error';
import { createLogger } from '../logger';
import { defineJob } from './define';
import { createJobRunner, type JobRunner } from './runner';

const pgMode = process.env.TEST_DB_DRIVER === 'postgres';
let database: Database;
const runners: JobRunner[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop({ timeoutMs: 2000 });
});
afterAll(async () => {
  await database.close();
});

function runner() {
  const r = createJobRunner({ db: database.db, logger: createLogger('silent'), pollMs: 100 });
  runners.push(r);
  return r;
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const finished = (row: { state: string } | null) => row?.state === 'succeeded' || row?.state === 'failed';

describe(`job layer (${pgMode ? 'pg-boss on PostgreSQL' : 'in-process on PGlite'})`, () => {
  it('picks the queue by database: pg-boss on PostgreSQL, in-process on PGlite', () => {
    expect(runner().mode).toBe(pgMode ? 'pg-boss' : 'in-process');
  });

  it('runs an enqueued job and stores its progress and result', async () => {
    const r = runner();
    r.register(
      defineJob({
        name: 'test.sum',
        payload: z.object({ numbers: z.array(z.number()).min(1) }),
        handler: async (ctx, p) => {
          await ctx.progress({ done: p.numbers.length, total: p.numbers.length, message: '完成' });
          return { sum: p.numbers.reduce((a, b) => a + b, 0), attempt: ctx.attempt };
        },
      }),
    );
    await r.start();
    const id = await r.enqueue('test.sum', { numbers: [1, 2, 39] }, { createdBy: null });
    const row = await waitFor(() => r.get(id), finished);
    expect(row).toMatchObject({
      state: 'succeeded',
      attempts: 1,
      result: { sum: 42, attempt: 1 },
      progress: { done: 3, total: 3, message: '完成' },
      error: null,
    });
    expect(row?.finishedAt).toBeInstanceOf(Date);
  });

  it('refuses a payload its schema rejects, naming the field, and queues nothing', async () => {
    const r = runner();
    r.register(
      defineJob({
        name: 'test.strict',
        payload: z.object({ n: z.number().int() }),
        handler: async () => ({}),
      }),
    );
    const err = await r.enqueue('test.strict', { n: 'x' }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.fields.map((f: { field: string }) => f.field)).toEqual(['n']);
    const rows = await database.db.execute(`select count(*)::int as n from jobs where name = 'test.strict'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });

  it('retries a failing job with backoff, then records it as failed with the error', async () => {
    // pg-boss takes whole seconds of delay; the in-process queue may wait less.
    const delaySeconds = pgMode ? 1 : 0.25;
    const starts: number[] = [];
    const r = runner();
    r.register(
      defineJob({
        name: 'test.flaky',
        payload: z.object({}),
        retry: { limit: 2, delaySeconds, backoff: 'exponential' },
        handler: async () => {
          starts.push(Date.now());
          throw new Error(`机器人接口无响应（第 ${starts.length} 次）`);
        },
      }),
    );
    await r.start();
    const id = await r.enqueue('test.flaky', {});
    const row = await waitFor(
      () => r.get(id),
      (v) => v?.state === 'failed',
      30_000,
    );
    expect(starts).toHaveLength(3);
    expect(row).toMatchObject({ attempts: 3, maxAttempts: 3, result: null });
    expect(row?.error).toMatchObject({ message: '机器人接口无响应（第 3 次）', attempt: 3 });
    const ms = delaySeconds * 1000;
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(ms * 0.9);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(2 * ms * 0.9); // exponential
  });

  it('keeps one queued or running run of a singleton job', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let runs = 0;
    const r = runner();
    r.register(
      defineJob({
        name: 'test.single',
        payload: z.object({ k: z.number() }),
        singleton: true,
        handler: async (_ctx, p) => {
          runs++;
          await gate;
          return { k: p.k };
        },
      }),
    );
    await r.start();
    const first = await r.enqueue('test.single', { k: 1 });
    await waitFor(
      () => r.get(first),
      (v) => v?.state === 'running',
    );
    expect(await r.enqueue('test.single', { k: 2 })).toBe(first);
    release();
    expect(await waitFor(() => r.get(first), finished)).toMatchObject({
      state: 'succeeded',
      result: { k: 1 },
    });
    const second = await r.enqueue('test.single', { k: 3 });
    expect(second).not.toBe(first);
    expect(await waitFor(() => r.get(second), finished)).toMatchObject({ result: { k: 3 } });
    expect(runs).toBe(2);
  });

  it('runs a scheduled job every slot, once per slot even with two processes ticking', async () => {
    const make = () => {
      const r = runner();
      r.register(
        defineJob({
          name: 'test.tick',
          payload: z.object({}),
          schedule: { everySeconds: 1 },
          handler: async () => ({ at: Date.now() }),
        }),
      );
      return r;
    };
    const a = make();
    const b = make();
    await Promise.all([a.start(), b.start()]);
    const rows = await waitFor(
      async () =>
        (
          (await database.db.execute(
            `select created_at, state from jobs where name = 'test.tick' order by created_at`,
          )) as unknown as { rows: { created_at: string | Date; state: string }[] }
        ).rows,
      (v) => v.filter((x) => x.state === 'succeeded').length >= 3,
    );
    const slots = rows.map((x) => Math.floor(new Date(x.created_at).getTime() / 1000));
    expect(new Set(slots).size).toBe(slots.length);
    const health = await a.health();
    expect(health.find((h) => h.name === 'test.tick')).toMatchObject({ failing: false });
    expect(health.find((h) => h.name === 'test.tick')?.lastSuccessAt).toBeTruthy();
  });

  it('reports a failing scheduled job in health', async () => {
    const r = runner();
    r.register(
      defineJob({
        name: 'test.broken',
        payload: z.object({}),
        schedule: { everySeconds: 60 },
        handler: async () => {
          throw new Error('sweep exploded');
        },
      }),
    );
    await r.start();
    const h = await waitFor(
      async () => (await r.health()).find((x) => x.name === 'test.broken'),
      (v) => v?.failing === true,
    );
    const row = await r.get(h!.failedJobId!);
    expect(row).toMatchObject({ state: 'failed', error: { message: 'sweep exploded' } });
  });

  it('stop() waits for a running handler to finish', async () => {
    let started = false;
    let done = false;
    const r = runner();
    r.register(
      defineJob({
        name: 'test.slow',
        payload: z.object({}),
        handler: async () => {
          started = true;
          await new Promise((res) => setTimeout(res, 400));
          done = true;
          return { ok: true };
        },
      }),
    );
    await r.start();
    const id = await r.enqueue('test.slow', {});
    await waitFor(async () => started, Boolean);
    await r.stop({ timeoutMs: 5000 });
    expect(done).toBe(true);
    expect(await r.get(id)).toMatchObject({ state: 'succeeded', result: { ok: true } });
  });

  it('stop() is bounded: a handler that outlives the timeout sees its signal aborted', async () => {
    let aborted = false;
    const r = runner();
    r.register(
      defineJob({
        name: 'test.stuck',
        payload: z.object({}),
        handler: async (ctx) => {
          await new Promise<void>((res) => ctx.signal.addEventListener('abort', () => res()));
          aborted = true;
          throw new Error('aborted');
        },
      }),
    );
    await r.start();
    const id = await r.enqueue('test.stuck', {});
    await waitFor(
      () => r.get(id),
      (v) => v?.state === 'running',
    );
    const t0 = Date.now();
    await r.stop({ timeoutMs: 1000 });
    expect(Date.now() - t0).toBeLessThan(4000);
    await waitFor(async () => aborted, Boolean, 2000);
  });

  it('runs work queued while no runner was started (queued work survives a restart)', async () => {
    const def = defineJob({
      name: 'test.later',
      payload: z.object({ v: z.string() }),
      handler: async (_ctx, p) => ({ v: p.v }),
    });
    const before = runner();
    before.register(def);
    const id = await before.enqueue('test.later', { v: '重启后' });
    expect(await before.get(id)).toMatchObject({ state: 'queued' });
    const after = runner();
    after.register(def);
    await after.start();
    expect(await waitFor(() => after.get(id), finished)).toMatchObject({
      state: 'succeeded',
      result: { v: '重启后' },
    });
  });
});
