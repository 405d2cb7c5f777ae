import type { Exposure, ExposureState, Page } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ExposureQuery {
  page: number;
  pageSize: number;
  state?: ExposureState;
}

/** GET /api/exposures: the board's records, newest first, withdrawn ones included unless filtered. */
export function listExposures(query: ExposureQuery, signal?: AbortSignal): Promise<Page<Exposure>> {
  return api.get<Page<Exposure>>('/api/exposures', { query: { ...query }, signal });
}

export function exposuresQueryOptions(query: ExposureQuery) {
  return queryOptions({
    queryKey: ['exposures', 'list', query],
    queryFn: ({ signal }) => listExposures(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useExposures(query: ExposureQuery) {
  return useQuery(exposuresQueryOptions(query));
}

/** POST /api/exposures/{id}/withdraw: off the public board, kept on record. */
export function withdrawExposure(id: string): Promise<Exposure> {
  return api.post<Exposure>(`/api/exposures/${id}/withdraw`);
}

export function useWithdrawExposure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawExposure,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exposures'] }),
  });
}
