import { AimOutlined } from '@ant-design/icons';
import type { Ref as EntityRef } from '@chuangcheng/contracts';
import { Alert, App, Button, Descriptions, Flex, Skeleton } from 'antd';
import { useCallback, useRef } from 'react';
import { MapView, type MapViewHandle } from '../../../components/map-view';
import { QueryError } from '../../../components/query-error';
import { useConfig } from '../../../lib/config';
import { useI18n } from '../../../lib/i18n';
import { useGridsGeojson } from '../api/get-grids-geojson';
import { useLocate } from '../api/locate';

export type LngLat = [number, number];

const GRID_COLOR = () => '#1f5fbf';
const refText = (ref: EntityRef | null) => (ref ? `${ref.name}（${ref.code}）` : '—');

/** What lies at the pin: the grid and its community, street, district, block and lead unit. */
function LocateResult({ point }: { point: LngLat }) {
  const { t } = useI18n();
  const result = useLocate(point);
  if (result.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (result.isError) return <QueryError error={result.error} onRetry={() => result.refetch()} />;
  const r = result.data;
  if (r.outOfScope) {
    return <Alert type="info" showIcon title={t('cases.new.outOfScope')} data-testid="locate-out-of-scope" />;
  }
  if (!r.grid) {
    return <Alert type="warning" showIcon title={t('cases.new.outsideGrids')} data-testid="locate-outside" />;
  }
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 96 } }}
      data-testid="locate-result"
      items={[
        { key: 'grid', label: t('cases.grid'), children: refText(r.grid) },
        {
          key: 'place',
          label: t('cases.place'),
          children: [r.district?.name, r.street?.name, r.community?.name].filter(Boolean).join(' / ') || '—',
        },
        { key: 'block', label: t('cases.block'), children: r.block?.name ?? '—' },
        { key: 'lead', label: t('grids.leadUnit'), children: r.leadUnit?.name ?? '—' },
      ]}
    />
  );
}

/** A click on the map (or 使用当前位置) drops the pin; the grids are drawn so the point can be judged. */
export function LocationPicker({
  value,
  onChange,
  id,
}: {
  value?: LngLat | null;
  onChange?: (value: LngLat | null) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const config = useConfig();
  const grids = useGridsGeojson();
  const mapRef = useRef<MapViewHandle>(null);
  const tile = config.data?.tileUrl
    ? { url: config.data.tileUrl, attribution: config.data.tileAttribution }
    : null;
  const onPick = useCallback((lng: number, lat: number) => onChange?.([lng, lat]), [onChange]);

  const locateMe = () => {
    if (!navigator.geolocation) {
      message.warning(t('map.geolocationFailed'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        onChange?.([coords.longitude, coords.latitude]);
        mapRef.current?.flyTo(coords.longitude, coords.latitude, 17);
      },
      () => message.warning(t('map.geolocationFailed')),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  return (
    <div id={id}>
      <div className="cc-pick-map" data-testid="pick-map">
        <MapView
          ref={mapRef}
          features={grids.data?.features}
          colorOf={GRID_COLOR}
          selectedId={null}
          pickMode
          onPick={onPick}
          marker={value ?? null}
          tile={tile}
          center={config.data?.center ?? null}
        />
        {!value && <div className="cc-map-hint">{t('cases.new.pickHint')}</div>}
      </div>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Button icon={<AimOutlined />} onClick={locateMe} data-testid="use-my-position">
          {t('cases.new.myPosition')}
        </Button>
        {value && (
          <span className="cc-mono cc-muted">{`${value[0].toFixed(6)}, ${value[1].toFixed(6)}`}</span>
        )}
      </Flex>
      {value && <LocateResult point={value} />}
    </div>
  );
}
