import type { EvidenceDeps } from './evidence.deps';
import { createEvidenceFilesService } from './evidence-files.service';
import { createEvidenceReportsService } from './evidence-reports.service';
import { createEvidenceReviewService } from './evidence-review.service';

/** The archive (台账): files with consistency flags and their review, slots and completeness, the 迎检资料包. */
export function createEvidenceService(deps: EvidenceDeps) {
  const files = createEvidenceFilesService(deps);
  const reports = createEvidenceReportsService(deps);
  const review = createEvidenceReviewService(deps);
  return {
    uploadEvidence: files.uploadEvidence,
    listEvidence: files.listEvidence,
    evidenceFile: files.evidenceFile,
    deleteEvidence: files.deleteEvidence,
    reviewEvidence: review.reviewEvidence,
    reviewQueue: review.reviewQueue,
    listSlots: reports.listSlots,
    getCompleteness: reports.getCompleteness,
    exportPackage: reports.exportPackage,
    /** For assessments (evidence_completeness metric): the campaign's completeness up to asOf, city-wide. */
    completeness: reports.completeness,
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
