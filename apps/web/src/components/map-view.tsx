import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { type GridCanvas, type GridFeature, gridCanvas } from './grid-canvas';

export type { GridFeature };

export interface MapViewHandle {
  /** Zooms to a grid, keeping it clear of `bottom` pixels of panel. */
  focus: (id: string, bottom?: number) => void;
  /** Zooms to all grids. */
  fitAll: () => void;
  flyTo: (lng: number, lat: number, zoom?: number) => void;
  /** Pans (no zoom change) so a grid is not hidden under `bottom` pixels of panel. */
  reveal: (id: string, bottom: number) => void;
}

export interface MapViewProps {
  features: GridFeature[] | undefined;
  colorOf: (feature: GridFeature) => string;
  selectedId: string | null;
  onFeatureClick?: (id: string) => void;
  /** In pick mode a click anywhere (also on a grid) reports the point instead of selecting a grid. */
  pickMode?: boolean;
  onPick?: (lng: number, lat: number) => void;
  /** A point to mark, [lng, lat]. */
  marker?: [number, number] | null;
  /** Optional base map; without it the grids are drawn on a plain background (works offline). */
  tile?: { url: string; attribution: string | null } | null;
  /** Initial centre [lng, lat] before the grids are known. */
  center?: [number, number] | null;
  hoverText?: (feature: GridFeature) => string;
  ref?: Ref<MapViewHandle>;
}

const PIN = L.divIcon({ className: 'cc-map-pin', iconSize: [16, 16], iconAnchor: [8, 8] });

/**
 * Leaflet map of grids drawn as vectors on one canvas renderer (see grid-canvas.ts: tens of
 * thousands of polygons stay smooth). Leaflet owns the DOM inside the container; React passes data
 * and callbacks in.
 */
export function MapView(props: MapViewProps) {
  const { ref } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const hoverRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const gridsRef = useRef<GridCanvas | null>(null);
  const featuresById = useRef(new Map<string, GridFeature>());
  const fittedRef = useRef(false);
  // Callbacks and modes read inside Leaflet handlers: kept in a ref so handlers are bound once.
  const live = useRef(props);
  live.current = props;

  useImperativeHandle(ref, () => ({
    focus: (id, bottom = 0) => {
      const bounds = gridsRef.current?.boundsOf(id);
      if (bounds && mapRef.current) {
        mapRef.current.fitBounds(bounds, {
          maxZoom: 17,
          paddingTopLeft: [40, 40],
          paddingBottomRight: [40, 40 + bottom],
        });
      }
    },
    fitAll: () => {
      const bounds = gridsRef.current?.allBounds();
      if (bounds && mapRef.current) mapRef.current.fitBounds(bounds, { padding: [20, 20] });
    },
    flyTo: (lng, lat, zoom) =>
      mapRef.current?.setView([lat, lng], zoom ?? Math.max(mapRef.current.getZoom(), 16)),
    reveal: (id, bottom) => {
      const bounds = gridsRef.current?.boundsOf(id);
      if (bounds && mapRef.current) {
        mapRef.current.panInside(bounds.getCenter(), {
          paddingTopLeft: [20, 80],
          paddingBottomRight: [20, bottom + 20],
        });
      }
    },
  }));

  // Create the map once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const center = live.current.center;
    const map = L.map(container, {
      zoomSnap: 0.5,
      minZoom: 3,
      maxZoom: 20,
      center: center ? [center[1], center[0]] : [35, 105],
      zoom: center ? 13 : 4,
    });
    map.attributionControl.setPrefix(false);
    const grids = gridCanvas({ padding: 0.5 });
    grids.addTo(map);

    map.on('click', (e: L.LeafletMouseEvent) => {
      const { pickMode, onPick, onFeatureClick } = live.current;
      if (pickMode) {
        onPick?.(e.latlng.lng, e.latlng.lat);
        return;
      }
      const id = grids.hit(e.latlng);
      if (id) onFeatureClick?.(id);
    });
    map.on('mousemove', (e: L.LeafletMouseEvent) => {
      const hover = hoverRef.current;
      const id = grids.hit(e.latlng);
      const feature = id ? featuresById.current.get(id) : undefined;
      container.classList.toggle('cc-map-over-grid', Boolean(feature));
      if (!hover) return;
      if (feature) {
        hover.textContent =
          live.current.hoverText?.(feature) ?? `${feature.properties.code} ${feature.properties.name}`;
        hover.style.display = 'block';
      } else hover.style.display = 'none';
    });
    map.on('mouseout', () => {
      if (hoverRef.current) hoverRef.current.style.display = 'none';
    });

    mapRef.current = map;
    gridsRef.current = grids;
    // Lets end-to-end tests turn a lng/lat into a screen point; only under automation.
    if (navigator.webdriver) (window as unknown as { __ccMap?: L.Map }).__ccMap = map;
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
      gridsRef.current = null;
    };
  }, []);

  // Optional tile layer.
  const tileUrl = props.tile?.url;
  const tileAttribution = props.tile?.attribution;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    const tiles = L.tileLayer(tileUrl, { attribution: tileAttribution ?? '', maxZoom: 20 }).addTo(map);
    tiles.bringToBack();
    return () => {
      tiles.remove();
    };
  }, [tileUrl, tileAttribution]);

  // The grids, re-packed when the features change.
  const { features } = props;
  useEffect(() => {
    const map = mapRef.current;
    const grids = gridsRef.current;
    if (!map || !grids || !features) return;
    featuresById.current = new Map(features.map((f) => [f.id, f]));
    grids.setFeatures(features, live.current.colorOf);
    const { selectedId } = live.current;
    grids.setSelected(selectedId);
    if (!fittedRef.current && features.length > 0) {
      fittedRef.current = true;
      // Opened on a grid (?grid= from the grid list): start there; otherwise show everything.
      const selectedBounds = selectedId ? grids.boundsOf(selectedId) : null;
      const all = grids.allBounds();
      if (selectedBounds) map.fitBounds(selectedBounds, { maxZoom: 17, padding: [40, 40] });
      else if (all) map.fitBounds(all, { padding: [20, 20] });
    }
  }, [features]);

  // Colours (the legend's block palette may arrive after the grids).
  const { colorOf } = props;
  useEffect(() => {
    gridsRef.current?.setColors(colorOf);
  }, [colorOf]);

  // Selection highlight.
  const { selectedId } = props;
  useEffect(() => {
    gridsRef.current?.setSelected(selectedId);
  }, [selectedId]);

  // Pick-mode cursor.
  const { pickMode } = props;
  useEffect(() => {
    containerRef.current?.classList.toggle('cc-map-pick', Boolean(pickMode));
  }, [pickMode]);

  // The located point.
  const markerLng = props.marker?.[0];
  const markerLat = props.marker?.[1];
  useEffect(() => {
    const map = mapRef.current;
    if (!map || markerLng === undefined || markerLat === undefined) return;
    const marker = L.marker([markerLat, markerLng], { icon: PIN, interactive: false, keyboard: false }).addTo(
      map,
    );
    return () => {
      marker.remove();
    };
  }, [markerLng, markerLat]);

  return (
    <div className="cc-map-wrap">
      <div ref={containerRef} className="cc-map" data-testid="grid-map" />
      <div ref={hoverRef} className="cc-map-hover" />
    </div>
  );
}
