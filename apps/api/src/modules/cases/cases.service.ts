import {
  CASE_ACTION_LABELS,
  type CaseDetail,
  type CaseListQuery,
  type CaseSummary,
  type IssueSupervision,
  type Page,
  type TransitionRequest,
} from '@chuangcheng/contracts';
import { allowedActions, type CaseAction, pointOf } from '@chuangcheng/domain';
import { requireRole } from '../../platform/access';
import type { Actor, Ctx } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import { offsetOf, pageResult } from '../../platform/pagination';
import { createCalendarCache } from './case-calendars';
import { claimDispatch, claimNotifications } from './case-claims';
import { afterAction, announceSupervisionOrder } from './case-effects';
import { buildNewCase, type IntakeInput } from './case-intake';
import { markRelapse } from './case-links.service';
import { createPublicCases } from './case-public';
import {
  DEFAULT_SUPERVISION_RULES,
  issueSupervisionOrder,
  maySupervise,
  officeOf,
  ordersOfCase,
} from './case-supervision';
import { type ApplyInput, applyAction, factsOf } from './case-transition';
import type { CasesDeps } from './cases.deps';
import { CASE_ACT, CASE_CREATE, CASE_READ, canSee, scopeOf } from './cases.policy';
import { nameIds, presentDetail, presentEvent, presentSummary } from './cases.presenter';
import { type CaseRow, caseFilters, createCasesRepository, queueFilter } from './cases.repository';
import { presentPhoto } from './photos.service';
import { flaggedAfterPhotos, passNeedsReason, requireReasonForFlaggedPass } from './verdict-photos';

const MAP_LIMIT = 20_000;
const QUEUES = [
  'to_file',
  'to_dispatch',
  'requests',
  'to_accept',
  'to_dispose',
  'overdue',
  'to_verify',
  'claims',
  'claimable',
] as const;

