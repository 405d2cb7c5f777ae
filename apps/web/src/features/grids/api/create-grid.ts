import type { CreateGrid, Grid } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/grids */
export function createGrid(body: CreateGrid): Promise<Grid> {
  return api.post<Grid>('/api/grids', body);
}

export function useCreateGrid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGrid,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['grids'] }),
  });
}
