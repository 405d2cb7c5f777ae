import type { GridDetail } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/grids/{id}: one grid with its geometry and names of its region, block and lead unit. */
export function getGrid(id: string, signal?: AbortSignal): Promise<GridDetail> {
  return api.get<GridDetail>(`/api/grids/${id}`, { signal });
}

export function gridQueryOptions(id: string) {
  return queryOptions({ queryKey: ['grids', 'detail', id], queryFn: ({ signal }) => getGrid(id, signal) });
}

export function useGrid(id: string | null) {
  return useQuery({ ...gridQueryOptions(id ?? ''), enabled: Boolean(id) });
}
