import type { Page, Unit } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Unit names for the users table (users carry only a unitId). */
export async function listUnitNames(signal?: AbortSignal): Promise<Map<string, string>> {
  const page = await api.get<Page<Unit>>('/api/units', { query: { pageSize: 500 }, signal });
  return new Map(page.items.map((u) => [u.id, u.name]));
}

export const unitNamesQueryOptions = queryOptions({
  queryKey: ['units', 'names'],
  queryFn: ({ signal }) => listUnitNames(signal),
  staleTime: 5 * 60_000,
});

export function useUnitNames() {
  return useQuery(unitNamesQueryOptions);
}
