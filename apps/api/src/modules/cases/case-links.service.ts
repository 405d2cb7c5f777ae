import type {
  CaseChild,
  Duplicates,
  MergeCase,
  MergeResult,
  SplitCase,
  SplitResult,
} from '@chuangcheng/contracts';
import { bboxAroundM, decide, distanceM, pointOf } from '@chuangcheng/domain';
import type { Config } from '../../config/config';
import type { Db } from '../../db/client';
import { requireRole } from '../../platform/access';
import type { ActingParty, Ctx } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import type { InAppMessage, NotifyService } from '../notify/index';
import { childReporters, createCaseLinksRepository, nearbyCases } from './case-links.repository';
import { appendNote, CASE_MERGE, type CasesPort, patchCase } from './case-notes';
import { applyAction, factsOf } from './case-transition';
import type { CatalogPort } from './cases.deps';
import { CASE_READ, canSee, scopeOf } from './cases.policy';
import type { CaseRow, EventRow } from './cases.repository';
import { caseFilters } from './cases.repository';
import { createHotspotsService } from './hotspots.service';
import type { PhotosService } from './photos.service';
import { createRevisitsService } from './revisits.service';

const DAY_MS = 86_400_000;
const MAX_SUGGESTIONS = 10;

// ---- 反弹 (relapse) ----------------------------------------------------------------------------

export interface RelapseRule {
  radiusM: number;
  days: number;
}
export const RELAPSE_DEFAULTS: RelapseRule = { radiusM: 50, days: 30 };
/**
 * The process's rule (RELAPSE_RADIUS_M, RELAPSE_DAYS), set when the service is built from the config,
 * so every intake path (console, citizen portal, Open311) calls the check with plain arguments.
 */
let relapseRule: RelapseRule = RELAPSE_DEFAULTS;

interface RelapseOptions {
  /** The category kind (部件 / 事件): their code lists overlap. Omitted: either kind. */
  kind?: string;
  /** The new case itself, if already inserted. */
  excludeId?: string;
  rule?: RelapseRule;
}

async function nearestClosed(
  tx: Db,
  cityId: string,
  categoryCode: string,
  lng: number,
  lat: number,
  now: Date,
  opts: RelapseOptions,
): Promise<{ id: string; number: string } | null> {
  const rule = opts.rule ?? relapseRule;
  const rows = await nearbyCases(tx, {
    cityId,
    kind: opts.kind,
    code: categoryCode,
    box: bboxAroundM(lng, lat, rule.radiusM),
    status: 'closed',
    since: new Date(now.getTime() - rule.days * DAY_MS),
    excludeId: opts.excludeId,
  });
  let best: { id: string; number: string; m: number } | null = null;
  for (const r of rows) {
    const at = pointOf(r);
    if (!at) continue;
    const m = distanceM({ lng, lat }, at);
    if (m <= rule.radiusM && (!best || m < best.m)) best = { id: r.id, number: r.number, m };
  }
  return best && { id: best.id, number: best.number };
}

/**
 * 反弹: the nearest case of the same category code closed within RELAPSE_DAYS and RELAPSE_RADIUS_M
 * of the point, or null. Pure arguments so any intake path can call it inside its transaction.
 */
export async function findRelapseOf(
  tx: Db,
  cityId: string,
  categoryCode: string,
  lng: number,
  lat: number,
  now: Date,
  opts: RelapseOptions = {},
): Promise<string | null> {
  return (await nearestClosed(tx, cityId, categoryCode, lng, lat, now, opts))?.id ?? null;
}

/**
 * 反弹 at intake, before the new case is inserted (so its version and log start as usual): links it to
 * the nearest case of the same category closed recently at the same place, and says so in its first
 * event ("反弹：与已结案件 X 同一位置同类问题", payload.relapseOf). Returns the linked case id or null.
 */
export async function markRelapse(
  tx: Db,
  built: {
    row: Pick<
      CaseRow,
      'id' | 'cityId' | 'categoryKind' | 'categoryCode' | 'lng' | 'lat' | 'createdAt' | 'relapseOfCaseId'
    >;
    event: Pick<EventRow, 'note' | 'payload'>;
  },
): Promise<string | null> {
  const { row, event } = built;
  // A case awaiting placing (no point yet) has no "same place" to compare.
  if (row.lng === null || row.lat === null) return null;
  const found = await nearestClosed(tx, row.cityId, row.categoryCode, row.lng, row.lat, row.createdAt, {
    kind: row.categoryKind,
    excludeId: row.id,
  });
  if (!found) return null;
  row.relapseOfCaseId = found.id;
  event.note = [event.note, `反弹：与已结案件 ${found.number} 同一位置同类问题`].filter(Boolean).join('；');
  event.payload = { ...event.payload, relapseOf: found.id };
  return found.id;
}

