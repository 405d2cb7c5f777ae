import { useEffect, useRef } from 'react';
import { MapView, type MapViewHandle } from '../../../components/map-view';
import { useConfig } from '../../../lib/config';

const NO_GRIDS = () => '#1f5fbf';

/** Where the case is: a pin on a plain map (a base map only when the operator configured tiles). */
export function CaseMiniMap({ lng, lat }: { lng: number; lat: number }) {
  const config = useConfig();
  const mapRef = useRef<MapViewHandle>(null);
  const tile = config.data?.tileUrl
    ? { url: config.data.tileUrl, attribution: config.data.tileAttribution }
    : null;

  useEffect(() => {
    mapRef.current?.flyTo(lng, lat, 17);
  }, [lng, lat]);

  return (
    <div className="cc-mini-map" data-testid="case-mini-map">
      <MapView
        ref={mapRef}
        features={undefined}
        colorOf={NO_GRIDS}
        selectedId={null}
        marker={[lng, lat]}
        tile={tile}
        center={[lng, lat]}
      />
    </div>
  );
}
