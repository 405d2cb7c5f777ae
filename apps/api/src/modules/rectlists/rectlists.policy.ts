import type { Role } from '@chuangcheng/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { RectlistRecord, RectlistScope } from './rectlists.repository';

/** Who reads 整改清单 batches: the campaign office and the leaders (within their region). */
export const RECTLIST_READ: readonly Role[] = ['office', 'leader'];
/** Who imports them: the campaign office (a district office for its district only). */
export const RECTLIST_WRITE: readonly Role[] = ['office'];

export function cityOf(actor: Actor): string {
  if (!actor.cityId) throw new AppError('FORBIDDEN_SCOPE', { reason: '系统管理员不属于任何城市' });
  return actor.cityId;
}

/** A reader sees the city's batches, a district reader only the batches uploaded within the district. */
export function scopeOf(actor: Actor): RectlistScope {
  return { cityId: cityOf(actor), regionPath: actor.regionId === actor.cityId ? null : actor.regionPath };
}

export function canSee(actor: Actor, b: RectlistRecord): boolean {
  const s = scopeOf(actor);
  if (b.cityId !== s.cityId) return false;
  return s.regionPath === null || (b.regionPath?.startsWith(s.regionPath) ?? false);
}
