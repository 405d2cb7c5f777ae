import type { Campaign, CreateCampaign } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/campaigns: thresholds default to the standard's when left out. */
export function createCampaign(body: CreateCampaign): Promise<Campaign> {
  return api.post<Campaign>('/api/campaigns', body);
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCampaign,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}
