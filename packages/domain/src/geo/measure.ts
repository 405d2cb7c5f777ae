import type { AreaGeometry, BBox, Position } from './types';

const EARTH_RADIUS_M = 6378137;

function polygons(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Bounding box of the outer rings (holes lie inside them, so they cannot widen it). */
export function geometryBbox(g: AreaGeometry): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const poly of polygons(g)) {
    for (const [lng, lat] of poly[0] ?? []) {
      if (lng < minLng) minLng = lng;
      if (lat < minLat) minLat = lat;
      if (lng > maxLng) maxLng = lng;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** Spherical ring area (m², unsigned) — the formula turf and d3 use; good to well under 1 % for city grids. */
function ringArea(ring: Position[]): number {
  const n = ring.length;
  if (n < 4) return 0;
  let total = 0;
  for (let i = 0; i < n - 1; i++) {
    const [lng1, lat1] = ring[i]!;
    const [lng2, lat2] = ring[i + 1]!;
    total +=
      (((lng2 - lng1) * Math.PI) / 180) *
      (2 + Math.sin((lat1 * Math.PI) / 180) + Math.sin((lat2 * Math.PI) / 180));
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area in m²: outer rings minus holes. */
export function geometryAreaM2(g: AreaGeometry): number {
  let area = 0;
  for (const poly of polygons(g)) {
    poly.forEach((ring, i) => {
      area += i === 0 ? ringArea(ring) : -ringArea(ring);
    });
  }
  return area;
}

const METRES_PER_DEGREE_LAT = 111_320;

/**
 * A box that holds every point within `radiusM` of (lng, lat), a little wider than needed: the SQL
 * prefilter before an exact distance. Not for the poles or across the antimeridian (no city there).
 */
export function bboxAroundM(lng: number, lat: number, radiusM: number): BBox {
  const dLat = (radiusM / METRES_PER_DEGREE_LAT) * 1.01;
  const cos = Math.max(Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180), 0.01);
  const dLng = dLat / cos;
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}
