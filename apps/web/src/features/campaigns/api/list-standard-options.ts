import type { Page, Standard, StandardDetail } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/standards (first 100): the choices of a campaign's or a link's standard select. */
export function listStandardOptions(signal?: AbortSignal): Promise<Page<Standard>> {
  return api.get<Page<Standard>>('/api/standards', { query: { pageSize: 100 }, signal });
}

export function standardOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['standards', 'options'],
    queryFn: ({ signal }) => listStandardOptions(signal),
    staleTime: 60_000,
  });
}

export function useStandardOptions(enabled = true) {
  return useQuery({ ...standardOptionsQueryOptions(), enabled });
}

/** GET /api/standards/{id}: the indicator tree (task table rows, link targets). Same key as the standards feature. */
export function getStandardTree(id: string, signal?: AbortSignal): Promise<StandardDetail> {
  return api.get<StandardDetail>(`/api/standards/${id}`, { signal });
}

export function useStandardTree(id: string | null | undefined, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: ['standards', 'detail', id ?? ''],
      queryFn: ({ signal }) => getStandardTree(id ?? '', signal),
      enabled: Boolean(id) && enabled,
      retry: false,
    }),
  );
}
