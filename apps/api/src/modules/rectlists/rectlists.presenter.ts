import type { CaseStatus, RectlistRow, RectlistSummary } from '@chuangcheng/contracts';
import type { RectlistRecord, RectlistRowRecord, RectlistsRepository } from './rectlists.repository';
import type { RectlistRowData } from './rectlists.validate';

export function presentSummary(b: RectlistRecord, closedCount: number): RectlistSummary {
  return {
    id: b.id,
    number: b.number,
    title: b.title,
    upperUnit: b.upperUnit,
    inspectedOn: b.inspectedOn,
    fileName: b.fileName,
    uploadedByName: b.uploadedByName,
    state: b.state,
    rowCount: b.rowCount,
    createdCount: b.createdCount,
    failedCount: b.failedCount,
    closedCount,
    jobId: b.jobId,
    error: b.error,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

type CaseNow = Awaited<ReturnType<RectlistsRepository['casesOf']>>[number];

export function presentRow(r: RectlistRowRecord, c: CaseNow | undefined): RectlistRow {
  const d = r.data as RectlistRowData;
  return {
    row: r.row,
    seq: d.seq,
    address: d.address,
    gridCode: d.gridCode,
    lng: d.lng,
    lat: d.lat,
    categoryCode: d.categoryCode,
    categoryName: d.categoryName,
    description: d.description,
    rectifyBy: d.rectifyBy,
    assignedBy: d.assignedBy,
    remark: d.remark,
    error: r.error,
    case: c
      ? {
          id: c.id,
          number: c.number,
          status: c.status as CaseStatus,
          leadUnitName: c.leadUnitName,
          route: (c.route as { text?: string } | null)?.text ?? '',
          disposeDeadline: c.disposeDeadline?.toISOString() ?? null,
          closedAt: c.closedAt?.toISOString() ?? null,
        }
      : null,
  };
}
