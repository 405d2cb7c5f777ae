import type { Role } from '@chuangcheng/contracts';
import { useMe } from '../../../lib/session';

/** Who may change standards (lib/access has no standards resource). */
const STANDARD_WRITERS: readonly Role[] = ['admin', 'office'];

/** The server decides for real; this only hides buttons that would fail. */
export function useStandardsWritable(): boolean {
  return STANDARD_WRITERS.includes(useMe().role);
}
