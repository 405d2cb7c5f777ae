import type { GridFeatureCollection } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/grids/geojson: the grids in scope, drawn under the pin of a rectification case. */
export function getGridsGeojson(signal?: AbortSignal): Promise<GridFeatureCollection> {
  return api.get<GridFeatureCollection>('/api/grids/geojson', { signal });
}

// Same key and shape as the grid map's query: the two pages share the cached grids.
export const gridsGeojsonQueryOptions = queryOptions({
  queryKey: ['grids', 'geojson'],
  queryFn: ({ signal }) => getGridsGeojson(signal),
  staleTime: 5 * 60_000,
});

export function useGridsGeojson() {
  return useQuery(gridsGeojsonQueryOptions);
}
