import { formatCoord, type TopoRing, topologyProblems } from './topology';
import type { AreaGeometry, MultiPolygonGeometry, PolygonGeometry, Position } from './types';

export interface GeometryOptions {
  /**
   * Drop rings of zero area (degenerate slivers a digitising tool leaves behind) with a warning each,
   * instead of refusing the geometry. An outer ring of zero area takes its polygon (and its holes) with it.
   */
  dropSlivers?: boolean;
}

/**
 * Result of validating untrusted geometry: a clean copy (and a warning per ring dropped), or every
 * problem found, each a sentence in Chinese; `reason` joins them for a single message.
 */
export type GeometryValidation =
  | { ok: true; geometry: AreaGeometry; warnings: string[] }
  | { ok: false; problems: string[]; reason: string };

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  return typeof value;
}

/** Where we are, for messages: "第 2 个多边形的第 1 个环" for MultiPolygons, "第 1 个环" for Polygons. */
function ringLabel(polygonNo: number | null, ringNo: number): string {
  return polygonNo === null ? `第 ${ringNo} 个环` : `第 ${polygonNo} 个多边形的第 ${ringNo} 个环`;
}

/** Twice the planar signed area of a ring. */
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

/**
 * Below this fraction of its extent squared, a ring's area is zero: points meant to be collinear but
 * written as decimal degrees (117.051, 36.601 …) miss the line by rounding (~1e-11 of the extent); no
 * real boundary is a billion times longer than it is wide.
 */
const FLAT = 1e-9;

function extent2(ring: Position[]): number {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) ** 2;
}

const zeroArea = (ring: Position[]) => Math.abs(planarArea2(ring)) <= FLAT * extent2(ring);

/** Every point on the line through the first point and the one farthest from it. */
function collinear(ring: Position[]): boolean {
  const [x0, y0] = ring[0]!;
  const far = ring.reduce((a, p) =>
    Math.hypot(p[0] - x0, p[1] - y0) > Math.hypot(a[0] - x0, a[1] - y0) ? p : a,
  );
  const tol = FLAT * extent2(ring);
  return ring.every((p) => Math.abs((far[0] - x0) * (p[1] - y0) - (far[1] - y0) * (p[0] - x0)) <= tol);
}

/** Collects every problem of one geometry instead of stopping at the first. */
class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
}

/** Each point of a ring: the first bad point of each kind is named, with how many share the problem. */
function parsePositions(value: unknown[], label: string, problems: Problems): Position[] | null {
  const bad = new Map<string, { message: (more: string) => string; count: number }>();
  const note = (kind: string, message: (more: string) => string) => {
    const b = bad.get(kind);
    if (b) b.count++;
    else bad.set(kind, { message, count: 1 });
  };
  const out: Position[] = [];
  value.forEach((p, i) => {
    const where = `${label}第 ${i + 1} 个点`;
    if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
      note('shape', (more) => `${where}不是 [经度, 纬度] 数组${more ? `（${more}）` : ''}`);
      return;
    }
    // A third value (altitude, often 0 in KML/SHP exports) is accepted and dropped: grids are 2-D.
    if (!p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      note('nan', (more) => `coordinates 含非数字（${where}${more ? `，${more}` : ''}）`);
      return;
    }
    const [lng, lat] = p as [number, number];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      const at = `${formatCoord(lng)}, ${formatCoord(lat)}`;
      note('range', (more) => `坐标超出经纬度范围（${where}：${at}${more ? `，${more}` : ''}）`);
      return;
    }
    out.push([lng, lat]);
  });
  for (const { message, count } of bad.values())
    problems.add(message(count > 1 ? `该环共 ${count} 个点如此` : ''));
  return bad.size ? null : out;
}

function parseRing(
  value: unknown,
  polygonNo: number | null,
  ringNo: number,
  problems: Problems,
): Position[] | null {
  const label = ringLabel(polygonNo, ringNo);
  if (!Array.isArray(value)) {
    problems.add(`${label}不是坐标数组`);
    return null;
  }
  // Parse every point first so a bad number is reported as such, not as an unclosed ring.
  const parsed = parsePositions(value, label, problems);
  if (!parsed) return null;
  if (parsed.length < 4) {
    problems.add(`${label}：环至少需要 4 个坐标点（首尾相同），实际为 ${parsed.length} 个`);
    return null;
  }
  const first = parsed[0]!;
  const last = parsed[parsed.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.add(`${label}未闭合（首尾坐标不同）`);
    return null;
  }
  // Digitising tools often repeat a vertex; harmless, but it would read as the ring touching itself.
  const ring = parsed.filter((p, i) => i === 0 || p[0] !== parsed[i - 1]![0] || p[1] !== parsed[i - 1]![1]);
  if (ring.length < 4) {
    problems.add(`${label}：环至少需要 4 个坐标点，去掉连续重复点后只剩 ${ring.length} 个`);
    return null;
  }
  return ring;
}

