import type { Block, UpdateBlock } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** PATCH /api/blocks/{id} */
export function updateBlock({ id, body }: { id: string; body: UpdateBlock }): Promise<Block> {
  return api.patch<Block>(`/api/blocks/${id}`, body);
}

export function useUpdateBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBlock,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['blocks'] }),
  });
}
