import type { CreateStandard, Standard } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/standards: an empty standard (indicators are added or imported afterwards). */
export function createStandard(body: CreateStandard): Promise<Standard> {
  return api.post<Standard>('/api/standards', body);
}

export function useCreateStandard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStandard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['standards'] }),
  });
}
