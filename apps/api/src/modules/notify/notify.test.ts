/**
 * Notifications on a real database: the outbox delivered to a real local HTTP server in the webhook,
 * WeCom (企业微信) and DingTalk (钉钉) formats, retries with backoff, giving up, concurrent senders,
 * and the in-app list over the HTTP API.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { outbox } from '../../db/schema/index';

const T0 = new Date('2026-11-23T02:00:00Z').getTime();
type Mode = 'ok' | 'http500' | 'errcode';
interface Received {
  path: string;
  contentType: string | undefined;
  body: any;
}

/** A robot endpoint per path; each answers as its mode says, optionally after a delay. */
const server = {
  mode: {} as Record<string, Mode>,
  delayMs: {} as Record<string, number>,
  received: [] as Received[],
  reset() {
    this.mode = {};
    this.delayMs = {};
    this.received = [];
  },
};
let httpServer: http.Server;
let base: string;
let t: TestApp;
let cityId: string;

const PATHS = { webhook: '/hook', wecom: '/wecom', dingtalk: '/ding' } as const;
const hits = (path: string) => server.received.filter((r) => r.path === path);
const rows = () => t.db.select().from(outbox).orderBy(outbox.channel);
const rowOf = async (channel: string) => (await rows()).find((r) => r.channel === channel)!;
const message = (title = '超期自动督办：督〔2026〕0001号') => ({
  title,
  text: '暴露垃圾：小区门口发现问题',
  caseNumber: '20261123-0001',
  url: 'https://cc.example.gov.cn/cases/1',
});
const enqueue = (m = message()) => t.db.transaction((tx) => t.services.notify.enqueue(tx, cityId, m));

beforeAll(async () => {
  httpServer = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      const path = req.url ?? '';
      server.received.push({ path, contentType: req.headers['content-type'], body: JSON.parse(data) });
      const answer = () => {
        const mode = server.mode[path] ?? 'ok';
        if (mode === 'http500') {
          res.writeHead(500).end('boom');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            mode === 'errcode' ? { errcode: 93000, errmsg: 'invalid webhook url' } : { errcode: 0 },
          ),
        );
      };
      setTimeout(answer, server.delayMs[path] ?? 0);
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  t = await createTestApp({
    NOTIFY_WEBHOOK_URL: `${base}${PATHS.webhook}`,
    NOTIFY_WECOM_WEBHOOK: `${base}${PATHS.wecom}`,
    NOTIFY_DINGTALK_WEBHOOK: `${base}${PATHS.dingtalk}`,
  });
  ({ cityId } = await withDemoCity(t, 60));
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => httpServer?.close(resolve));
});
beforeEach(async () => {
  server.reset();
  t.clock.set(new Date(T0));
  await t.db.delete(outbox);
});

