import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';
import type { OrgService } from '../org/index';

/** What the standards module needs: the database, time, the audit log and the org registries. */
export interface StandardsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  org: OrgService;
}
