import type { Role } from '@chuangcheng/contracts';
import type { Actor } from '../../platform/actor';

/** The archive is read by the overseers and by units for the indicators they answer for. */
export const EVIDENCE_READ: readonly Role[] = ['admin', 'office', 'leader', 'inspector', 'unit'];
/** Office and admin file anything; a unit files for its own indicators (checked per node). */
export const EVIDENCE_WRITE: readonly Role[] = ['admin', 'office', 'unit'];
/** The 迎检资料包 is the whole city's archive: the overseers only. */
export const EVIDENCE_PACKAGE: readonly Role[] = ['admin', 'office', 'leader', 'inspector'];

/** Unit users see and file only for their indicators; everyone else of the city sees all of them. */
export function unitOnly(actor: Actor): string | null | undefined {
  return actor.role === 'unit' ? actor.unitId : undefined;
}

/** Reviews: the indicator's lead unit (first stage), the office (acceptance). */
export const EVIDENCE_REVIEW: readonly Role[] = ['office', 'unit'];

type ReviewStatus = 'pending_lead' | 'pending_office' | 'accepted' | 'returned';

/**
 * What `actor` may do with a file in `status` whose indicator is led by `leadUnitId`: the lead unit
 * approves or sends back at the first stage; the office accepts at the second and may send back a
 * document at any stage (also one accepted earlier, when it turns out wrong).
 */
export function reviewActionsFor(
  actor: Actor,
  status: ReviewStatus,
  leadUnitId: string | null,
): ('approve' | 'return')[] {
  if (actor.role === 'office') {
    if (status === 'pending_office') return ['approve', 'return'];
    return status === 'returned' ? [] : ['return'];
  }
  if (actor.role === 'unit' && status === 'pending_lead' && actor.unitId && actor.unitId === leadUnitId)
    return ['approve', 'return'];
  return [];
}
