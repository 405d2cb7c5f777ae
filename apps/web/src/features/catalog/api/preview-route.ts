import type { CaseSource, Owner, RouteExplanation, StageLimits } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface RoutePreviewQuery {
  categoryId: string;
  lng: number;
  lat: number;
  source?: CaseSource;
  owner?: Owner;
}

/** Where a case with these facts would go, and why. */
export interface RoutePreview {
  leadUnit: { id: string; name: string } | null;
  coUnits: { id: string; name: string }[];
  route: RouteExplanation;
  grid: { id: string; code: string; name: string } | null;
  limits: StageLimits;
}

/** GET /api/routing-rules/preview: runs the routing of a case without creating one (派遣测试). */
export function previewRoute(query: RoutePreviewQuery, signal?: AbortSignal): Promise<RoutePreview> {
  return api.get<RoutePreview>('/api/routing-rules/preview', { query: { ...query }, signal });
}

export function routePreviewQueryOptions(query: RoutePreviewQuery | null) {
  return queryOptions({
    queryKey: ['routing-rules', 'preview', query],
    queryFn: ({ signal }) => previewRoute(query as RoutePreviewQuery, signal),
    enabled: query !== null,
    staleTime: 0,
  });
}

export function useRoutePreview(query: RoutePreviewQuery | null) {
  return useQuery(routePreviewQueryOptions(query));
}
