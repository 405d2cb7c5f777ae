import type { EvidenceCompleteness } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/campaigns/{id}/evidence/completeness: overall, per indicator and per unit, plus issues. */
export function getCompleteness(campaignId: string, signal?: AbortSignal): Promise<EvidenceCompleteness> {
  return api.get<EvidenceCompleteness>(`/api/campaigns/${campaignId}/evidence/completeness`, { signal });
}

export function completenessQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: ['evidence', 'completeness', campaignId],
    queryFn: ({ signal }) => getCompleteness(campaignId, signal),
  });
}

export function useCompleteness(campaignId: string | undefined) {
  return useQuery({ ...completenessQueryOptions(campaignId ?? ''), enabled: Boolean(campaignId) });
}
