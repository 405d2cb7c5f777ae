import type { Category, UpdateCategory } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** PATCH /api/catalog/categories/{id}: name, department, severity, conditions, or 停用/启用. */
export function updateCategory({ id, body }: { id: string; body: UpdateCategory }): Promise<Category> {
  return api.patch<Category>(`/api/catalog/categories/${id}`, body);
}

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['categories'] }),
  });
}
