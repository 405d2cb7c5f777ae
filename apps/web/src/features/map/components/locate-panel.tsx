import type { Ref } from '@chuangcheng/contracts';
import { Alert, Button, Descriptions, Skeleton } from 'antd';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useLocate } from '../api/locate';

const refText = (ref: Ref | null) => (ref ? `${ref.name}（${ref.code}）` : '—');

/** What lies at a clicked point: grid, community, street, district, block, lead unit. */
export function LocatePanel({
  point,
  onOpenGrid,
}: {
  point: [number, number];
  onOpenGrid: (gridId: string) => void;
}) {
  const { t } = useI18n();
  const result = useLocate(point);
  const coords = `${point[0].toFixed(6)}, ${point[1].toFixed(6)}`;

  return (
    <div data-testid="locate-panel">
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('map.coordinates')}>
          <span className="cc-mono">{coords}</span>
        </Descriptions.Item>
      </Descriptions>
      {result.isPending ? (
        <Skeleton active />
      ) : result.isError ? (
        <QueryError error={result.error} onRetry={() => result.refetch()} />
      ) : !result.data.grid ? (
        <Alert type="warning" showIcon title={t('map.outside')} />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 96 } }}>
            <Descriptions.Item label={t('overview.grids')}>{refText(result.data.grid)}</Descriptions.Item>
            <Descriptions.Item label={t('grids.community')}>
              {refText(result.data.community)}
            </Descriptions.Item>
            <Descriptions.Item label={t('grids.street')}>{refText(result.data.street)}</Descriptions.Item>
            <Descriptions.Item label={t('grids.district')}>{refText(result.data.district)}</Descriptions.Item>
            <Descriptions.Item label={t('grids.block')}>{refText(result.data.block)}</Descriptions.Item>
            <Descriptions.Item label={t('grids.leadUnit')}>{refText(result.data.leadUnit)}</Descriptions.Item>
          </Descriptions>
          <Button
            type="primary"
            block
            style={{ marginTop: 12 }}
            onClick={() => result.data.grid && onOpenGrid(result.data.grid.id)}
          >
            {t('map.viewGrid')}
          </Button>
        </>
      )}
    </div>
  );
}
