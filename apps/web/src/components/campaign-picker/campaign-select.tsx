import { CAMPAIGN_TYPE_LABELS } from '@chuangcheng/contracts';
import { Select } from 'antd';
import { useI18n } from '../../lib/i18n';
import type { CampaignParam } from './use-campaign-param';

/** Picks the campaign the page shows (kept in the URL). */
export function CampaignSelect({ param }: { param: CampaignParam }) {
  const { l } = useI18n();
  return (
    <Select
      value={param.campaignId}
      onChange={param.setCampaignId}
      loading={param.loading}
      placeholder="选择创建活动"
      options={param.campaigns.map((c) => ({
        value: c.id,
        label: `${c.name}（${l(CAMPAIGN_TYPE_LABELS[c.type])}）`,
      }))}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220, maxWidth: '100%' }}
      data-testid="campaign-select"
    />
  );
}
