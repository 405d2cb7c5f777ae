import type { AuditEntry, Page } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api-client';

/** GET /api/audit (admin): newest first; filters action, entityType. */
export function listAudit(query: Query, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/api/audit', { query, signal });
}

export function auditQueryOptions(query: Query) {
  return queryOptions({
    queryKey: ['audit', 'list', query],
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(query: Query) {
  return useQuery(auditQueryOptions(query));
}
