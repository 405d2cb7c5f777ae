import type { CaseDetail, CreateCase } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/cases: a retried submission with the same idempotencyKey answers the same case. */
export function createCase(body: CreateCase): Promise<CaseDetail> {
  return api.post<CaseDetail>('/api/cases', body);
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (detail) => {
      queryClient.setQueryData(['cases', 'detail', detail.id], detail);
      return queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
