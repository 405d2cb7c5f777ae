import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/routing-rules/{id}: cases already routed keep their explanation. */
export function deleteRoutingRule(id: string): Promise<void> {
  return api.delete<void>(`/api/routing-rules/${id}`);
}

export function useDeleteRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRoutingRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['routing-rules'] }),
  });
}
