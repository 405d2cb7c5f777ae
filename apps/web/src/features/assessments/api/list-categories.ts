import type { Category } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/catalog/categories?fileable=true: the classes a rectification case can be filed under. */
export async function listFileableCategories(signal?: AbortSignal): Promise<Category[]> {
  const categories = await api.get<Category[]>('/api/catalog/categories', {
    query: { fileable: 'true' },
    signal,
  });
  return categories.filter((c) => !c.disabled).sort((a, b) => a.code.localeCompare(b.code));
}

export const fileableCategoriesQueryOptions = queryOptions({
  queryKey: ['categories', 'fileable', 'flat'],
  queryFn: ({ signal }) => listFileableCategories(signal),
  staleTime: 10 * 60_000,
});

export function useFileableCategories(enabled = true) {
  return useQuery({ ...fileableCategoriesQueryOptions, enabled });
}
