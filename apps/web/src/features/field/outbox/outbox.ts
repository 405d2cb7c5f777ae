import { errorMessage } from '../../../lib/api-client';
import { createCase } from '../api/create-case';
import { uploadFieldPhoto } from '../api/upload-photo';
import { indexedDbAvailable, indexedDbStore } from './outbox-db';
import {
  classifyFailure,
  type FlushResult,
  flushOutbox,
  memoryStore,
  type OutboxApi,
  type OutboxStore,
  withRetry,
} from './outbox-logic';
import type { OutboxEntry, SentReport } from './outbox-types';

/**
 * The phone's outbox: a report is written here first and sent from here, so a report taken in a car
 * park without signal (or a page closed mid-upload) goes out later, once. One flush runs at a time per
 * browser (a Web Lock spans tabs); other tabs hear about changes on a BroadcastChannel.
 */

export interface OutboxSnapshot {
  loaded: boolean;
  entries: OutboxEntry[];
  flushing: boolean;
  /** The last finished run (the field layout announces what it sent); seq grows with each run. */
  lastRun: { seq: number; sent: SentReport[]; failed: number; stopped: FlushResult['stopped'] } | null;
}

const store: OutboxStore = indexedDbAvailable() ? indexedDbStore : memoryStore();

const api: OutboxApi = {
  uploadPhoto: (photo) => uploadFieldPhoto(photo),
  createCase: (body) => createCase(body),
};

let snapshot: OutboxSnapshot = { loaded: false, entries: [], flushing: false, lastRun: null };
let runSeq = 0;
const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('chuangcheng-outbox');

function emit(patch: Partial<OutboxSnapshot>): void {
  snapshot = { ...snapshot, ...patch };
  for (const listener of listeners) listener();
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function outboxSnapshot(): OutboxSnapshot {
  return snapshot;
}

/** Re-reads the stored entries (after a change here or in another tab). */
export async function reloadOutbox(): Promise<void> {
  emit({ entries: await store.list(), loaded: true });
}

channel?.addEventListener('message', () => void reloadOutbox());

async function changed(): Promise<void> {
  await reloadOutbox();
  channel?.postMessage('changed');
}

export async function enqueue(entry: OutboxEntry): Promise<void> {
  await store.put(entry);
  await changed();
}

export async function removeEntry(id: string): Promise<void> {
  await store.delete(id);
  await changed();
}

export async function retryEntry(id: string): Promise<void> {
  const entry = (await store.list()).find((e) => e.id === id);
  if (entry) await store.put(withRetry(entry));
  await changed();
}

let running: Promise<FlushResult> | null = null;

/** Null when the session is fine, else why the run cannot start. */
async function checkSession(request: FlushRequest): Promise<FlushResult['stopped']> {
  if (!request.ensureSession) return null;
  try {
    return (await request.ensureSession()) ? null : 'auth';
  } catch (error) {
    const kind = classifyFailure(error);
    return kind === 'rejected' ? 'transient' : kind;
  }
}

export interface FlushRequest {
  userId: string;
  force?: boolean;
  /** Refreshes the session (and its CSRF token) before sending; false = not logged in. */
  ensureSession?: () => Promise<boolean>;
  /** The report form shows a refusal of its own report itself: the run does not announce refusals. */
  quietRefusals?: boolean;
}

/** Sends what waits (see flushOutbox); a call during a run starts another right after it. */
export function flush(request: FlushRequest): Promise<FlushResult> {
  // A run in progress listed the entries before this call: run again after it, for what came since.
  if (running) return running.then(() => flush(request));
  running = (async (): Promise<FlushResult> => {
    emit({ flushing: true });
    let result: FlushResult = { sent: [], failed: [], stopped: null };
    try {
      const session = await checkSession(request);
      if (session) {
        result = { ...result, stopped: session };
        return result;
      }
      const run = () =>
        flushOutbox({
          store,
          api,
          userId: request.userId,
          now: () => new Date(),
          messageOf: (error) => errorMessage(error),
          force: request.force,
        });
      result = navigator.locks ? await navigator.locks.request('chuangcheng-outbox', run) : await run();
      return result;
    } catch (error) {
      // The store itself failed (storage full, private mode): report it as a stop, keep the entries.
      console.error('outbox flush failed', error);
      result = { ...result, stopped: 'transient' };
      return result;
    } finally {
      running = null;
      runSeq += 1;
      emit({
        flushing: false,
        lastRun: {
          seq: runSeq,
          sent: result.sent,
          failed: request.quietRefusals ? 0 : result.failed.length,
          stopped: result.stopped,
        },
      });
      await changed();
    }
  })();
  return running;
}
