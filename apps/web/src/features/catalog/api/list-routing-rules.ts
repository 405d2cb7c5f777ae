import type { Page, RoutingRule } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/routing-rules: page, pageSize, q; ordered by priority (the first match wins). */
export function listRoutingRules(query: Query, signal?: AbortSignal): Promise<Page<RoutingRule>> {
  return api.get<Page<RoutingRule>>('/api/routing-rules', { query, signal });
}

export function routingRulesQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['routing-rules', 'list', query],
    queryFn: ({ signal }) => listRoutingRules(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRoutingRules(query: Query) {
  return useQuery(routingRulesQueryOptions(query));
}
