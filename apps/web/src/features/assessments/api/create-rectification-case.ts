import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The body of caseFromLostPointSchema. */
export interface CaseFromLostPoint {
  nodeId: string;
  categoryId: string;
  lng: number;
  lat: number;
  description: string;
}
export interface CreatedCase {
  caseId: string;
  number: string;
}

/** POST /api/rounds/{id}/cases: a rectification case for a lost point, routed by the closed loop. */
export function createRectificationCase(roundId: string, body: CaseFromLostPoint): Promise<CreatedCase> {
  return api.post<CreatedCase>(`/api/rounds/${roundId}/cases`, body);
}

export function useCreateRectificationCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, body }: { roundId: string; body: CaseFromLostPoint }) =>
      createRectificationCase(roundId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
