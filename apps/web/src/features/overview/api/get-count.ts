import type { Page } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type CountedEntity = 'units' | 'people' | 'grids' | 'blocks';

/** How many records a list holds for this user: its `total` with a one-row page. */
export async function getCount(entity: CountedEntity): Promise<number> {
  const page = await api.get<Page<unknown>>(`/api/${entity}`, { query: { page: 1, pageSize: 1 } });
  return page.total;
}

export function countQueryOptions(entity: CountedEntity) {
  return queryOptions({ queryKey: [entity, 'count'], queryFn: () => getCount(entity) });
}

export function useCount(entity: CountedEntity, enabled: boolean) {
  return useQuery({ ...countQueryOptions(entity), enabled });
}
