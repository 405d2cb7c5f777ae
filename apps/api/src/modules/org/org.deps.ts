import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';

export interface OrgDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  gridCodeRule: string;
}
