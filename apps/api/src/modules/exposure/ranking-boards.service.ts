import type {
  CreateRankingBoard,
  Page,
  PageQuery,
  PublicRankingBoard,
  RankingBoard,
  RankingPreviewQuery,
  RankingResult,
} from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { AuditService } from '../audit/index';
import type { KpisService } from '../cases/index';
import type { OrgService } from '../org/index';
import { cityOf, EXPOSURE_ROLES, publicCityId } from './exposure.policy';
import { presentBoard, presentPublicBoard } from './exposure.presenter';
import type { ExposureRepository, RankingBoardRow } from './exposure.repository';
import { rankUnits } from './ranking';

export interface RankingBoardsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  kpis: KpisService;
  org: OrgService;
}

/**
 * 红黑榜: ranks the units on the KPIs of a period (cases created in it, as the KPI page counts them),
 * and freezes the red and black lists into a board that the office publishes or takes down.
 */
export function createRankingBoardsService(deps: RankingBoardsDeps, repo: ExposureRepository) {
  const { db, clock } = deps;

  async function rank(ctx: Ctx, q: RankingPreviewQuery): Promise<RankingResult> {
    requireRole(ctx.actor, EXPOSURE_ROLES);
    cityOf(ctx.actor);
    const kpis = await deps.kpis.kpis(ctx, { dimension: 'unit', from: q.from, to: q.to });
    return rankUnits(kpis.rows, q);
  }

  async function load(tx: Db, ctx: Ctx, id: string): Promise<RankingBoardRow> {
    const row = await repo.board(tx, cityOf(ctx.actor), id);
    if (!row) throw new AppError('RANKING_BOARD_NOT_FOUND');
    return row;
  }

  /** Publishes or takes down a board; the lists stay as they were frozen. */
  async function setPublished(ctx: Ctx, id: string, published: boolean): Promise<RankingBoard> {
    requireRole(ctx.actor, EXPOSURE_ROLES);
    const now = clock.now();
    const after = await db.transaction(async (tx) => {
      const row = await load(tx, ctx, id);
      if (row.published === published) return row;
      const patch = { published, publishedAt: published ? now : row.publishedAt };
      await repo.updateBoard(tx, row, patch);
      await deps.audit.record(tx, ctx, {
        cityId: row.cityId,
        action: published ? 'publish' : 'unpublish',
        entityType: 'ranking_board',
        entityId: row.id,
        before: { published: row.published, publishedAt: row.publishedAt },
        after: patch,
      });
      return { ...row, ...patch };
    });
    return presentBoard(after);
  }

  return {
    /** The lists as they would be frozen now, without writing anything. */
    preview: rank,

    /** Computes and freezes a board (not yet public). */
    async createBoard(ctx: Ctx, input: CreateRankingBoard): Promise<RankingBoard> {
      const result = await rank(ctx, input);
      if (result.rankedUnits === 0)
        throw new AppError('RANKING_EMPTY', {
          unrankedUnits: result.unrankedUnits,
          minCases: input.minCases,
        });
      const now = clock.now();
      const row: RankingBoardRow = {
        cityId: cityOf(ctx.actor),
        id: newId(now.getTime()),
        title: input.title || `${input.from} 至 ${input.to} 红黑榜`,
        periodFrom: input.from,
        periodTo: input.to,
        payload: result as unknown as Record<string, unknown>,
        published: false,
        createdByName: ctx.actor.displayName,
        createdAt: now,
        publishedAt: null,
      };
      await db.transaction(async (tx) => {
        await repo.insertBoard(tx, row);
        await deps.audit.record(tx, ctx, {
          cityId: row.cityId,
          action: 'create',
          entityType: 'ranking_board',
          entityId: row.id,
          after: row,
        });
      });
      return presentBoard(row);
    },

    publishBoard: (ctx: Ctx, id: string) => setPublished(ctx, id, true),
    unpublishBoard: (ctx: Ctx, id: string) => setPublished(ctx, id, false),

    async listBoards(ctx: Ctx, q: Pick<PageQuery, 'page' | 'pageSize'>): Promise<Page<RankingBoard>> {
      requireRole(ctx.actor, EXPOSURE_ROLES);
      const { rows, total } = await repo.boards(
        cityOf(ctx.actor),
        { publishedOnly: false },
        offsetOf(q),
        q.pageSize,
      );
      return pageResult(rows.map(presentBoard), total, q);
    },

    /** Published boards, latest first. */
    async publicBoards(q: Pick<PageQuery, 'page' | 'pageSize'>): Promise<Page<PublicRankingBoard>> {
      const cityId = await publicCityId(deps.org);
      if (!cityId) return pageResult([], 0, q);
      const { rows, total } = await repo.boards(cityId, { publishedOnly: true }, offsetOf(q), q.pageSize);
      return pageResult(rows.map(presentPublicBoard), total, q);
    },

    async publicBoard(id: string): Promise<PublicRankingBoard> {
      const row = await repo.board(db, null, id);
      if (!row?.published) throw new AppError('RANKING_BOARD_NOT_FOUND');
      return presentPublicBoard(row);
    },
  };
}
