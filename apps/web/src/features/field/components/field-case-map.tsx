import 'leaflet/dist/leaflet.css';
import { CASE_STATUS_LABELS } from '@chuangcheng/contracts';
import { Alert, Spin } from 'antd';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { type GridCanvas, gridCanvas } from '../../../components/grid-canvas';
import { QueryError } from '../../../components/query-error';
import { useConfig } from '../../../lib/config';
import { useI18n } from '../../../lib/i18n';
import { type FieldCaseQuery, type FieldMapPoint, useFieldCaseMap } from '../api/cases';
import { useFieldGrids } from '../api/catalog';
import { FL, fill, lightColor } from '../labels';

const GRID_COLOR = () => '#8fa3c2';

function el(tag: string, className: string, text: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

/**
 * The same cases on a map: the user's grids drawn as vectors (no tiles needed), one dot per case in the
 * colour of its light; a tap shows the case and a link to open it. A worker's few dozen cases need no
 * clustering.
 */
export function FieldCaseMap({ query }: { query: FieldCaseQuery }) {
  const { l } = useI18n();
  const navigate = useNavigate();
  const config = useConfig();
  const grids = useFieldGrids();
  const map = useFieldCaseMap(query, true);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const gridsRef = useRef<GridCanvas | null>(null);
  const dotsRef = useRef<L.LayerGroup | null>(null);
  const live = useRef({ l, navigate });
  live.current = { l, navigate };
  const center = config.data?.center ?? null;
  const initialCenter = useRef(center);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const c = initialCenter.current;
    const m = L.map(container, {
      zoomSnap: 0.5,
      minZoom: 3,
      maxZoom: 20,
      center: c ? [c[1], c[0]] : [35, 105],
      zoom: c ? 13 : 4,
    });
    m.attributionControl.setPrefix(false);
    const overlay = gridCanvas({ padding: 0.5 });
    overlay.addTo(m);
    const dots = L.layerGroup().addTo(m);
    mapRef.current = m;
    gridsRef.current = overlay;
    dotsRef.current = dots;
    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      m.remove();
      mapRef.current = null;
      gridsRef.current = null;
      dotsRef.current = null;
    };
  }, []);

  const features = grids.data?.features;
  useEffect(() => {
    if (features) gridsRef.current?.setFeatures(features, GRID_COLOR);
  }, [features]);

  const points = map.data?.points;
  useEffect(() => {
    const m = mapRef.current;
    const dots = dotsRef.current;
    if (!m || !dots || !points) return;
    dots.clearLayers();
    const popup = (p: FieldMapPoint) => {
      const root = el('div', 'cc-field-popup', '');
      root.append(
        el('div', 'cc-mono', p.number),
        el('div', '', p.categoryName),
        el('div', 'cc-muted', live.current.l(CASE_STATUS_LABELS[p.status])),
      );
      const link = el('a', '', live.current.l(FL.openCase)) as HTMLAnchorElement;
      link.href = `/field/cases/${p.id}`;
      link.addEventListener('click', (e) => {
        e.preventDefault();
        live.current.navigate(`/field/cases/${p.id}`);
      });
      root.append(link);
      return root;
    };
    for (const p of points) {
      L.circleMarker([p.lat, p.lng], {
        radius: 9,
        color: '#fff',
        weight: 2,
        fillColor: lightColor(p.light),
        fillOpacity: 0.95,
      })
        .bindPopup(() => popup(p))
        .addTo(dots);
    }
    if (points.length > 0) {
      m.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])), {
        padding: [40, 40],
        maxZoom: 17,
      });
    } else {
      const all = gridsRef.current?.allBounds();
      if (all) m.fitBounds(all, { padding: [20, 20] });
    }
  }, [points]);

  return (
    <div className="cc-field-map" data-testid="field-map">
      <div ref={containerRef} className="cc-map" />
      {map.isPending && map.fetchStatus !== 'paused' && (
        <div className="cc-map-overlay">
          <Spin />
        </div>
      )}
      {map.isPending && map.fetchStatus === 'paused' && (
        <div className="cc-map-hint">{l(FL.listOffline)}</div>
      )}
      {map.isError && (
        <div className="cc-map-overlay">
          <QueryError error={map.error} onRetry={() => map.refetch()} />
        </div>
      )}
      {map.data?.truncated && (
        <Alert
          className="cc-field-map-note"
          type="warning"
          showIcon
          title={fill(l(FL.mapTruncated), { n: map.data.points.length })}
        />
      )}
      {map.data && map.data.points.length === 0 && <div className="cc-map-hint">{l(FL.noCases)}</div>}
    </div>
  );
}
