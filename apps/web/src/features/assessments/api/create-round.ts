import type { RoundDetail, RoundKind } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The body of createRoundSchema. */
export interface CreateRound {
  campaignId: string;
  kind: RoundKind;
  name: string;
  heldOn: string;
  derive: boolean;
}

/** POST /api/rounds: a new round (derived from system data when `derive`). */
export function createRound(body: CreateRound): Promise<RoundDetail> {
  return api.post<RoundDetail>('/api/rounds', body);
}

export function useCreateRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRound,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rounds'] }),
  });
}
