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
