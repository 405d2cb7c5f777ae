import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { meta, regions } from '../../db/schema/index';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import type { AuditService } from '../audit/index';

const KEY = 'portal_city_id';

export interface PortalCity {
  id: string;
  name: string;
  code: string;
}

/**
 * The city the citizen portal (随手拍) and its public boards serve: an installation setting that the
 * system administrator edits. Until one is chosen it is the first city created, remembered the first
 * time it is needed — so adding a second city never moves the portal (the first city's reports keep
 * being accepted and its public boards stay). Routing reports to a city by their location is the
 * province deployment's business.
 */
export function createPortalCityService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db } = deps;

  async function city(id: string): Promise<PortalCity | undefined> {
    const [r] = await db
      .select({ id: regions.id, name: regions.name, code: regions.code })
      .from(regions)
      .where(and(eq(regions.id, id), eq(regions.level, 'city')))
      .limit(1);
    return r;
  }

  return {
    /** The portal's city, or null when there is no city yet. */
    async portalCity(): Promise<PortalCity | null> {
      const [set] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, KEY)).limit(1);
      if (set) {
        const c = await city(set.value);
        if (c) return c;
      }
      const [first] = await db
        .select({ id: regions.id, name: regions.name, code: regions.code })
        .from(regions)
        .where(eq(regions.level, 'city'))
        .orderBy(asc(regions.createdAt), asc(regions.code))
        .limit(1);
      if (!first) return null;
      // Remember it (a concurrent first read stores the same city; an admin's choice is never overwritten).
      await db
        .insert(meta)
        .values({ key: KEY, value: first.id, updatedAt: deps.clock.now() })
        .onConflictDoNothing();
      const [now] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, KEY)).limit(1);
      return (now && (await city(now.value))) ?? first;
    },

    /** The system administrator chooses the portal's city. */
    async setPortalCity(ctx: Ctx, cityId: string): Promise<PortalCity> {
      requireRole(ctx.actor, ['admin']);
      const c = await city(cityId);
      if (!c)
        throw new AppError('REGION_NOT_FOUND', { fields: [{ field: 'cityId', message: '城市不存在' }] });
      const before = await this.portalCity();
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        await tx
          .insert(meta)
          .values({ key: KEY, value: c.id, updatedAt: now })
          .onConflictDoUpdate({ target: meta.key, set: { value: c.id, updatedAt: now } });
        await deps.audit.record(tx, ctx, {
          cityId: c.id,
          action: 'update',
          entityType: 'portal_city',
          entityId: c.id,
          before: before ? { cityId: before.id, name: before.name } : null,
          after: { cityId: c.id, name: c.name },
        });
      });
      return c;
    },
  };
}

export type PortalCityService = ReturnType<typeof createPortalCityService>;
