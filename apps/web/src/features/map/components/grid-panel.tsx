import type { Ref } from '@chuangcheng/contracts';
import { Descriptions, Skeleton, Tag, Timeline, Typography } from 'antd';
import { QueryError } from '../../../components/query-error';
import { formatArea, formatDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useGrid } from '../api/get-grid';
import { useGridHistory } from '../api/get-grid-history';

const refText = (ref: Ref | null) => (ref ? ref.name : '—');

/** The clicked grid: where it is, who is responsible, and its versions. */
export function GridPanel({ gridId }: { gridId: string }) {
  const { t, locale } = useI18n();
  const grid = useGrid(gridId);
  const history = useGridHistory(gridId);

  if (grid.isPending) return <Skeleton active />;
  if (grid.isError) return <QueryError error={grid.error} onRetry={() => grid.refetch()} />;
  const g = grid.data;

  return (
    <div data-testid="grid-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {g.name}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('common.code')}>
          <Typography.Text copyable className="cc-mono" data-testid="grid-code">
            {g.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('common.name')}>{g.name}</Descriptions.Item>
        <Descriptions.Item label={t('grids.community')}>{refText(g.community)}</Descriptions.Item>
        <Descriptions.Item label={t('grids.street')}>{refText(g.street)}</Descriptions.Item>
        <Descriptions.Item label={t('grids.district')}>{refText(g.district)}</Descriptions.Item>
        <Descriptions.Item label={t('grids.block')}>{refText(g.block)}</Descriptions.Item>
        <Descriptions.Item label={t('grids.leadUnit')}>{refText(g.leadUnit)}</Descriptions.Item>
        <Descriptions.Item label={t('grids.area')}>{formatArea(g.areaM2, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('grids.validFrom')}>{formatDate(g.validFrom)}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('map.history')}
      </Typography.Title>
      {history.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => history.refetch()} />
      ) : (
        <Timeline
          items={[...history.data]
            .sort((a, b) => b.validFrom.localeCompare(a.validFrom))
            .map((v) => ({
              key: `${v.id}-${v.validFrom}`,
              color: v.validTo ? 'gray' : 'green',
              title: (
                <span>
                  {formatDate(v.validFrom)} ~{' '}
                  {v.validTo ? formatDate(v.validTo) : <Tag color="green">{t('map.current')}</Tag>}
                </span>
              ),
              content: (
                <span className="cc-muted">
                  {v.name} · {formatArea(v.areaM2, locale)}
                  {v.block ? ` · ${v.block.name}` : ''}
                </span>
              ),
            }))}
        />
      )}
    </div>
  );
}
