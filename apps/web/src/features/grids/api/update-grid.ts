import type { Grid, UpdateGrid } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** PATCH /api/grids/{id} */
export function updateGrid({ id, body }: { id: string; body: UpdateGrid }): Promise<Grid> {
  return api.patch<Grid>(`/api/grids/${id}`, body);
}

export function useUpdateGrid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateGrid,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['grids'] }),
  });
}
