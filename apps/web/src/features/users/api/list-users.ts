import type { Page, User } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/users with page, pageSize, q and the list's filters. */
export function listUsers(query: Query, signal?: AbortSignal): Promise<Page<User>> {
  return api.get<Page<User>>('/api/users', { query, signal });
}

export function usersQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['users', 'list', query],
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(query: Query) {
  return useQuery(usersQueryOptions(query));
}
