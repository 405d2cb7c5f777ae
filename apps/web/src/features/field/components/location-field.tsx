import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Drawer } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { MapView, type MapViewHandle } from '../../../components/map-view';
import { useConfig } from '../../../lib/config';
import { useI18n } from '../../../lib/i18n';
import { useFieldGrids, useFieldLocate } from '../api/catalog';
import { useOnline } from '../hooks/field-user';
import type { Fix, PositionState } from '../hooks/use-position';
import { FL } from '../labels';

export type LocationSource = 'photo' | 'device' | 'pin';
export interface ReportLocation {
  lng: number;
  lat: number;
  source: LocationSource;
}

const GRID_COLOR = () => '#1f5fbf';
const SOURCE_LABEL = { photo: FL.locationFromPhoto, device: FL.locationFromDevice, pin: FL.locationFromPin };

/** The grid and community at the point, when the network can tell. */
function Located({ point }: { point: [number, number] }) {
  const { l } = useI18n();
  const online = useOnline();
  const located = useFieldLocate(online ? point : null);
  if (!online) return <div className="cc-muted">{l(FL.locateOffline)}</div>;
  if (!located.data) return null;
  const r = located.data;
  if (!r.grid) return <div className="cc-field-warn">{l(FL.outsideGrids)}</div>;
  return (
    <div className="cc-muted" data-testid="field-located">
      {[r.street?.name, r.community?.name, `${r.grid.name}（${r.grid.code}）`].filter(Boolean).join(' / ')}
    </div>
  );
}

/**
 * Where the problem is: by default where the first photo was taken (or the phone is); a map sheet lets
 * the worker move the pin when the photo was taken from across the street.
 */
export function LocationField({
  value,
  onChange,
  fix,
  positionState,
  invalid,
}: {
  value: ReportLocation | null;
  onChange: (value: ReportLocation) => void;
  fix: Fix | null;
  positionState: PositionState;
  invalid?: boolean;
}) {
  const { l } = useI18n();
  const config = useConfig();
  const grids = useFieldGrids();
  const mapRef = useRef<MapViewHandle>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<[number, number] | null>(null);
  const onPick = useCallback((lng: number, lat: number) => setDraft([lng, lat]), []);
  const tile = config.data?.tileUrl
    ? { url: config.data.tileUrl, attribution: config.data.tileAttribution }
    : null;

  const openMap = () => {
    const start: [number, number] | null = value ? [value.lng, value.lat] : fix ? [fix.lng, fix.lat] : null;
    setDraft(start);
    setOpen(true);
    // After the sheet has laid out: Leaflet needs its size before it can centre.
    if (start) window.setTimeout(() => mapRef.current?.flyTo(start[0], start[1], 17), 350);
  };

  return (
    <div className={invalid ? 'cc-field-location cc-field-location-invalid' : 'cc-field-location'}>
      <div className="cc-field-location-row">
        <EnvironmentOutlined className="cc-field-location-icon" />
        <div className="cc-field-location-text" data-testid="field-location">
          {value ? (
            <>
              <div>
                {l(SOURCE_LABEL[value.source])}
                <span className="cc-mono cc-muted">{` ${value.lng.toFixed(5)}, ${value.lat.toFixed(5)}`}</span>
              </div>
              <Located point={[value.lng, value.lat]} />
            </>
          ) : (
            <div className="cc-muted">
              {positionState === 'locating'
                ? l(FL.locating)
                : positionState === 'denied'
                  ? l(FL.locationDenied)
                  : l(FL.locationRequired)}
            </div>
          )}
        </div>
        <Button size="small" onClick={openMap} data-testid="field-adjust-pin">
          {l(FL.adjustPin)}
        </Button>
      </div>
      <Drawer
        placement="bottom"
        size="92%"
        open={open}
        onClose={() => setOpen(false)}
        title={l(FL.adjustPin)}
        className="cc-field-sheet"
        styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
        extra={
          <Button
            type="primary"
            disabled={!draft}
            onClick={() => {
              if (draft) onChange({ lng: draft[0], lat: draft[1], source: 'pin' });
              setOpen(false);
            }}
            data-testid="field-pin-done"
          >
            {l(FL.pinDone)}
          </Button>
        }
      >
        <div className="cc-field-pin-map" data-testid="pick-map">
          <MapView
            ref={mapRef}
            features={grids.data?.features}
            colorOf={GRID_COLOR}
            selectedId={null}
            pickMode
            onPick={onPick}
            marker={draft}
            tile={tile}
            center={draft ?? (fix ? [fix.lng, fix.lat] : (config.data?.center ?? null))}
          />
          <div className="cc-map-hint">{l(FL.pinHint)}</div>
          {fix && (
            <Button
              className="cc-field-pin-me"
              shape="circle"
              icon={<AimOutlined />}
              aria-label={l(FL.useMyPosition)}
              onClick={() => {
                setDraft([fix.lng, fix.lat]);
                mapRef.current?.flyTo(fix.lng, fix.lat, 17);
              }}
            />
          )}
        </div>
      </Drawer>
    </div>
  );
}
