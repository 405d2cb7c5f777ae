import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../../lib/api-client';

/** DELETE /api/evidence/{id}. */
export function deleteEvidence(id: string): Promise<unknown> {
  return api.delete<unknown>(`/api/evidence/${id}`);
}

export function useDeleteEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEvidence,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['evidence'] }),
  });
}

/** GET /api/evidence/{id}/file: the stored document under its original name. */
export function downloadEvidence(id: string, fileName: string): Promise<void> {
  return download(`/api/evidence/${id}/file`, undefined, fileName);
}
