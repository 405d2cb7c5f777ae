import type { Block, Grid, Person, Ref, Region, Unit } from '@chuangcheng/contracts';
import { maskPhone } from '@chuangcheng/domain';
import type { Actor } from '../../platform/actor';
import { PHONE_FULL } from './org.policy';

export const ref = (id: string | null, code: string | null, name: string | null): Ref | null =>
  id && code !== null && name !== null ? { id, code, name } : null;

export function presentRegion(r: {
  id: string;
  parentId: string | null;
  cityId: string;
  code: string;
  name: string;
  level: Region['level'];
  childCount?: number;
}): Region {
  return {
    id: r.id,
    parentId: r.parentId,
    cityId: r.cityId,
    code: r.code,
    name: r.name,
    level: r.level,
    childCount: Number(r.childCount ?? 0),
  };
}

/** Contact phones of units are work numbers, but still masked for roles that do not call units. */
export function presentUnit(
  viewer: Actor,
  u: Omit<Unit, 'contactPhone'> & { contactPhone: string | null },
): Unit {
  return {
    ...u,
    contactPhone: PHONE_FULL.includes(viewer.role) ? u.contactPhone : maskPhone(u.contactPhone),
  };
}

export function presentPerson(viewer: Actor, p: Person): Person {
  return { ...p, phone: PHONE_FULL.includes(viewer.role) ? p.phone : maskPhone(p.phone) };
}

export function presentGrid(g: Grid): Grid {
  return g;
}

export function presentBlock(b: Block): Block {
  return b;
}
