import type { RoundDetail, ScoreEntry } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { roundQueryKey } from './get-round';

/** The server takes up to 2,000 entries a call; big sheets go in batches of this size. */
const BATCH = 500;

export type ScoreInput = Omit<ScoreEntry, 'photoIds'> & { photoIds?: string[] };

/** PUT /api/rounds/{id}/scores in batches; answers the recomputed round after the last batch. */
export async function saveScores(roundId: string, entries: ScoreInput[]): Promise<RoundDetail> {
  let detail: RoundDetail | undefined;
  for (let i = 0; i < entries.length; i += BATCH) {
    detail = await request<RoundDetail>('PUT', `/api/rounds/${roundId}/scores`, {
      body: { entries: entries.slice(i, i + BATCH) },
    });
  }
  if (!detail) throw new Error('nothing to save');
  return detail;
}

export function useSaveScores(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entries: ScoreInput[]) => saveScores(roundId, entries),
    onSuccess: (detail) => {
      queryClient.setQueryData(roundQueryKey(roundId), detail);
      return queryClient.invalidateQueries({ queryKey: ['rounds'], refetchType: 'none' });
    },
  });
}
