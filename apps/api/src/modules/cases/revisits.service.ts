import { createHash } from 'node:crypto';
import type {
  CreateCase,
  CreateRevisits,
  CreateRevisitsResult,
  Page,
  Revisit,
  RevisitBatch,
  RevisitListQuery,
  RevisitResultInput,
} from '@chuangcheng/contracts';
import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { revisits } from '../../db/schema/index';
import { requireRole } from '../../platform/access';
import type { ActingParty, Ctx } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import { cityDay } from '../org/index';
import { codePrefix, createCaseLinksRepository } from './case-links.repository';
import {
  appendNote,
  type CasesPort,
  patchCase,
  REVISIT_ACT,
  REVISIT_CREATE,
  REVISIT_READ,
} from './case-notes';
import { scopeOf } from './cases.policy';
import { type CaseRow, caseFilters } from './cases.repository';
import type { PhotosService } from './photos.service';

const DAY_MS = 86_400_000;
const DEFAULT_DUE_DAYS = 7;
const MAX_BATCHES = 200;

/**
 * A reproducible random sample: each id is ranked by SHA-256(seed:id) and the first n are drawn. The
 * same seed (the batch id) and the same candidates always give the same sample, whatever their order.
 */
export function sampleIds(seed: string, ids: readonly string[], n: number): string[] {
  return ids
    .map((id) => ({ id, key: createHash('sha256').update(`${seed}:${id}`).digest('hex') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, n)
    .map((x) => x.id);
}

/** How many of `total` a percentage draws: rounded, and at least one when there is any. */
export function sampleSize(total: number, percent: number): number {
  return total === 0 ? 0 : Math.min(total, Math.max(1, Math.round((total * percent) / 100)));
}

/** 回头看: re-inspections of a random sample of the cases closed in a period. */
export function createRevisitsService(deps: {
  db: Db;
  clock: Clock;
  cases: CasesPort;
  photos: PhotosService;
}) {
  const { db, clock } = deps;
  const repo = deps.cases.repo;
  const links = createCaseLinksRepository(db);

  const scoped = (ctx: Ctx): SQL[] => caseFilters(scopeOf(ctx.actor), {});

  async function present(where: SQL[], offset: number, limit: number) {
    const { rows, total } = await links.revisits(where, offset, limit);
    const units = [...new Set(rows.map((r) => r.c.leadUnitId).filter((x): x is string => !!x))];
    const names = await repo.names([], units, []);
    const items: Revisit[] = rows.map(({ revisit: v, c, relapseNumber }) => ({
      id: v.id,
      batchId: v.batchId,
      status: v.status,
      dueDate: v.dueDate,
      note: v.note,
      case: {
        id: c.id,
        number: c.number,
        categoryName: c.categoryName,
        description: c.description,
        address: c.address,
        gridName: c.gridName,
        leadUnit: c.leadUnitId ? { id: c.leadUnitId, name: names.get(c.leadUnitId) ?? '—' } : null,
        closedAt: c.closedAt?.toISOString() ?? null,
        lng: c.lng,
        lat: c.lat,
      },
      relapseCase: v.relapseCaseId && relapseNumber ? { id: v.relapseCaseId, number: relapseNumber } : null,
      createdByName: v.createdByName,
      createdAt: v.createdAt.toISOString(),
      doneByName: v.doneByName,
      doneAt: v.doneAt?.toISOString() ?? null,
    }));
    return { items, total };
  }

  async function one(ctx: Ctx, id: string): Promise<Revisit> {
    const { items } = await present([...scoped(ctx), eq(revisits.id, id)], 0, 1);
    if (!items[0]) throw new AppError('REVISIT_NOT_FOUND');
    return items[0];
  }

  /** Photo ids the actor uploaded in this city and not yet attached to any case. */
  async function ownPhotos(tx: Db, ctx: Ctx, cityId: string, ids: readonly string[]) {
    const rows = await deps.photos.byIds(tx, cityId, ids);
    const ok = rows.filter((p) => p.uploadedBy === ctx.actor.id && p.caseId === null);
    if (ok.length !== new Set(ids).size) {
      throw new AppError(
        'PHOTO_NOT_FOUND',
        fieldDetails('photoIds', '照片不存在、不是您上传的或已用于其他案卷'),
      );
    }
  }

  /** The problem is back: a new case at the same place (source 督查巡查), linked both ways. */
  async function relapsed(ctx: Ctx, v: { id: string }, c: CaseRow, input: RevisitResultInput) {
    if (!c.categoryId) throw new AppError('CATEGORY_NOT_FOUND');
    const created = await deps.cases.createCase(ctx, {
      source: 'inspector',
      categoryId: c.categoryId,
      description: `回头看发现反弹：${input.note ?? ''}`.slice(0, 2000),
      ...(c.address ? { address: c.address } : {}),
      lng: c.lng,
      lat: c.lat,
      owner: c.owner as CreateCase['owner'],
      photoIds: input.photoIds,
      selfHandled: false,
      afterPhotoIds: [],
      fileNow: false,
      // A retry after a failed link step answers the same case.
      idempotencyKey: `revisit-${v.id}`,
    });
    const actor: ActingParty = ctx.actor;
    const now = clock.now();
    await db.transaction(async (tx) => {
      const r = await links.revisit(tx, v.id);
      const original = await repo.byId(tx, c.id);
      const fresh = await repo.byId(tx, created.id);
      if (!r || !original || !fresh) throw new AppError('CASE_CHANGED');
      const done = await links.finishRevisit(tx, r, {
        status: 'relapsed',
        note: input.note ?? null,
        relapseCaseId: created.id,
        by: actor.displayName,
        at: now,
      });
      if (!done) throw new AppError('REVISIT_ALREADY_DONE');
      if (fresh.relapseOfCaseId !== original.id) {
        // The intake's own check links the nearest recent closing; a revisit knows which case came back.
        const linked = await patchCase(tx, repo, fresh, { relapseOfCaseId: original.id }, now);
        await appendNote(
          tx,
          repo,
          linked,
          null,
          `反弹：与已结案件 ${original.number} 同一位置同类问题（回头看发现）`,
          { relapseOf: original.id, revisit: r.id },
          now,
        );
      }
      await appendNote(
        tx,
        repo,
        original,
        actor,
        `回头看发现反弹，已重新登记案件 ${created.number}：${input.note ?? ''}`,
        { revisit: r.id, result: 'relapsed', caseId: created.id },
        now,
      );
    });
  }

  return {
    /** Draws the sample (seeded by the new batch id) and writes one pending revisit per case. */
    async createRevisits(ctx: Ctx, input: CreateRevisits): Promise<CreateRevisitsResult> {
      requireRole(ctx.actor, REVISIT_CREATE);
      const cityId = ctx.actor.cityId;
      if (!cityId) throw new AppError('FORBIDDEN_SCOPE', { reason: '系统管理员不属于任何城市' });
      if (input.from > input.to) {
        throw new AppError('VALIDATION_FAILED', fieldDetails('from', '开始日期不能晚于结束日期'));
      }
      const where = scoped(ctx);
      if (input.categoryCode) where.push(codePrefix(input.categoryCode));
      const candidates = await links.closedIn(where, input.from, input.to);
      if (candidates.length === 0) throw new AppError('REVISIT_NO_CASES', { from: input.from, to: input.to });
      const now = clock.now();
      const batchId = newId(now.getTime());
      const sample = sampleIds(batchId, candidates, sampleSize(candidates.length, input.percent));
      const dueDate = input.dueDate ?? cityDay(new Date(now.getTime() + DEFAULT_DUE_DAYS * DAY_MS));
      await db.transaction((tx) =>
        links.insertRevisits(
          tx,
          sample.map((caseId) => ({
            cityId,
            id: newId(now.getTime()),
            batchId,
            caseId,
            status: 'pending' as const,
            dueDate,
            createdByName: ctx.actor.displayName,
            createdAt: now,
          })),
        ),
      );
      const { items } = await present([eq(revisits.batchId, batchId)], 0, sample.length);
      return { batchId, candidates: candidates.length, sampled: sample.length, items };
    },

    /** Revisits of the cases the actor sees, by batch and status. */
    async listRevisits(ctx: Ctx, q: RevisitListQuery): Promise<Page<Revisit>> {
      requireRole(ctx.actor, REVISIT_READ);
      const where = scoped(ctx);
      if (q.batchId) where.push(eq(revisits.batchId, q.batchId));
      if (q.status) where.push(eq(revisits.status, q.status));
      const { items, total } = await present(where, offsetOf(q), q.pageSize);
      return pageResult(items, total, q);
    },

    /** The batches, newest first, counted over the cases the actor sees. */
    async listBatches(ctx: Ctx): Promise<RevisitBatch[]> {
      requireRole(ctx.actor, REVISIT_READ);
      const rows = await links.batches(scoped(ctx), MAX_BATCHES);
      return rows.map((b) => ({
        ...b,
        createdAt: b.createdAt.toISOString(),
        closedFrom: b.closedFrom?.toISOString() ?? null,
        closedTo: b.closedTo?.toISOString() ?? null,
      }));
    },

    /**
     * The result of going back: ok → noted on the closed case (with the photos); not ok → a new case
     * through the normal intake, flagged 反弹 of the original, and the revisit points at it.
     */
    async recordResult(ctx: Ctx, id: string, input: RevisitResultInput): Promise<Revisit> {
      requireRole(ctx.actor, REVISIT_ACT);
      const v = await links.revisit(db, id);
      if (!v) throw new AppError('REVISIT_NOT_FOUND');
      const c = await deps.cases.load(ctx, v.caseId);
      if (v.status !== 'pending') throw new AppError('REVISIT_ALREADY_DONE', { status: v.status });
      if (!input.ok) {
        await relapsed(ctx, v, c, input);
        return one(ctx, id);
      }
      const actor: ActingParty = ctx.actor;
      const now = clock.now();
      await db.transaction(async (tx) => {
        await ownPhotos(tx, ctx, c.cityId, input.photoIds);
        const r = await links.revisit(tx, id);
        const original = await repo.byId(tx, c.id);
        if (!r || !original) throw new AppError('CASE_CHANGED');
        const done = await links.finishRevisit(tx, r, {
          status: 'ok',
          note: input.note ?? null,
          relapseCaseId: null,
          by: actor.displayName,
          at: now,
        });
        if (!done) throw new AppError('REVISIT_ALREADY_DONE');
        await deps.photos.attach(tx, c.cityId, input.photoIds, c.id);
        await appendNote(
          tx,
          repo,
          original,
          actor,
          input.note ? `回头看：未反弹。${input.note}` : '回头看：未反弹',
          { revisit: r.id, result: 'ok' },
          now,
          input.photoIds,
        );
      });
      return one(ctx, id);
    },
  };
}

export type RevisitsService = ReturnType<typeof createRevisitsService>;
