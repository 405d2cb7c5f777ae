import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/standards/samples: the shipped example standards (labelled 示例), skipped when present. */
export function loadSampleStandards(): Promise<{ created: number }> {
  return api.post<{ created: number }>('/api/standards/samples');
}

export function useLoadSampleStandards() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loadSampleStandards,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['standards'] }),
  });
}
