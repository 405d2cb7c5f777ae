import type { Campaign, CreateCampaign } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type UpdateCampaign = Partial<Omit<CreateCampaign, 'standardId'>>;

/** PATCH /api/campaigns/{id}: everything but the standard. */
export function updateCampaign({ id, body }: { id: string; body: UpdateCampaign }): Promise<Campaign> {
  return api.patch<Campaign>(`/api/campaigns/${id}`, body);
}

export function useUpdateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCampaign,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}
