import type { CaseDetail, TransitionRequest } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/cases/{id}/transitions: 409 CASE_CHANGED when expectedVersion is no longer current. */
export function transitionCase({ id, body }: { id: string; body: TransitionRequest }): Promise<CaseDetail> {
  return api.post<CaseDetail>(`/api/cases/${id}/transitions`, body);
}

export function useTransitionCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionCase,
    onSuccess: (detail) => {
      queryClient.setQueryData(['cases', 'detail', detail.id], detail);
      // Lists, counts and the map all change with a transition.
      return queryClient.invalidateQueries({
        queryKey: ['cases'],
        predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== detail.id,
      });
    },
  });
}
