// The evidence module's public face (issue 5): the archive (台账), completeness, the 迎检资料包 export.
// STUB: filled in by the evidence work; app.ts already wires it.
import type { Db } from '../../db/client';
import type { App, EndpointMeta } from '../../http/endpoint';
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
export function createEvidenceService(deps: EvidenceDeps) {
  return { deps };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
export function registerEvidenceRoutes(_app: App, _reg: EndpointMeta[], _evidence: EvidenceService): void {}
