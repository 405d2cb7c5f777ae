import type { Unit, UpdateUnit } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** PATCH /api/units/{id} */
export function updateUnit({ id, body }: { id: string; body: UpdateUnit }): Promise<Unit> {
  return api.patch<Unit>(`/api/units/${id}`, body);
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
}
