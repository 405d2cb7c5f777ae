import type { Role } from '@chuangcheng/contracts';

/** What a role may change in the UI. The server decides for real; this only hides buttons that would fail. */
export type Resource = 'regions' | 'units' | 'people' | 'blocks' | 'grids' | 'imports' | 'users';

const WRITERS: Record<Resource, readonly Role[]> = {
  regions: ['admin', 'office'],
  units: ['admin', 'office'],
  people: ['admin', 'office'],
  blocks: ['admin', 'office'],
  grids: ['admin', 'office'],
  imports: ['admin', 'office'],
  users: ['admin'],
};

export function canWrite(role: Role, resource: Resource): boolean {
  return WRITERS[resource].includes(role);
}
