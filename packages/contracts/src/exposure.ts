import { z } from 'zod';
import { CASE_STATUSES } from './cases';
import { pageQuerySchema } from './common';
import { PUBLIC_STAGES } from './public';

// The public exposure board (曝光台) and the 红黑榜 of units (issue 4 §7).

// ---- 曝光台 --------------------------------------------------------------------------------------

export const EXPOSURE_TITLE_MAX = 60;
export const EXPOSURE_COMMENT_MAX = 500;

export const createExposureSchema = z.strictObject({
  caseId: z.uuid({ message: '请选择要曝光的案件' }),
  title: z
    .string({ message: '请填写曝光标题' })
    .trim()
    .min(1, '请填写曝光标题')
    .max(EXPOSURE_TITLE_MAX, `标题不超过 ${EXPOSURE_TITLE_MAX} 个字`),
  comment: z.string().trim().max(EXPOSURE_COMMENT_MAX, `点评不超过 ${EXPOSURE_COMMENT_MAX} 个字`).optional(),
});
export type CreateExposure = z.infer<typeof createExposureSchema>;

export const EXPOSURE_STATES = ['active', 'withdrawn'] as const;
export type ExposureState = (typeof EXPOSURE_STATES)[number];

export const exposureListQuerySchema = pageQuerySchema.extend({
  state: z.enum(EXPOSURE_STATES).optional(),
  caseId: z.uuid().optional(),
});
export type ExposureListQuery = z.infer<typeof exposureListQuerySchema>;

/** An exposure as the office sees it (with the case's number and current status). */
export const exposureSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  caseStatus: z.enum(CASE_STATUSES),
  title: z.string(),
  comment: z.string().nullable(),
  category: z.string(),
  address: z.string().nullable(),
  unitName: z.string().nullable(),
  publishedByName: z.string(),
  publishedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type Exposure = z.infer<typeof exposureSchema>;

const photoLinkSchema = z.object({ id: z.uuid(), url: z.string() });

/** What the public sees of an exposure: no person's name, no phone, nothing of the reporter. */
export const publicExposureSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  comment: z.string().nullable(),
  category: z.string(),
  address: z.string().nullable(),
  /** The responsible unit (a public body). */
  unitName: z.string().nullable(),
  stage: z.enum(PUBLIC_STAGES),
  stageLabel: z.string(),
  publishedAt: z.string(),
  beforePhotos: z.array(photoLinkSchema),
  afterPhotos: z.array(photoLinkSchema),
});
export type PublicExposure = z.infer<typeof publicExposureSchema>;

export const publicPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

// ---- 红黑榜 --------------------------------------------------------------------------------------

export const RANKING_DEFAULT_K = 5;
export const RANKING_DEFAULT_MIN_CASES = 3;

const rankingParams = {
  from: z.iso.date({ message: '请选择开始日期（YYYY-MM-DD）' }),
  to: z.iso.date({ message: '请选择结束日期（YYYY-MM-DD）' }),
  /** How many units on each list. */
  k: z.coerce
    .number()
    .int()
    .min(1, '每榜至少 1 个单位')
    .max(20, '每榜最多 20 个单位')
    .default(RANKING_DEFAULT_K),
  /** A unit needs at least this many cases due to close (应结案数) in the period to be ranked. */
  minCases: z.coerce
    .number()
    .int()
    .min(1, '参评最少案件数至少为 1')
    .max(10_000)
    .default(RANKING_DEFAULT_MIN_CASES),
};
const periodInOrder = (v: { from: string; to: string }) => v.from <= v.to;
const periodIssue = { path: ['to'], message: '结束日期不能早于开始日期' };

export const rankingPreviewQuerySchema = z.object(rankingParams).refine(periodInOrder, periodIssue);
export type RankingPreviewQuery = z.infer<typeof rankingPreviewQuerySchema>;

export const createRankingBoardSchema = z
  .strictObject({
    ...rankingParams,
    title: z.string().trim().max(EXPOSURE_TITLE_MAX, `标题不超过 ${EXPOSURE_TITLE_MAX} 个字`).optional(),
  })
  .refine(periodInOrder, periodIssue);
export type CreateRankingBoard = z.infer<typeof createRankingBoardSchema>;

/** One unit on a list: its place among the ranked units (1 = best; ties share a place) and its rates. */
export const rankingEntrySchema = z.object({
  rank: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  /** 应结案数 = closed + overdue-not-closed. */
  needClose: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  onTimeCloseRate: z.number().nullable(),
  closeRate: z.number().nullable(),
});
export type RankingEntry = z.infer<typeof rankingEntrySchema>;

/** Ranked by 按期结案率, then 结案率; the red list is the top k, the black list the bottom k (worst first). */
export const rankingResultSchema = z.object({
  periodFrom: z.string(),
  periodTo: z.string(),
  k: z.number().int(),
  minCases: z.number().int(),
  /** Units with at least minCases cases due to close. */
  rankedUnits: z.number().int(),
  /** Units with cases in the period but fewer than minCases due: not ranked. */
  unrankedUnits: z.number().int(),
  red: z.array(rankingEntrySchema),
  black: z.array(rankingEntrySchema),
});
export type RankingResult = z.infer<typeof rankingResultSchema>;

export const rankingBoardSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  published: z.boolean(),
  createdByName: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  result: rankingResultSchema,
});
export type RankingBoard = z.infer<typeof rankingBoardSchema>;

/** A published board as the public sees it (no staff names). */
export const publicRankingBoardSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  publishedAt: z.string(),
  rankedUnits: z.number().int(),
  red: z.array(rankingEntrySchema),
  black: z.array(rankingEntrySchema),
});
export type PublicRankingBoard = z.infer<typeof publicRankingBoardSchema>;
