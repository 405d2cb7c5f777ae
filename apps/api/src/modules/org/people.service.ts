import type { personListQuerySchema, updatePersonSchema } from '@chuangcheng/contracts';
import { requireCity, requireRegion, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { OrgDeps } from './org.deps';
import { ORG_WRITE, PEOPLE_READ } from './org.policy';
import { presentPerson } from './org.presenter';
import type { CreatePerson, Page, Person, z } from './org.types';
import { createPeopleRepository } from './people.repository';
import type { UnitsService } from './units.service';

type Loaded = NonNullable<Awaited<ReturnType<ReturnType<typeof createPeopleRepository>['byId']>>>;

function toPerson(r: Loaded): Person {
  return {
    id: r.id,
    name: r.name,
    unitId: r.unitId,
    unitName: r.unitName,
    title: r.title,
    phone: r.phone,
    duties: r.duties as Person['duties'],
    userId: r.userId,
  };
}

export function createPeopleService(deps: OrgDeps, units: UnitsService) {
  const repo = createPeopleRepository(deps.db);

  /** Unit users see their own unit's people only; region-scoped users their area plus departments. */
  function checkVisible(ctx: Ctx, p: Loaded) {
    requireCity(ctx.actor, p.cityId);
    if (ctx.actor.role === 'unit' && p.unitId !== ctx.actor.unitId) throw new AppError('FORBIDDEN_SCOPE');
    if (ctx.actor.regionPath && p.unitKind !== 'department')
      requireRegion(ctx.actor, p.cityId, p.unitRegionPath);
  }

  async function load(ctx: Ctx, id: string): Promise<Loaded> {
    requireRole(ctx.actor, PEOPLE_READ);
    const p = await repo.byId(id);
    if (!p) throw new AppError('PERSON_NOT_FOUND');
    checkVisible(ctx, p);
    return p;
  }

  async function unitFor(ctx: Ctx, unitId: string) {
    const u = await units.repo.byId(unitId);
    if (!u) throw new AppError('UNIT_NOT_FOUND', fieldDetails('unitId', '所属单位不存在'));
    requireCity(ctx.actor, u.cityId);
    if (ctx.actor.regionPath && u.kind !== 'department') requireRegion(ctx.actor, u.cityId, u.regionPath);
    return u;
  }

  return {
    repo,
    async getPerson(ctx: Ctx, id: string): Promise<Person> {
      return presentPerson(ctx.actor, toPerson(await load(ctx, id)));
    },

    async listPeople(ctx: Ctx, q: z.infer<typeof personListQuerySchema>): Promise<Page<Person>> {
      requireRole(ctx.actor, PEOPLE_READ);
      const unitId =
        ctx.actor.role === 'unit' ? (ctx.actor.unitId ?? '00000000-0000-0000-0000-000000000000') : q.unitId;
      if (ctx.actor.role === 'unit' && q.unitId && q.unitId !== ctx.actor.unitId)
        throw new AppError('FORBIDDEN_SCOPE');
      const { rows, total } = await repo.list(
        { cityId: ctx.actor.cityId, pathPrefix: ctx.actor.regionPath, unitId, duty: q.duty, q: q.q },
        offsetOf(q),
        q.pageSize,
      );
      return pageResult(
        rows.map((r) => presentPerson(ctx.actor, toPerson(r))),
        total,
        q,
      );
    },

    async createPerson(ctx: Ctx, input: CreatePerson): Promise<Person> {
      requireRole(ctx.actor, ORG_WRITE);
      const u = await unitFor(ctx, input.unitId);
      const now = deps.clock.now();
      const row = {
        id: newId(now.getTime()),
        cityId: u.cityId,
        unitId: u.id,
        name: input.name,
        title: input.title ?? null,
        phone: input.phone ?? null,
        duties: input.duties ?? [],
        userId: null,
        createdAt: now,
        updatedAt: now,
      };
      await deps.db.transaction(async (tx) => {
        await repo.insert(tx, row);
        await deps.audit.record(tx, ctx, {
          cityId: u.cityId,
          action: 'create',
          entityType: 'person',
          entityId: row.id,
          after: row,
        });
      });
      return this.getPerson(ctx, row.id);
    },

    async updatePerson(ctx: Ctx, id: string, patch: z.infer<typeof updatePersonSchema>): Promise<Person> {
      const before = await load(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      if (patch.unitId) await unitFor(ctx, patch.unitId);
      await deps.db.transaction(async (tx) => {
        await repo.update(tx, id, { ...patch, updatedAt: deps.clock.now() });
        await deps.audit.record(tx, ctx, {
          cityId: before.cityId,
          action: 'update',
          entityType: 'person',
          entityId: id,
          before: toPerson(before),
          after: patch,
        });
      });
      return this.getPerson(ctx, id);
    },

    async deletePerson(ctx: Ctx, id: string): Promise<void> {
      const before = await load(ctx, id);
      requireRole(ctx.actor, ORG_WRITE);
      await deps.db.transaction(async (tx) => {
        await repo.remove(tx, id);
        await deps.audit.record(tx, ctx, {
          cityId: before.cityId,
          action: 'delete',
          entityType: 'person',
          entityId: id,
          before: toPerson(before),
        });
      });
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
