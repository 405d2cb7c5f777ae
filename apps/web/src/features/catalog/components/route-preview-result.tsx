import { Alert, Descriptions, Empty, Skeleton, Tag, Typography } from 'antd';
import { QueryError } from '../../../components/query-error';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import type { RoutePreview } from '../api/preview-route';
import { LimitsSummary } from './rule-summary';

const KIND_COLORS: Record<RoutePreview['route']['kind'], string> = {
  rule: 'blue',
  category: 'purple',
  grid: 'green',
  region: 'cyan',
  manual: 'orange',
};

/** What the preview says: who leads, who helps, in which grid, with which limits, and why. */
export function RoutePreviewResult({
  data,
  loading,
  error,
  onRetry,
}: {
  data: RoutePreview | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  if (error) return <QueryError error={error} onRetry={onRetry} />;
  if (loading) return <Skeleton active />;
  if (!data) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('routing.needInput')} />;
  const { route } = data;
  return (
    <div data-testid="route-preview">
      <Alert
        type={data.leadUnit ? 'success' : 'warning'}
        showIcon
        title={
          <>
            <Tag color={KIND_COLORS[route.kind]}>
              {route.kind === 'rule' && route.rulePriority !== null
                ? t('routing.ruleNo', { n: route.rulePriority })
                : t(`routing.kind.${route.kind}` as MessageKey)}
            </Tag>
            {route.text}
          </>
        }
        style={{ marginBottom: 12 }}
      />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('routing.leadUnit')}>
          {data.leadUnit ? (
            <Typography.Text strong>{data.leadUnit.name}</Typography.Text>
          ) : (
            <Typography.Text type="warning">{t('routing.noLeadUnit')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('routing.coUnits')}>
          {data.coUnits.length ? data.coUnits.map((u) => u.name).join('、') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('routing.grid')}>
          {data.grid ? (
            <>
              <span className="cc-mono">{data.grid.code}</span> {data.grid.name}
            </>
          ) : (
            <Typography.Text type="warning">{t('routing.outOfGrid')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('routing.limits')}>
          <LimitsSummary limits={data.limits} />
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
