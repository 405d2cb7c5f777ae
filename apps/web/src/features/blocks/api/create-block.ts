import type { Block, CreateBlock } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/blocks */
export function createBlock(body: CreateBlock): Promise<Block> {
  return api.post<Block>('/api/blocks', body);
}

export function useCreateBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBlock,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['blocks'] }),
  });
}
