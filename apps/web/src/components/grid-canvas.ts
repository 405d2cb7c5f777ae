import type { GridFeatureCollection } from '@chuangcheng/contracts';
import L from 'leaflet';

export type GridFeature = GridFeatureCollection['features'][number];

/**
 * All grids of a city on one Leaflet canvas renderer, drawn in one path per colour.
 *
 * Leaflet's own vector layers cost one object, one projection and one fill/stroke per polygon on
 * every redraw: fine for a few thousand grids, sluggish at 20,000. Here the vertices are projected
 * once (Web Mercator metres in typed arrays), each redraw is an affine transform plus ~30 fills, and
 * clicks are answered from a bucket index with a point-in-polygon test.
 *
 * It extends L.Canvas so panning, zoom animation, padding and retina scaling stay Leaflet's; it
 * relies on L.Canvas internals of Leaflet 1.9 (`_draw`, `_ctx`, `_bounds`, `_updatePaths`).
 */

interface Packed {
  ids: string[];
  /** Per feature: the colour bucket. */
  colorOf: Uint16Array;
  colors: string[];
  /** Per feature: bbox in metres [minX, minY, maxX, maxY]. */
  bbox: Float64Array;
  /** Per feature: first ring index (rings of feature i are ringStart[i] .. ringStart[i+1]-1). */
  ringStart: Uint32Array;
  /** Per ring: first vertex index; ringVertex[ring+1] ends it. Polygons of a MultiPolygon are rings too. */
  ringVertex: Uint32Array;
  /** Vertices in metres, x,y interleaved. */
  xy: Float64Array;
  /** Bucket index: cell → feature indices. */
  cells: Map<number, number[]>;
  cell: number;
  extent: [number, number, number, number];
}

/** Two points this far apart (metres) give the projection's scale without rounding trouble. */
const UNIT = 1_000_000;
const EMPTY_EXTENT: [number, number, number, number] = [0, 0, 0, 0];

function pack(
  features: GridFeature[],
  colorFor: (f: GridFeature) => string,
  project: (lng: number, lat: number) => [number, number],
): Packed {
  let ringCount = 0;
  let vertexCount = 0;
  for (const f of features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) {
      ringCount += polygon.length;
      for (const ring of polygon) vertexCount += ring.length;
    }
  }
  const n = features.length;
  const colors: string[] = [];
  const colorIndex = new Map<string, number>();
  const packed: Packed = {
    ids: new Array<string>(n),
    colorOf: new Uint16Array(n),
    colors,
    bbox: new Float64Array(n * 4),
    ringStart: new Uint32Array(n + 1),
    ringVertex: new Uint32Array(ringCount + 1),
    xy: new Float64Array(vertexCount * 2),
    cells: new Map(),
    cell: 1,
    extent: [...EMPTY_EXTENT],
  };
  let ring = 0;
  let v = 0;
  let [eMinX, eMinY, eMaxX, eMaxY] = [Infinity, Infinity, -Infinity, -Infinity];
  features.forEach((f, i) => {
    packed.ids[i] = f.id;
    const color = colorFor(f);
    let c = colorIndex.get(color);
    if (c === undefined) {
      c = colors.push(color) - 1;
      colorIndex.set(color, c);
    }
    packed.colorOf[i] = c;
    packed.ringStart[i] = ring;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) {
      for (const r of polygon) {
        packed.ringVertex[ring++] = v;
        for (const [lng, lat] of r) {
          const [x, y] = project(lng, lat);
          packed.xy[v * 2] = x;
          packed.xy[v * 2 + 1] = y;
          v++;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
    }
    packed.bbox.set([minX, minY, maxX, maxY], i * 4);
    eMinX = Math.min(eMinX, minX);
    eMinY = Math.min(eMinY, minY);
    eMaxX = Math.max(eMaxX, maxX);
    eMaxY = Math.max(eMaxY, maxY);
  });
  packed.ringStart[n] = ring;
  packed.ringVertex[ring] = v;
  if (n === 0) return packed;
  packed.extent = [eMinX, eMinY, eMaxX, eMaxY];
  // About two features per cell.
  const area = Math.max((eMaxX - eMinX) * (eMaxY - eMinY), 1);
  packed.cell = Math.max(Math.sqrt((area / n) * 2), 1);
  for (let i = 0; i < n; i++) {
    const [x0, y0, x1, y1] = [
      packed.bbox[i * 4]!,
      packed.bbox[i * 4 + 1]!,
      packed.bbox[i * 4 + 2]!,
      packed.bbox[i * 4 + 3]!,
    ];
    for (let cx = Math.floor(x0 / packed.cell); cx <= Math.floor(x1 / packed.cell); cx++) {
      for (let cy = Math.floor(y0 / packed.cell); cy <= Math.floor(y1 / packed.cell); cy++) {
        const key = cx * 1_000_003 + cy;
        const bucket = packed.cells.get(key);
        if (bucket) bucket.push(i);
        else packed.cells.set(key, [i]);
      }
    }
  }
  return packed;
}

