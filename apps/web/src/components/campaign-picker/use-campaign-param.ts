import type { Campaign } from '@chuangcheng/contracts';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useCampaigns } from './list-campaigns';

export interface CampaignParam {
  campaigns: Campaign[];
  loading: boolean;
  error: unknown;
  /** ?campaignId= when given, else the first campaign. */
  campaign: Campaign | undefined;
  campaignId: string | undefined;
  setCampaignId: (id: string) => void;
}

/** The campaign a page shows: `?campaignId=` from the URL (a shared link), or the first one. */
export function useCampaignParam(): CampaignParam {
  const [search, setSearch] = useSearchParams();
  const campaigns = useCampaigns();
  const list = campaigns.data ?? [];
  const wanted = search.get('campaignId');
  const campaign = (wanted ? list.find((c) => c.id === wanted) : undefined) ?? (wanted ? undefined : list[0]);
  const setCampaignId = useCallback(
    (id: string) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('campaignId', id);
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return {
    campaigns: list,
    loading: campaigns.isPending,
    error: campaigns.error,
    campaign,
    campaignId: campaign?.id ?? (wanted || undefined),
    setCampaignId,
  };
}
