import type { PutUnitTrades, UnitTrades } from '@chuangcheng/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../../lib/api-client';

/** GET /api/trades: each department's supervised categories (行业主管); a unit user gets its own. */
export function tradesQueryOptions() {
  return queryOptions({
    queryKey: ['trades'],
    queryFn: ({ signal }) => api.get<UnitTrades[]>('/api/trades', { signal }),
  });
}

export function useTrades() {
  return useQuery(tradesQueryOptions());
}

/** PUT /api/units/{id}/trades: replaces the department's whole list. */
export function useSetUnitTrades() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, body }: { unitId: string; body: PutUnitTrades }) =>
      api.put<UnitTrades>(`/api/units/${unitId}/trades`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['trades'] }),
  });
}

export function exportTrades(): Promise<void> {
  return download('/api/exports/trades.xlsx', undefined, '行业主管配置.xlsx');
}
