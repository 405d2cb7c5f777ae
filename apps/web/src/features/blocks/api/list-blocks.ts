import type { Block, Page } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/blocks with page, pageSize, q and the list's filters. */
export function listBlocks(query: Query, signal?: AbortSignal): Promise<Page<Block>> {
  return api.get<Page<Block>>('/api/blocks', { query, signal });
}

export function blocksQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['blocks', 'list', query],
    queryFn: ({ signal }) => listBlocks(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBlocks(query: Query) {
  return useQuery(blocksQueryOptions(query));
}
