import type { Role } from '@chuangcheng/contracts';
import { ALL_ROLES } from '../../platform/access';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';

/** Everyone who files or handles cases reads the categories and the working calendar. */
export const CATALOG_READ: readonly Role[] = ALL_ROLES;
/** The supervision centre (office) and administrators edit the catalogue, rules and calendar. */
export const CATALOG_WRITE: readonly Role[] = ['admin', 'office'];
/** Versions, routing rules and the dispatch preview: the people who oversee dispatching. */
export const CATALOG_MANAGE_READ: readonly Role[] = ['admin', 'office', 'leader', 'inspector'];

/**
 * The city a catalogue call is about: the actor's own; for installation-wide administrators the only
 * city there is (several cities need a city-scoped account).
 */
export function cityOfActor(actor: Actor, cities: readonly { id: string }[]): string {
  if (actor.cityId) return actor.cityId;
  if (cities.length === 1) return cities[0]!.id;
  const message =
    cities.length === 0
      ? '系统中还没有城市，请先建立城市'
      : `系统中有 ${cities.length} 个城市，请使用所属城市的账号维护问题分类、派遣规则和工作日历`;
  throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'cityId', message }] }, message);
}
