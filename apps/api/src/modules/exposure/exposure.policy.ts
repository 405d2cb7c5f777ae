import type { Role } from '@chuangcheng/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { OrgService } from '../org/index';

/** Who runs the exposure board and the 红黑榜: the campaign office and the leaders. */
export const EXPOSURE_ROLES: readonly Role[] = ['office', 'leader'];

/** Statuses that may not be exposed: not yet filed (unconfirmed) or voided (not a problem). */
export const NOT_EXPOSABLE: ReadonlySet<string> = new Set(['reported', 'voided']);

export function cityOf(actor: Actor): string {
  if (!actor.cityId) throw new AppError('FORBIDDEN_SCOPE', { reason: '系统管理员不属于任何城市' });
  return actor.cityId;
}

/** A city-wide user's region is the city itself: no narrower filter. */
export const regionOf = (actor: Actor): string | null =>
  actor.regionId && actor.regionId !== actor.cityId ? actor.regionId : null;

/** The city the public pages show: the portal's city (an installation setting; adding a city never moves it). */
export async function publicCityId(org: OrgService): Promise<string | null> {
  return (await org.portal.portalCity())?.id ?? null;
}