/** Even-odd point in polygon over all rings of feature i (holes and multi-polygons included). */
function contains(p: Packed, i: number, x: number, y: number): boolean {
  let inside = false;
  for (let r = p.ringStart[i]!; r < p.ringStart[i + 1]!; r++) {
    const start = p.ringVertex[r]!;
    const end = p.ringVertex[r + 1]!;
    for (let a = start, b = end - 1; a < end; b = a++) {
      const xa = p.xy[a * 2]!;
      const ya = p.xy[a * 2 + 1]!;
      const xb = p.xy[b * 2]!;
      const yb = p.xy[b * 2 + 1]!;
      if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
    }
  }
  return inside;
}

export interface GridCanvasStyle {
  fillOpacity: number;
  strokeOpacity: number;
  selectedColor: string;
}

const STYLE: GridCanvasStyle = { fillOpacity: 0.35, strokeOpacity: 0.9, selectedColor: '#f5222d' };

interface CanvasInternals {
  _map: L.Map;
  _ctx: CanvasRenderingContext2D;
  _bounds: L.Bounds;
  _postponeUpdatePaths?: boolean;
  _redraw: () => void;
}

export interface GridCanvas extends L.Canvas {
  setFeatures: (features: GridFeature[], colorFor: (f: GridFeature) => string) => void;
  setColors: (colorFor: (f: GridFeature) => string) => void;
  setSelected: (id: string | null) => void;
  /** The grid under a point, topmost first. */
  hit: (latlng: L.LatLng) => string | null;
  boundsOf: (id: string) => L.LatLngBounds | null;
  allBounds: () => L.LatLngBounds | null;
}

