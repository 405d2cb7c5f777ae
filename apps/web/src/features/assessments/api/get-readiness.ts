import type { Readiness } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/campaigns/{id}/readiness: projected score, veto risks, lost points, trend. */
export function getReadiness(campaignId: string, signal?: AbortSignal): Promise<Readiness> {
  return api.get<Readiness>(`/api/campaigns/${campaignId}/readiness`, { signal });
}

export function readinessQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: ['rounds', 'readiness', campaignId],
    queryFn: ({ signal }) => getReadiness(campaignId, signal),
  });
}

export function useReadiness(campaignId: string | undefined) {
  return useQuery({ ...readinessQueryOptions(campaignId ?? ''), enabled: Boolean(campaignId) });
}
