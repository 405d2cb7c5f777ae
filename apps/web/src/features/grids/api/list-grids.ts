import type { Grid, Page } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/grids with page, pageSize, q and the list's filters. */
export function listGrids(query: Query, signal?: AbortSignal): Promise<Page<Grid>> {
  return api.get<Page<Grid>>('/api/grids', { query, signal });
}

export function gridsQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['grids', 'list', query],
    queryFn: ({ signal }) => listGrids(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useGrids(query: Query) {
  return useQuery(gridsQueryOptions(query));
}
