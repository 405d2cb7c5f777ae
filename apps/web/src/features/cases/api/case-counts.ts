import type { CaseListQuery } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type CaseQueue = NonNullable<CaseListQuery['queue']>;
export type CaseCounts = Record<CaseQueue, number>;

export const CASE_QUEUES: readonly CaseQueue[] = [
  'to_file',
  'to_dispatch',
  'requests',
  'to_accept',
  'to_dispose',
  'overdue',
  'to_verify',
];

export function isCaseQueue(value: string | undefined): value is CaseQueue {
  return CASE_QUEUES.includes(value as CaseQueue);
}

/** GET /api/cases/counts: the size of each work queue in the current user's scope. */
export function getCaseCounts(signal?: AbortSignal): Promise<CaseCounts> {
  return api.get<CaseCounts>('/api/cases/counts', { signal });
}

export const caseCountsQueryOptions = queryOptions({
  queryKey: ['cases', 'counts'],
  queryFn: ({ signal }) => getCaseCounts(signal),
  refetchInterval: 60_000,
});

export function useCaseCounts() {
  return useQuery(caseCountsQueryOptions);
}
