import type { Role } from '@chuangcheng/contracts';
import { requireRegion, requireRole } from '../../platform/access';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';

/** Who may read and who may change the registries (regions, units, people, grids, blocks). */
export const ORG_READ: readonly Role[] = ['admin', 'office', 'leader', 'unit', 'grid_worker', 'inspector'];
export const ORG_WRITE: readonly Role[] = ['admin', 'office'];
/** People carry phone numbers: grid workers do not browse the directory. */
export const PEOPLE_READ: readonly Role[] = ['admin', 'office', 'leader', 'unit', 'inspector'];
/** Roles that see full phone numbers; everyone else sees 138****5678. */
export const PHONE_FULL: readonly Role[] = ['admin', 'office'];

export function canWrite(actor: Actor, cityId: string, regionPath: string | null): void {
  requireRole(actor, ORG_WRITE);
  requireRegion(actor, cityId, regionPath);
}

/** The city an actor's new record belongs to: their own, or (installation admins) the only one there is. */
export function cityForCreate(actor: Actor, parentCityId: string | null, onlyCityId: string | null): string {
  const city = parentCityId ?? actor.cityId ?? onlyCityId;
  if (!city)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'cityId', message: '无法确定所属城市，请先建立城市' }],
    });
  if (actor.cityId && actor.cityId !== city) throw new AppError('FORBIDDEN_SCOPE');
  return city;
}
