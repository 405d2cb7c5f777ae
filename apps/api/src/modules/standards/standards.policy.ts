import type { Role } from '@chuangcheng/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';

/** Who reads standards: the campaign office, leaders and assessors. */
export const STANDARD_READ: readonly Role[] = ['admin', 'office', 'leader', 'inspector'];
/** Who edits, imports and exports them: the campaign office and administrators. */
export const STANDARD_WRITE: readonly Role[] = ['admin', 'office'];

/**
 * The city a standards call is about: the actor's own; for installation-wide administrators the only
 * city there is (several cities need a city-scoped account).
 */
export function cityOfActor(actor: Actor, cities: readonly { id: string }[]): string {
  if (actor.cityId) return actor.cityId;
  if (cities.length === 1) return cities[0]!.id;
  const message =
    cities.length === 0
      ? '系统中还没有城市，请先建立城市'
      : `系统中有 ${cities.length} 个城市，请使用所属城市的账号维护考核标准和创建活动`;
  throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'cityId', message }] }, message);
}
