import type { AuditEntry, Page, SecurityEvent } from '@chuangcheng/contracts';
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

/** GET /api/audit/security-events (admin): access denials, newest first. */
export function useSecurityEvents(query: Query) {
  return useQuery(
    queryOptions({
      queryKey: ['audit', 'security-events', query],
      queryFn: ({ signal }) => api.get<Page<SecurityEvent>>('/api/audit/security-events', { query, signal }),
      placeholderData: keepPreviousData,
    }),
  );
}
