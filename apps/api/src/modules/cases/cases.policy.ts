import type { Role } from '@chuangcheng/contracts';
import type { Actor } from '../../platform/actor';
import type { CaseRow, CaseScope } from './cases.repository';

/** Every city role reads cases within its scope; system administrators manage cities and accounts and read no case data. */
export const CASE_READ: readonly Role[] = ['office', 'leader', 'unit', 'grid_worker', 'inspector'];
/** Who may register a case on the console (citizens report through the public portal). */
export const CASE_CREATE: readonly Role[] = ['office', 'inspector', 'grid_worker', 'leader'];
/** Who may act on cases; what each may do is the workflow table's business. */
export const CASE_ACT: readonly Role[] = ['office', 'leader', 'unit', 'inspector', 'grid_worker'];
/** Who sees a citizen's full phone number (others see 138****5678). */
export const REPORTER_PHONE_FULL: readonly Role[] = ['office'];
export const KPI_READ: readonly Role[] = ['office', 'leader', 'unit'];

/** The cases an actor sees: their city, their region subtree, and for unit users their unit's cases. */
export function scopeOf(actor: Actor): CaseScope {
  return {
    cityId: actor.cityId,
    // A city-wide user's region is the city itself: no narrower filter.
    regionId: actor.regionId && actor.regionId !== actor.cityId ? actor.regionId : null,
    unitId: actor.role === 'unit' ? (actor.unitId ?? '00000000-0000-0000-0000-000000000000') : null,
  };
}

/** The same rule for one case row. */
export function canSee(actor: Actor, c: CaseRow): boolean {
  const s = scopeOf(actor);
  if (s.cityId && s.cityId !== c.cityId) return false;
  if (s.regionId && ![c.districtId, c.streetId, c.communityId].includes(s.regionId)) return false;
  if (s.unitId && c.leadUnitId !== s.unitId && !c.coUnitIds.includes(s.unitId)) return false;
  return true;
}
