import type {
  IssueSupervision,
  Page,
  SupervisionContent,
  SupervisionListQuery,
  SupervisionOrderDetail,
  SupervisionOrderSummary,
} from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import type { SupervisionOrderStep } from '../../db/schema/index';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { AuditService } from '../audit/index';
import type { CasesService, PhotosService } from '../cases/index';
import {
  isOrdersUnit,
  orderScope,
  SUPERVISION_ANSWER,
  SUPERVISION_CLOSE,
  SUPERVISION_ISSUE,
  SUPERVISION_READ,
} from './supervision.policy';
import { presentDetail, presentSummary } from './supervision.presenter';
import { createSupervisionRepository, type OrderRow, orderFilters } from './supervision.repository';

export interface SupervisionDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cases: CasesService;
  photos: PhotosService;
}

/** The 督办单 register: list, detail, issue for several cases, the unit's 签收 and reply, 办结. */
export function createSupervisionService(deps: SupervisionDeps) {
  const { db, clock } = deps;
  const repo = createSupervisionRepository(db);

  /** One order the actor may read, else 404 (another unit, district or city never learns it exists). */
  async function load(ctx: Ctx, id: string, tx: Db = db): Promise<OrderRow> {
    requireRole(ctx.actor, SUPERVISION_READ);
    const row = await repo.one(tx, orderScope(ctx.actor), id);
    if (!row) throw new AppError('SUPERVISION_ORDER_NOT_FOUND');
    return row;
  }

  async function detail(ctx: Ctx, row: OrderRow): Promise<SupervisionOrderDetail> {
    const [lines, names, from] = await Promise.all([
      repo.lines(row.cityId, [row.id]),
      repo.unitNames(row.unitId ? [row.unitId] : []),
      repo.escalatedFrom(row.cityId, row.id),
    ]);
    const a = ctx.actor;
    const allowed: SupervisionOrderDetail['allowed'] = [];
    if (isOrdersUnit(a, row) && row.state === 'issued') allowed.push('sign');
    if (isOrdersUnit(a, row) && row.state === 'signed') allowed.push('reply');
    if (SUPERVISION_CLOSE.includes(a.role) && row.state === 'replied') allowed.push('close');
    return presentDetail(row, lines, names, clock.now(), { escalatedFrom: from, allowed });
  }

  /** Moves an order from one state to the next, with its history step and audit row, in one transaction. */
  async function step(
    ctx: Ctx,
    id: string,
    o: {
      from: OrderRow['state'][];
      action: SupervisionOrderStep['action'];
      check?: (row: OrderRow) => void;
      patch: (row: OrderRow, now: Date) => Partial<OrderRow>;
      note?: string;
    },
  ): Promise<SupervisionOrderDetail> {
    const now = clock.now();
    const row = await db.transaction(async (tx) => {
      const current = await load(ctx, id, tx);
      o.check?.(current);
      if (!o.from.includes(current.state)) {
        throw new AppError('SUPERVISION_ORDER_STATE', { state: current.state, action: o.action });
      }
      const stepRow: SupervisionOrderStep = {
        at: now.toISOString(),
        action: o.action,
        byUserId: ctx.actor.id,
        byName: ctx.actor.displayName,
        ...(o.note ? { note: o.note } : {}),
      };
      const updated = await repo.update(
        tx,
        current,
        { ...o.patch(current, now), history: [...current.history, stepRow] },
        o.from,
      );
      if (!updated) throw new AppError('SUPERVISION_ORDER_STATE', { state: current.state, action: o.action });
      await deps.audit.record(tx, ctx, {
        cityId: current.cityId,
        action: `supervision.${o.action}`,
        entityType: 'supervision_order',
        entityId: current.id,
        before: { state: current.state },
        after: { state: updated.state, number: updated.number, note: o.note ?? null },
      });
      return updated;
    });
    return detail(ctx, row);
  }

  const onlyTheUnit = (ctx: Ctx) => (row: OrderRow) => {
    if (!isOrdersUnit(ctx.actor, row)) throw new AppError('SUPERVISION_ORDER_NOT_FOUND');
  };

  return {
    load,

    async list(ctx: Ctx, q: SupervisionListQuery): Promise<Page<SupervisionOrderSummary>> {
      requireRole(ctx.actor, SUPERVISION_READ);
      const now = clock.now();
      const where = [...orderScope(ctx.actor), ...orderFilters(q, now)];
      const { rows, total } = await repo.list(where, offsetOf(q), q.pageSize);
      const cityId = rows[0]?.cityId;
      const [lines, names] = await Promise.all([
        cityId
          ? repo.lines(
              cityId,
              rows.map((r) => r.id),
            )
          : [],
        repo.unitNames([...new Set(rows.map((r) => r.unitId).filter((x): x is string => !!x))]),
      ]);
      return pageResult(
        rows.map((r) =>
          presentSummary(
            r,
            lines.filter((l) => l.orderId === r.id),
            names,
            now,
          ),
        ),
        total,
        q,
      );
    },

    async get(ctx: Ctx, id: string): Promise<SupervisionOrderDetail> {
      return detail(ctx, await load(ctx, id));
    },

    /** Issues one 督办单 for cases of one unit (each case through the workflow's 督办). */
    async issue(ctx: Ctx, body: IssueSupervision): Promise<SupervisionOrderDetail> {
      requireRole(ctx.actor, SUPERVISION_ISSUE);
      const { id } = await deps.cases.superviseCases(ctx, body);
      return detail(ctx, await load(ctx, id));
    },

    defaults: (ctx: Ctx) => deps.cases.supervisionDefaults(ctx),

    /** 签收: the order's unit acknowledges it. */
    sign(ctx: Ctx, id: string): Promise<SupervisionOrderDetail> {
      requireRole(ctx.actor, SUPERVISION_ANSWER);
      return step(ctx, id, {
        from: ['issued'],
        action: 'sign',
        check: onlyTheUnit(ctx),
        patch: (_row, now) => ({ state: 'signed', signedAt: now, signedByName: ctx.actor.displayName }),
      });
    },

    /** 回复: the unit's written answer, with photos it uploaded (not used elsewhere). */
    async reply(ctx: Ctx, id: string, body: { text: string; photoIds: string[] }) {
      requireRole(ctx.actor, SUPERVISION_ANSWER);
      const cityId = ctx.actor.cityId ?? '';
      const ids = [...new Set(body.photoIds)];
      const photos = await deps.photos.byIds(db, cityId, ids);
      if (photos.length !== ids.length || photos.some((p) => p.uploadedBy !== ctx.actor.id || p.caseId)) {
        throw new AppError(
          'PHOTO_NOT_FOUND',
          fieldDetails('photoIds', '照片不存在、不是您上传的或已用于案卷'),
        );
      }
      return step(ctx, id, {
        from: ['signed'],
        action: 'reply',
        check: onlyTheUnit(ctx),
        note: body.text,
        patch: (_row, now) => ({
          state: 'replied',
          repliedAt: now,
          replyText: body.text,
          replyPhotoIds: ids,
        }),
      });
    },

    /** 办结: the office closes the order after the unit's reply. */
    close(ctx: Ctx, id: string, body: { note?: string | undefined }) {
      requireRole(ctx.actor, SUPERVISION_CLOSE);
      return step(ctx, id, {
        from: ['replied'],
        action: 'close',
        ...(body.note ? { note: body.note } : {}),
        patch: (_row, now) => ({ state: 'closed', closedAt: now }),
      });
    },

    /** A photo of the order (a line's frozen photo, or the reply's), if the actor may read the order. */
    async photo(ctx: Ctx, id: string, photoId: string, thumb: boolean) {
      const row = await load(ctx, id);
      const content = row.content as Partial<SupervisionContent>;
      const frozen = (content.lines ?? []).flatMap((l) => l.photos.map((p) => p.fileId));
      if (![...frozen, ...row.replyPhotoIds].includes(photoId)) throw new AppError('PHOTO_NOT_FOUND');
      const p = await deps.photos.row(photoId);
      if (p.cityId !== row.cityId) throw new AppError('PHOTO_NOT_FOUND');
      const data = await deps.photos.read(thumb ? p.thumbKey : p.storageKey);
      return { data, contentType: thumb ? 'image/jpeg' : p.contentType };
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
