export { registerAuditRoutes } from './audit.routes';
export {
  type AuditInput,
  type AuditService,
  createAuditService,
  GLOBAL_CHAIN,
  type VerifyResult,
} from './audit.service';
export { createSecurityEvents, type Denial, type SecurityEvents } from './security-events';
