import { jobListQuerySchema, jobListSchema, jobRunSchema } from '@chuangcheng/contracts';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import type { JobsService } from './jobs.service';

export function registerJobsRoutes(app: App, reg: EndpointMeta[], jobs: JobsService): void {
  const tag = 'jobs';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/jobs',
    access: ['admin', 'office'],
    summary: '后台任务运行记录（状态、进度、结果、错误），可按任务名与状态筛选',
    tag,
    query: jobListQuerySchema,
    response: jobListSchema,
    handler: ({ ctx, query }) => jobs.list(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/jobs/{id}',
    access: 'authenticated',
    summary: '一次后台任务运行（发起人，或本市的管理办/管理员）',
    tag,
    params: idParams,
    response: jobRunSchema,
    handler: ({ ctx, params }) => jobs.get(ctx, params.id),
  });
}
