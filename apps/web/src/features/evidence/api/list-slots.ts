import type { EvidenceCompleteness } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** evidenceSlotSchema: one required document of one period. */
export type EvidenceSlot = EvidenceCompleteness['missing'][number];

/** GET /api/campaigns/{id}/evidence/slots: every required document × period up to today, with counts. */
export function listSlots(campaignId: string, signal?: AbortSignal): Promise<EvidenceSlot[]> {
  return api.get<EvidenceSlot[]>(`/api/campaigns/${campaignId}/evidence/slots`, { signal });
}

export function slotsQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: ['evidence', 'slots', campaignId],
    queryFn: ({ signal }) => listSlots(campaignId, signal),
  });
}

export function useSlots(campaignId: string | undefined) {
  return useQuery({ ...slotsQueryOptions(campaignId ?? ''), enabled: Boolean(campaignId) });
}
