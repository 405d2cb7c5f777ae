import type { CaseStatus, Light } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';
import { casesSearch } from './case-search';

export interface CaseMapPoint {
  id: string;
  number: string;
  status: CaseStatus;
  light: Light | null;
  lng: number;
  lat: number;
  categoryName: string;
}

export interface CaseMap {
  points: CaseMapPoint[];
  /** The server capped the points; narrow the filters to see the rest. */
  truncated: boolean;
}

/** GET /api/cases/map: the list's filters without paging, as points. */
export function getCaseMap(query: Query, signal?: AbortSignal): Promise<CaseMap> {
  return api.get<CaseMap>(`/api/cases/map${casesSearch(query)}`, { signal });
}

export function caseMapQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['cases', 'map', query],
    queryFn: ({ signal }) => getCaseMap(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCaseMap(query: Query) {
  return useQuery(caseMapQueryOptions(query));
}
