import type { Grid } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/grids/{id}/history: every version of the grid (a boundary change closes one and opens the next). */
export function getGridHistory(id: string, signal?: AbortSignal): Promise<Grid[]> {
  return api.get<Grid[]>(`/api/grids/${id}/history`, { signal });
}

export function gridHistoryQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['grids', 'history', id],
    queryFn: ({ signal }) => getGridHistory(id, signal),
  });
}

export function useGridHistory(id: string | null) {
  return useQuery({ ...gridHistoryQueryOptions(id ?? ''), enabled: Boolean(id) });
}
