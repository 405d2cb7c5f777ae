import type { Page, RectlistDetail, RectlistState, RectlistSummary } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, upload } from '../../../lib/api-client';

export interface RectlistQuery {
  page: number;
  pageSize: number;
  state?: RectlistState;
  q?: string;
}

const running = (s: RectlistState | undefined) => s === 'queued' || s === 'running';

/** GET /api/rectlists: the batches, newest first; polled while one of them is still filing cases. */
export function rectlistsQueryOptions(query: RectlistQuery) {
  return queryOptions({
    queryKey: ['rectlists', 'list', query],
    queryFn: ({ signal }) =>
      api.get<Page<RectlistSummary>>('/api/rectlists', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((b) => running(b.state)) ? 1500 : false),
  });
}

export function useRectlists(query: RectlistQuery) {
  return useQuery(rectlistsQueryOptions(query));
}

/** GET /api/rectlists/{id}: the batch with every row's case; polled while the job runs (progress bar). */
export function useRectlist(id: string) {
  return useQuery({
    queryKey: ['rectlists', 'detail', id],
    queryFn: ({ signal }) => api.get<RectlistDetail>(`/api/rectlists/${id}`, { signal }),
    refetchInterval: (q) => (running(q.state.data?.state) ? 1000 : false),
  });
}

export interface RectlistUploadInput {
  file: File;
  upperUnit: string;
  title?: string;
  inspectedOn?: string;
  confirmDuplicate?: boolean;
}

/** POST /api/imports/rectlists: validated whole on the server, then a job files the cases. */
export function useUploadRectlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RectlistUploadInput) => {
      const form = new FormData();
      form.append('file', input.file);
      form.append('upperUnit', input.upperUnit);
      if (input.title) form.append('title', input.title);
      if (input.inspectedOn) form.append('inspectedOn', input.inspectedOn);
      if (input.confirmDuplicate) form.append('confirmDuplicate', 'true');
      return upload<RectlistSummary>('/api/imports/rectlists', form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rectlists'] }),
  });
}

export const downloadRectlistTemplate = () =>
  download('/api/imports/rectlists/template', undefined, 'rectlist-template.xlsx');

export const downloadRectlistExport = (id: string) =>
  download(`/api/rectlists/${id}/export.xlsx`, undefined, 'rectlist.xlsx');
