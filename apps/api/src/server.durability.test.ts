import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInstallation,
  currentMode,
  type Installation,
  loopbackFrom,
  type PlannedReport,
  portalTarget,
  request,
  type SentReport,
  type ServerProcess,
  sendReports,
  smallJpeg,
  startServer,
  uploadPhoto,
} from '../test/durability/harness';

/** Reports planned, reports in flight at once, acknowledged reports before the kill. */
const REPORTS = 60;
const CONCURRENCY = 6;
const KILL_AFTER_ACKS = 20;

/**
 * Durability of acknowledged work: citizens' reports are sent to the real server under concurrent
 * load, the server is killed with SIGKILL mid-run and restarted on the same installation; every
 * report the server acknowledged (2xx with a tracking code) must be there, and a resend of any
 * report (same idempotency key) must answer its first case, never make a second one. Runs once per
 * database mode (the api-pglite and api-postgres projects).
 */
describe(`durability: kill -9 under load, restart (${currentMode()})`, () => {
  let inst: Installation;
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    inst = await createInstallation(currentMode(), {
      PUBLIC_REQUESTS_PER_IP_MINUTE: '100000',
      PUBLIC_REPORTS_PER_IP_HOUR: '100000',
      PUBLIC_REPORTS_PER_PHONE_DAY: '100000',
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await inst?.destroy();
  });

  it('keeps every acknowledged report across a crash, and makes none twice', {
    timeout: 240_000,
  }, async () => {
    server = await startServer(inst);
    const first = server;
    const target = await portalTarget(first.url);
    const jpeg = await smallJpeg(1);

    // Photos first (each report claims its own), from several loopback addresses.
    const photos: { id: string; token: string }[] = new Array(REPORTS);
    let nextPhoto = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (nextPhoto < REPORTS) {
          const i = nextPhoto++;
          photos[i] = await uploadPhoto(first.url, loopbackFrom(i), jpeg);
        }
      }),
    );
    const planned: PlannedReport[] = photos.map((photo, i) => ({
      key: `durability-${i.toString().padStart(4, '0')}-${inst.mode}`,
      from: loopbackFrom(i),
      body: {
        categoryId: target.categoryId,
        description: `耐久性测试第 ${i} 条：路边堆放垃圾`,
        lng: target.lng + (i % 7) * 1e-5,
        lat: target.lat + (i % 5) * 1e-5,
        phone: `1380000${(1000 + i).toString().slice(-4)}`,
        photos: [photo],
        idempotencyKey: `durability-${i.toString().padStart(4, '0')}-${inst.mode}`,
      },
    }));

    // Concurrent reports; SIGKILL once enough were acknowledged, the rest run into the dead server.
    let killed: Promise<void> | null = null;
    const sent: SentReport[] = await sendReports(first.url, planned, {
      concurrency: CONCURRENCY,
      onAck: (n) => {
        if (n === KILL_AFTER_ACKS) killed = first.kill();
      },
    });
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    const acked = sent.filter((s) => s.trackingCode);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acked.length).toBeLessThan(REPORTS); // the kill really landed mid-run
    // Nothing but acknowledgements and dead connections: no 5xx while the server lived.
    expect(sent.filter((s) => s.status !== null && !s.trackingCode)).toEqual([]);

    // The restart takes over the dead process's data-directory lock and recovers the database.
    server = await startServer(inst);
    const second = server;
    const missing: string[] = [];
    await Promise.all(
      acked.map(async (s) => {
        const r = await request(second.url, 'GET', `/api/public/reports/${s.trackingCode}`, { from: s.from });
        if (r.status !== 200 || r.body.description !== s.body.description) missing.push(s.key);
      }),
    );
    expect(missing).toEqual([]);

    // Every report resent with its key: the acknowledged ones answer their first case, the others
    // one case each (made now, or found if the kill came after the commit but before the answer).
    const again = await sendReports(second.url, planned, { concurrency: CONCURRENCY });
    expect(again.filter((s) => !s.trackingCode)).toEqual([]);
    const codeOf = new Map(again.map((s) => [s.key, s.trackingCode]));
    for (const s of acked) expect(codeOf.get(s.key)).toBe(s.trackingCode);
    expect(new Set(again.map((s) => s.trackingCode)).size).toBe(REPORTS);
  });
});
