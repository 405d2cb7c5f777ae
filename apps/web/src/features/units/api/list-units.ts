import type { Page, Unit } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/units: page, pageSize, q, kind, regionId. */
export function listUnits(query: Query, signal?: AbortSignal): Promise<Page<Unit>> {
  return api.get<Page<Unit>>('/api/units', { query, signal });
}

export function unitsQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['units', 'list', query],
    queryFn: ({ signal }) => listUnits(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUnits(query: Query) {
  return useQuery(unitsQueryOptions(query));
}
