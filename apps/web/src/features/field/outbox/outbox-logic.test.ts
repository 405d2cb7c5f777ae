import type { CreateCase } from '@chuangcheng/contracts';
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  classifyFailure,
  flushOutbox,
  memoryStore,
  nextStep,
  type OutboxApi,
  sendOrder,
  toCreateCase,
  withFailure,
  withRetry,
} from './outbox-logic';
import type { OutboxEntry, OutboxPhoto } from './outbox-types';

// ---- factories ---------------------------------------------------------------------------------

const CATEGORY = '0190a000-0000-7000-8000-000000000001';
const USER = 'user-a';

function photo(
  key: string,
  kind: OutboxPhoto['kind'] = 'before',
  uploadedId: string | null = null,
): OutboxPhoto {
  return {
    key,
    kind,
    blob: new Blob([key], { type: 'image/jpeg' }),
    name: `${key}.jpg`,
    capturedAt: '2026-05-01T02:00:00.000Z',
    lng: 118.1,
    lat: 24.5,
    uploadedId,
  };
}

function entry(id: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id,
    userId: USER,
    createdAt: '2026-05-01T02:00:00.000Z',
    report: {
      source: 'grid_worker',
      categoryId: CATEGORY,
      conditionId: null,
      categoryName: '暴露垃圾',
      description: `描述 ${id}`,
      address: null,
      lng: 118.1,
      lat: 24.5,
      selfHandled: false,
    },
    photos: [photo(`${id}-1`)],
    status: 'pending',
    attempts: 0,
    retryAt: null,
    lastError: null,
    ...overrides,
  };
}

const apiError = (status: number, code: string) => Object.assign(new Error(code), { status, code });
const NETWORK = apiError(0, 'NETWORK');

/**
 * A fake server that behaves like the real one where it matters: photo ids are handed out per upload,
 * and a case is created once per idempotency key (a repeated key answers the first case).
 */
function fakeServer() {
  const uploads: string[] = [];
  const cases = new Map<string, { id: string; number: string; body: CreateCase }>();
  const creates: CreateCase[] = [];
  /** Per call: what to do instead of answering (throw), before or after the server did the work. */
  const failUpload: (Error | null)[] = [];
  const failCreate: { error: Error; afterCommit: boolean }[] = [];
  const api: OutboxApi = {
    uploadPhoto: async (p) => {
      const failure = failUpload.shift();
      if (failure) throw failure;
      uploads.push(p.key);
      return { id: `photo-of-${p.key}` };
    },
    createCase: async (body) => {
      creates.push(body);
      const failure = failCreate.shift();
      if (failure && !failure.afterCommit) throw failure.error;
      const key = body.idempotencyKey ?? '';
      let c = cases.get(key);
      if (!c) {
        c = { id: `case-${cases.size + 1}`, number: `20260501-000${cases.size + 1}`, body };
        cases.set(key, c);
      }
      // The answer is lost on the way back: the case exists, the phone does not know.
      if (failure?.afterCommit) throw failure.error;
      return c;
    },
  };
  return { api, uploads, cases, creates, failUpload, failCreate };
}

const NOW = new Date('2026-05-01T03:00:00.000Z');
const run = (
  store: ReturnType<typeof memoryStore>,
  api: OutboxApi,
  extra: { force?: boolean; now?: Date } = {},
) =>
  flushOutbox({
    store,
    api,
    userId: USER,
    now: () => extra.now ?? NOW,
    messageOf: (e) => `消息：${(e as Error).message}`,
    force: extra.force,
  });

// ---- pure parts --------------------------------------------------------------------------------

describe('classifyFailure', () => {
  it('tells the network, the session, a passing server trouble and a refusal apart', () => {
    expect(classifyFailure(NETWORK)).toBe('offline');
    expect(classifyFailure(new TypeError('Failed to fetch'))).toBe('offline');
    expect(classifyFailure(apiError(401, 'SESSION_EXPIRED'))).toBe('auth');
    expect(classifyFailure(apiError(403, 'CSRF_FAILED'))).toBe('auth');
    for (const status of [500, 502, 503, 429, 408])
      expect(classifyFailure(apiError(status, 'X'))).toBe('transient');
    for (const status of [400, 403, 404, 409, 413, 422])
      expect(classifyFailure(apiError(status, 'X'))).toBe('rejected');
    expect(classifyFailure(new Error('something else'))).toBe('transient');
  });
});

describe('backoffMs', () => {
  it('doubles from 30 s and stops at 15 min', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(15 * 60_000);
  });
});

