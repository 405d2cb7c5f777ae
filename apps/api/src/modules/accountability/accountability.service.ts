import {
  ACCOUNTABILITY_UNCLASSIFIED,
  type Accountability,
  type AccountabilityCounts,
  type AccountabilityFilter,
  type AccountabilityKind,
  type AccountabilityListQuery,
  type CreateAccountability,
  type CreateAccountabilityKind,
  type Page,
  type UpdateAccountabilityKind,
} from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import { requireRole } from '../../platform/access';
import type { Actor, Ctx } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { AuditService } from '../audit/index';
import {
  ACCOUNTABILITY_READ,
  ACCOUNTABILITY_WRITE,
  cityOf,
  KINDS_WRITE,
  regionPathOf,
  requireCityWide,
} from './accountability.policy';
import { nameIdsOf, presentAccountability, presentKind } from './accountability.presenter';
import { recordAccountability } from './accountability.record';
import {
  type AccountabilityRow,
  createAccountabilityRepository,
  type KindRow,
  type RegisterFilter,
  type RegisterScope,
} from './accountability.repository';

/** What the register needs of the cases module: "may this actor read this case?" (throws if not). */
export interface CaseReader {
  getCase(ctx: Ctx, id: string): Promise<unknown>;
}

export interface AccountabilityDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cases: CaseReader;
}

const NIL = '00000000-0000-0000-0000-000000000000';
/** An export holds at most this many entries (a city's register over years is far smaller). */
export const EXPORT_LIMIT = 20_000;

/** The register as the actor may read it: their city, region subtree, and a unit reader's own unit. */
export function scopeOf(actor: Actor): RegisterScope {
  return {
    cityId: cityOf(actor),
    regionPath: regionPathOf(actor),
    unitId: actor.role === 'unit' ? (actor.unitId ?? NIL) : null,
  };
}

/**
 * The 问责 register: the city's 情形/方式 lists, entries made in the register or by a case's 问责
 * action, their counts per unit (what rankings and bulletins read) and the Excel export.
 */
