import type { KpiResult } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/kpis: counters and rates per row of a dimension, plus the total, for the filters given. */
export function getKpis(query: Query, signal?: AbortSignal): Promise<KpiResult> {
  return api.get<KpiResult>('/api/kpis', { query, signal });
}

export function kpisQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['kpis', query],
    queryFn: ({ signal }) => getKpis(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useKpis(query: Query) {
  return useQuery(kpisQueryOptions(query));
}
