import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { PublicConfig } from '@chuangcheng/contracts';
import { useEffect, useRef } from 'react';

interface Props {
  config: PublicConfig;
  value: { lng: number; lat: number } | null;
  onChange?: (p: { lng: number; lat: number }) => void;
}

/**
 * A map to place (or show) the problem's pin. Tiles only from the city's own tile server when one
 * is configured; otherwise the city's extent is drawn so the pin still has a frame. Tap to move the pin.
 */
export function PinMap({ config, value, onChange }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const pin = useRef<L.CircleMarker | null>(null);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { zoomControl: true, attributionControl: Boolean(config.tileUrl) });
    map.current = m;
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '', maxZoom: 20 }).addTo(m);
    }
    const b = config.bounds;
    if (b) {
      const bounds = L.latLngBounds([b.minLat, b.minLng], [b.maxLat, b.maxLng]);
      L.rectangle(bounds, { color: '#c8161d', weight: 1, fill: false, dashArray: '4 4' }).addTo(m);
      m.fitBounds(bounds);
    } else if (config.center) {
      m.setView([config.center[1], config.center[0]], 14);
    }
    if (change.current) {
      m.on('click', (e: L.LeafletMouseEvent) => change.current?.({ lng: e.latlng.lng, lat: e.latlng.lat }));
    }
    return () => {
      m.remove();
      map.current = null;
      pin.current = null;
    };
  }, [config]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!value) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    const at = L.latLng(value.lat, value.lng);
    if (pin.current) pin.current.setLatLng(at);
    else
      pin.current = L.circleMarker(at, {
        radius: 10,
        color: '#fff',
        weight: 3,
        fillColor: '#c8161d',
        fillOpacity: 1,
      }).addTo(m);
    m.setView(at, Math.max(m.getZoom(), 16));
  }, [value]);

  return <div ref={box} className="pin-map" data-testid="pin-map" />;
}
