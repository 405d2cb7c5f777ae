import type { CreateRoutingRule, RoutingRule } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/routing-rules */
export function createRoutingRule(body: CreateRoutingRule): Promise<RoutingRule> {
  return api.post<RoutingRule>('/api/routing-rules', body);
}

export function useCreateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRoutingRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['routing-rules'] }),
  });
}
