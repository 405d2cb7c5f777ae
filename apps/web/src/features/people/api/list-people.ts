import type { Page, Person } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/people with page, pageSize, q and the list's filters. */
export function listPeople(query: Query, signal?: AbortSignal): Promise<Page<Person>> {
  return api.get<Page<Person>>('/api/people', { query, signal });
}

export function peopleQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['people', 'list', query],
    queryFn: ({ signal }) => listPeople(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePeople(query: Query) {
  return useQuery(peopleQueryOptions(query));
}
