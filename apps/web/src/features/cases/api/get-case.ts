import type { CaseDetail } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/cases/{id}: the case with its timeline, photos, route explanation and the actions allowed now. */
export function getCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return api.get<CaseDetail>(`/api/cases/${id}`, { signal });
}

export function caseQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['cases', 'detail', id],
    queryFn: ({ signal }) => getCase(id, signal),
    // allowedActions change as others act: a detail is never trusted for long.
    staleTime: 5_000,
  });
}

export function useCase(id: string | undefined, enabled = true) {
  return useQuery({ ...caseQueryOptions(id ?? ''), enabled: Boolean(id) && enabled });
}
