import type { Region, RegionLevel } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface CreateRegion {
  parentId: string | null;
  code: string;
  name: string;
  level: RegionLevel;
}

/** POST /api/regions */
export function createRegion(body: CreateRegion): Promise<Region> {
  return api.post<Region>('/api/regions', body);
}

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRegion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['regions'] }),
  });
}
