import type { Me, User } from '@chuangcheng/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { UserWithScope } from './auth.repository';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentMe(u: UserWithScope, csrfToken: string, idleTimeoutMinutes: number): Me {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: roleOf(u),
    cityId: u.cityId,
    regionId: u.regionId,
    regionName: u.regionName,
    unitId: u.unitId,
    unitName: u.unitName,
    csrfToken,
    idleTimeoutMinutes,
  };
}

/** Never the hash, never the failure counter. */
export function presentUser(u: UserWithScope): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    cityId: u.cityId,
    regionId: u.regionId,
    unitId: u.unitId,
    disabled: u.disabled,
    lockedUntil: iso(u.lockedUntil),
    lastLoginAt: iso(u.lastLoginAt),
    createdAt: iso(u.createdAt)!,
  };
}

/** The role an account acts in; an account without a membership acts in none. */
function roleOf(u: UserWithScope): NonNullable<UserWithScope['role']> {
  if (u.role === null) throw new AppError('ACCOUNT_NO_CITY');
  return u.role;
}

export function actorOf(u: UserWithScope): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: roleOf(u),
    cityId: u.cityId,
    regionId: u.regionId,
    regionPath: u.regionPath,
    unitId: u.unitId,
  };
}
