import type { GridFeatureCollection } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/grids/geojson: every current grid in the user's scope, for drawing (no attributes beyond code/name/ids). */
export function getGridsGeojson(signal?: AbortSignal): Promise<GridFeatureCollection> {
  return api.get<GridFeatureCollection>('/api/grids/geojson', { signal });
}

export const gridsGeojsonQueryOptions = queryOptions({
  queryKey: ['grids', 'geojson'],
  queryFn: ({ signal }) => getGridsGeojson(signal),
  staleTime: 5 * 60_000,
});

export function useGridsGeojson() {
  return useQuery(gridsGeojsonQueryOptions);
}
