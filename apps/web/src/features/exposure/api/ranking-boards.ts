import type { CreateRankingBoard, Page, RankingBoard, RankingResult } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface RankingParams {
  from: string;
  to: string;
  k: number;
  minCases: number;
}

/** GET /api/ranking-boards/preview: the red and black lists as they would be frozen now. */
export function previewRanking(params: RankingParams, signal?: AbortSignal): Promise<RankingResult> {
  return api.get<RankingResult>('/api/ranking-boards/preview', { query: { ...params }, signal });
}

export function useRankingPreview(params: RankingParams | null) {
  return useQuery({
    queryKey: ['ranking-boards', 'preview', params],
    queryFn: ({ signal }) => previewRanking(params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** GET /api/ranking-boards: the boards made, newest first. */
export function listRankingBoards(page: number, signal?: AbortSignal): Promise<Page<RankingBoard>> {
  return api.get<Page<RankingBoard>>('/api/ranking-boards', { query: { page, pageSize: 10 }, signal });
}

export function rankingBoardsQueryOptions(page: number) {
  return queryOptions({
    queryKey: ['ranking-boards', 'list', page],
    queryFn: ({ signal }) => listRankingBoards(page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRankingBoards(page: number) {
  return useQuery(rankingBoardsQueryOptions(page));
}

/** POST /api/ranking-boards: freezes the lists of the period (not yet public). */
export function createRankingBoard(body: CreateRankingBoard): Promise<RankingBoard> {
  return api.post<RankingBoard>('/api/ranking-boards', body);
}

/** POST /api/ranking-boards/{id}/publish | unpublish. */
export function setBoardPublished(id: string, published: boolean): Promise<RankingBoard> {
  return api.post<RankingBoard>(`/api/ranking-boards/${id}/${published ? 'publish' : 'unpublish'}`);
}

export function useCreateRankingBoard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRankingBoard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ranking-boards', 'list'] }),
  });
}

export function useSetBoardPublished() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; published: boolean }) => setBoardPublished(v.id, v.published),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ranking-boards', 'list'] }),
  });
}
