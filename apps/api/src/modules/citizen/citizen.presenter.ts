import {
  PUBLIC_STAGE_LABELS,
  PUBLIC_STAGE_OF,
  type PublicCase,
  publicEventText,
  REOPEN_WINDOW_DAYS,
} from '@chuangcheng/contracts';
import type { CaseRow, EventRow, PhotoRow } from '../cases/index';

/** Events whose note the public sees (the void reason, the reporter's own words). */
const NOTE_SHOWN = new Set(['void', 'rating', 'reopen']);

export function reopenUntil(row: CaseRow): Date | null {
  return row.closedAt ? new Date(row.closedAt.getTime() + REOPEN_WINDOW_DAYS * 86_400_000) : null;
}

export function presentPublicCase(
  row: CaseRow,
  events: readonly EventRow[],
  photos: readonly PhotoRow[],
  unitNames: Map<string, string>,
): PublicCase {
  const stage = PUBLIC_STAGE_OF[row.status as keyof typeof PUBLIC_STAGE_OF];
  const photoUrl = (p: PhotoRow) => ({
    id: p.id,
    url: `/api/public/reports/${row.trackingCode}/photos/${p.id}`,
  });
  return {
    trackingCode: row.trackingCode ?? '',
    number: row.number,
    status: row.status as PublicCase['status'],
    stage,
    stageLabel: PUBLIC_STAGE_LABELS[stage].zh,
    category: row.categoryName,
    description: row.description,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    unitName: row.leadUnitId && stage !== 'received' ? (unitNames.get(row.leadUnitId) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.status === 'closed' ? (row.closedAt?.toISOString() ?? null) : null,
    timeline: events.flatMap((e) => {
      const unit = e.unitId ? (unitNames.get(e.unitId) ?? null) : null;
      const label = publicEventText(e.type, unit, 'reporter');
      if (!label) return [];
      return [{ at: e.at.toISOString(), label, note: NOTE_SHOWN.has(e.type) ? e.note : null }];
    }),
    beforePhotos: photos.filter((p) => p.kind !== 'after').map(photoUrl),
    afterPhotos: photos.filter((p) => p.kind === 'after').map(photoUrl),
    canRate: row.status === 'closed' && row.ratedAt === null,
    reopenUntil: row.status === 'closed' ? (reopenUntil(row)?.toISOString() ?? null) : null,
    rating:
      row.ratedAt && row.ratingResolved !== null
        ? { resolved: row.ratingResolved, score: row.ratingScore, comment: row.ratingComment }
        : null,
  };
}
