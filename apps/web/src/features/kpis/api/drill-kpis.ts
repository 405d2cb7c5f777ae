import type { KpiDrill } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/kpis/cases: the cases and stages behind one figure (row key × counter) of the KPI table. */
export function drillKpis(query: Query, signal?: AbortSignal): Promise<KpiDrill> {
  return api.get<KpiDrill>('/api/kpis/cases', { query, signal });
}

export function kpiDrillQueryOptions(query: Query | null) {
  return queryOptions({
    queryKey: ['kpis', 'drill', query],
    queryFn: ({ signal }) => drillKpis(query ?? {}, signal),
    enabled: query !== null,
  });
}

export function useKpiDrill(query: Query | null) {
  return useQuery(kpiDrillQueryOptions(query));
}
