import type { Logger } from '../logger';
import type { JobDefinition } from './define';
import type { JobRow, JobStore } from './store';

/** How the runner hands runs to a queue: in-process (embedded database) or pg-boss (PostgreSQL). */
export interface QueueDriver {
  readonly kind: 'in-process' | 'pg-boss';
  start(defs: readonly JobDefinition[]): Promise<void>;
  /** A queued run was inserted into `jobs`; deliver it at `runAt`. */
  submit(id: string, def: JobDefinition, runAt: Date): Promise<void>;
  /** Takes no more runs and waits up to `timeoutMs` for the handlers it delivered. */
  stop(timeoutMs: number): Promise<void>;
  /** Runs whose `running` row outlived its process (housekeeping; see store.recover). */
  recover(names: readonly string[], now: Date): Promise<number>;
}

export interface DriverDeps {
  store: JobStore;
  logger: Logger;
  now(): Date;
  /** Runs one attempt of a claimed row to its end (records success or failure; rejects on failure). */
  execute(def: JobDefinition, row: JobRow): Promise<void>;
  /** How long a claimed attempt keeps its lease. */
  leaseMs(def: JobDefinition): number;
  pollMs: number;
  concurrency: number;
}

/**
 * The embedded database's queue: one process by construction (the data-directory lock), so the
 * `jobs` table is the queue. A poll (and every enqueue) claims due rows with FOR UPDATE SKIP LOCKED
 * up to the concurrency limit. At start, runs left `running` by a previous process are queued again
 * (or failed when out of attempts), so queued and interrupted work survives a restart.
 */
export function inProcessDriver(deps: DriverDeps): QueueDriver {
  const defs = new Map<string, JobDefinition>();
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  let again = false;
  let stopping = false;

  const poll = async (): Promise<void> => {
    if (stopping) return;
    if (polling) {
      again = true;
      return polling;
    }
    polling = (async () => {
      do {
        again = false;
        try {
          const free = deps.concurrency - running.size;
          const rows = await deps.store.claimDue([...defs.keys()], free, deps.now(), 15 * 60_000);
          for (const row of rows) {
            const def = defs.get(row.name)!;
            const p: Promise<void> = deps
              .execute(def, row)
              .catch(() => undefined)
              .finally(() => {
                running.delete(p);
                if (!stopping) void poll();
              });
            running.add(p);
          }
        } catch (e) {
          deps.logger.error('job poll failed', { err: e as Error });
        }
      } while (again && !stopping && running.size < deps.concurrency);
    })().finally(() => {
      polling = null;
    });
    return polling;
  };

  return {
    kind: 'in-process',
    async start(list) {
      for (const d of list) defs.set(d.name, d);
      const n = await deps.store.recover([...defs.keys()], deps.now(), { all: true, requeue: true });
      if (n) deps.logger.warn('interrupted jobs recovered', { count: n });
      timer = setInterval(() => void poll(), deps.pollMs);
      timer.unref();
      void poll();
    },
    async submit(_id, _def, runAt) {
      if (runAt.getTime() <= deps.now().getTime()) void poll();
    },
    async stop(timeoutMs) {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await polling;
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise<void>((r) => {
          timeout = setTimeout(r, timeoutMs);
        }),
      ]);
      clearTimeout(timeout);
    },
    // The one process is alive: a long attempt is still running here, not lost.
    recover: async () => 0,
  };
}
