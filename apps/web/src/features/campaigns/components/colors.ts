import type { CampaignPhase, CampaignType } from '@chuangcheng/contracts';

export const TYPE_COLORS: Record<CampaignType, string> = {
  sanitary: 'green',
  civilized: 'red',
  environmental: 'cyan',
  other: 'default',
};

export const PHASE_COLORS: Record<CampaignPhase, string> = {
  attack: 'volcano',
  reach: 'blue',
  consolidate: 'green',
};
