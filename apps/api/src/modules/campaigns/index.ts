// The campaigns module's public face (issue 5): campaigns, 任务分解表, indicator links.
// app.ts registers the routes; evidence and assessments use getCampaignRow / tasksOf / nodeIdsOfUnit /
// linkedNodeIds / assertScope; the demo seed calls seedDemoCampaign.
import type { CampaignsService } from './campaigns.service';

export type { CampaignsDeps } from './campaigns.deps';
export { assertCampaignScope, CAMPAIGN_READ, CAMPAIGN_WRITE, LINK_READ } from './campaigns.policy';
export type { CampaignRow } from './campaigns.repository';
export { registerCampaignsRoutes } from './campaigns.routes';
export { type CampaignsService, type CampaignTaskRow, createCampaignsService } from './campaigns.service';
export { DEMO_CAMPAIGN_NAME } from './demo-campaign';

/**
 * The demo city's 创卫 campaign on the county checklist sample (loads the samples first), with phases,
 * milestones and a 任务分解表; idempotent.
 */
export function seedDemoCampaign(opts: {
  campaigns: CampaignsService;
  cityId: string;
  now: Date;
}): Promise<{ campaignId: string; tasks: number }> {
  return opts.campaigns.seedDemo(opts.cityId, opts.now);
}
