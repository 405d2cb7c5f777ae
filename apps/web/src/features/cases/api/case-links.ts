import type {
  CaseChild,
  CreateRevisits,
  CreateRevisitsResult,
  Duplicates,
  Hotspots,
  MergeCase,
  MergeResult,
  Page,
  Revisit,
  RevisitBatch,
  RevisitResultInput,
  SplitCase,
  SplitResult,
} from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, type Query } from '../../../lib/api-client';

// Duplicate suggestions, hotspots (热点问题) and 回头看: one file for the case-link endpoints.

export interface DuplicateParams {
  categoryId: string;
  lng: number;
  lat: number;
  /** Leave this case out (duplicates of an existing case). */
  excludeId?: string;
}

/** GET /api/cases/duplicates: open cases of the category near the point, reported in the last hours. */
export function getDuplicates(q: DuplicateParams, signal?: AbortSignal): Promise<Duplicates> {
  return api.get<Duplicates>('/api/cases/duplicates', { query: { ...q }, signal });
}

/** Asks only once a category and a point are chosen; the point is rounded (≈ 1 m) so a drag settles. */
export function useDuplicates(q: Partial<DuplicateParams>) {
  const ready = q.categoryId && q.lng !== undefined && q.lat !== undefined;
  const key = ready
    ? {
        categoryId: q.categoryId!,
        lng: Math.round(q.lng! * 1e5) / 1e5,
        lat: Math.round(q.lat! * 1e5) / 1e5,
        ...(q.excludeId ? { excludeId: q.excludeId } : {}),
      }
    : null;
  return useQuery({
    queryKey: ['cases', 'duplicates', key],
    queryFn: ({ signal }) => getDuplicates(key!, signal),
    enabled: key !== null,
    staleTime: 30_000,
  });
}

/** GET /api/cases/{id}/children: the duplicates merged into this case (并案). */
export function useCaseChildren(id: string) {
  return useQuery({
    queryKey: ['cases', 'children', id],
    queryFn: ({ signal }) => api.get<CaseChild[]>(`/api/cases/${id}/children`, { signal }),
  });
}

/** POST /api/cases/{id}/merge (office): the duplicate is voided and linked to its parent. */
export function useMergeCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MergeCase }) =>
      api.post<MergeResult>(`/api/cases/${id}/merge`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** POST /api/cases/{id}/split (office): undo a merge; a voided child is registered again as a new case. */
export function useSplitCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SplitCase }) =>
      api.post<SplitResult>(`/api/cases/${id}/split`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** GET /api/cases/hotspots: from, to, categoryCode, categoryKind, minCount, limit. */
export function hotspotsQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['cases', 'hotspots', query],
    queryFn: ({ signal }) => api.get<Hotspots>('/api/cases/hotspots', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHotspots(query: Query, enabled = true) {
  return useQuery({ ...hotspotsQueryOptions(query), enabled });
}

/** GET /api/exports/hotspots.xlsx with the page's filters. */
export function exportHotspots(query: Query): Promise<void> {
  return download('/api/exports/hotspots.xlsx', query, 'hotspots.xlsx');
}

export function useRevisitBatches() {
  return useQuery({
    queryKey: ['revisits', 'batches'],
    queryFn: ({ signal }) => api.get<RevisitBatch[]>('/api/revisits/batches', { signal }),
  });
}

/** GET /api/revisits?batchId: the cases of one batch (up to 500). */
export function useRevisits(batchId: string | null) {
  return useQuery({
    queryKey: ['revisits', 'list', batchId],
    queryFn: ({ signal }) =>
      api.get<Page<Revisit>>('/api/revisits', { query: { batchId, pageSize: 500 }, signal }),
    enabled: batchId !== null,
    placeholderData: keepPreviousData,
  });
}

/** POST /api/revisits: draws a sample of the period's closed cases. */
export function useCreateRevisits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRevisits) => api.post<CreateRevisitsResult>('/api/revisits', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['revisits'] }),
  });
}

/** POST /api/revisits/{id}/result: ok, or relapsed (a new case is registered). */
export function useRecordRevisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RevisitResultInput }) =>
      api.post<Revisit>(`/api/revisits/${id}/result`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['revisits'] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
