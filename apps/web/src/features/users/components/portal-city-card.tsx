import { PORTAL_CITY_LABELS as L } from '@chuangcheng/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Card, Select, Typography } from 'antd';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { regionTreeQueryOptions } from '../../../lib/lookups';
import { usePortalCity, useSetPortalCity } from '../api/portal-city';

/** The system administrator's choice of the citizen portal's city. */
export function PortalCityCard() {
  const { l, t, locale } = useI18n();
  const { message } = App.useApp();
  const regions = useQuery(regionTreeQueryOptions);
  const current = usePortalCity();
  const set = useSetPortalCity();
  const cities = (regions.data?.roots ?? []).filter((r) => r.level === 'city');
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="portal-city">
      <Typography.Text strong style={{ marginRight: 12 }}>
        {l(L.title)}
      </Typography.Text>
      <Select<string>
        style={{ minWidth: 200 }}
        loading={current.isLoading || set.isPending}
        value={current.data?.id}
        options={cities.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(cityId) =>
          set
            .mutateAsync(cityId)
            .then(() => message.success(t('common.saved')))
            .catch((e: unknown) => message.error(errorMessage(e, locale)))
        }
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {l(L.hint)}
      </Typography.Paragraph>
    </Card>
  );
}
