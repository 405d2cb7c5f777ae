import type { Page, Standard } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/standards: page, pageSize, q, type. */
export function listStandards(query: Query, signal?: AbortSignal): Promise<Page<Standard>> {
  return api.get<Page<Standard>>('/api/standards', { query, signal });
}

export function standardsQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['standards', 'list', query],
    queryFn: ({ signal }) => listStandards(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStandards(query: Query) {
  return useQuery(standardsQueryOptions(query));
}
