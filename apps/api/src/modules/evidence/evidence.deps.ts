import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { FileStore } from '../../platform/file-store';
import type { AuditService } from '../audit/index';
import type { CampaignsService } from '../campaigns/index';
import type { StandardsService } from '../standards/index';

export interface EvidenceDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  files: FileStore;
  standards: StandardsService;
  campaigns: CampaignsService;
  /** Largest evidence file accepted, in bytes. */
  maxBytes: number;
}

/** The city's calendar day (Asia/Shanghai, UTC+8 all year) of an instant. */
export function cityDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
