import type { Category, GridFeatureCollection, LocateResult } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/**
 * Reference data the report form needs even without a network: it is asked for 'offlineFirst' (the
 * service worker answers from its copy when the request fails) and kept in the cache for long.
 */

/** GET /api/catalog/categories?fileable=true: the classes a case can be filed under (same as the console). */
export const fieldCategoriesQueryOptions = queryOptions({
  queryKey: ['categories', 'fileable', 'flat'],
  queryFn: async ({ signal }) => {
    const all = await api.get<Category[]>('/api/catalog/categories', { query: { fileable: 'true' }, signal });
    return all.filter((c) => !c.disabled).sort((a, b) => a.code.localeCompare(b.code));
  },
  staleTime: 10 * 60_000,
  gcTime: Number.POSITIVE_INFINITY,
  networkMode: 'offlineFirst',
});

export function useFieldCategories() {
  return useQuery(fieldCategoriesQueryOptions);
}

/** GET /api/grids/geojson: the grids in scope (same key and shape as the console's maps). */
export const fieldGridsQueryOptions = queryOptions({
  queryKey: ['grids', 'geojson'],
  queryFn: ({ signal }) => api.get<GridFeatureCollection>('/api/grids/geojson', { signal }),
  staleTime: 5 * 60_000,
  gcTime: Number.POSITIVE_INFINITY,
  networkMode: 'offlineFirst',
});

export function useFieldGrids() {
  return useQuery(fieldGridsQueryOptions);
}

/** GET /api/locate: the grid and community at the report's point (skipped offline). */
export function useFieldLocate(point: [number, number] | null) {
  return useQuery({
    queryKey: ['grids', 'locate', point?.[0] ?? 0, point?.[1] ?? 0],
    queryFn: ({ signal }) =>
      api.get<LocateResult>('/api/locate', { query: { lng: point?.[0], lat: point?.[1] }, signal }),
    enabled: Boolean(point),
    staleTime: 60_000,
    retry: false,
  });
}
