import type { RoundDetail } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/rounds/{id}: the round with every node's result, pre-ordered as the indicator tree. */
export function getRound(id: string, signal?: AbortSignal): Promise<RoundDetail> {
  return api.get<RoundDetail>(`/api/rounds/${id}`, { signal });
}

export function roundQueryKey(id: string) {
  return ['rounds', 'detail', id] as const;
}

export function roundQueryOptions(id: string) {
  return queryOptions({ queryKey: roundQueryKey(id), queryFn: ({ signal }) => getRound(id, signal) });
}

export function useRound(id: string) {
  return useQuery(roundQueryOptions(id));
}
