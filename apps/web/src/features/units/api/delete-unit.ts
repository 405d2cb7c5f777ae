import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/units/{id}: refused with IN_USE while people, blocks or grids refer to the unit. */
export function deleteUnit(id: string): Promise<void> {
  return api.delete<void>(`/api/units/${id}`);
}

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
}
