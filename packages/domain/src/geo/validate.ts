import { kinks } from '@turf/kinks';
import type { AreaGeometry, MultiPolygonGeometry, PolygonGeometry, Position } from './types';

/** Result of validating untrusted geometry: a clean copy, or the first problem in Chinese for the user. */
export type GeometryValidation = { ok: true; geometry: AreaGeometry } | { ok: false; reason: string };

/** Thrown internally to stop at the first problem; never escapes this module. */
class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  return typeof value;
}

/** Formats coordinates for messages: six decimals (~0.1 m) is enough to find the spot on a map. */
function formatCoord(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** Where we are, for messages: "第 2 个多边形的第 1 个环" for MultiPolygons, "第 1 个环" for Polygons. */
function ringLabel(polygonNo: number | null, ringNo: number): string {
  return polygonNo === null ? `第 ${ringNo} 个环` : `第 ${polygonNo} 个多边形的第 ${ringNo} 个环`;
}

function parsePosition(value: unknown, where: string): Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    fail(`${where}不是 [经度, 纬度] 数组`);
  }
  // A third value (altitude, often 0 in KML/SHP exports) is accepted and dropped: grids are 2-D.
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    fail(`coordinates 含非数字（${where}）`);
  }
  const [lng, lat] = value as [number, number];
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
    fail(`坐标超出经纬度范围（${where}：${formatCoord(lng)}, ${formatCoord(lat)}）`);
  }
  return [lng, lat];
}

/** Twice the planar signed area; exactly zero for rings whose points are all collinear or repeated. */
function planarArea2(ring: Position[]): number {
  // Relative to the first point: with raw lng/lat (~117, ~36) rounding alone would make the sum non-zero.
  const [x0, y0] = ring[0]!;
  let sum = 0;
  for (let i = 1; i < ring.length - 2; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  }
  return sum;
}

function parseRing(value: unknown, polygonNo: number | null, ringNo: number): Position[] {
  const label = ringLabel(polygonNo, ringNo);
  if (!Array.isArray(value)) fail(`${label}不是坐标数组`);
  // Parse every point first so a bad number is reported as such, not as an unclosed ring.
  const parsed = value.map((p, i) => parsePosition(p, `${label}第 ${i + 1} 个点`));
  if (parsed.length < 4) fail(`${label}：环至少需要 4 个坐标点（首尾相同），实际为 ${parsed.length} 个`);
  const first = parsed[0]!;
  const last = parsed[parsed.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) fail(`${label}未闭合（首尾坐标不同）`);
  // Digitising tools often repeat a vertex; harmless, but kinks() reports it as a self-intersection.
  const ring = parsed.filter((p, i) => i === 0 || p[0] !== parsed[i - 1]![0] || p[1] !== parsed[i - 1]![1]);
  if (ring.length < 4) fail(`${label}：环至少需要 4 个坐标点，去掉连续重复点后只剩 ${ring.length} 个`);
  return ring;
}

function parsePolygon(value: unknown, polygonNo: number | null): Position[][] {
  const where = polygonNo === null ? '多边形' : `第 ${polygonNo} 个多边形`;
  if (!Array.isArray(value)) fail(`${where}的 coordinates 必须是环的数组`);
  if (value.length === 0) fail(`${where}至少需要 1 个环（外环）`);
  return value.map((ring, i) => parseRing(ring, polygonNo, i + 1));
}

function parseGeometry(g: unknown): AreaGeometry {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) {
    fail(`几何必须是 GeoJSON 对象，实际为 ${describeType(g)}`);
  }
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    fail(
      `几何类型必须是 Polygon 或 MultiPolygon，实际为 ${typeof type === 'string' ? type : describeType(type)}`,
    );
  }
  if (!Array.isArray(coordinates)) fail('coordinates 必须是数组');
  if (type === 'Polygon') {
    const polygon: PolygonGeometry = { type, coordinates: parsePolygon(coordinates, null) };
    return polygon;
  }
  if (coordinates.length === 0) fail('MultiPolygon 至少需要 1 个多边形');
  const multi: MultiPolygonGeometry = {
    type,
    coordinates: coordinates.map((p, i) => parsePolygon(p, i + 1)),
  };
  return multi;
}

function checkSelfIntersection(geometry: AreaGeometry): void {
  // kinks also reports rings of one geometry crossing each other (a hole crossing its outer ring,
  // two MultiPolygon parts crossing), which is just as wrong for point-in-polygon ownership.
  const seen = new Set<string>();
  const points: Position[] = [];
  for (const f of kinks(geometry).features) {
    const [lng = Number.NaN, lat = Number.NaN] = f.geometry.coordinates;
    const key = `${formatCoord(lng)}, ${formatCoord(lat)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    points.push([lng, lat]);
  }
  const [first] = points;
  if (first === undefined) return;
  const where = `${formatCoord(first[0])}, ${formatCoord(first[1])}`;
  const count = points.length > 1 ? `共 ${points.length} 处，` : '';
  fail(`多边形自相交（${count}第 1 处交点约在 ${where}）`);
}

function checkNonZeroArea(geometry: AreaGeometry): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const multi = geometry.type === 'MultiPolygon';
  polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      // Runs after the kink check: a symmetric bow-tie also sums to zero but "self-intersecting" is the real cause.
      if (planarArea2(ring) === 0) fail(`${ringLabel(multi ? p + 1 : null, r + 1)}面积为零（坐标点共线）`);
    });
  });
}

/** Checks untrusted GeoJSON (an upload, a drawn grid) and returns a clean 2-D copy or the first problem. */
export function validateAreaGeometry(g: unknown): GeometryValidation {
  try {
    const geometry = parseGeometry(g);
    checkSelfIntersection(geometry);
    checkNonZeroArea(geometry);
    return { ok: true, geometry };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    throw e;
  }
}
