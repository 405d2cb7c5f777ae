import type { LocateResult } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/locate?lng&lat: grid, community, street, district, block and lead unit at a point. */
export function locate(lng: number, lat: number, signal?: AbortSignal): Promise<LocateResult> {
  return api.get<LocateResult>('/api/locate', { query: { lng, lat }, signal });
}

export function locateQueryOptions(lng: number, lat: number) {
  return queryOptions({
    queryKey: ['grids', 'locate', lng, lat],
    queryFn: ({ signal }) => locate(lng, lat, signal),
    staleTime: 60_000,
  });
}

export function useLocate(point: [number, number] | null) {
  return useQuery({ ...locateQueryOptions(point?.[0] ?? 0, point?.[1] ?? 0), enabled: Boolean(point) });
}
