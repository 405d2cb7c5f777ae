import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/grids/{id} */
export function deleteGrid(id: string): Promise<void> {
  return api.delete<void>(`/api/grids/${id}`);
}

export function useDeleteGrid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteGrid,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['grids'] }),
  });
}
