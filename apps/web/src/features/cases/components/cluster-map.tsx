import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import type { Light } from '@chuangcheng/contracts';
import L from 'leaflet';
// Registers L.markerClusterGroup on the leaflet import above (a UMD plugin; the order matters).
import 'leaflet.markercluster';
import { useEffect, useRef } from 'react';
import { type GridCanvas, type GridFeature, gridCanvas } from '../../../components/grid-canvas';
import type { CaseMapPoint } from '../api/case-map';
import { lightColor } from './case-format';

const RANK: Record<Light, number> = { green: 1, yellow: 2, red: 3 };
const LIGHT_BY_RANK: readonly (Light | null)[] = [null, 'green', 'yellow', 'red'];

function dotIcon(light: Light | null): L.DivIcon {
  return L.divIcon({
    className: '',
    html: `<span class="cc-light-dot cc-case-marker" style="background:${lightColor(light)}"></span>`,
    iconSize: [16, 16],
    iconAnchor: [8, 8],
    popupAnchor: [0, -8],
  });
}
const ICONS = new Map<Light | null, L.DivIcon>(LIGHT_BY_RANK.map((light) => [light, dotIcon(light)]));

/** A marker's light, for its cluster's colour. */
const lightOf = new WeakMap<L.Layer, Light | null>();

/** A cluster takes the worst light of its cases (one red case makes the cluster red) and shows their count. */
function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  let worst = 0;
  for (const m of cluster.getAllChildMarkers()) {
    const light = lightOf.get(m);
    if (light) worst = Math.max(worst, RANK[light]);
  }
  const count = cluster.getChildCount();
  const size = count < 10 ? 30 : count < 100 ? 36 : 44;
  return L.divIcon({
    className: '',
    html: `<div class="cc-case-cluster" style="width:${size}px;height:${size}px;background:${lightColor(LIGHT_BY_RANK[worst] ?? null)}">${count}</div>`,
    iconSize: [size, size],
  });
}

export interface ClusterMapProps {
  points: CaseMapPoint[] | undefined;
  /** Builds the popup of a point (a DOM node: Leaflet owns the popup). */
  popup: (point: CaseMapPoint) => HTMLElement;
  tile?: { url: string; attribution: string | null } | null;
  center?: [number, number] | null;
  /** Grid outlines drawn underneath (one canvas), so a dot reads against its grid. */
  grids?: GridFeature[] | undefined;
}

const GRID_COLOR = () => '#bfc8d6';

/** Cases as coloured dots, clustered; the view fits the points whenever they change. */
export function ClusterMap({ points, popup, tile, center, grids }: ClusterMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const clusterRef = useRef<L.MarkerClusterGroup | null>(null);
  const gridsRef = useRef<GridCanvas | null>(null);
  const popupRef = useRef(popup);
  popupRef.current = popup;
  const initialCenter = useRef(center);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const c = initialCenter.current;
    const map = L.map(container, {
      zoomSnap: 0.5,
      minZoom: 3,
      maxZoom: 20,
      center: c ? [c[1], c[0]] : [35, 105],
      zoom: c ? 12 : 4,
    });
    map.attributionControl.setPrefix(false);
    const cluster = L.markerClusterGroup({
      iconCreateFunction: clusterIcon,
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 50,
    });
    const overlay = gridCanvas({ padding: 0.5 });
    overlay.addTo(map);
    gridsRef.current = overlay;
    cluster.addTo(map);
    mapRef.current = map;
    clusterRef.current = cluster;
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
      clusterRef.current = null;
      gridsRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (grids) gridsRef.current?.setFeatures(grids, GRID_COLOR);
  }, [grids]);

  const tileUrl = tile?.url;
  const tileAttribution = tile?.attribution;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    const layer = L.tileLayer(tileUrl, { attribution: tileAttribution ?? '', maxZoom: 20 }).addTo(map);
    layer.bringToBack();
    return () => {
      layer.remove();
    };
  }, [tileUrl, tileAttribution]);

  useEffect(() => {
    const map = mapRef.current;
    const cluster = clusterRef.current;
    if (!map || !cluster || !points) return;
    cluster.clearLayers();
    const markers = points.map((p) => {
      const marker = L.marker([p.lat, p.lng], {
        icon: ICONS.get(p.light) ?? ICONS.get(null),
        title: p.number,
      });
      lightOf.set(marker, p.light);
      marker.bindPopup(() => popupRef.current(p));
      return marker;
    });
    cluster.addLayers(markers);
    if (markers.length > 0) {
      const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number]));
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 17 });
    }
  }, [points]);

  return (
    <div className="cc-map-wrap">
      <div ref={containerRef} className="cc-map" data-testid="case-map" />
    </div>
  );
}
