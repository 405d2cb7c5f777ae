import type { Category } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/catalog/categories: the active catalogue, flat, for the category filter. */
export function listCategories(signal?: AbortSignal): Promise<Category[]> {
  return api.get<Category[]>('/api/catalog/categories', { signal });
}

// Same key and shape as the catalogue page's unfiltered list: the pages share the cache.
export const categoriesQueryOptions = queryOptions({
  queryKey: ['categories', 'list', {}],
  queryFn: ({ signal }) => listCategories(signal),
  staleTime: 5 * 60_000,
});

export function useCategories() {
  return useQuery(categoriesQueryOptions);
}
