import type { CreateStandardNode, StandardNode } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/standards/{id}/nodes: an indicator; the whole tree is re-checked (STANDARD_INVALID). */
export function createStandardNode({
  standardId,
  body,
}: {
  standardId: string;
  body: CreateStandardNode;
}): Promise<StandardNode> {
  return api.post<StandardNode>(`/api/standards/${standardId}/nodes`, body);
}

export function useCreateStandardNode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStandardNode,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['standards'] }),
  });
}
