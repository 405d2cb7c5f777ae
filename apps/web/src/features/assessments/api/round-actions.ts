import type { RoundDetail } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../../lib/api-client';
import { roundQueryKey } from './get-round';

/** POST /api/rounds/{id}/recompute: derives again what comes from cases, metrics and evidence. */
export function recomputeRound(id: string): Promise<RoundDetail> {
  return api.post<RoundDetail>(`/api/rounds/${id}/recompute`);
}

/** POST /api/rounds/{id}/close: 结束评分; the sheet becomes read-only. */
export function closeRound(id: string): Promise<unknown> {
  return api.post<unknown>(`/api/rounds/${id}/close`);
}

/** DELETE /api/rounds/{id}. */
export function deleteRound(id: string): Promise<unknown> {
  return api.delete<unknown>(`/api/rounds/${id}`);
}

/** GET /api/rounds/{id}/export: the scoring sheet as xlsx. */
export function exportRound(id: string, name: string): Promise<void> {
  return download(`/api/rounds/${id}/export`, undefined, `${name}.xlsx`);
}

export function useRecomputeRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => recomputeRound(id),
    onSuccess: (detail) => {
      queryClient.setQueryData(roundQueryKey(id), detail);
      return queryClient.invalidateQueries({ queryKey: ['rounds'], refetchType: 'none' });
    },
  });
}

export function useCloseRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closeRound(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rounds'] }),
  });
}

export function useDeleteRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRound,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rounds'] }),
  });
}
