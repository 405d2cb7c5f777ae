import type { Role } from '@chuangcheng/contracts';
import { useMe } from '../../../lib/session';

/** Who may change campaigns, their task breakdown and indicator links (lib/access has no such resource). */
const CAMPAIGN_WRITERS: readonly Role[] = ['admin', 'office'];
/** Who may read standards (the task table shows the whole indicator tree for them). */
const STANDARD_READERS: readonly Role[] = ['admin', 'office', 'leader', 'inspector'];

/** The server decides for real; this only hides buttons that would fail. */
export function useCampaignsWritable(): boolean {
  return CAMPAIGN_WRITERS.includes(useMe().role);
}

export function useCanReadStandards(): boolean {
  return STANDARD_READERS.includes(useMe().role);
}
