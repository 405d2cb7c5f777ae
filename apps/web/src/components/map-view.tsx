import 'leaflet/dist/leaflet.css';
import type { GridFeatureCollection } from '@chuangcheng/contracts';
import L from 'leaflet';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';

export type GridFeature = GridFeatureCollection['features'][number];

export interface MapViewHandle {
  /** Zooms to a grid. */
  focus: (id: string) => void;
  /** Zooms to all grids. */
  fitAll: () => void;
  flyTo: (lng: number, lat: number, zoom?: number) => void;
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

const SELECTED_STYLE: L.PathOptions = { color: '#f5222d', weight: 3, fillOpacity: 0.6 };

function baseStyle(color: string): L.PathOptions {
  return { color, weight: 1, opacity: 0.9, fillColor: color, fillOpacity: 0.35 };
}

/**
 * Leaflet map of grids drawn as vectors on one canvas (tens of thousands of polygons stay smooth).
 * Leaflet owns the DOM inside the container; React only passes data and callbacks in.
 */
export function MapView(props: MapViewProps) {
  const { ref } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const hoverRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const rendererRef = useRef<L.Canvas | null>(null);
  const gridLayerRef = useRef<L.GeoJSON | null>(null);
  const layersById = useRef(new Map<string, L.Path>());
  const featuresById = useRef(new Map<string, GridFeature>());
  const markerRef = useRef<L.CircleMarker | null>(null);
  const fittedRef = useRef(false);
  // Callbacks and modes read inside Leaflet handlers: kept in a ref so layers are not rebuilt for them.
  const live = useRef(props);
  live.current = props;

  useImperativeHandle(ref, () => ({
    focus: (id) => {
      const layer = layersById.current.get(id) as L.Polygon | undefined;
      if (layer && mapRef.current) mapRef.current.fitBounds(layer.getBounds(), { maxZoom: 17, padding: [40, 40] });
    },
    fitAll: () => {
      const layer = gridLayerRef.current;
      if (layer && mapRef.current && layer.getLayers().length) mapRef.current.fitBounds(layer.getBounds(), { padding: [20, 20] });
    },
    flyTo: (lng, lat, zoom) => mapRef.current?.setView([lat, lng], zoom ?? Math.max(mapRef.current.getZoom(), 16)),
  }));

  // Create the map once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const renderer = L.canvas({ padding: 0.5, tolerance: 2 });
    const center = live.current.center;
    const map = L.map(container, {
      preferCanvas: true,
      renderer,
      zoomSnap: 0.5,
      minZoom: 3,
      maxZoom: 20,
      center: center ? [center[1], center[0]] : [35, 105],
      zoom: center ? 13 : 4,
    });
    map.attributionControl.setPrefix(false);
    map.on('click', (e: L.LeafletMouseEvent) => {
      if (live.current.pickMode) live.current.onPick?.(e.latlng.lng, e.latlng.lat);
    });
    mapRef.current = map;
    rendererRef.current = renderer;
    // Lets end-to-end tests turn a lng/lat into a screen point; only under automation.
    if (navigator.webdriver) (window as unknown as { __ccMap?: L.Map }).__ccMap = map;
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
      gridLayerRef.current = null;
      markerRef.current = null;
      layersById.current.clear();
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

  // The grid layer, rebuilt when the features change.
  const { features } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !features) return;
    gridLayerRef.current?.remove();
    layersById.current.clear();
    featuresById.current.clear();
    const collection = { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection;
    const layer = L.geoJSON(collection, {
      style: (f) => baseStyle(live.current.colorOf(f as unknown as GridFeature)),
      // smoothFactor simplifies rings at low zoom: cheaper redraws of thousands of polygons.
      smoothFactor: 1.2,
      renderer: rendererRef.current ?? undefined,
      onEachFeature: (f, path) => {
        const feature = f as unknown as GridFeature;
        layersById.current.set(feature.id, path as L.Path);
        featuresById.current.set(feature.id, feature);
        path.on('click', (e: L.LeafletMouseEvent) => {
          if (live.current.pickMode) return; // the map's click handler reports the point
          L.DomEvent.stopPropagation(e);
          live.current.onFeatureClick?.(feature.id);
        });
        path.on('mouseover', () => {
          const hover = hoverRef.current;
          if (!hover) return;
          hover.textContent = live.current.hoverText?.(feature) ?? `${feature.properties.code} ${feature.properties.name}`;
          hover.style.display = 'block';
        });
        path.on('mouseout', () => {
          if (hoverRef.current) hoverRef.current.style.display = 'none';
        });
      },
    } as L.GeoJSONOptions);
    layer.addTo(map);
    gridLayerRef.current = layer;
    const selected = live.current.selectedId ? layersById.current.get(live.current.selectedId) : undefined;
    if (selected) {
      selected.setStyle(SELECTED_STYLE);
      selected.bringToFront();
    }
    if (!fittedRef.current && features.length > 0) {
      fittedRef.current = true;
      if (!live.current.selectedId) map.fitBounds(layer.getBounds(), { padding: [20, 20] });
    }
  }, [features]);

  // Colours (the legend's block palette may arrive after the grids).
  const { colorOf } = props;
  useEffect(() => {
    const selectedId = live.current.selectedId;
    for (const [id, layer] of layersById.current) {
      const feature = featuresById.current.get(id);
      if (feature) layer.setStyle(id === selectedId ? { ...baseStyle(colorOf(feature)), ...SELECTED_STYLE } : baseStyle(colorOf(feature)));
    }
  }, [colorOf]);

  // Selection highlight.
  const { selectedId } = props;
  useEffect(() => {
    if (!selectedId) return;
    const layer = layersById.current.get(selectedId);
    const feature = featuresById.current.get(selectedId);
    if (!layer || !feature) return;
    layer.setStyle(SELECTED_STYLE);
    layer.bringToFront();
    return () => {
      layer.setStyle(baseStyle(live.current.colorOf(feature)));
    };
  }, [selectedId, features]);

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
    const marker = L.circleMarker([markerLat, markerLng], {
      radius: 7,
      color: '#ffffff',
      weight: 2,
      fillColor: '#fa541c',
      fillOpacity: 1,
      interactive: false,
      renderer: rendererRef.current ?? undefined,
    }).addTo(map);
    markerRef.current = marker;
    return () => {
      marker.remove();
      markerRef.current = null;
    };
  }, [markerLng, markerLat]);

  return (
    <div className="cc-map-wrap">
      <div ref={containerRef} className="cc-map" data-testid="grid-map" />
      <div ref={hoverRef} className="cc-map-hover" />
    </div>
  );
}