export function createCasesService(deps: CasesDeps) {
  const { db, clock } = deps;
  const repo = createCasesRepository(db);
  const calendars = createCalendarCache(deps.catalog);
  const effects = { repo, notify: deps.notify, publicUrl: deps.publicUrl };

  function cityOf(actor: Actor): string {
    if (!actor.cityId) throw new AppError('FORBIDDEN_SCOPE', { reason: '系统管理员不属于任何城市' });
    return actor.cityId;
  }

  async function load(ctx: Ctx, id: string): Promise<CaseRow> {
    requireRole(ctx.actor, CASE_READ);
    const row = await repo.byId(db, id);
    if (!row) throw new AppError('CASE_NOT_FOUND');
    if (!(await visible(ctx.actor, row))) throw new AppError('FORBIDDEN_SCOPE');
    return row;
  }

  /** The actor's unit supervises the case's trade in its region (行业主管). */
  function oversees(tx: typeof db, actor: Actor, row: CaseRow): Promise<boolean> {
    return actor.role === 'unit' ? repo.oversees(tx, actor.unitId, row) : Promise.resolve(false);
  }

  /** The scope rule for one case: the actor's region and unit, or the trades its unit supervises. */
  async function visible(actor: Actor, row: CaseRow, tx: typeof db = db): Promise<boolean> {
    if (canSee(actor, row)) return true;
    return (
      actor.role === 'unit' && canSee({ ...actor, role: 'office' }, row) && (await oversees(tx, actor, row))
    );
  }

  async function names(rows: CaseRow[], extraUnits: string[] = []) {
    const ids = rows.map(nameIds);
    return repo.names(
      [...new Set(ids.flatMap((x) => x.regionIds))],
      [...new Set([...ids.flatMap((x) => x.unitIds), ...extraUnits])],
      [...new Set(ids.flatMap((x) => x.blockIds))],
    );
  }

  /** Photo ids the actor uploaded in this city and that are not attached to another case. */
  async function ownPhotos(
    tx: typeof db,
    actor: Actor,
    ids: readonly string[],
    caseId: string | null,
    field: string,
  ) {
    const rows = await deps.photos.byIds(tx, cityOf(actor), ids);
    const ok = rows.filter((p) => p.uploadedBy === actor.id && (p.caseId === null || p.caseId === caseId));
    if (ok.length !== new Set(ids).size) {
      throw new AppError('PHOTO_NOT_FOUND', fieldDetails(field, '照片不存在、不是您上传的或已用于其他案卷'));
    }
    return ok;
  }

  async function detail(ctx: Ctx, row: CaseRow): Promise<CaseDetail> {
    const [events, photos, orders, cal, supervising] = await Promise.all([
      repo.events(db, row.cityId, row.id),
      deps.photos.ofCase(row.cityId, row.id),
      ordersOfCase(db, row.cityId, row.id),
      calendars.get(row.cityId),
      oversees(db, ctx.actor, row),
    ]);
    const n = await names(
      [row],
      events.map((e) => e.unitId).filter((x): x is string => !!x),
    );
    const actor = ctx.actor;
    const flagged = flaggedAfterPhotos(events, photos);
    const allowed = CASE_ACT.includes(actor.role)
      ? allowedActions(factsOf(row), {
          userId: actor.id ?? '',
          role: actor.role,
          unitId: actor.unitId,
          oversees: supervising,
          supervises: maySupervise(actor, row, supervising),
        })
      : [];
    const now = clock.now();
    const elapsed =
      row.stageStartedAt && row.stageDeadline && row.disposeUnit !== undefined
        ? cal.elapsedFraction(
            row.stageStartedAt,
            row.stageDeadline,
            now,
            (row.stage === 'dispose' && row.disposeUnit ? row.disposeUnit : 'work_hours') as never,
          )
        : null;
    return presentDetail(actor, { ...row, reporterPhone: deps.secrets.open(row.reporterPhone) }, n, {
      photos: photos.map(presentPhoto),
      events: events.map((e) => presentEvent(e, n)),
      allowedActions: allowed.map((a) => ({
        action: a.action,
        label: CASE_ACTION_LABELS[a.action].zh,
        // Passing over flagged after-photos takes a reason (see verdict-photos.ts).
        needs: passNeedsReason(a.action, flagged) ? { ...a.needs, reason: true } : a.needs,
      })),
      supervisionOrders: orders.map((o) => ({
        id: o.id,
        number: o.number,
        level: o.level,
        issuedAt: o.issuedAt.toISOString(),
        state: o.state,
        deadline: o.deadline?.toISOString() ?? null,
      })),
      elapsedFraction:
        elapsed === null || !Number.isFinite(elapsed) ? null : Math.round(elapsed * 1000) / 1000,
    });
  }

  async function run(tx: typeof db, row: CaseRow, actor: Actor, action: CaseAction, input: ApplyInput) {
    const now = clock.now();
    const cal = await calendars.get(row.cityId);
    const applied = await applyAction(tx, repo, cal, row, actor, action, input, now);
    await deps.photos.attach(tx, row.cityId, [...input.afterPhotoIds, ...input.photoIds], row.id);
    if (input.afterPhotoIds.length > 0) {
      const dispatch = (await repo.events(tx, row.cityId, row.id)).findLast((e) => e.type === 'dispatch');
      await deps.photos.flagAfterPhotos(tx, row, input.afterPhotoIds, dispatch?.at ?? null);
    }
    await afterAction(tx, effects, applied, actor, action, input, now);
    await claimNotifications(tx, effects, row, applied.row, action);
    // An approved claim is a dispatch to the claiming unit, through the same workflow.
    const dispatch = action === 'approve_claim' ? claimDispatch(row, input) : null;
    if (dispatch) return run(tx, applied.row, actor, 'dispatch', dispatch);
    return applied.row;
  }

  return {
    repo,
    calendars,
    /** Reports from the public side (citizen portal, Open311). */
    public: createPublicCases(deps, repo, calendars, effects),
    /** The full detail as the actor may see it (phone opened, then masked by role). */
    detail,

    /** Registers a case: locate, route, snapshot the category, start the clock, write the first event. */
    async createCase(ctx: Ctx, input: IntakeInput): Promise<CaseDetail> {
      requireRole(ctx.actor, CASE_CREATE);
      const actor = ctx.actor;
      const cityId = cityOf(actor);
      if (input.idempotencyKey && actor.id) {
        const again = await repo.byIdempotencyKey(cityId, actor.id, input.idempotencyKey);
        if (again) return detail(ctx, again);
      }
      if (input.fileNow && actor.role !== 'office') {
        throw new AppError(
          'CASE_ACTION_FORBIDDEN_ROLE',
          fieldDetails('fileNow', '只有创建办可以登记后立即立案派遣'),
        );
      }
      if (input.selfHandled && !['grid_worker', 'inspector'].includes(actor.role)) {
        throw new AppError(
          'CASE_ACTION_FORBIDDEN_ROLE',
          fieldDetails('selfHandled', '只有网格员和督查员可以自处理'),
        );
      }
      const cal = await calendars.get(cityId);
      const built = await buildNewCase(deps, repo, cal, actor, cityId, input);
      // A case is registered only where its reporter may see it: inside their region subtree.
      if (!canSee(actor, built.row as CaseRow))
        throw new AppError('FORBIDDEN_SCOPE', fieldDetails('lng', '位置不在您的管辖范围内'));
      const row = await db.transaction(async (tx) => {
        await ownPhotos(tx, actor, input.photoIds, null, 'photoIds');
        await ownPhotos(tx, actor, input.afterPhotoIds, null, 'afterPhotoIds');
        await markRelapse(tx, built);
        const n = await repo.nextSeq(tx, cityId, `case:${built.day}`);
        let r = {
          ...built.row,
          number: `${built.day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`,
        } as CaseRow;
        await repo.insert(tx, r);
        await repo.insertEvent(tx, { ...built.event, caseId: r.id });
        await deps.photos.attach(tx, cityId, [...input.photoIds, ...input.afterPhotoIds], r.id);
        await deps.photos.flagBeforePhotos(tx, r, input.photoIds);
        await deps.photos.flagAfterPhotos(tx, r, input.afterPhotoIds, null);
        if (input.fileNow) {
          const none = { afterPhotoIds: [], photoIds: [] };
          r = await run(tx, r, actor, 'file', { ...none, action: 'file', note: '登记并立案' });
          r = await run(tx, r, actor, 'dispatch', { ...none, action: 'dispatch', note: '按派遣规则派遣' });
        } else if (input.selfHandled) {
          await deps.notify.toUsers(tx, cityId, await repo.userIds(tx, r, { roles: ['office'] }), {
            kind: 'self_handled',
            title: `${r.number} 自处理待确认`,
            body: `${r.categoryName}：${r.description.slice(0, 60)}`,
            caseId: r.id,
          });
        }
        return r;
      });
      return detail(ctx, row);
    },

    async getCase(ctx: Ctx, id: string): Promise<CaseDetail> {
      return detail(ctx, await load(ctx, id));
    },

    async listCases(ctx: Ctx, q: CaseListQuery): Promise<Page<CaseSummary>> {
      requireRole(ctx.actor, CASE_READ);
      const where = caseFilters(scopeOf(ctx.actor), q);
      if (q.queue) where.push(queueFilter(q.queue, clock.now(), scopeOf(ctx.actor).unitId));
      const { rows, total } = await repo.list(where, q.sort, offsetOf(q), q.pageSize);
      const n = await names(rows);
      return pageResult(
        rows.map((r) => presentSummary(r, n)),
        total,
        q,
      );
    },

    /** Counts of the preset queues within the actor's scope (dispatch board, inbox, verification). */
    async queueCounts(ctx: Ctx): Promise<Record<(typeof QUEUES)[number], number>> {
      requireRole(ctx.actor, CASE_READ);
      const scope = scopeOf(ctx.actor);
      const base = caseFilters(scope, {});
      const now = clock.now();
      const counts = await Promise.all(
        QUEUES.map((k) => repo.count([...base, queueFilter(k, now, scope.unitId)])),
      );
      return Object.fromEntries(QUEUES.map((k, i) => [k, counts[i] ?? 0])) as Record<
        (typeof QUEUES)[number],
        number
      >;
    },

    async mapPoints(ctx: Ctx, q: Omit<CaseListQuery, 'page' | 'pageSize' | 'sort'>) {
      requireRole(ctx.actor, CASE_READ);
      const where = caseFilters(scopeOf(ctx.actor), q);
      if (q.queue) where.push(queueFilter(q.queue, clock.now(), scopeOf(ctx.actor).unitId));
      const points = await repo.mapPoints(where, MAP_LIMIT + 1);
      return {
        points: points.slice(0, MAP_LIMIT).flatMap((p) => {
          const at = pointOf(p);
          if (!at) return [];
          return [
            {
              ...p,
              ...at,
              status: p.status as CaseSummary['status'],
              light: p.light as CaseSummary['light'],
            },
          ];
        }),
        truncated: points.length > MAP_LIMIT,
      };
    },

    /** One transition through the workflow table; a stale expectedVersion answers 409 CASE_CHANGED. */
    async transition(ctx: Ctx, id: string, req: TransitionRequest): Promise<CaseDetail> {
      requireRole(ctx.actor, CASE_ACT);
      const actor = ctx.actor;
      const seen = await load(ctx, id);
      // The city's calendar is read now: inside the transaction a query through `db` would wait forever
      // on PGlite's one connection.
      await calendars.get(seen.cityId);
      const row = await db.transaction(async (tx) => {
        const current = await repo.byId(tx, id);
        if (!current) throw new AppError('CASE_NOT_FOUND');
        if (req.expectedVersion !== undefined && req.expectedVersion !== current.version) {
          throw new AppError('CASE_CHANGED', { expected: req.expectedVersion, current: current.version });
        }
        for (const u of [req.unitId, ...(req.coUnitIds ?? [])]) {
          if (u && !(await repo.unitInCity(tx, current.cityId, u))) {
            throw new AppError('UNIT_NOT_FOUND', fieldDetails('unitId', '单位不存在或不属于本市'));
          }
        }
        const isAfter = req.action === 'submit_feedback';
        await requireReasonForFlaggedPass(
          tx,
          await repo.events(tx, current.cityId, current.id),
          (t, ids) => deps.photos.byIds(t, current.cityId, ids),
          req.action,
          req.reason,
        );
        const photos = await ownPhotos(tx, actor, req.photoIds, current.id, 'photoIds');
        const input: ApplyInput = {
          ...req,
          afterPhotoIds: isAfter ? photos.map((p) => p.id) : [],
          photoIds: isAfter ? [] : photos.map((p) => p.id),
          supervision: {
            supervises: maySupervise(actor, current, await oversees(tx, actor, current)),
            officeRegionId: officeOf(actor, current.cityId),
          },
        };
        return run(tx, current, actor, req.action, input);
      });
      return detail(ctx, row);
    },

    /**
     * Issues one 督办单 for open cases of one unit (the register's form): each case takes the 督办
     * action through the workflow, then one order with a line per case, all in one transaction.
     */
    async superviseCases(ctx: Ctx, req: IssueSupervision): Promise<{ id: string; number: string }> {
      requireRole(ctx.actor, CASE_ACT);
      const actor = ctx.actor;
      // Read before the transaction (PGlite's one connection; see transition).
      if (actor.cityId) await calendars.get(actor.cityId);
      return db.transaction(async (tx) => {
        const rows: CaseRow[] = [];
        for (const id of new Set(req.caseIds)) {
          const r = await repo.byId(tx, id);
          if (!r || !(await visible(actor, r, tx))) {
            throw new AppError('CASE_NOT_FOUND', fieldDetails('caseIds', '案卷不存在或不在您的管辖范围内'));
          }
          rows.push(r);
        }
        const lead = rows[0]!.leadUnitId;
        if (!lead || rows.some((r) => r.leadUnitId !== lead)) {
          throw new AppError('SUPERVISION_ONE_UNIT', {
            ...fieldDetails('caseIds', '所选案卷须为同一主办单位'),
            cases: rows.map((r) => r.number),
          });
        }
        const action = req.level === 2 ? 'supervise_listed' : 'supervise';
        const office = officeOf(actor, rows[0]!.cityId);
        const applied: CaseRow[] = [];
        for (const r of rows) {
          const input: ApplyInput = {
            action,
            note: req.requirements,
            deadline: req.deadline,
            afterPhotoIds: [],
            photoIds: [],
            supervision: {
              supervises: maySupervise(actor, r, await oversees(tx, actor, r)),
              officeRegionId: office,
              deferOrder: true,
            },
          };
          try {
            applied.push(await run(tx, r, actor, action, input));
          } catch (e) {
            if (e instanceof AppError) {
              throw new AppError(e.code, { ...(e.details as object), caseNumber: r.number });
            }
            throw e;
          }
        }
        const order = { level: req.level, deadline: new Date(req.deadline), automatic: false };
        const issued = await issueSupervisionOrder(tx, repo.nextSeq, applied, {
          ...order,
          requirements: req.requirements,
          by: { id: actor.id, name: actor.displayName },
          officeRegionId: office,
          at: clock.now(),
        });
        await announceSupervisionOrder(tx, effects, applied, { ...order, number: issued.number });
        return issued;
      });
    },

    /** The 限期 the issuing form proposes: the configured working days from now, city calendar. */
    async supervisionDefaults(ctx: Ctx): Promise<{ deadline: string; workdays: number }> {
      requireRole(ctx.actor, CASE_READ);
      const workdays = (deps.supervision ?? DEFAULT_SUPERVISION_RULES).deadlineWorkdays;
      const cal = await calendars.get(cityOf(ctx.actor));
      const deadline = cal.deadline(clock.now(), { value: workdays, unit: 'work_days' });
      return { deadline: deadline.toISOString(), workdays };
    },

    /** A photo's bytes, if the actor may see its case (or uploaded it and it is not attached yet). */
    async photoFile(ctx: Ctx, id: string, thumb: boolean) {
      requireRole(ctx.actor, CASE_READ);
      const p = await deps.photos.row(id);
      if (p.caseId) {
        const c = await repo.byId(db, p.caseId);
        if (!c || !(await visible(ctx.actor, c))) throw new AppError('PHOTO_NOT_FOUND');
      } else if (p.uploadedBy !== ctx.actor.id) {
        throw new AppError('PHOTO_NOT_FOUND');
      }
      const data = await deps.photos.read(thumb ? p.thumbKey : p.storageKey);
      return { data, contentType: thumb ? 'image/jpeg' : p.contentType };
    },

    load,
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
