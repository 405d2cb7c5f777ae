import type { EvidenceFile, Page } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface EvidenceQuery {
  campaignId: string;
  nodeId?: string;
  period?: string;
  page: number;
  pageSize: number;
}

/** GET /api/evidence: uploaded documents of a campaign, optionally of one indicator and period. */
export function listEvidence(query: EvidenceQuery, signal?: AbortSignal): Promise<Page<EvidenceFile>> {
  return api.get<Page<EvidenceFile>>('/api/evidence', { query: { ...query }, signal });
}

export function evidenceQueryOptions(query: EvidenceQuery) {
  return queryOptions({
    queryKey: ['evidence', 'list', query],
    queryFn: ({ signal }) => listEvidence(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEvidence(query: EvidenceQuery | null) {
  return useQuery({
    ...evidenceQueryOptions(query ?? { campaignId: '', page: 1, pageSize: 20 }),
    enabled: Boolean(query?.campaignId),
  });
}
