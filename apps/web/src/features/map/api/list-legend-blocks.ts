import type { Block, Page } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The blocks for the map legend (a city has a few dozen). Roles that may not list blocks get an empty legend. */
export async function listLegendBlocks(signal?: AbortSignal): Promise<Block[]> {
  try {
    const page = await api.get<Page<Block>>('/api/blocks', { query: { pageSize: 500 }, signal });
    return page.items;
  } catch {
    return [];
  }
}

export const legendBlocksQueryOptions = queryOptions({
  queryKey: ['blocks', 'legend'],
  queryFn: ({ signal }) => listLegendBlocks(signal),
  staleTime: 5 * 60_000,
});

export function useLegendBlocks() {
  return useQuery(legendBlocksQueryOptions);
}
