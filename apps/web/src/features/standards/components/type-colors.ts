import type { CampaignType } from '@chuangcheng/contracts';

export const TYPE_COLORS: Record<CampaignType, string> = {
  sanitary: 'green',
  civilized: 'red',
  environmental: 'cyan',
  other: 'default',
};
