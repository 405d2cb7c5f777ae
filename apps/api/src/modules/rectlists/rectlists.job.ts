import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index';
import { RECTLIST_JOB, type RectlistsService } from './rectlists.service';

/** Files a 整改清单's cases in the background; safe to run again (it resumes, never files a row twice). */
export function rectlistJob(service: RectlistsService) {
  return defineJob({
    name: RECTLIST_JOB,
    payload: z.object({ cityId: z.uuid(), batchId: z.uuid() }),
    retry: { limit: 3, delaySeconds: 5, backoff: 'exponential' },
    timeoutSeconds: 30 * 60,
    handler: (ctx, p) =>
      service.runBatch(p.cityId, p.batchId, { signal: ctx.signal, progress: ctx.progress }),
  });
}
