import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/blocks/{id} */
export function deleteBlock(id: string): Promise<void> {
  return api.delete<void>(`/api/blocks/${id}`);
}

export function useDeleteBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBlock,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['blocks'] }),
  });
}
