import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/standards/{id}: refused with IN_USE while a campaign uses the standard. */
export function deleteStandard(id: string): Promise<void> {
  return api.delete<void>(`/api/standards/${id}`);
}

export function useDeleteStandard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteStandard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['standards'] }),
  });
}