describe('sendOrder', () => {
  it("keeps the user's pending entries, oldest first (ties by id)", () => {
    const entries = [
      entry('c', { createdAt: '2026-05-01T02:00:02.000Z' }),
      entry('a', { createdAt: '2026-05-01T02:00:01.000Z' }),
      entry('b', { createdAt: '2026-05-01T02:00:01.000Z' }),
      entry('f', { createdAt: '2026-05-01T02:00:00.000Z', status: 'failed' }),
      entry('o', { createdAt: '2026-05-01T01:00:00.000Z', userId: 'someone-else' }),
    ];
    expect(sendOrder(entries, USER).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('nextStep / toCreateCase', () => {
  it('uploads photos one by one in order, then creates the case with the entry id as the key', () => {
    const e = entry('k1', { photos: [photo('p1', 'before', 'id-1'), photo('p2'), photo('p3')] });
    const step = nextStep(e);
    expect(step.kind === 'upload' && step.photo.key).toBe('p2');
    const done = { ...e, photos: e.photos.map((p) => ({ ...p, uploadedId: `id-${p.key}` })) };
    const create = nextStep(done);
    expect(create.kind).toBe('create');
    if (create.kind === 'create') {
      expect(create.body.idempotencyKey).toBe('k1');
      expect(create.body.photoIds).toEqual(['id-p1', 'id-p2', 'id-p3']);
      expect(create.body.afterPhotoIds).toEqual([]);
      expect(create.body.selfHandled).toBe(false);
      expect(create.body.source).toBe('grid_worker');
    }
  });

  it('sends after-photos only with 自处理', () => {
    const photos = [photo('b', 'before', 'id-b'), photo('a', 'after', 'id-a')];
    const selfHandled = entry('k', { photos, report: { ...entry('k').report, selfHandled: true } });
    expect(toCreateCase(selfHandled)).toMatchObject({
      selfHandled: true,
      photoIds: ['id-b'],
      afterPhotoIds: ['id-a'],
    });
    expect(
      toCreateCase({ ...selfHandled, report: { ...selfHandled.report, selfHandled: false } }),
    ).toMatchObject({
      selfHandled: false,
      photoIds: ['id-b'],
      afterPhotoIds: [],
    });
  });
});

describe('withFailure / withRetry', () => {
  it('leaves the entry alone when offline or logged out', () => {
    const e = entry('k');
    expect(withFailure(e, 'offline', 'x', NOW)).toBe(e);
    expect(withFailure(e, 'auth', 'x', NOW)).toBe(e);
  });

  it('backs off after a transient failure and marks a refusal failed', () => {
    const transient = withFailure(entry('k', { attempts: 1 }), 'transient', '服务器错误', NOW);
    expect(transient).toMatchObject({ status: 'pending', attempts: 2, lastError: '服务器错误' });
    expect(transient.retryAt).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    const refused = withFailure(entry('k'), 'rejected', '输入有误', NOW);
    expect(refused).toMatchObject({ status: 'failed', lastError: '输入有误' });
    expect(withRetry(refused)).toMatchObject({
      status: 'pending',
      attempts: 0,
      retryAt: null,
      lastError: null,
    });
  });

  it('forgets uploaded photos the server no longer knows', () => {
    const e = entry('k', { photos: [photo('p', 'before', 'gone')] });
    expect(withFailure(e, 'rejected', '照片不存在', NOW, 'PHOTO_NOT_FOUND').photos[0]?.uploadedId).toBeNull();
    expect(withFailure(e, 'rejected', '输入有误', NOW, 'VALIDATION_FAILED').photos[0]?.uploadedId).toBe(
      'gone',
    );
  });
});

// ---- the flush loop ----------------------------------------------------------------------------

describe('flushOutbox', () => {
  it('sends everything in order: each entry its photos, then its case; the outbox is empty after', async () => {
    const server = fakeServer();
    const store = memoryStore([
      entry('b', { createdAt: '2026-05-01T02:00:02.000Z', photos: [photo('b1')] }),
      entry('a', { createdAt: '2026-05-01T02:00:01.000Z', photos: [photo('a1'), photo('a2')] }),
    ]);
    const result = await run(store, server.api);
    expect(result.stopped).toBeNull();
    expect(result.sent.map((s) => s.entryId)).toEqual(['a', 'b']);
    expect(server.uploads).toEqual(['a1', 'a2', 'b1']);
    expect(server.creates.map((c) => c.idempotencyKey)).toEqual(['a', 'b']);
    expect(server.creates[0]?.photoIds).toEqual(['photo-of-a1', 'photo-of-a2']);
    expect(store.entries.size).toBe(0);
  });

  it('stops on a lost network mid-way and resumes without uploading a photo twice', async () => {
    const server = fakeServer();
    const store = memoryStore([
      entry('a', { photos: [photo('a1'), photo('a2')] }),
      entry('b', { createdAt: '2026-05-01T02:00:05.000Z' }),
    ]);
    server.failUpload.push(null, NETWORK); // a1 goes up, then the signal is gone
    const first = await run(store, server.api);
    expect(first).toMatchObject({ sent: [], stopped: 'offline' });
    // The id of a1 was written before the next request: it is known after the stop.
    expect(store.entries.get('a')?.photos.map((p) => p.uploadedId)).toEqual(['photo-of-a1', null]);
    expect(store.entries.get('b')?.photos[0]?.uploadedId).toBeNull();

    const second = await run(store, server.api);
    expect(second.stopped).toBeNull();
    expect(server.uploads).toEqual(['a1', 'a2', 'b-1']);
    expect(second.sent.map((s) => s.entryId)).toEqual(['a', 'b']);
  });

  it('creates the case exactly once when the answer of the create is lost', async () => {
    const server = fakeServer();
    const store = memoryStore([entry('a', { photos: [photo('a1')] })]);
    server.failCreate.push({ error: NETWORK, afterCommit: true });
    const first = await run(store, server.api);
    expect(first.stopped).toBe('offline');
    expect(server.cases.size).toBe(1); // the server has it …
    expect(store.entries.has('a')).toBe(true); // … the phone does not know yet

    const second = await run(store, server.api);
    expect(second.sent).toEqual([
      { entryId: 'a', caseId: 'case-1', number: '20260501-0001', description: '描述 a' },
    ]);
    expect(server.cases.size).toBe(1);
    expect(server.creates.map((c) => c.idempotencyKey)).toEqual(['a', 'a']);
    expect(server.uploads).toEqual(['a1']);
    expect(store.entries.size).toBe(0);
  });

  it('marks a refused entry failed with the message and goes on with the next one; never retries it alone', async () => {
    const server = fakeServer();
    const store = memoryStore([
      entry('a', { createdAt: '2026-05-01T02:00:01.000Z' }),
      entry('b', { createdAt: '2026-05-01T02:00:02.000Z' }),
    ]);
    server.failCreate.push({ error: apiError(400, 'VALIDATION_FAILED'), afterCommit: false });
    const first = await run(store, server.api);
    expect(first.failed.map((e) => e.id)).toEqual(['a']);
    expect(first.sent.map((s) => s.entryId)).toEqual(['b']);
    expect(store.entries.get('a')).toMatchObject({ status: 'failed', lastError: '消息：VALIDATION_FAILED' });

    const again = await run(store, server.api, { force: true });
    expect(again).toEqual({ sent: [], failed: [], stopped: null });
    expect(server.creates).toHaveLength(2);

    // 重试: back in the queue; its photo was already up, so only the create is repeated.
    const a = store.entries.get('a');
    if (a) await store.put(withRetry(a));
    const retried = await run(store, server.api);
    expect(retried.sent.map((s) => s.entryId)).toEqual(['a']);
    expect(server.uploads).toEqual(['a-1', 'b-1']);
  });

  it('backs off after a server error, keeps the order, and 立即发送 overrides the wait', async () => {
    const server = fakeServer();
    const store = memoryStore([
      entry('a', { createdAt: '2026-05-01T02:00:01.000Z' }),
      entry('b', { createdAt: '2026-05-01T02:00:02.000Z' }),
    ]);
    server.failCreate.push({ error: apiError(503, 'INTERNAL'), afterCommit: false });
    const first = await run(store, server.api);
    expect(first.stopped).toBe('transient');
    expect(first.sent).toEqual([]); // b waits behind a
    expect(store.entries.get('a')).toMatchObject({ attempts: 1, status: 'pending' });

    const early = await run(store, server.api, { now: new Date(NOW.getTime() + 10_000) });
    expect(early.stopped).toBe('waiting');
    expect(server.creates).toHaveLength(1);

    const later = await run(store, server.api, { now: new Date(NOW.getTime() + 31_000) });
    expect(later.sent.map((s) => s.entryId)).toEqual(['a', 'b']);

    server.failCreate.push({ error: apiError(500, 'INTERNAL'), afterCommit: false });
    await store.put(entry('c'));
    await run(store, server.api);
    const forced = await run(store, server.api, { force: true });
    expect(forced.sent.map((s) => s.entryId)).toEqual(['c']);
  });

  it('stops without touching anything when the session is gone', async () => {
    const server = fakeServer();
    const original = entry('a');
    const store = memoryStore([original]);
    server.failUpload.push(apiError(401, 'SESSION_EXPIRED'));
    const result = await run(store, server.api);
    expect(result.stopped).toBe('auth');
    expect(store.entries.get('a')).toEqual(original);
  });

  it("never sends another user's entries", async () => {
    const server = fakeServer();
    const store = memoryStore([entry('mine'), entry('theirs', { userId: 'user-b' })]);
    const result = await run(store, server.api);
    expect(result.sent.map((s) => s.entryId)).toEqual(['mine']);
    expect(store.entries.has('theirs')).toBe(true);
  });
});