export function createAccountabilityService(deps: AccountabilityDeps) {
  const { db, clock } = deps;
  const repo = createAccountabilityRepository(db);

  async function kindsOf(cityId: string) {
    return db.transaction(async (tx) => {
      await repo.ensureKinds(tx, cityId, clock.now());
      return repo.kinds(tx, cityId);
    });
  }

  async function loadKind(tx: Db, ctx: Ctx, id: string): Promise<KindRow> {
    const k = await repo.kind(tx, cityOf(ctx.actor), id);
    if (!k) throw new AppError('ACCOUNTABILITY_KIND_NOT_FOUND');
    return k;
  }

  /** The query's filters, with its region resolved to a path of the actor's city. */
  async function filterOf(ctx: Ctx, f: AccountabilityFilter): Promise<RegisterFilter> {
    const { regionId, ...rest } = f;
    if (!regionId) return rest;
    const path = await repo.regionPath(cityOf(ctx.actor), regionId);
    if (!path) throw new AppError('REGION_NOT_FOUND', fieldDetails('regionId', '行政区划不存在或不属于本市'));
    return { ...rest, regionPath: path };
  }

  async function present(ctx: Ctx, rows: AccountabilityRow[]): Promise<Accountability[]> {
    if (rows.length === 0) return [];
    const n = await repo.names(rows[0]!.cityId, nameIdsOf(rows));
    return rows.map((r) => presentAccountability(ctx.actor, r, n));
  }

  async function counts(ctx: Ctx, f: RegisterFilter): Promise<AccountabilityCounts> {
    requireRole(ctx.actor, ACCOUNTABILITY_READ);
    const scope = scopeOf(ctx.actor);
    const [rows, kinds] = await Promise.all([repo.counts(scope, f), kindsOf(scope.cityId)]);
    const names = await repo.names(scope.cityId, {
      units: rows.map((r) => r.unitId),
      kinds: [],
      cases: [],
      orders: [],
    });
    const order = new Map(kinds.map((k, i) => [k.id, i]));
    const kindName = new Map(kinds.map((k) => [k.id, k.name]));
    const tally = (pick: (r: (typeof rows)[number]) => string | null, subset = rows) => {
      const m = new Map<string | null, number>();
      for (const r of subset) m.set(pick(r), (m.get(pick(r)) ?? 0) + r.n);
      return [...m]
        .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : (order.get(a) ?? 0) - (order.get(b) ?? 0)))
        .map(([id, count]) => ({
          id,
          name: id === null ? ACCOUNTABILITY_UNCLASSIFIED.zh : (kindName.get(id) ?? '—'),
          count,
        }));
    };
    const unitIds = [...new Set(rows.map((r) => r.unitId))];
    const units = unitIds
      .map((unitId) => {
        const mine = rows.filter((r) => r.unitId === unitId);
        return {
          unitId,
          unitName: names.units.get(unitId) ?? '—',
          count: mine.reduce((s, r) => s + r.n, 0),
          situations: tally((r) => r.situationId, mine),
          methods: tally((r) => r.methodId, mine),
        };
      })
      .sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName, 'zh'));
    return {
      from: f.from ?? null,
      to: f.to ?? null,
      total: rows.reduce((s, r) => s + r.n, 0),
      units,
      situations: tally((r) => r.situationId),
      methods: tally((r) => r.methodId),
    };
  }

  return {
    /** The city's 情形 and 方式 (seeded on first use), inactive ones included, in order. */
    async listKinds(ctx: Ctx): Promise<AccountabilityKind[]> {
      requireRole(ctx.actor, ACCOUNTABILITY_READ);
      return (await kindsOf(cityOf(ctx.actor))).map(presentKind);
    },

    async createKind(ctx: Ctx, input: CreateAccountabilityKind): Promise<AccountabilityKind> {
      requireRole(ctx.actor, KINDS_WRITE);
      requireCityWide(ctx.actor);
      const cityId = cityOf(ctx.actor);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        await repo.ensureKinds(tx, cityId, now);
        if (await repo.kindByName(tx, cityId, input.type, input.name))
          throw new AppError('ACCOUNTABILITY_KIND_EXISTS', fieldDetails('name', '同名条目已存在'));
        const siblings = (await repo.kinds(tx, cityId)).filter((k) => k.type === input.type);
        const k: KindRow = {
          cityId,
          id: newId(now.getTime()),
          type: input.type,
          name: input.name,
          description: input.description || null,
          sortOrder: input.sortOrder ?? Math.max(0, ...siblings.map((s) => s.sortOrder)) + 10,
          active: true,
          createdAt: now,
          updatedAt: now,
        };
        await repo.insertKind(tx, k);
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'create',
          entityType: 'accountability_kind',
          entityId: k.id,
          after: k,
        });
        return k;
      });
      return presentKind({ ...row, usedBy: 0 });
    },

    /** Renames, reorders, (de)activates an entry of the lists. */
    async updateKind(ctx: Ctx, id: string, patch: UpdateAccountabilityKind): Promise<AccountabilityKind> {
      requireRole(ctx.actor, KINDS_WRITE);
      const cityId = cityOf(ctx.actor);
      const now = clock.now();
      const after = await db.transaction(async (tx) => {
        const k = await loadKind(tx, ctx, id);
        requireCityWide(ctx.actor);
        if (patch.name && patch.name !== k.name && (await repo.kindByName(tx, cityId, k.type, patch.name)))
          throw new AppError('ACCOUNTABILITY_KIND_EXISTS', fieldDetails('name', '同名条目已存在'));
        const set = {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.description !== undefined ? { description: patch.description || null } : {}),
          ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          updatedAt: now,
        };
        await repo.updateKind(tx, cityId, id, set);
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'update',
          entityType: 'accountability_kind',
          entityId: id,
          before: k,
          after: set,
        });
        return { ...k, ...set, usedBy: await repo.kindUse(tx, cityId, id) };
      });
      return presentKind(after);
    },

    /** Deletes an entry of the lists that no register entry names (one in use: deactivate it). */
    async deleteKind(ctx: Ctx, id: string): Promise<void> {
      requireRole(ctx.actor, KINDS_WRITE);
      const cityId = cityOf(ctx.actor);
      await db.transaction(async (tx) => {
        const k = await loadKind(tx, ctx, id);
        requireCityWide(ctx.actor);
        const used = await repo.kindUse(tx, cityId, id);
        if (used > 0) throw new AppError('ACCOUNTABILITY_KIND_IN_USE', { usedBy: used });
        await repo.deleteKind(tx, cityId, id);
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'delete',
          entityType: 'accountability_kind',
          entityId: id,
          before: k,
        });
      });
    },

    async list(ctx: Ctx, q: AccountabilityListQuery): Promise<Page<Accountability>> {
      requireRole(ctx.actor, ACCOUNTABILITY_READ);
      const f = await filterOf(ctx, q);
      const { rows, total } = await repo.list(scopeOf(ctx.actor), f, offsetOf(q), q.pageSize);
      return pageResult(await present(ctx, rows), total, q);
    },

    async get(ctx: Ctx, id: string): Promise<Accountability> {
      requireRole(ctx.actor, ACCOUNTABILITY_READ);
      const s = scopeOf(ctx.actor);
      const row = await repo.byId(s.cityId, id);
      if (!row) throw new AppError('ACCOUNTABILITY_NOT_FOUND');
      if ((s.regionPath && !row.scopePath.startsWith(s.regionPath)) || (s.unitId && row.unitId !== s.unitId))
        throw new AppError('FORBIDDEN_SCOPE');
      return (await present(ctx, [row]))[0]!;
    },

    /** Records a 问责 in the register directly (not from a case's action). */
    async create(ctx: Ctx, input: CreateAccountability): Promise<Accountability> {
      requireRole(ctx.actor, ACCOUNTABILITY_WRITE);
      const cityId = cityOf(ctx.actor);
      for (const id of input.caseIds) {
        try {
          await deps.cases.getCase(ctx, id);
        } catch {
          throw new AppError(
            'ACCOUNTABILITY_LINK_INVALID',
            fieldDetails('caseIds', '案件不存在或不在您的管辖范围内'),
          );
        }
      }
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const r = await recordAccountability(tx, {
          cityId,
          unitId: input.unitId,
          text: input.text,
          fromCaseId: null,
          caseIds: input.caseIds,
          details: input,
          by: { id: ctx.actor.id, name: ctx.actor.displayName },
          at: now,
          regionPath: regionPathOf(ctx.actor),
        });
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'create',
          entityType: 'accountability',
          entityId: r.id,
          after: r,
        });
        return r;
      });
      return (await present(ctx, [row]))[0]!;
    },

    /** Counts with the list's filters (the register page's statistics). */
    async counts(ctx: Ctx, f: AccountabilityFilter): Promise<AccountabilityCounts> {
      return counts(ctx, await filterOf(ctx, f));
    },

    /**
     * Entries per unit and per 情形/方式 decided in a period (YYYY-MM-DD, inclusive), within the
     * actor's scope: what rankings and bulletins read.
     */
    async accountabilityCounts(
      ctx: Ctx,
      q: { period: { from: string; to: string }; unitIds?: readonly string[] },
    ): Promise<AccountabilityCounts> {
      return counts(ctx, { from: q.period.from, to: q.period.to, unitIds: q.unitIds });
    },

    /** The entries with the list's filters, for the Excel export (the list's order). */
    async exportRows(ctx: Ctx, f: AccountabilityFilter): Promise<Accountability[]> {
      requireRole(ctx.actor, ACCOUNTABILITY_READ);
      const { rows, total } = await repo.list(scopeOf(ctx.actor), await filterOf(ctx, f), 0, EXPORT_LIMIT);
      if (total > EXPORT_LIMIT)
        throw new AppError('ACCOUNTABILITY_EXPORT_TOO_LARGE', { limit: EXPORT_LIMIT, total });
      return present(ctx, rows);
    },
  };
}
export type AccountabilityService = ReturnType<typeof createAccountabilityService>;
