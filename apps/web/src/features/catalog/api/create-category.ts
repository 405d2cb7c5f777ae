import type { Category, CreateCategory } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/catalog/categories: a class under `parentId` (or a 大类 under its kind). */
export function createCategory(body: CreateCategory): Promise<Category> {
  return api.post<Category>('/api/catalog/categories', body);
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['categories'] }),
  });
}
