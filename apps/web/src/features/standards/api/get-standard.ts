import type { StandardDetail } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/standards/{id}: the standard with its indicator tree, pre-ordered (depth, leaf). */
export function getStandard(id: string, signal?: AbortSignal): Promise<StandardDetail> {
  return api.get<StandardDetail>(`/api/standards/${id}`, { signal });
}

export function standardQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['standards', 'detail', id],
    queryFn: ({ signal }) => getStandard(id, signal),
  });
}

export function useStandard(id: string) {
  return useQuery(standardQueryOptions(id));
}
