import type { Region } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** PATCH /api/regions/{id} {name}: codes are permanent, names may change. */
export function renameRegion({ id, name }: { id: string; name: string }): Promise<Region> {
  return api.patch<Region>(`/api/regions/${id}`, { name });
}

export function useRenameRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renameRegion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['regions'] }),
  });
}
