import type { OutboxStore } from './outbox-logic';
import type { OutboxEntry } from './outbox-types';

/**
 * The outbox in IndexedDB (photos are stored as Blobs, which localStorage cannot hold). A few lines over
 * the raw API instead of a library: one database, one object store keyed by the entry id.
 */

const DB_NAME = 'chuangcheng-field';
const DB_VERSION = 1;
const STORE = 'outbox';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (!opening) {
    opening = new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading the schema: let it, and reopen next time.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
  }
  return opening;
}

async function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  const tx = db.transaction(STORE, mode);
  const result = promised(body(tx.objectStore(STORE)));
  // Resolve after the transaction commits, so a reader right after a write sees it.
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  return result;
}

export function indexedDbAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

export const indexedDbStore: OutboxStore = {
  list: () => run('readonly', (s) => s.getAll() as IDBRequest<OutboxEntry[]>),
  put: async (entry) => {
    await run('readwrite', (s) => s.put(entry));
  },
  delete: async (id) => {
    await run('readwrite', (s) => s.delete(id));
  },
};
