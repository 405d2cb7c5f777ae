import type { CreateStandard, Standard } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** PATCH /api/standards/{id}: name, type, thresholds, note. */
export function updateStandard({
  id,
  body,
}: {
  id: string;
  body: Partial<CreateStandard>;
}): Promise<Standard> {
  return api.patch<Standard>(`/api/standards/${id}`, body);
}

export function useUpdateStandard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateStandard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['standards'] }),
  });
}
