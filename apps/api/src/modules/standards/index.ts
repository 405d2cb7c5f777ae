// The standards module's public face (issue 5): scoring standards as versioned indicator trees.
// STUB: filled in by the standards work; app.ts already wires it.
import type { Db } from '../../db/client';
import type { App, EndpointMeta } from '../../http/endpoint';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';
import type { OrgService } from '../org/index';

export interface StandardsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  org: OrgService;
}
export function createStandardsService(deps: StandardsDeps) {
  return { deps };
}
export type StandardsService = ReturnType<typeof createStandardsService>;
export function registerStandardsRoutes(
  _app: App,
  _reg: EndpointMeta[],
  _standards: StandardsService,
): void {}
