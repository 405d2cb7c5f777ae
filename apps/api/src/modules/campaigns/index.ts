// The campaigns module's public face (issue 5): campaigns, 任务分解表, indicator links.
// STUB: filled in by the campaigns work; app.ts already wires it.
import type { Db } from '../../db/client';
import type { App, EndpointMeta } from '../../http/endpoint';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';
import type { OrgService } from '../org/index';
import type { StandardsService } from '../standards/index';

export interface CampaignsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  org: OrgService;
  standards: StandardsService;
}
export function createCampaignsService(deps: CampaignsDeps) {
  return { deps };
}
export type CampaignsService = ReturnType<typeof createCampaignsService>;
export function registerCampaignsRoutes(
  _app: App,
  _reg: EndpointMeta[],
  _campaigns: CampaignsService,
): void {}
