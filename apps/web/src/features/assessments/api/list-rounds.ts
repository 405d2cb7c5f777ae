import type { Page, Round } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface RoundQuery {
  campaignId: string;
  page: number;
  pageSize: number;
}

/** GET /api/rounds?campaignId: the rounds of a campaign, newest first. */
export function listRounds(query: RoundQuery, signal?: AbortSignal): Promise<Page<Round>> {
  return api.get<Page<Round>>('/api/rounds', { query: { ...query }, signal });
}

export function roundsQueryOptions(query: RoundQuery) {
  return queryOptions({
    queryKey: ['rounds', 'list', query],
    queryFn: ({ signal }) => listRounds(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRounds(query: RoundQuery | null) {
  return useQuery({
    ...roundsQueryOptions(query ?? { campaignId: '', page: 1, pageSize: 20 }),
    enabled: Boolean(query?.campaignId),
  });
}
