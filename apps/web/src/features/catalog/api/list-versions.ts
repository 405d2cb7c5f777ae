import type { CatalogVersion } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/catalog/versions: every catalogue version of the city (an import adds one). */
export function listCatalogVersions(signal?: AbortSignal): Promise<CatalogVersion[]> {
  return api.get<CatalogVersion[]>('/api/catalog/versions', { signal });
}

// Under 'categories' so that anything changing the catalogue refreshes the version counts too.
export const catalogVersionsQueryOptions = queryOptions({
  queryKey: ['categories', 'versions'],
  queryFn: ({ signal }) => listCatalogVersions(signal),
});

export function useCatalogVersions() {
  return useQuery(catalogVersionsQueryOptions);
}
