import type { Role } from '@chuangcheng/contracts';
import { requireRegion } from '../../platform/access';
import type { Actor } from '../../platform/actor';

/** Who reads campaigns and their 任务分解表: the office, leaders, assessors and the responsible units. */
export const CAMPAIGN_READ: readonly Role[] = ['admin', 'office', 'leader', 'inspector', 'unit'];
/** Who creates campaigns, assigns indicators and links indicators: the campaign office and administrators. */
export const CAMPAIGN_WRITE: readonly Role[] = ['admin', 'office'];
/** Links between indicators of two standards: read with the standards. */
export const LINK_READ: readonly Role[] = ['admin', 'office', 'leader', 'inspector'];

/**
 * A campaign lies within the actor's scope: their city and, for users scoped to a region, a campaign
 * region inside their subtree (city-wide users see every campaign of the city).
 */
export function assertCampaignScope(actor: Actor, c: { cityId: string; regionPath: string | null }): void {
  requireRegion(actor, c.cityId, c.regionPath);
}