export function gridCanvas(options?: L.RendererOptions): GridCanvas {
  let packed: Packed | null = null;
  let features: GridFeature[] = [];
  let byId = new Map<string, number>();
  let selected: number | null = null;
  let frame = 0;

  const project = (lng: number, lat: number): [number, number] => {
    const p = L.Projection.SphericalMercator.project(L.latLng(lat, lng));
    return [p.x, p.y];
  };
  const unproject = (x: number, y: number) => L.Projection.SphericalMercator.unproject(L.point(x, y));

  const Layer = L.Canvas.extend({
    _updatePaths(this: CanvasInternals) {
      if (this._postponeUpdatePaths) return;
      this._redraw();
    },

    _draw(this: CanvasInternals & GridCanvas) {
      const map = this._map;
      const ctx = this._ctx;
      if (!map || !ctx || !packed || packed.ids.length === 0) return;
      // metres → layer pixels is affine per axis at a given zoom: px = ax·x + bx, py = ay·y + by.
      const zoom = map.getZoom();
      const origin = map.getPixelOrigin();
      const p0 = map.project(unproject(0, 0), zoom);
      const p1 = map.project(unproject(UNIT, UNIT), zoom);
      const ax = (p1.x - p0.x) / UNIT;
      const ay = (p1.y - p0.y) / UNIT;
      const bx = p0.x - origin.x;
      const by = p0.y - origin.y;
      // The canvas area (with Leaflet's padding) in metres, to skip what is off screen.
      const b = this._bounds;
      const xa = (b.min!.x - bx) / ax;
      const xb = (b.max!.x - bx) / ax;
      const ya = (b.min!.y - by) / ay;
      const yb = (b.max!.y - by) / ay;
      const [vx0, vx1, vy0, vy1] = [Math.min(xa, xb), Math.max(xa, xb), Math.min(ya, yb), Math.max(ya, yb)];
      const p = packed;

      const visible: number[][] = p.colors.map(() => []);
      let widthSum = 0;
      let count = 0;
      for (let i = 0; i < p.ids.length; i++) {
        const o = i * 4;
        if (p.bbox[o + 2]! < vx0 || p.bbox[o]! > vx1 || p.bbox[o + 3]! < vy0 || p.bbox[o + 1]! > vy1)
          continue;
        visible[p.colorOf[i]!]!.push(i);
        if (count < 200) {
          widthSum += p.bbox[o + 2]! - p.bbox[o]!;
          count++;
        }
      }
      // Outlines of grids a few pixels wide are noise: fills only when zoomed far out.
      const typicalPx = count ? (widthSum / count) * Math.abs(ax) : 0;
      const strokes = typicalPx >= 6;

      const trace = (i: number) => {
        for (let r = p.ringStart[i]!; r < p.ringStart[i + 1]!; r++) {
          const start = p.ringVertex[r]!;
          const end = p.ringVertex[r + 1]!;
          for (let v = start; v < end; v++) {
            const x = ax * p.xy[v * 2]! + bx;
            const y = ay * p.xy[v * 2 + 1]! + by;
            if (v === start) ctx.moveTo(x, y);
            else ctx.lineTo(x, y);
          }
          ctx.closePath();
        }
      };

      ctx.save();
      ctx.lineJoin = 'round';
      ctx.lineWidth = 1;
      visible.forEach((indices, c) => {
        if (indices.length === 0) return;
        const color = p.colors[c]!;
        ctx.beginPath();
        for (const i of indices) trace(i);
        ctx.fillStyle = color;
        ctx.globalAlpha = STYLE.fillOpacity;
        ctx.fill('evenodd');
        if (strokes) {
          ctx.strokeStyle = color;
          ctx.globalAlpha = STYLE.strokeOpacity;
          ctx.stroke();
        }
      });
      if (selected !== null) {
        ctx.beginPath();
        trace(selected);
        ctx.fillStyle = p.colors[p.colorOf[selected]!]!;
        ctx.globalAlpha = 0.6;
        ctx.fill('evenodd');
        ctx.globalAlpha = 1;
        ctx.lineWidth = 3;
        ctx.strokeStyle = STYLE.selectedColor;
        ctx.stroke();
      }
      ctx.restore();
    },
  });

  const layer = new (Layer as unknown as new (o?: L.RendererOptions) => GridCanvas)(options);
  const internals = layer as unknown as CanvasInternals;

  const redraw = () => {
    if (!internals._map || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (internals._map) internals._redraw();
    });
  };

  layer.setFeatures = (next, colorFor) => {
    features = next;
    packed = pack(next, colorFor, project);
    byId = new Map(next.map((f, i) => [f.id, i]));
    selected = null;
    redraw();
  };
  layer.setColors = (colorFor) => {
    if (!packed) return;
    // Only the colour buckets change; geometry stays packed.
    const colors: string[] = [];
    const colorIndex = new Map<string, number>();
    features.forEach((f, i) => {
      const color = colorFor(f);
      let c = colorIndex.get(color);
      if (c === undefined) {
        c = colors.push(color) - 1;
        colorIndex.set(color, c);
      }
      packed!.colorOf[i] = c;
    });
    packed.colors = colors;
    redraw();
  };
  layer.setSelected = (id) => {
    selected = id ? (byId.get(id) ?? null) : null;
    redraw();
  };
  layer.hit = (latlng) => {
    if (!packed || packed.ids.length === 0) return null;
    const [x, y] = project(latlng.lng, latlng.lat);
    const key = Math.floor(x / packed.cell) * 1_000_003 + Math.floor(y / packed.cell);
    const candidates = packed.cells.get(key) ?? [];
    // Later features are drawn on top: test them first.
    for (let k = candidates.length - 1; k >= 0; k--) {
      const i = candidates[k]!;
      const o = i * 4;
      if (
        x < packed.bbox[o]! ||
        x > packed.bbox[o + 2]! ||
        y < packed.bbox[o + 1]! ||
        y > packed.bbox[o + 3]!
      )
        continue;
      if (contains(packed, i, x, y)) return packed.ids[i]!;
    }
    return null;
  };
  const boundsOfBox = (x0: number, y0: number, x1: number, y1: number) =>
    L.latLngBounds(unproject(x0, y0), unproject(x1, y1));
  layer.boundsOf = (id) => {
    const i = byId.get(id);
    if (i === undefined || !packed) return null;
    const o = i * 4;
    return boundsOfBox(packed.bbox[o]!, packed.bbox[o + 1]!, packed.bbox[o + 2]!, packed.bbox[o + 3]!);
  };
  layer.allBounds = () => {
    if (!packed || packed.ids.length === 0) return null;
    const [x0, y0, x1, y1] = packed.extent;
    return boundsOfBox(x0, y0, x1, y1);
  };
  return layer;
}
