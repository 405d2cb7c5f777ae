export { registerAuditRoutes } from './audit.routes';
export {
  type AuditInput,
  type AuditService,
  createAuditService,
  GLOBAL_CHAIN,
  type VerifyResult,
} from './audit.service';
