import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/regions/{id}: refused with IN_USE while children, units or grids refer to it. */
export function deleteRegion(id: string): Promise<void> {
  return api.delete<void>(`/api/regions/${id}`);
}

export function useDeleteRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRegion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['regions'] }),
  });
}
