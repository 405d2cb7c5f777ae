import type { Role } from '@chuangcheng/contracts';

// Mirrors the server's policy (assessments.policy.ts) only to hide buttons that would fail.
const SCORERS: readonly Role[] = ['admin', 'office', 'inspector'];
const MANAGERS: readonly Role[] = ['admin', 'office'];
const RECTIFIERS: readonly Role[] = ['office', 'inspector'];

export const canScore = (role: Role) => SCORERS.includes(role);
export const canManageRound = (role: Role) => MANAGERS.includes(role);
export const canRectify = (role: Role) => RECTIFIERS.includes(role);
