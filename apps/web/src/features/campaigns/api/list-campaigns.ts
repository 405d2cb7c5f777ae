import type { Campaign, Page } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/campaigns: page, pageSize, q. */
export function listCampaigns(query: Query, signal?: AbortSignal): Promise<Page<Campaign>> {
  return api.get<Page<Campaign>>('/api/campaigns', { query, signal });
}

export function campaignsQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['campaigns', 'list', query],
    queryFn: ({ signal }) => listCampaigns(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCampaigns(query: Query) {
  return useQuery(campaignsQueryOptions(query));
}