describe('outbox delivery', () => {
  it('delivers one message to the webhook, WeCom and DingTalk, each in its own format, once', async () => {
    const m = message();
    await enqueue(m);
    expect((await rows()).map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['dingtalk', 'pending', 0],
      ['webhook', 'pending', 0],
      ['wecom', 'pending', 0],
    ]);
    expect(await t.services.notify.pendingOutbox()).toBe(3);
    expect(await t.services.notify.deliver()).toEqual({ sent: 3, failed: 0 });

    expect(server.received).toHaveLength(3);
    for (const r of server.received) expect(r.contentType).toContain('application/json');
    expect(hits(PATHS.webhook)[0]!.body).toEqual({ type: 'chuangcheng.notification', ...m });
    const wecom = hits(PATHS.wecom)[0]!.body;
    expect(wecom).toEqual({ msgtype: 'markdown', markdown: { content: expect.any(String) } });
    const ding = hits(PATHS.dingtalk)[0]!.body;
    expect(ding).toEqual({ msgtype: 'markdown', markdown: { title: m.title, text: expect.any(String) } });
    for (const md of [wecom.markdown.content, ding.markdown.text]) {
      expect(md).toContain(`### ${m.title}`);
      expect(md).toContain(m.text);
      expect(md).toContain(`案卷编号：${m.caseNumber}`);
      expect(md).toContain(`(${m.url})`);
    }
    for (const r of await rows()) {
      expect(r).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(r.sentAt?.getTime()).toBe(T0);
    }
    expect(await t.services.notify.pendingOutbox()).toBe(0);
    expect(await t.services.notify.deliver()).toEqual({ sent: 0, failed: 0 });
    expect(server.received).toHaveLength(3);
  });

  it('keeps a row pending with one more attempt and a backed-off retry after HTTP 500 or a robot errcode', async () => {
    server.mode[PATHS.webhook] = 'http500';
    server.mode[PATHS.wecom] = 'errcode';
    await enqueue();
    expect(await t.services.notify.deliver()).toEqual({ sent: 1, failed: 2 });
    const hook = await rowOf('webhook');
    expect(hook).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500', sentAt: null });
    expect(hook.nextAttemptAt.getTime()).toBe(T0 + 30_000);
    const wecom = await rowOf('wecom');
    expect(wecom).toMatchObject({ status: 'pending', attempts: 1 });
    expect(wecom.lastError).toContain('93000');
    expect(wecom.nextAttemptAt.getTime()).toBe(T0 + 30_000);
    expect((await rowOf('dingtalk')).status).toBe('sent');

    // Not due yet: nothing is sent.
    t.clock.set(new Date(T0 + 29_000));
    expect(await t.services.notify.deliver()).toEqual({ sent: 0, failed: 0 });
    expect(server.received).toHaveLength(3);

    t.clock.set(new Date(T0 + 30_000));
    expect(await t.services.notify.deliver()).toEqual({ sent: 0, failed: 2 });
    const again = await rowOf('webhook');
    expect(again).toMatchObject({ status: 'pending', attempts: 2 });
    expect(again.nextAttemptAt.getTime()).toBe(T0 + 30_000 + 60_000);

    // The endpoint recovers: the next due attempt goes through.
    server.mode[PATHS.webhook] = 'ok';
    t.clock.set(new Date(T0 + 90_000));
    expect(await t.services.notify.deliver()).toEqual({ sent: 1, failed: 1 });
    expect(await rowOf('webhook')).toMatchObject({ status: 'sent', attempts: 3 });
    expect(hits(PATHS.webhook)).toHaveLength(3);
  });

  it("gives up after 8 failed attempts and marks the row 'failed'", async () => {
    server.mode[PATHS.webhook] = 'http500';
    await enqueue();
    let now = T0;
    for (let attempt = 1; attempt <= 8; attempt++) {
      t.clock.set(new Date(now));
      const r = await t.services.notify.deliver();
      expect(r.failed, `attempt ${attempt}`).toBe(1);
      const hook = await rowOf('webhook');
      expect(hook.attempts).toBe(attempt);
      expect(hook.status).toBe(attempt < 8 ? 'pending' : 'failed');
      if (attempt < 8) expect(hook.nextAttemptAt.getTime()).toBe(now + 30_000 * 2 ** (attempt - 1));
      now = hook.nextAttemptAt.getTime();
    }
    expect(hits(PATHS.webhook)).toHaveLength(8);
    t.clock.set(new Date(T0 + 365 * 86_400_000));
    expect(await t.services.notify.deliver()).toEqual({ sent: 0, failed: 0 });
    expect(hits(PATHS.webhook)).toHaveLength(8);
    expect(await t.services.notify.pendingOutbox()).toBe(0);
  });

  it('two senders at once never send a row twice', async () => {
    for (const p of Object.values(PATHS)) server.delayMs[p] = 20;
    for (let i = 1; i <= 5; i++) await enqueue(message(`消息 ${i}`));
    const [a, b] = await Promise.all([t.services.notify.deliver(), t.services.notify.deliver()]);
    expect(a.sent + b.sent).toBe(15);
    expect(a.failed + b.failed).toBe(0);
    const keys = server.received.map(
      (r) => `${r.path} ${r.body.title ?? r.body.markdown?.title ?? r.body.markdown?.content}`,
    );
    expect(keys).toHaveLength(15);
    expect(new Set(keys).size).toBe(15);
    for (const r of await rows()) expect(r).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a slow endpoint does not hold up the rest of the API while it is being called', async () => {
    const office = await t.login('office');
    server.delayMs[PATHS.webhook] = 1500;
    await enqueue();
    const delivering = t.services.notify.deliver();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const r = await t.call('GET', '/api/notifications', { session: office });
    const took = Date.now() - started;
    expect(r.status).toBe(200);
    expect(await delivering).toEqual({ sent: 3, failed: 0 });
    expect(took, 'an unrelated request waited for the webhook').toBeLessThan(1000);
  });
});

