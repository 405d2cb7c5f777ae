// The assessments module's public face (issue 5): rounds, scoring, lost points, readiness.
// STUB: filled in by the assessments work; app.ts already wires it.
import type { Db } from '../../db/client';
import type { App, EndpointMeta } from '../../http/endpoint';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';
import type { CampaignsService } from '../campaigns/index';
import type { CasesService, KpisService } from '../cases/index';
import type { EvidenceService } from '../evidence/index';
import type { StandardsService } from '../standards/index';

export interface AssessmentsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  standards: StandardsService;
  campaigns: CampaignsService;
  evidence: EvidenceService;
  cases: CasesService;
  kpis: KpisService;
}
export function createAssessmentsService(deps: AssessmentsDeps) {
  return { deps };
}
export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
export function registerAssessmentsRoutes(
  _app: App,
  _reg: EndpointMeta[],
  _assessments: AssessmentsService,
): void {}
