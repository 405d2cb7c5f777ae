import type { Campaign } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/campaigns/{id}: with its current phase and next milestone (days left in the city's zone). */
export function getCampaign(id: string, signal?: AbortSignal): Promise<Campaign> {
  return api.get<Campaign>(`/api/campaigns/${id}`, { signal });
}

export function campaignQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['campaigns', 'detail', id],
    queryFn: ({ signal }) => getCampaign(id, signal),
  });
}

export function useCampaign(id: string) {
  return useQuery(campaignQueryOptions(id));
}
