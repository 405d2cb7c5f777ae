import {
  type CaseStatus,
  type Exposure,
  PUBLIC_STAGE_LABELS,
  PUBLIC_STAGE_OF,
  type PublicExposure,
  type PublicRankingBoard,
  type RankingBoard,
  type RankingResult,
} from '@chuangcheng/contracts';
import type { ExposureView, PublicPhotoRow, RankingBoardRow } from './exposure.repository';

/** At most this many photos on each side of a card: the board is a page of cards, not an album. */
const PHOTOS_PER_SIDE = 3;

export function presentExposure(v: ExposureView): Exposure {
  const e = v.exposure;
  return {
    id: e.id,
    caseId: e.caseId,
    caseNumber: v.caseNumber,
    caseStatus: v.caseStatus as CaseStatus,
    title: e.title,
    comment: e.comment,
    category: v.category,
    address: v.address,
    unitName: v.unitName,
    publishedByName: e.publishedByName,
    publishedAt: e.publishedAt.toISOString(),
    withdrawnAt: e.withdrawnAt?.toISOString() ?? null,
  };
}

/**
 * The public card: the office's title and comment, the category, the place, the unit (a public
 * body), the status in the public's four words, and the metadata-free photos. No person's name, no
 * phone, no description (a reporter may have written their own details into it).
 */
export function presentPublicExposure(v: ExposureView, photos: readonly PublicPhotoRow[]): PublicExposure {
  const e = v.exposure;
  const stage = PUBLIC_STAGE_OF[v.caseStatus as CaseStatus];
  const link = (p: PublicPhotoRow) => ({ id: p.id, url: `/api/public/exposures/${e.id}/photos/${p.id}` });
  const mine = photos.filter((p) => p.caseId === e.caseId);
  return {
    id: e.id,
    title: e.title,
    comment: e.comment,
    category: v.category,
    address: v.address,
    unitName: v.unitName,
    stage,
    stageLabel: PUBLIC_STAGE_LABELS[stage].zh,
    publishedAt: e.publishedAt.toISOString(),
    beforePhotos: mine
      .filter((p) => p.kind === 'before')
      .slice(0, PHOTOS_PER_SIDE)
      .map(link),
    // The latest after-photos: those of the rectification that passed.
    afterPhotos: mine
      .filter((p) => p.kind === 'after')
      .slice(-PHOTOS_PER_SIDE)
      .map(link),
  };
}

const resultOf = (row: RankingBoardRow) => row.payload as unknown as RankingResult;

export function presentBoard(row: RankingBoardRow): RankingBoard {
  return {
    id: row.id,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    published: row.published,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    result: resultOf(row),
  };
}

export function presentPublicBoard(row: RankingBoardRow): PublicRankingBoard {
  const r = resultOf(row);
  return {
    id: row.id,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    rankedUnits: r.rankedUnits,
    red: r.red,
    black: r.black,
  };
}
