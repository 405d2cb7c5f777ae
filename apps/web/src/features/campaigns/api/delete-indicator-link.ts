import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/indicator-links/{id}. */
export function deleteIndicatorLink(id: string): Promise<void> {
  return api.delete<void>(`/api/indicator-links/${id}`);
}

export function useDeleteIndicatorLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteIndicatorLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['indicator-links'] }),
  });
}
