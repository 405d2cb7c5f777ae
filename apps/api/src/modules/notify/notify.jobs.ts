import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index';
import type { NotifyService } from './notify.service';

/**
 * Outbox delivery as a scheduled job: each run sends the due rows (claimed with a lease, so
 * processes never send a row twice; per-row retries and backoff stay in the outbox). Null leaves it
 * unscheduled (SWEEPER_INTERVAL_SECONDS=0).
 */
export function deliveryJob(notify: NotifyService, everySeconds: number | null) {
  return defineJob({
    name: 'notify.deliver',
    payload: z.object({}),
    singleton: true,
    ...(everySeconds ? { schedule: { everySeconds } } : {}),
    handler: async () => notify.deliver(),
  });
}
