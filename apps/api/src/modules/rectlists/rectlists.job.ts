import { z } from 'zod';
import { AppError } from '../../platform/app-error';
import { defineJob, type JobRetry } from '../../platform/jobs/index';
import { RECTLIST_JOB, type RectlistsService } from './rectlists.service';

const RETRY: JobRetry = { limit: 3, delaySeconds: 5, backoff: 'exponential' };

/** Files a 整改清单's cases in the background; safe to run again (it resumes, never files a row twice). */
export function rectlistJob(service: RectlistsService) {
  return defineJob({
    name: RECTLIST_JOB,
    payload: z.object({ cityId: z.uuid(), batchId: z.uuid() }),
    retry: RETRY,
    timeoutSeconds: 30 * 60,
    async handler(ctx, p) {
      try {
        return await service.runBatch(p.cityId, p.batchId, { signal: ctx.signal, progress: ctx.progress });
      } catch (e) {
        // A stop (shutdown) is resumed by the next start; only the last failed attempt ends the batch.
        if (!ctx.signal.aborted && ctx.attempt > RETRY.limit) {
          const why = e instanceof AppError ? e.message : '系统错误，详见后台任务记录';
          await service.markFailed(p.cityId, p.batchId, `生成案件失败（已重试 ${RETRY.limit} 次）：${why}`);
        }
        throw e;
      }
    },
  });
}
