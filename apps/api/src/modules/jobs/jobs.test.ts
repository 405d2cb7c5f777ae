/**
 * The job layer inside the app: the sweep and the outbox delivery as scheduled jobs, a failed sweep
 * recorded and reported by /healthz, and the runs read over GET /api/jobs and /api/jobs/{id}.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { outbox } from '../../db/schema/index';

let t: TestApp;
let cityId: string;
let hook: http.Server;
const received: unknown[] = [];

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const health = async () => (await t.call('GET', '/healthz')).body;

beforeAll(async () => {
  hook = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => {
      received.push(JSON.parse(data));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  t = await createTestApp({
    SWEEPER_INTERVAL_SECONDS: '1',
    NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
  });
  ({ cityId } = await withDemoCity(t, 60));
});
afterAll(async () => {
  await t?.close();
  await new Promise((r) => hook?.close(r));
});

describe('scheduled sweep and outbox delivery on the job layer', () => {
  it('sweeps and delivers on schedule; a failing sweep is recorded, reported and listed; it recovers', async () => {
    expect(await health()).toMatchObject({ ok: true, lastSweepAt: null, jobs: { failing: [] } });
    await t.db.transaction((tx) =>
      t.services.notify.enqueue(tx, cityId, { title: '定时投递', text: '由后台任务发送' }),
    );
    await t.services.jobs.start();

    const swept = await waitFor(health, (h) => h.lastSweepAt !== null);
    expect(swept.jobs.failing).toEqual([]);
    await waitFor(
      () => t.db.select().from(outbox),
      (rows) => rows.length === 1 && rows[0]!.status === 'sent',
    );
    expect(received).toMatchObject([{ title: '定时投递' }]);

    // A real failure: every UPDATE of cases raises, so the sweep's first statement throws.
    await t.db.execute(
      sql.raw(`create function sweep_blocked() returns trigger language plpgsql as $$
        begin raise exception '案卷表暂不可写'; end $$`),
    );
    await t.db.execute(
      sql.raw(
        'create trigger sweep_blocked before update on cases for each statement execute function sweep_blocked()',
      ),
    );
    const failing = await waitFor(health, (h) => h.jobs.failing.length > 0);
    expect(failing.jobs.failing).toMatchObject([{ name: 'cases.sweep', jobId: expect.any(String) }]);
    expect(failing.lastSweepAt).not.toBeNull(); // still the last successful sweep
    const failedId = failing.jobs.failing[0].jobId as string;

    const office = await userSession(t, 'jobs_office', 'office');
    const list = await t.call('GET', '/api/jobs?name=cases.sweep&state=failed', { session: office });
    expect(list.status).toBe(200);
    const failedRun = list.body.items.find((i: { id: string }) => i.id === failedId);
    expect(failedRun).toMatchObject({
      id: failedId,
      name: 'cases.sweep',
      state: 'failed',
      error: { message: expect.stringContaining('案卷表暂不可写') },
    });
    expect(failedRun.error.message).not.toContain('update');
    expect(failedRun).not.toHaveProperty('payload');
    const one = await t.call('GET', `/api/jobs/${failedId}`, { session: office });
    expect(one).toMatchObject({ status: 200, body: { id: failedId, state: 'failed' } });

    await t.db.execute(sql.raw('drop trigger sweep_blocked on cases'));
    const healed = await waitFor(health, (h) => h.jobs.failing.length === 0);
    expect(new Date(healed.lastSweepAt).getTime()).toBeGreaterThan(new Date(swept.lastSweepAt).getTime());
    const ok = await t.call('GET', '/api/jobs?name=cases.sweep&state=succeeded&pageSize=1', {
      session: office,
    });
    expect(ok.body.items[0]).toMatchObject({
      state: 'succeeded',
      result: { yellow: expect.any(Number), red: expect.any(Number), escalated: expect.any(Number) },
    });
  });

  it('lets the creator and the office read a run, nobody else; lists are for the office and admin', async () => {
    const unit = await userSession(t, 'jobs_unit', 'unit');
    const other = await userSession(t, 'jobs_inspector', 'inspector');
    const office = await userSession(t, 'jobs_office2', 'office');
    const id = await t.services.jobs.enqueue('notify.deliver', {}, { cityId, createdBy: unit.userId });

    expect((await t.call('GET', `/api/jobs/${id}`, { session: unit })).status).toBe(200);
    expect((await t.call('GET', `/api/jobs/${id}`, { session: office })).status).toBe(200);
    const denied = await t.call('GET', `/api/jobs/${id}`, { session: other });
    expect(denied).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_SCOPE' } } });
    const listDenied = await t.call('GET', '/api/jobs', { session: unit });
    expect(listDenied).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ROLE' } } });
    const missing = await t.call('GET', '/api/jobs/0190f5c2-0000-7000-8000-000000000000', {
      session: office,
    });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'JOB_NOT_FOUND' } } });
  });
});

describe('SWEEPER_INTERVAL_SECONDS=0', () => {
  it('leaves the sweep and the delivery unscheduled', async () => {
    const off = await createTestApp({ SWEEPER_INTERVAL_SECONDS: '0' });
    try {
      await off.services.jobs.start();
      const names = (await off.services.jobs.health()).map((h) => h.name);
      expect(names).not.toContain('cases.sweep');
      expect(names).not.toContain('notify.deliver');
      expect((await off.call('GET', '/healthz')).body.lastSweepAt).toBeNull();
    } finally {
      await off.close();
    }
  });
});
