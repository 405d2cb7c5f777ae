import type { CaseSummary, Page } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';
import { casesSearch } from './case-search';

/** GET /api/cases: page, pageSize, q, status (comma-joined here, repeated on the wire), queue, filters, sort. */
export function listCases(query: Query, signal?: AbortSignal): Promise<Page<CaseSummary>> {
  return api.get<Page<CaseSummary>>(`/api/cases${casesSearch(query)}`, { signal });
}

export function casesQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['cases', 'list', query],
    queryFn: ({ signal }) => listCases(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCases(query: Query) {
  return useQuery(casesQueryOptions(query));
}
