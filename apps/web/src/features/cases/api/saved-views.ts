import type { SavedView } from '@chuangcheng/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const KEY = ['saved-views'] as const;

/** GET /api/saved-views: the current user's named case filters. */
export function listSavedViews(signal?: AbortSignal): Promise<SavedView[]> {
  return api.get<SavedView[]>('/api/saved-views', { signal });
}

export const savedViewsQueryOptions = queryOptions({
  queryKey: KEY,
  queryFn: ({ signal }) => listSavedViews(signal),
  staleTime: 5 * 60_000,
});

export function useSavedViews() {
  return useQuery(savedViewsQueryOptions);
}

/** POST /api/saved-views {name, query} */
export function createSavedView(body: { name: string; query: Record<string, string> }): Promise<SavedView> {
  return api.post<SavedView>('/api/saved-views', body);
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSavedView,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** DELETE /api/saved-views/{id} */
export function deleteSavedView(id: string): Promise<void> {
  return api.delete<void>(`/api/saved-views/${id}`);
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSavedView,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
