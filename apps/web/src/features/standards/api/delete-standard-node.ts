import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/standard-nodes/{id}: the indicator and its children. */
export function deleteStandardNode(id: string): Promise<void> {
  return api.delete<void>(`/api/standard-nodes/${id}`);
}

export function useDeleteStandardNode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteStandardNode,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['standards'] }),
  });
}