/** Rings of one polygon; null where a ring is unusable (its problem is recorded). */
function parsePolygon(
  value: unknown,
  polygonNo: number | null,
  problems: Problems,
): (Position[] | null)[] | null {
  const where = polygonNo === null ? '多边形' : `第 ${polygonNo} 个多边形`;
  if (!Array.isArray(value)) {
    problems.add(`${where}的 coordinates 必须是环的数组`);
    return null;
  }
  if (value.length === 0) {
    problems.add(`${where}至少需要 1 个环（外环）`);
    return null;
  }
  // [[lng, lat], …] where [[[lng, lat], …]] belongs: one message, not one per "ring".
  if (value.some((ring) => Array.isArray(ring) && typeof ring[0] === 'number')) {
    problems.add(`${where}的 coordinates 少一层嵌套：应为环的数组 [[[经度, 纬度], …]]`);
    return null;
  }
  return value.map((ring, i) => parseRing(ring, polygonNo, i + 1, problems));
}

interface Parsed {
  type: 'Polygon' | 'MultiPolygon';
  polygons: ((Position[] | null)[] | null)[];
}

function parseGeometry(g: unknown, problems: Problems): Parsed | null {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) {
    problems.add(`几何必须是 GeoJSON 对象，实际为 ${describeType(g)}`);
    return null;
  }
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    problems.add(
      `几何类型必须是 Polygon 或 MultiPolygon，实际为 ${typeof type === 'string' ? type : describeType(type)}`,
    );
    return null;
  }
  if (!Array.isArray(coordinates)) {
    problems.add('coordinates 必须是数组');
    return null;
  }
  if (type === 'Polygon') return { type, polygons: [parsePolygon(coordinates, null, problems)] };
  if (coordinates.length === 0) {
    problems.add('MultiPolygon 至少需要 1 个多边形');
    return null;
  }
  return { type, polygons: coordinates.map((p, i) => parsePolygon(p, i + 1, problems)) };
}

/** A zero-area ring that is not a bow-tie (whose halves cancel out): a degenerate sliver. */
function isSliver(ring: TopoRing): boolean {
  return (
    zeroArea(ring.points) && !topologyProblems([{ ...ring, hole: false }]).some((p) => p.kind === 'crossing')
  );
}

/**
 * Checks untrusted GeoJSON (an upload, a drawn grid) against the OGC simple-features rules and returns
 * a clean 2-D copy, or every problem found. Rings may touch each other at single points (a hole meeting
 * its outer ring, two parts meeting at a corner); they may not cross, share an edge or touch themselves.
 */
export function validateAreaGeometry(g: unknown, options: GeometryOptions = {}): GeometryValidation {
  const problems = new Problems();
  const warnings: string[] = [];
  const parsed = parseGeometry(g, problems);
  const multi = parsed?.type === 'MultiPolygon';
  const kept: { no: number; rings: TopoRing[] }[] = [];
  parsed?.polygons.forEach((rings, p) => {
    if (!rings) return;
    const no = p + 1;
    const topo = rings.flatMap((points, r) =>
      points ? [{ part: no, hole: r > 0, points, label: ringLabel(multi ? no : null, r + 1) }] : [],
    );
    const slivers = topo.filter(isSliver);
    for (const s of slivers) {
      const why = collinear(s.points) ? '坐标点共线' : '环沿原路折返';
      if (!options.dropSlivers) problems.add(`${s.label}面积为零（${why}）`);
      else if (s.hole) warnings.push(`${s.label}面积为零（${why}），已去掉`);
      else {
        const holes = rings.length - 1;
        const whole = multi ? `第 ${no} 个多边形` : '多边形';
        warnings.push(
          `${s.label}面积为零（${why}），已去掉${whole}${holes ? `（连同其 ${holes} 个内环）` : ''}`,
        );
      }
    }
    if (slivers.some((s) => !s.hole)) return;
    // A polygon with an unusable outer ring takes no part in the topology checks.
    if (topo[0]?.hole !== false) return;
    kept.push({ no, rings: topo.filter((r) => !slivers.includes(r)) });
  });
  const all = kept.flatMap((k) => k.rings);
  for (const p of topologyProblems(all)) problems.add(p.message);
  if (parsed && problems.list.length === 0 && kept.length === 0)
    problems.add('去掉面积为零的环后没有剩余的多边形');
  if (problems.list.length > 0)
    return { ok: false, problems: problems.list, reason: problems.list.join('；') };
  const polygons = kept.map((k) => k.rings.map((r) => r.points));
  const geometry: PolygonGeometry | MultiPolygonGeometry =
    parsed!.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  return { ok: true, geometry, warnings };
}
