import type { Me, User } from '@chuangcheng/contracts';
import type { Actor } from '../../platform/actor';
import type { UserRow, UserWithScope } from './auth.repository';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentMe(u: UserWithScope, csrfToken: string, idleTimeoutMinutes: number): Me {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
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
export function presentUser(u: UserRow): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionId: u.regionId,
    unitId: u.unitId,
    disabled: u.disabled,
    lockedUntil: iso(u.lockedUntil),
    lastLoginAt: iso(u.lastLoginAt),
    createdAt: iso(u.createdAt)!,
  };
}

export function actorOf(u: UserWithScope): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    cityId: u.cityId,
    regionId: u.regionId,
    regionPath: u.regionPath,
    unitId: u.unitId,
  };
}
