import type { Role } from '@chuangcheng/contracts';
import type { Actor } from './actor';
import { AppError } from './app-error';

/** Who may call an endpoint: anyone, any logged-in user, or a list of roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export const ALL_ROLES: readonly Role[] = ['admin', 'office', 'leader', 'unit', 'grid_worker', 'inspector'];

export function roleAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'authenticated' || access.includes(role);
}

/** A service's first line: the role check (the route declares the same; services are also called by the CLI). */
export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (actor.system) return;
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN_ROLE', { role: actor.role, allowed: roles });
}

/** The actor sees this city? Installation-wide admins see every city. */
export function inCity(actor: Actor, cityId: string): boolean {
  return actor.cityId === null || actor.cityId === cityId;
}

/** The record at `path` ('/id/…/') lies inside the actor's region subtree? */
export function inRegion(actor: Actor, cityId: string, path: string | null): boolean {
  if (!inCity(actor, cityId)) return false;
  if (actor.regionPath === null) return true;
  return path?.startsWith(actor.regionPath) ?? false;
}

export function requireCity(actor: Actor, cityId: string): void {
  if (!inCity(actor, cityId)) throw new AppError('FORBIDDEN_SCOPE');
}

export function requireRegion(actor: Actor, cityId: string, path: string | null): void {
  if (!inRegion(actor, cityId, path)) throw new AppError('FORBIDDEN_SCOPE');
}
