import type { Category, CategoryKind } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface CategoryQuery {
  kind?: CategoryKind;
  fileable?: 'true' | 'false';
  q?: string;
}

/** GET /api/catalog/categories: the whole active catalogue, flat (parentId links the tree). */
export function listCategories(query: CategoryQuery, signal?: AbortSignal): Promise<Category[]> {
  return api.get<Category[]>('/api/catalog/categories', { query: { ...query }, signal });
}

export function categoriesQueryOptions(query: CategoryQuery = {}) {
  return queryOptions({
    queryKey: ['categories', 'list', query],
    queryFn: ({ signal }) => listCategories(query, signal),
    staleTime: 5 * 60_000,
  });
}

export function useCategories(query: CategoryQuery = {}) {
  return useQuery(categoriesQueryOptions(query));
}
