import type { EvidenceFile, ReviewEvidence } from '@chuangcheng/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/campaigns/{id}/evidence/reviews: the documents awaiting the signed-in user's review. */
export function listReviews(campaignId: string, signal?: AbortSignal): Promise<EvidenceFile[]> {
  return api.get<EvidenceFile[]>(`/api/campaigns/${campaignId}/evidence/reviews`, { signal });
}

export function reviewsQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: ['evidence', 'reviews', campaignId],
    queryFn: ({ signal }) => listReviews(campaignId, signal),
  });
}

export function useReviews(campaignId: string | undefined, enabled: boolean) {
  return useQuery({ ...reviewsQueryOptions(campaignId ?? ''), enabled: enabled && Boolean(campaignId) });
}

/** POST /api/evidence/{id}/review: approve, or send back with a reason. */
export function reviewEvidence(id: string, body: ReviewEvidence): Promise<EvidenceFile> {
  return api.post<EvidenceFile>(`/api/evidence/${id}/review`, body);
}

export function useReviewEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewEvidence }) => reviewEvidence(id, body),
    // The queue, the file list, the slots and the completeness all move with a review.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['evidence'] }),
  });
}
