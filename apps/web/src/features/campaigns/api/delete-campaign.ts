import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** DELETE /api/campaigns/{id}: refused with IN_USE while rounds or evidence belong to it. */
export function deleteCampaign(id: string): Promise<void> {
  return api.delete<void>(`/api/campaigns/${id}`);
}

export function useDeleteCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCampaign,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}
