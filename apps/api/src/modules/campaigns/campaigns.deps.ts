import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';
import type { OrgService } from '../org/index';
import type { StandardsService } from '../standards/index';

/** What campaigns need: the database, time, the audit log, the org registries and the standards. */
export interface CampaignsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  org: OrgService;
  standards: StandardsService;
}