// ---- merged children when the parent closes --------------------------------------------------

/**
 * The parent closed (verify_pass / confirm_self_handled): every reporter with an account of a merged
 * child hears that their report was handled with it. Citizens without one see it on their tracking page.
 */
export async function notifyMergedReporters(
  tx: Db,
  deps: { notify: NotifyService },
  parent: CaseRow,
  msg: InAppMessage,
): Promise<void> {
  for (const c of await childReporters(tx, parent.cityId, parent.id)) {
    if (!c.userId || c.userId === parent.reporterUserId) continue;
    await deps.notify.toUsers(tx, parent.cityId, [c.userId], {
      kind: 'merged_closed',
      title: `${c.number} 已随案件 ${parent.number} 办结`,
      body: msg.body,
      caseId: c.id,
    });
  }
}

// ---- the service -------------------------------------------------------------------------------

export interface CaseLinksDeps {
  db: Db;
  clock: Clock;
  cases: CasesPort;
  catalog: CatalogPort;
  photos: PhotosService;
  rules: Config['caseLinks'];
}

const ref = (r: CaseRow) => ({ id: r.id, number: r.number });

/** Duplicates and merging (并案 / 拆分), hotspots (热点问题) and 回头看 (revisits). */
export function createCaseLinksService(deps: CaseLinksDeps) {
  const { db, clock, rules } = deps;
  const repo = deps.cases.repo;
  const links = createCaseLinksRepository(db);
  relapseRule = { radiusM: rules.relapseRadiusM, days: rules.relapseDays };

  function cityOf(ctx: Ctx): string {
    if (!ctx.actor.cityId) throw new AppError('FORBIDDEN_SCOPE', { reason: '系统管理员不属于任何城市' });
    return ctx.actor.cityId;
  }

  /** The open case a merge goes into: the case asked for, or its parent if it is merged itself. */
  async function mergeTarget(ctx: Ctx, child: CaseRow, parentId: string): Promise<CaseRow> {
    let parent = await deps.cases.load(ctx, parentId);
    if (parent.parentCaseId) parent = await deps.cases.load(ctx, parent.parentCaseId);
    if (parent.id === child.id)
      throw new AppError('CASE_MERGE_SELF', fieldDetails('parentId', '不能将案件并入其自身'));
    if (parent.cityId !== child.cityId) throw new AppError('FORBIDDEN_SCOPE');
    if (parent.status === 'closed' || parent.status === 'voided') {
      throw new AppError('CASE_MERGE_PARENT_CLOSED', { parent: parent.number, status: parent.status });
    }
    return parent;
  }

  /** The merge preconditions on the child: the workflow's `void` must be open to it. */
  async function checkChild(tx: Db, ctx: Ctx, child: CaseRow): Promise<void> {
    const a = ctx.actor;
    const d = decide(factsOf(child), { userId: a.id ?? '', role: a.role, unitId: a.unitId }, 'void', {
      reason: 'merge',
    });
    if (!d.ok) {
      throw new AppError(
        d.violation === 'CASE_ACTION_NOT_ALLOWED_IN_STATE' ? 'CASE_MERGE_NOT_ALLOWED' : d.violation,
        {
          status: child.status,
        },
      );
    }
    if (await links.hasChildren(tx, child.cityId, child.id)) {
      throw new AppError('CASE_MERGE_IS_PARENT', { case: child.number });
    }
  }

  async function reRegister(ctx: Ctx, child: CaseRow) {
    if (!child.categoryId) throw new AppError('CATEGORY_NOT_FOUND');
    // The office reads the full phone (REPORTER_PHONE_FULL); the row holds it sealed.
    const detail = await deps.cases.getCase(ctx, child.id);
    return deps.cases.createCase(ctx, {
      source: detail.source,
      priority: detail.priority,
      ...(child.mediaRef ? { mediaRef: child.mediaRef } : {}),
      categoryId: child.categoryId,
      ...(child.conditionId ? { conditionId: child.conditionId } : {}),
      description: child.description,
      ...(child.address ? { address: child.address } : {}),
      lng: child.lng,
      lat: child.lat,
      owner: detail.owner,
      ...(child.reporterName ? { reporterName: child.reporterName } : {}),
      ...(detail.reporterPhone ? { reporterPhone: detail.reporterPhone } : {}),
      photoIds: [],
      selfHandled: false,
      afterPhotoIds: [],
      fileNow: false,
      // A retry after a failed link step answers the same new case.
      idempotencyKey: `split-${child.id}-${child.version}`,
    });
  }

  return {
    revisits: createRevisitsService({ db, clock, cases: deps.cases, photos: deps.photos }),
    ...createHotspotsService({ db, clock, repo }),

    /** Open cases of the same category near a point, reported in the last hours: likely duplicates. */
    async duplicates(
      ctx: Ctx,
      q: {
        categoryId?: string | undefined;
        categoryCode?: string | undefined;
        categoryKind?: string | undefined;
        lng: number;
        lat: number;
        excludeId?: string | undefined;
      },
    ): Promise<Duplicates> {
      requireRole(ctx.actor, CASE_READ);
      const cityId = cityOf(ctx);
      let kind = q.categoryKind;
      let code = q.categoryCode ?? '';
      if (q.categoryId) {
        const cat = await deps.catalog.resolveCategory(cityId, q.categoryId);
        kind = cat.kind;
        code = cat.code;
      }
      const now = clock.now();
      const radiusM = rules.duplicateRadiusM;
      const rows = await links.nearby(db, {
        cityId,
        kind,
        code,
        box: bboxAroundM(q.lng, q.lat, radiusM),
        status: 'open',
        since: new Date(now.getTime() - rules.duplicateHours * 3_600_000),
        excludeId: q.excludeId,
        scope: caseFilters(scopeOf(ctx.actor), {}),
      });
      const items = rows
        .flatMap((r) => {
          const at = pointOf(r);
          return at ? [{ r, m: distanceM({ lng: q.lng, lat: q.lat }, at) }] : [];
        })
        .filter((x) => x.m <= radiusM)
        .sort((a, b) => a.m - b.m)
        .slice(0, MAX_SUGGESTIONS)
        .map(({ r, m }) => ({
          id: r.id,
          number: r.number,
          status: r.status as Duplicates['items'][number]['status'],
          categoryName: r.categoryName,
          description: r.description,
          address: r.address,
          distanceM: Math.round(m),
          createdAt: r.createdAt.toISOString(),
        }));
      return { radiusM, hours: rules.duplicateHours, items };
    },

    /**
     * 并案: the child (a duplicate) is voided through the workflow and linked to its parent; both logs
     * say so ({merge: parentId}). Only a case the workflow may still void (待立案 / 待派遣) can be merged.
     */
    async mergeCase(ctx: Ctx, childId: string, input: MergeCase): Promise<MergeResult> {
      requireRole(ctx.actor, CASE_MERGE);
      if (childId === input.parentId) {
        throw new AppError('CASE_MERGE_SELF', fieldDetails('parentId', '不能将案件并入其自身'));
      }
      const loaded = await deps.cases.load(ctx, childId);
      const parent = await mergeTarget(ctx, loaded, input.parentId);
      const actor: ActingParty = ctx.actor;
      const now = clock.now();
      const cal = await deps.cases.calendars.get(loaded.cityId);
      await db.transaction(async (tx) => {
        const child = await repo.byId(tx, childId);
        const target = await repo.byId(tx, parent.id);
        if (!child || !target || child.version !== loaded.version || target.parentCaseId) {
          throw new AppError('CASE_CHANGED');
        }
        if (target.status === 'closed' || target.status === 'voided') {
          throw new AppError('CASE_MERGE_PARENT_CLOSED', { parent: target.number, status: target.status });
        }
        await checkChild(tx, ctx, child);
        const extra = input.note ? `（${input.note}）` : '';
        const voided = await applyAction(
          tx,
          repo,
          cal,
          child,
          actor,
          'void',
          {
            action: 'void',
            reason: `重复案件，并入案件 ${target.number}${extra}`,
            afterPhotoIds: [],
            photoIds: [],
          },
          now,
        );
        const linked = await patchCase(tx, repo, voided.row, { parentCaseId: target.id }, now);
        await appendNote(
          tx,
          repo,
          linked,
          actor,
          `已并入案件 ${target.number}${extra}`,
          { merge: target.id },
          now,
        );
        await appendNote(
          tx,
          repo,
          target,
          actor,
          `案件 ${child.number} 作为重复案件并入本案${extra}`,
          { merge: target.id, childId: child.id },
          now,
        );
      });
      return { child: ref(loaded), parent: ref(parent) };
    },

    /**
     * 拆分: the office finds a merged case was not a duplicate after all. The merge voided it, and
     * voided is final in the workflow (no voided → reported: the KPIs count the void from the log), so
     * its problem is registered again as a new case through the normal intake (located, routed, clock
     * started) with the child's category, place, description, reporter and photos (the rows are copied,
     * the stored files shared); the citizen's tracking code moves to the new case. The child keeps its
     * history, loses its parent link, and all three logs say what happened ({split}).
     */
    async splitCase(ctx: Ctx, childId: string, input: SplitCase): Promise<SplitResult> {
      requireRole(ctx.actor, CASE_MERGE);
      const loaded = await deps.cases.load(ctx, childId);
      if (!loaded.parentCaseId) throw new AppError('CASE_NOT_MERGED', { case: loaded.number });
      const parentId = loaded.parentCaseId;
      const reRegistered = loaded.status === 'voided';
      const created = reRegistered ? await reRegister(ctx, loaded) : null;
      const actor: ActingParty = ctx.actor;
      const now = clock.now();
      const extra = input.note ? `（${input.note}）` : '';
      return db.transaction(async (tx) => {
        const child = await repo.byId(tx, childId);
        const parent = await repo.byId(tx, parentId);
        if (!child || !parent || child.version !== loaded.version) throw new AppError('CASE_CHANGED');
        // The tracking code moves to the new case (unique: cleared here first).
        const unlinked = await patchCase(
          tx,
          repo,
          child,
          created ? { parentCaseId: null, trackingCode: null } : { parentCaseId: null },
          now,
        );
        if (!created) {
          await appendNote(
            tx,
            repo,
            unlinked,
            actor,
            `已从案件 ${parent.number} 拆分${extra}`,
            { split: parentId },
            now,
          );
          await appendNote(
            tx,
            repo,
            parent,
            actor,
            `案件 ${child.number} 已拆分${extra}`,
            { split: parentId, childId },
            now,
          );
          return { case: ref(child), reRegistered: false };
        }
        await appendNote(
          tx,
          repo,
          unlinked,
          actor,
          `已从案件 ${parent.number} 拆分，重新登记为案件 ${created.number}${extra}`,
          { split: parentId, caseId: created.id },
          now,
        );
        await appendNote(
          tx,
          repo,
          parent,
          actor,
          `案件 ${child.number} 已拆分，重新登记为案件 ${created.number}${extra}`,
          { split: parentId, childId, caseId: created.id },
          now,
        );
        const fresh = await repo.byId(tx, created.id);
        if (!fresh) throw new AppError('CASE_CHANGED');
        await links.copyPhotos(tx, child.cityId, child.id, fresh.id, now);
        const carried = await patchCase(
          tx,
          repo,
          fresh,
          { trackingCode: child.trackingCode, reporterUserId: child.reporterUserId },
          now,
        );
        await appendNote(
          tx,
          repo,
          carried,
          actor,
          `由案件 ${child.number} 拆分重新登记（原并入案件 ${parent.number}）${extra}`,
          { splitFrom: child.id, parent: parentId },
          now,
        );
        return { case: { id: created.id, number: created.number }, reRegistered: true };
      });
    },

    /** The cases merged into this one (those the actor may see). */
    async children(ctx: Ctx, id: string): Promise<CaseChild[]> {
      const parent = await deps.cases.load(ctx, id);
      const rows = await links.children(db, parent.cityId, parent.id);
      return rows
        .filter((r) => canSee(ctx.actor, r))
        .map((r) => ({
          id: r.id,
          number: r.number,
          status: r.status as CaseChild['status'],
          source: r.source,
          categoryName: r.categoryName,
          description: r.description,
          address: r.address,
          reporterName: r.reporterName,
          createdAt: r.createdAt.toISOString(),
        }));
    },
  };
}

export type CaseLinksService = ReturnType<typeof createCaseLinksService>;
