import type { CaseDetail, CaseSummary, Duplicates, Page, TransitionRequest } from '@chuangcheng/contracts';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The list filters the field app uses (the API scopes every list by the user's region). */
export interface FieldCaseQuery {
  status?: readonly string[];
  queue?: 'to_verify';
  q?: string;
}

const PAGE_SIZE = 20;

function search(query: FieldCaseQuery, extra: Record<string, string>): string {
  const params = new URLSearchParams(extra);
  for (const s of query.status ?? []) params.append('status', s);
  if (query.queue) params.set('queue', query.queue);
  if (query.q?.trim()) params.set('q', query.q.trim());
  return params.toString();
}

/** GET /api/cases, page by page (a phone list loads more as it is scrolled, it does not page). */
export function listCases(query: FieldCaseQuery, page: number, signal?: AbortSignal) {
  const qs = search(query, { page: String(page), pageSize: String(PAGE_SIZE), sort: '-createdAt' });
  return api.get<Page<CaseSummary>>(`/api/cases?${qs}`, { signal });
}

export function fieldCasesQueryOptions(query: FieldCaseQuery) {
  return infiniteQueryOptions({
    queryKey: ['cases', 'field', query],
    queryFn: ({ pageParam, signal }) => listCases(query, pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export function useFieldCases(query: FieldCaseQuery) {
  return useInfiniteQuery(fieldCasesQueryOptions(query));
}

export interface FieldMapPoint {
  id: string;
  number: string;
  status: CaseSummary['status'];
  light: CaseSummary['light'];
  lng: number;
  lat: number;
  categoryName: string;
}

/** GET /api/cases/map: the same filters as points. */
export function useFieldCaseMap(query: FieldCaseQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'field-map', query],
    queryFn: ({ signal }) =>
      api.get<{ points: FieldMapPoint[]; truncated: boolean }>(`/api/cases/map?${search(query, {})}`, {
        signal,
      }),
    enabled,
  });
}

/** GET /api/cases/{id}: with the actions the server allows this user now. */
export function fieldCaseQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['cases', 'detail', id],
    queryFn: ({ signal }) => api.get<CaseDetail>(`/api/cases/${id}`, { signal }),
    staleTime: 5_000,
  });
}

export function useFieldCase(id: string) {
  return useQuery(fieldCaseQueryOptions(id));
}

/** POST /api/cases/{id}/transitions (409 CASE_CHANGED when the case moved on meanwhile). */
export function useTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TransitionRequest }) =>
      api.post<CaseDetail>(`/api/cases/${id}/transitions`, body),
    // A tap on the phone is answered even on a flaky network: the request is tried, not paused.
    networkMode: 'always',
    onSuccess: (detail) => {
      queryClient.setQueryData(['cases', 'detail', detail.id], detail);
      return queryClient.invalidateQueries({
        queryKey: ['cases'],
        predicate: (q) => q.queryKey[1] !== 'detail',
      });
    },
  });
}

/**
 * Open cases of the same class near the point (GET /api/cases/duplicates): shown while reporting so
 * the worker can see the problem is already filed. Quiet when offline (the report still goes out).
 */
export function useNearbyDuplicates(
  categoryId: string | undefined,
  point: { lng: number; lat: number } | null,
) {
  return useQuery({
    queryKey: ['cases', 'duplicates', categoryId, point?.lng, point?.lat],
    enabled: Boolean(categoryId && point) && navigator.onLine,
    retry: false,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      api.get<Duplicates>(
        `/api/cases/duplicates?${new URLSearchParams({
          categoryId: categoryId ?? '',
          lng: String(point?.lng ?? 0),
          lat: String(point?.lat ?? 0),
        })}`,
        { signal },
      ),
  });
}
