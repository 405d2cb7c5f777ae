import type pg from 'pg';
import PgBoss from 'pg-boss';
import { type JobDefinition, NO_RETRY } from './define';
import type { DriverDeps, QueueDriver } from './in-process';

/** How long past its lease a `running` row may stay before housekeeping fails it (pg-boss retries first). */
const STALE_GRACE_MS = 10 * 60_000;

/**
 * The PostgreSQL queue: pg-boss 10 (its own schema `pgboss`, created at start) delivers runs to
 * every process, with its retry policy (the definition's, as integer seconds) and expiry
 * (`timeoutSeconds`). The pg-boss job's id is the `jobs` row's id and carries only that id; the row
 * stays the user-visible record (state, attempts, progress, result, error). pg-boss shares the app's
 * connection pool, and its own cron is not used: schedules claim slots in `jobs` (runner.ts).
 */
export function pgBossDriver(pool: pg.Pool, deps: DriverDeps): QueueDriver {
  const pending = new Set<Promise<unknown>>();
  // pg-boss answers some calls (complete/fail) without awaiting them: track every query so stop()
  // drains them before the pool may be closed.
  const db = {
    executeSql(text: string, values: unknown[]) {
      const p = pool.query(text, values);
      pending.add(p);
      void p.catch(() => undefined).finally(() => pending.delete(p));
      return p;
    },
  };
  const pollingIntervalSeconds = Math.max(0.5, deps.pollMs / 1000);
  const boss = new PgBoss({ db, schedule: false, supervise: true, migrate: true });
  boss.on('error', (e) => deps.logger.error('pg-boss error', { err: e }));
  const workers = new Map<string, string>();
  const policy = (def: JobDefinition) => {
    const retry = def.retry ?? NO_RETRY;
    return {
      retryLimit: retry.limit,
      retryDelay: Math.ceil(retry.delaySeconds),
      retryBackoff: retry.backoff === 'exponential',
      expireInSeconds: Math.ceil(deps.leaseMs(def) / 1000),
    };
  };

  // Processes starting together may deadlock creating queues (each one a partition of pg-boss's job
  // table): creating is idempotent, so a deadlocked attempt is retried after a short random pause.
  async function createQueue(def: JobDefinition) {
    for (let attempt = 1; ; attempt++) {
      if (await boss.getQueue(def.name)) return;
      try {
        await boss.createQueue(def.name, { name: def.name, policy: 'standard', ...policy(def) });
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '40P01' || attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
      }
    }
  }

  return {
    kind: 'pg-boss',
    async start(defs) {
      await boss.start();
      for (const def of defs) {
        await createQueue(def);
        const id = await boss.work<{ jobId: string }>(
          def.name,
          { pollingIntervalSeconds, batchSize: 1 },
          async (batch) => {
            for (const job of batch) {
              const row = await deps.store.begin(job.data.jobId, deps.now(), deps.leaseMs(def));
              if (row) await deps.execute(def, row); // a failure rejects: pg-boss retries or fails it
            }
          },
        );
        workers.set(def.name, id);
      }
      // Runs queued while no queue ran (before start, or a send that never happened): hand them to
      // pg-boss now. The pg-boss id is the row's id, so a run pg-boss already holds is not doubled.
      const byName = new Map(defs.map((d) => [d.name, d]));
      for (const row of await deps.store.queued([...byName.keys()]))
        await this.submit(row.id, byName.get(row.name)!, row.runAt);
    },
    async submit(id, def, runAt) {
      await boss.send(def.name, { jobId: id }, { id, startAfter: runAt, ...policy(def) });
      const worker = workers.get(def.name);
      if (worker && runAt.getTime() <= deps.now().getTime()) boss.notifyWorker(worker);
    },
    async stop(timeoutMs) {
      await boss.stop({ graceful: true, wait: true, close: false, timeout: Math.max(1000, timeoutMs) });
      while (pending.size) await Promise.allSettled([...pending]);
    },
    recover(names, now) {
      return deps.store.recover(names, now, {
        all: false,
        requeue: false,
        staleBefore: new Date(now.getTime() - STALE_GRACE_MS),
      });
    },
  };
}
