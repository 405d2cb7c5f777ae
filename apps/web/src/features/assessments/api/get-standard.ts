import type { StandardDetail } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/standards/{id}: the indicator tree with each node's rule parameters (for input hints). */
export function getStandard(id: string, signal?: AbortSignal): Promise<StandardDetail> {
  return api.get<StandardDetail>(`/api/standards/${id}`, { signal });
}

export function standardQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['standards', 'detail', id],
    queryFn: ({ signal }) => getStandard(id, signal),
    staleTime: 5 * 60_000,
  });
}

export function useStandard(id: string | undefined) {
  return useQuery({ ...standardQueryOptions(id ?? ''), enabled: Boolean(id) });
}
