import type { CampaignTask } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/campaigns/{id}/tasks: the 任务分解表 rows (phones masked as the viewer's role requires). */
export function listTasks(campaignId: string, signal?: AbortSignal): Promise<CampaignTask[]> {
  return api.get<CampaignTask[]>(`/api/campaigns/${campaignId}/tasks`, { signal });
}

export function tasksQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: ['campaigns', 'tasks', campaignId],
    queryFn: ({ signal }) => listTasks(campaignId, signal),
  });
}

export function useTasks(campaignId: string) {
  return useQuery(tasksQueryOptions(campaignId));
}
