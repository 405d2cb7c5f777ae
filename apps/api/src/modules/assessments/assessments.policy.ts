import type { Role } from '@chuangcheng/contracts';

/** Who reads rounds, lost points and readiness: the office, leaders and inspectors (system administrators read no case data). */
export const ROUND_READ: readonly Role[] = ['office', 'leader', 'inspector'];
/** Who opens rounds, scores checkpoints, recomputes and links cases to indicators. */
export const ROUND_SCORE: readonly Role[] = ['office', 'inspector'];
/** Who closes or deletes a round (the record of an assessment is the office's). */
export const ROUND_MANAGE: readonly Role[] = ['office'];
/**
 * Who opens a rectification case from a lost point: scorers who may also register cases on the console
 * (the cases module's CASE_CREATE; administrators do not file cases).
 */
export const ROUND_CASE: readonly Role[] = ['office', 'inspector'];
