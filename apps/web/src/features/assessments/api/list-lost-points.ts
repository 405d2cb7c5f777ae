import type { LostPoint } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/rounds/{id}/lost-points: checkpoints ranked by points lost, with their lead units. */
export function listLostPoints(roundId: string, signal?: AbortSignal): Promise<LostPoint[]> {
  return api.get<LostPoint[]>(`/api/rounds/${roundId}/lost-points`, { signal });
}

export function lostPointsQueryOptions(roundId: string) {
  return queryOptions({
    queryKey: ['rounds', 'lost-points', roundId],
    queryFn: ({ signal }) => listLostPoints(roundId, signal),
  });
}

export function useLostPoints(roundId: string, enabled = true) {
  return useQuery({ ...lostPointsQueryOptions(roundId), enabled });
}
