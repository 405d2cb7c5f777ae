import { AimOutlined, CloseOutlined, CompressOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Drawer, Input, Spin, Tooltip } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type GridFeature, MapView, type MapViewHandle } from '../../../components/map-view';
import { QueryError } from '../../../components/query-error';
import { useConfig } from '../../../lib/config';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useGridsGeojson } from '../api/get-grids-geojson';
import { useLegendBlocks } from '../api/list-legend-blocks';
import { useBlockPalette } from '../hooks/use-block-palette';
import { GridPanel } from './grid-panel';
import { LocatePanel } from './locate-panel';
import { MapLegend } from './map-legend';

const MAX_SUGGESTIONS = 20;

/** 网格地图: every grid in scope, coloured by block; click for details; 定位 finds the grid of any point. */
export default function MapPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const config = useConfig();
  const geojson = useGridsGeojson();
  const blocks = useLegendBlocks();
  const mapRef = useRef<MapViewHandle>(null);
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('grid');
  const [pickMode, setPickMode] = useState(false);
  const [point, setPoint] = useState<[number, number] | null>(null);
  const [search, setSearch] = useState('');

  const features = geojson.data?.features;
  const { colorOf, legend } = useBlockPalette(features, blocks.data);

  const select = useCallback(
    (id: string | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id) next.set('grid', id);
          else next.delete('grid');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const openGrid = useCallback(
    (id: string) => {
      setPoint(null);
      setPickMode(false);
      select(id);
      mapRef.current?.focus(id, isMobile ? window.innerHeight * 0.6 : 0);
    },
    [select, isMobile],
  );

  const onFeatureClick = useCallback(
    (id: string) => {
      setPoint(null);
      select(id);
      // On a phone the details slide up over the lower 60 % of the map: keep the grid above them.
      if (isMobile) mapRef.current?.reveal(id, window.innerHeight * 0.6);
    },
    [select, isMobile],
  );

  const onPick = useCallback(
    (lng: number, lat: number) => {
      select(null);
      setPoint([lng, lat]);
    },
    [select],
  );

  const suggestions = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q || !features) return [];
    const out: { value: string; label: React.ReactNode; key: string }[] = [];
    for (const f of features) {
      if (f.properties.code.toLowerCase().includes(q) || f.properties.name.toLowerCase().includes(q)) {
        out.push({
          key: f.id,
          value: f.id,
          label: (
            <span>
              <span className="cc-mono">{f.properties.code}</span>{' '}
              <span className="cc-muted">{f.properties.name}</span>
            </span>
          ),
        });
        if (out.length >= MAX_SUGGESTIONS) break;
      }
    }
    return out;
  }, [search, features]);

  const hoverText = useCallback((f: GridFeature) => `${f.properties.code} · ${f.properties.name}`, []);

  const locateMe = () => {
    if (!navigator.geolocation) {
      message.warning(t('map.geolocationFailed'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const { longitude, latitude } = pos.coords;
        onPick(longitude, latitude);
        mapRef.current?.flyTo(longitude, latitude, 17);
      },
      () => message.warning(t('map.geolocationFailed')),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const panelOpen = Boolean(selectedId || point);
  const closePanel = () => {
    select(null);
    setPoint(null);
  };
  const panelTitle = point
    ? t('map.locateResult')
    : (features?.find((f) => f.id === selectedId)?.properties.code ?? '');
  const panelBody = point ? (
    <LocatePanel point={point} onOpenGrid={openGrid} />
  ) : selectedId ? (
    <GridPanel gridId={selectedId} />
  ) : null;

  const tile = config.data?.tileUrl
    ? { url: config.data.tileUrl, attribution: config.data.tileAttribution }
    : null;

  return (
    <div className="cc-map-page">
      <div className="cc-map-main">
        <MapView
          ref={mapRef}
          features={features}
          colorOf={colorOf}
          selectedId={selectedId}
          onFeatureClick={onFeatureClick}
          pickMode={pickMode}
          onPick={onPick}
          marker={point}
          tile={tile}
          center={config.data?.center ?? null}
          hoverText={hoverText}
        />
        <div className="cc-map-toolbar">
          <AutoComplete
            options={suggestions}
            value={search}
            onChange={setSearch}
            onSelect={(id: string) => {
              setSearch('');
              openGrid(id);
            }}
            popupMatchSelectWidth={isMobile ? true : 320}
            className="cc-map-search"
          >
            <Input.Search placeholder={t('map.search')} allowClear data-testid="map-search" />
          </AutoComplete>
          <Tooltip title={t('map.locateHint')}>
            <Button
              type={pickMode ? 'primary' : 'default'}
              icon={<AimOutlined />}
              onClick={() => setPickMode((p) => !p)}
              data-testid="locate-toggle"
            >
              {!isMobile && t('map.locate')}
            </Button>
          </Tooltip>
          {isMobile && (
            <Tooltip title={t('map.myLocation')}>
              <Button icon={<EnvironmentOutlined />} onClick={locateMe} aria-label={t('map.myLocation')} />
            </Tooltip>
          )}
          <Tooltip title={t('common.reset')}>
            <Button
              icon={<CompressOutlined />}
              onClick={() => mapRef.current?.fitAll()}
              aria-label={t('common.reset')}
            />
          </Tooltip>
        </div>
        {pickMode && <div className="cc-map-hint">{t('map.locateHint')}</div>}
        {geojson.isPending && (
          <div className="cc-map-overlay">
            <Spin description={t('map.loadingGrids')} />
          </div>
        )}
        {geojson.isError && (
          <div className="cc-map-overlay">
            <QueryError error={geojson.error} onRetry={() => geojson.refetch()} />
          </div>
        )}
        {features && features.length === 0 && <div className="cc-map-hint">{t('map.noGrids')}</div>}
        {features && features.length > 0 && (
          <MapLegend entries={legend} total={features.length} defaultOpen={!isMobile} />
        )}
      </div>
      {!isMobile && panelOpen && (
        <aside className="cc-map-panel" data-testid="map-side-panel">
          <div className="cc-map-panel-head">
            <span className="cc-map-panel-title">{panelTitle}</span>
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              onClick={closePanel}
              aria-label={t('common.close')}
            />
          </div>
          <div className="cc-map-panel-body">{panelBody}</div>
        </aside>
      )}
      {isMobile && (
        <Drawer
          placement="bottom"
          open={panelOpen}
          onClose={closePanel}
          size="60%"
          title={panelTitle}
          mask={false}
          styles={{ body: { padding: 12 } }}
          rootClassName="cc-map-drawer"
        >
          <div data-testid="map-side-panel">{panelBody}</div>
        </Drawer>
      )}
    </div>
  );
}
