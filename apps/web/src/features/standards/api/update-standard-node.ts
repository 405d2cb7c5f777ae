import type { CreateStandardNode, StandardNode } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type UpdateStandardNode = Partial<Omit<CreateStandardNode, 'parentId'>>;

/** PATCH /api/standard-nodes/{id}: the tree is re-checked (STANDARD_INVALID with the issues). */
export function updateStandardNode({
  id,
  body,
}: {
  id: string;
  body: UpdateStandardNode;
}): Promise<StandardNode> {
  return api.patch<StandardNode>(`/api/standard-nodes/${id}`, body);
}

export function useUpdateStandardNode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateStandardNode,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['standards'] }),
  });
}
