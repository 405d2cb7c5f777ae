import type { EvidenceFile } from '@chuangcheng/contracts';
import { dateInPeriod } from '@chuangcheng/domain';
import type { EvidenceListRow } from './evidence.repository';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Who reviews it and what the viewer may do now (decided by the policy, sent with the file). */
export interface ReviewView {
  leadUnitName: string | null;
  actions: EvidenceFile['reviewActions'];
}

/** What leaves the server of one archive file: no storage key; consistency flags computed here. */
export function presentEvidence(
  r: EvidenceListRow,
  sameBytes: readonly string[],
  review: ReviewView = { leadUnitName: null, actions: [] },
): EvidenceFile {
  const duplicateOf = sameBytes.filter((id) => id !== r.id);
  const flags: EvidenceFile['flags'] = [];
  if (!dateInPeriod(r.docDate, r.period)) flags.push('date_outside_period');
  if (duplicateOf.length > 0) flags.push('duplicate_file');
  return {
    id: r.id,
    campaignId: r.campaignId,
    nodeId: r.nodeId,
    nodeCode: r.nodeCode,
    requirement: r.requirement,
    period: r.period,
    title: r.title,
    docDate: r.docDate,
    issuingUnit: r.issuingUnit,
    fileName: r.fileName,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    flags,
    duplicateOf,
    uploadedBy: r.uploaderName,
    createdAt: new Date(r.createdAt).toISOString(),
    reviewStatus: r.reviewStatus,
    leadUnitName: review.leadUnitName,
    leadReviewedBy: r.leadReviewedByName,
    leadReviewedAt: iso(r.leadReviewedAt),
    reviewedBy: r.reviewedByName,
    reviewedAt: iso(r.reviewedAt),
    returnReason: r.returnReason,
    reviewActions: review.actions,
  };
}
