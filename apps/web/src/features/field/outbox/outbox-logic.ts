import type { CreateCase } from '@chuangcheng/contracts';
import type { OutboxEntry, OutboxPhoto, SentReport } from './outbox-types';

/**
 * The outbox's rules, free of IndexedDB, fetch and timers (those are passed in), so they are tested as
 * plain functions: in which order entries go, what the next step of an entry is, how a failure changes
 * it, and the flush loop that uploads each photo once and creates each case once.
 */

/** How a failed request is treated. */
export type FailureKind =
  /** No network: stop, keep everything as it is, try again when the network is back. */
  | 'offline'
  /** The session is gone or the CSRF token is stale: stop until the user is logged in again. */
  | 'auth'
  /** The server may answer differently later (5xx, 429, 408): stop and back off. */
  | 'transient'
  /** The server refused the content (4xx): asking again will not help; mark the entry failed. */
  | 'rejected';

/** The shape of an API error the flush needs (lib/api-client's ApiError has it). */
export interface ErrorLike {
  status: number;
  code: string;
}

function isErrorLike(error: unknown): error is ErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as ErrorLike).status === 'number' &&
    typeof (error as ErrorLike).code === 'string'
  );
}

export function classifyFailure(error: unknown): FailureKind {
  if (!isErrorLike(error)) {
    // fetch's TypeError, an aborted request: the network, not the content.
    return error instanceof TypeError || (error instanceof Error && error.name === 'AbortError')
      ? 'offline'
      : 'transient';
  }
  const { status, code } = error;
  if (status === 0) return 'offline';
  if (status === 401 || code === 'CSRF_FAILED') return 'auth';
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  if (status >= 400) return 'rejected';
  return 'transient';
}

