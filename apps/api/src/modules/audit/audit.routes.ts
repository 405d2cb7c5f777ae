import { auditEntrySchema, auditListQuerySchema, pageOf } from '@chuangcheng/contracts';
import { type App, type EndpointMeta, endpoint } from '../../http/endpoint';
import type { AuditService } from './audit.service';

export function registerAuditRoutes(app: App, reg: EndpointMeta[], audit: AuditService): void {
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
}
