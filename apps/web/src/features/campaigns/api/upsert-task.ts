import type { CampaignTask } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';

export interface UpsertTask {
  nodeId: string;
  leadUnitId: string | null;
  coUnitIds: string[];
  leaderName: string | null;
  ownerName: string | null;
  ownerPhone: string | null;
}

/** PUT /api/campaigns/{id}/tasks: who answers for one indicator (creates or replaces its row). */
export function upsertTask({
  campaignId,
  body,
}: {
  campaignId: string;
  body: UpsertTask;
}): Promise<CampaignTask> {
  return request<CampaignTask>('PUT', `/api/campaigns/${campaignId}/tasks`, { body });
}

export function useUpsertTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: upsertTask,
    onSuccess: (_, { campaignId }) =>
      queryClient.invalidateQueries({ queryKey: ['campaigns', 'tasks', campaignId] }),
  });
}
