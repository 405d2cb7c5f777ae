import type { Campaign, Page } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** GET /api/campaigns: every campaign the user may see (for the campaign select). */
export async function listCampaigns(signal?: AbortSignal): Promise<Campaign[]> {
  const answer = await api.get<Page<Campaign> | Campaign[]>('/api/campaigns', {
    query: { pageSize: 100 },
    signal,
  });
  return Array.isArray(answer) ? answer : answer.items;
}

export const campaignsQueryOptions = queryOptions({
  queryKey: ['campaigns', 'options'],
  queryFn: ({ signal }) => listCampaigns(signal),
  staleTime: 60_000,
});

export function useCampaigns() {
  return useQuery(campaignsQueryOptions);
}
