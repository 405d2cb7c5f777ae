import type {
  CreateExposure,
  Exposure,
  ExposureListQuery,
  Page,
  PublicExposure,
} from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldDetails, isUniqueViolation } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { AuditService } from '../audit/index';
import type { CasesService, PhotosService } from '../cases/index';
import type { OrgService } from '../org/index';
import { cityOf, EXPOSURE_ROLES, NOT_EXPOSABLE, publicCityId, regionOf } from './exposure.policy';
import { presentExposure, presentPublicExposure } from './exposure.presenter';
import type { ExposureRepository, ExposureRow } from './exposure.repository';

export interface ExposureDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cases: CasesService;
  photos: PhotosService;
  org: OrgService;
}

/** 曝光台: the office publishes a case of its scope with a title and a comment, and may withdraw it. */
export function createExposuresService(deps: ExposureDeps, repo: ExposureRepository) {
  const { db, clock } = deps;

  /** The case exists and lies in the actor's city and scope (the cases module decides scope). */
  async function caseInScope(ctx: Ctx, caseId: string) {
    try {
      await deps.cases.getCase(ctx, caseId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'CASE_NOT_FOUND')
        throw new AppError('CASE_NOT_FOUND', fieldDetails('caseId', '案件不存在'));
      throw e;
    }
    const row = await deps.cases.repo.byId(db, caseId);
    if (!row) throw new AppError('CASE_NOT_FOUND', fieldDetails('caseId', '案件不存在'));
    return row;
  }

  async function view(cityId: string, id: string): Promise<Exposure> {
    const v = await repo.view(cityId, id);
    if (!v) throw new AppError('EXPOSURE_NOT_FOUND');
    return presentExposure(v);
  }

  return {
    /** Publishes a case on the board (again, if it was withdrawn). */
    async publish(ctx: Ctx, input: CreateExposure): Promise<Exposure> {
      requireRole(ctx.actor, EXPOSURE_ROLES);
      const cityId = cityOf(ctx.actor);
      const c = await caseInScope(ctx, input.caseId);
      if (c.cityId !== cityId) throw new AppError('FORBIDDEN_SCOPE');
      if (NOT_EXPOSABLE.has(c.status))
        throw new AppError('EXPOSURE_CASE_NOT_ELIGIBLE', { status: c.status, caseId: c.id });
      const now = clock.now();
      const text = { title: input.title, comment: input.comment || null };
      let id = '';
      try {
        await db.transaction(async (tx) => {
          const existing = await repo.byCase(tx, cityId, c.id);
          if (existing && !existing.withdrawnAt) throw new AppError('EXPOSURE_EXISTS', { id: existing.id });
          const published = {
            ...text,
            publishedByName: ctx.actor.displayName,
            publishedAt: now,
            withdrawnAt: null,
          };
          let after: ExposureRow;
          if (existing) {
            after = { ...existing, ...published };
            await repo.update(tx, existing, published);
          } else {
            after = { cityId, id: newId(now.getTime()), caseId: c.id, ...published };
            await repo.insert(tx, after);
          }
          id = after.id;
          await deps.audit.record(tx, ctx, {
            cityId,
            action: 'publish',
            entityType: 'exposure',
            entityId: id,
            before: existing ?? null,
            after,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('EXPOSURE_EXISTS');
        throw e;
      }
      return view(cityId, id);
    },

    /** Takes an exposure off the public board (kept for the record). */
    async withdraw(ctx: Ctx, id: string): Promise<Exposure> {
      requireRole(ctx.actor, EXPOSURE_ROLES);
      const cityId = cityOf(ctx.actor);
      const e = await repo.byId(db, cityId, id);
      if (!e) throw new AppError('EXPOSURE_NOT_FOUND');
      await caseInScope(ctx, e.caseId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const current = await repo.byId(tx, cityId, id);
        if (!current) throw new AppError('EXPOSURE_NOT_FOUND');
        if (current.withdrawnAt) throw new AppError('EXPOSURE_WITHDRAWN');
        await repo.update(tx, current, { withdrawnAt: now });
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'withdraw',
          entityType: 'exposure',
          entityId: id,
          before: current,
          after: { ...current, withdrawnAt: now },
        });
      });
      return view(cityId, id);
    },

    async list(ctx: Ctx, q: ExposureListQuery): Promise<Page<Exposure>> {
      requireRole(ctx.actor, EXPOSURE_ROLES);
      const filter = {
        cityId: cityOf(ctx.actor),
        regionId: regionOf(ctx.actor),
        state: q.state,
        caseId: q.caseId,
      };
      const { rows, total } = await repo.list(filter, offsetOf(q), q.pageSize);
      return pageResult(rows.map(presentExposure), total, q);
    },

    /** The public board: published, not withdrawn, newest first. */
    async publicList(q: { page: number; pageSize: number }): Promise<Page<PublicExposure>> {
      const cityId = await publicCityId(deps.org);
      if (!cityId) return pageResult([], 0, q);
      const { rows, total } = await repo.list({ cityId, state: 'active' }, offsetOf(q), q.pageSize);
      const photos = await repo.publicPhotos(
        cityId,
        rows.map((r) => r.exposure.caseId),
      );
      return pageResult(
        rows.map((r) => presentPublicExposure(r, photos)),
        total,
        q,
      );
    },

    /** A photo of an exposed case, as its metadata-free public copy; nothing once withdrawn. */
    async publicPhoto(id: string, photoId: string) {
      const e = await repo.active(id);
      if (!e) throw new AppError('EXPOSURE_NOT_FOUND');
      const p = await deps.photos.row(photoId);
      if (p.cityId !== e.cityId || p.caseId !== e.caseId || (p.kind !== 'before' && p.kind !== 'after'))
        throw new AppError('PHOTO_NOT_FOUND');
      return deps.photos.publicFile(p.id);
    },
  };
}
