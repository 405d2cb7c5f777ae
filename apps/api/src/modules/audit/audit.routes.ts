import {
  auditEntrySchema,
  auditListQuerySchema,
  pageOf,
  securityEventListQuerySchema,
  securityEventSchema,
} from '@chuangcheng/contracts';
import { type App, type EndpointMeta, endpoint } from '../../http/endpoint';
import type { AuditService } from './audit.service';
import type { SecurityEvents } from './security-events';

export function registerAuditRoutes(
  app: App,
  reg: EndpointMeta[],
  audit: AuditService,
  securityEvents: SecurityEvents,
): void {
  endpoint(app, reg, {
    method: 'get',
    path: '/api/audit',
    access: ['admin'],
    summary: '审计日志',
    tag: 'audit',
    query: auditListQuerySchema,
    response: pageOf(auditEntrySchema),
    handler: ({ ctx, query }) => audit.list(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/audit/security-events',
    access: ['admin'],
    summary: '安全事件（访问被拒：401/403）',
    tag: 'audit',
    query: securityEventListQuerySchema,
    response: pageOf(securityEventSchema),
    handler: ({ ctx, query }) => securityEvents.list(ctx, query),
  });
}