/** Back-off after transient failures: 30 s, 1 min, 2 min … capped at 15 min. */
export function backoffMs(attempts: number): number {
  return Math.min(15 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** The user's entries that wait to be sent, oldest first (the order they were composed). */
export function sendOrder(entries: readonly OutboxEntry[], userId: string): OutboxEntry[] {
  return entries
    .filter((e) => e.userId === userId && e.status === 'pending')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** All of the user's entries for the 待发送 list: oldest first, failed ones included. */
export function userEntries(entries: readonly OutboxEntry[], userId: string): OutboxEntry[] {
  return entries
    .filter((e) => e.userId === userId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function isDue(entry: OutboxEntry, now: Date): boolean {
  return entry.retryAt === null || Date.parse(entry.retryAt) <= now.getTime();
}

export type Step = { kind: 'upload'; photo: OutboxPhoto } | { kind: 'create'; body: CreateCase };

/** Photos first, each once, in the order taken; then the case, always with the same idempotency key. */
export function nextStep(entry: OutboxEntry): Step {
  const photo = entry.photos.find((p) => p.uploadedId === null);
  if (photo) return { kind: 'upload', photo };
  return { kind: 'create', body: toCreateCase(entry) };
}

function uploadedIds(entry: OutboxEntry, kind: OutboxPhoto['kind']): string[] {
  return entry.photos.flatMap((p) => (p.kind === kind && p.uploadedId ? [p.uploadedId] : []));
}

export function toCreateCase(entry: OutboxEntry): CreateCase {
  const r = entry.report;
  return {
    source: r.source,
    categoryId: r.categoryId,
    conditionId: r.conditionId ?? undefined,
    description: r.description,
    address: r.address ?? undefined,
    lng: r.lng,
    lat: r.lat,
    owner: 'public',
    photoIds: uploadedIds(entry, 'before'),
    selfHandled: r.selfHandled,
    afterPhotoIds: r.selfHandled ? uploadedIds(entry, 'after') : [],
    fileNow: false,
    idempotencyKey: entry.id,
  };
}

export function withUploaded(entry: OutboxEntry, photoKey: string, uploadedId: string): OutboxEntry {
  return {
    ...entry,
    photos: entry.photos.map((p) => (p.key === photoKey ? { ...p, uploadedId } : p)),
  };
}

/** The entry after a failure of the given kind (offline and auth leave it untouched). */
export function withFailure(
  entry: OutboxEntry,
  kind: FailureKind,
  message: string,
  now: Date,
  code?: string,
): OutboxEntry {
  switch (kind) {
    case 'offline':
    case 'auth':
      return entry;
    case 'transient': {
      const attempts = entry.attempts + 1;
      return {
        ...entry,
        attempts,
        retryAt: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
        lastError: message,
      };
    }
    case 'rejected':
      return {
        ...entry,
        status: 'failed',
        lastError: message,
        // The server no longer knows (or accepts) the uploaded photos: a retry uploads them again.
        photos:
          code === 'PHOTO_NOT_FOUND' ? entry.photos.map((p) => ({ ...p, uploadedId: null })) : entry.photos,
      };
  }
}

/** A manual 重试 of a failed entry: back in the queue, now. */
export function withRetry(entry: OutboxEntry): OutboxEntry {
  return { ...entry, status: 'pending', attempts: 0, retryAt: null, lastError: null };
}

// ---- the flush loop ----------------------------------------------------------------------------

export interface OutboxStore {
  list(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface OutboxApi {
  uploadPhoto(photo: OutboxPhoto): Promise<{ id: string }>;
  createCase(body: CreateCase): Promise<{ id: string; number: string }>;
}

export interface FlushOptions {
  store: OutboxStore;
  api: OutboxApi;
  userId: string;
  now: () => Date;
  /** The message to keep on a failed entry (the UI's errorMessage). */
  messageOf: (error: unknown) => string;
  /** The manual 立即发送: ignore the back-off. */
  force?: boolean;
}

export interface FlushResult {
  sent: SentReport[];
  /** Entries the server refused in this run. */
  failed: OutboxEntry[];
  /** Why the run stopped before the end of the queue, if it did. */
  stopped: Exclude<FailureKind, 'rejected'> | 'waiting' | null;
}

/**
 * Sends the user's pending entries in order. Every uploaded photo id is written to the entry before the
 * next request, so a retry resumes where the last run stopped; the case is created with the entry's
 * idempotency key, so a create whose answer was lost is answered with the same case next time. A refused
 * entry is marked failed and the queue moves on; any other failure stops the run (order is kept).
 */
export async function flushOutbox(options: FlushOptions): Promise<FlushResult> {
  const { store, api, userId, now, messageOf, force } = options;
  const result: FlushResult = { sent: [], failed: [], stopped: null };
  for (const queued of sendOrder(await store.list(), userId)) {
    if (!force && !isDue(queued, now())) {
      result.stopped = 'waiting';
      return result;
    }
    let entry = queued;
    try {
      for (;;) {
        const step = nextStep(entry);
        if (step.kind === 'upload') {
          const photo = await api.uploadPhoto(step.photo);
          entry = withUploaded(entry, step.photo.key, photo.id);
          await store.put(entry);
          continue;
        }
        const created = await api.createCase(step.body);
        await store.delete(entry.id);
        result.sent.push({
          entryId: entry.id,
          caseId: created.id,
          number: created.number,
          description: entry.report.description,
        });
        break;
      }
    } catch (error) {
      const kind = classifyFailure(error);
      const code = (error as Partial<ErrorLike> | null)?.code;
      entry = withFailure(entry, kind, messageOf(error), now(), code);
      if (kind === 'rejected') {
        await store.put(entry);
        result.failed.push(entry);
        continue;
      }
      if (kind === 'transient') await store.put(entry);
      result.stopped = kind;
      return result;
    }
  }
  return result;
}

/** An in-memory store (tests, and the fallback when IndexedDB is unavailable). */
export function memoryStore(
  initial: OutboxEntry[] = [],
): OutboxStore & { entries: Map<string, OutboxEntry> } {
  const entries = new Map(initial.map((e) => [e.id, e]));
  return {
    entries,
    list: async () => [...entries.values()],
    put: async (entry) => {
      entries.set(entry.id, entry);
    },
    delete: async (id) => {
      entries.delete(id);
    },
  };
}
