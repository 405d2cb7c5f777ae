import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';
import type { CampaignsService } from '../campaigns/index';
import type { CasesService, KpisService, PhotosService } from '../cases/index';
import type { EvidenceService } from '../evidence/index';
import type { StandardsService } from '../standards/index';

/** What rounds and readiness need: the indicator trees, campaigns, the archive and the closed loop. */
export interface AssessmentsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  standards: StandardsService;
  campaigns: CampaignsService;
  evidence: EvidenceService;
  cases: CasesService;
  kpis: KpisService;
  /** Checkpoint photos (assessors' evidence on the scoring sheet). */
  photos: PhotosService;
  /** Readiness never says 达标 while the archive's completeness (percent) is below this (default 90). */
  evidenceFloor?: number;
}
