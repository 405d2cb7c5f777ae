import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { IndicatorLink } from './list-indicator-links';

export interface CreateIndicatorLink {
  nodeId: string;
  linkedNodeId: string;
  note?: string;
}

/** POST /api/indicator-links: two indicators of different standards that measure the same work. */
export function createIndicatorLink(body: CreateIndicatorLink): Promise<IndicatorLink> {
  return api.post<IndicatorLink>('/api/indicator-links', body);
}

export function useCreateIndicatorLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIndicatorLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['indicator-links'] }),
  });
}
