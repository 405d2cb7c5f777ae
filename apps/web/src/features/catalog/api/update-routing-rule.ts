import type { RoutingRule, UpdateRoutingRule } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** PATCH /api/routing-rules/{id}: any field, e.g. only `enabled` from the list's switch. */
export function updateRoutingRule({
  id,
  body,
}: {
  id: string;
  body: UpdateRoutingRule;
}): Promise<RoutingRule> {
  return api.patch<RoutingRule>(`/api/routing-rules/${id}`, body);
}

export function useUpdateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRoutingRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['routing-rules'] }),
  });
}
