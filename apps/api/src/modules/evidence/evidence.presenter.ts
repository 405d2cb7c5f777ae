import type { EvidenceFile } from '@chuangcheng/contracts';
import { dateInPeriod } from '@chuangcheng/domain';
import type { EvidenceListRow } from './evidence.repository';

/** What leaves the server of one archive file: no storage key; consistency flags computed here. */
export function presentEvidence(r: EvidenceListRow, sameBytes: readonly string[]): EvidenceFile {
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
  };
}