describe('in-app notifications', () => {
  it('lists, counts unread, marks one or all read, and never touches another user’s', async () => {
    const unit = await t.login('unit');
    const office = await t.login('office');
    const caseId = randomUUID();
    for (let i = 1; i <= 3; i++) {
      t.clock.set(new Date(T0 + i * 1000));
      await t.services.notify.toUsers(t.db, cityId, [unit.userId], {
        kind: 'dispatch',
        title: `通知 ${i}`,
        body: `正文 ${i}`,
        caseId: i === 1 ? caseId : null,
      });
    }
    await t.services.notify.toUsers(t.db, cityId, [office.userId, office.userId], {
      kind: 'return',
      title: '办公室的通知',
      body: '回退',
    });

    const list = async (session: Session) => {
      const r = await t.call('GET', '/api/notifications', { session });
      expect(r.status).toBe(200);
      return r.body;
    };
    const mine = await list(unit);
    expect(mine.unread).toBe(3);
    expect(mine.items.map((n: any) => n.title)).toEqual(['通知 3', '通知 2', '通知 1']);
    expect(mine.items[2]).toMatchObject({
      kind: 'dispatch',
      body: '正文 1',
      caseId,
      readAt: null,
      createdAt: new Date(T0 + 1000).toISOString(),
    });
    const officeList = await list(office);
    expect(officeList.items).toHaveLength(1); // the duplicate recipient got one row
    const theirs = officeList.items[0].id;

    t.clock.set(new Date(T0 + 10_000));
    const one = mine.items[1].id;
    const r = await t.call('POST', `/api/notifications/${one}/read`, { session: unit });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true });
    const afterOne = await list(unit);
    expect(afterOne.unread).toBe(2);
    expect(afterOne.items.find((n: any) => n.id === one).readAt).toBe(new Date(T0 + 10_000).toISOString());
    expect((await t.call('POST', `/api/notifications/${one}/read`, { session: unit })).status).toBe(200);

    const other = await t.call('POST', `/api/notifications/${theirs}/read`, { session: unit });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOTIFICATION_NOT_FOUND');
    const unknown = await t.call('POST', `/api/notifications/${randomUUID()}/read`, { session: unit });
    expect(unknown.status).toBe(404);
    expect((await list(office)).unread).toBe(1);

    const all = await t.call('POST', '/api/notifications/read-all', { session: unit });
    expect(all.status).toBe(200);
    const cleared = await list(unit);
    expect(cleared.unread).toBe(0);
    expect(cleared.items.every((n: any) => n.readAt !== null)).toBe(true);
    expect((await list(office)).unread).toBe(1);

    expect((await t.call('GET', '/api/notifications')).status).toBe(401);
    const noCsrf = await t.call('POST', '/api/notifications/read-all', {
      session: office,
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(noCsrf.status).toBe(403);
    expect((await list(office)).unread).toBe(1);
  });
});
