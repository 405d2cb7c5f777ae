import type { CaseSource, Role } from '@chuangcheng/contracts';

/** Roles that register cases (the route table's /cases/new says the same; the server decides for real). */
export const CASE_CREATORS: readonly Role[] = ['office', 'inspector', 'grid_worker', 'leader'];

export function canCreateCase(role: Role): boolean {
  return CASE_CREATORS.includes(role);
}

/** The usual source of a case registered by each role; the office mostly takes hotline calls. */
export function defaultSource(role: Role): CaseSource {
  switch (role) {
    case 'inspector':
      return 'inspector';
    case 'grid_worker':
      return 'grid_worker';
    case 'leader':
      return 'leader';
    default:
      return 'hotline';
  }
}
