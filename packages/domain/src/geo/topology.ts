/**
 * Ring topology for the OGC simple-features validity of an area: rings may not cross, overlap or touch
 * themselves; different rings may touch at single points (a hole meeting its outer ring, two parts of a
 * MultiPolygon meeting at a corner) but not cross or share an edge; a polygon's interior stays connected;
 * holes lie inside their outer ring and not inside each other; parts do not overlap.
 */
import type { Position } from './types';

/** One ring taking part in the checks: `part` is its polygon, `hole` false for the outer ring. */
export interface TopoRing {
  part: number;
  hole: boolean;
  /** Closed, without consecutive duplicates. */
  points: Position[];
  label: string;
}

/** What the checks found, each a sentence in Chinese naming the rings and a point to look at. */
export type TopoProblem = {
  kind: 'crossing' | 'overlap' | 'self-touch' | 'spike' | 'layout';
  message: string;
};

interface Segment {
  ring: number;
  index: number;
  a: Position;
  b: Position;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

type Hit =
  | { kind: 'none' }
  | { kind: 'cross'; at: Position }
  | { kind: 'overlap'; at: Position }
  | { kind: 'touch'; at: Position };

/** Six decimals (~0.1 m): enough to find the spot on a map. */
export function formatCoord(n: number): string {
  return String(Number(n.toFixed(6)));
}
const formatPoint = (p: Position) => `${formatCoord(p[0])}, ${formatCoord(p[1])}`;

const orient = (a: Position, b: Position, c: Position) =>
  Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

/** p lies within the bounding box of a–b (callers know the three are collinear). */
const within = (a: Position, b: Position, p: Position) =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1];

function classify(p1: Position, p2: Position, q1: Position, q2: Position): Hit {
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  if (d1 * d2 < 0 && d3 * d4 < 0) {
    const t =
      ((q1[0] - p1[0]) * (q2[1] - q1[1]) - (q1[1] - p1[1]) * (q2[0] - q1[0])) /
      ((p2[0] - p1[0]) * (q2[1] - q1[1]) - (p2[1] - p1[1]) * (q2[0] - q1[0]));
    return { kind: 'cross', at: [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])] };
  }
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // Collinear: the shared stretch along the longer axis.
    const axis = Math.abs(p2[0] - p1[0]) + Math.abs(q2[0] - q1[0]) >= Math.abs(p2[1] - p1[1]) ? 0 : 1;
    const [pLo, pHi] = p1[axis] <= p2[axis] ? [p1, p2] : [p2, p1];
    const [qLo, qHi] = q1[axis] <= q2[axis] ? [q1, q2] : [q2, q1];
    const lo = pLo[axis] >= qLo[axis] ? pLo : qLo;
    const hi = pHi[axis] <= qHi[axis] ? pHi : qHi;
    if (lo[axis] < hi[axis]) return { kind: 'overlap', at: lo };
    if (lo[axis] === hi[axis]) return { kind: 'touch', at: lo };
    return { kind: 'none' };
  }
  if (d1 === 0 && within(q1, q2, p1)) return { kind: 'touch', at: p1 };
  if (d2 === 0 && within(q1, q2, p2)) return { kind: 'touch', at: p2 };
  if (d3 === 0 && within(p1, p2, q1)) return { kind: 'touch', at: q1 };
  if (d4 === 0 && within(p1, p2, q2)) return { kind: 'touch', at: q2 };
  return { kind: 'none' };
}

/** The two directions (as angles) a ring leaves point `at` in: along its edges at a vertex, or along the edge it lies on. */
function directionsAt(ring: Position[], at: Position): [number, number] | null {
  const angle = (p: Position) => Math.atan2(p[1] - at[1], p[0] - at[0]);
  const n = ring.length - 1; // closed: the last point repeats the first
  for (let i = 0; i < n; i++) {
    if (same(ring[i]!, at)) return [angle(ring[(i - 1 + n) % n]!), angle(ring[i + 1]!)];
  }
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    if (orient(a, b, at) === 0 && within(a, b, at)) return [angle(a), angle(b)];
  }
  return null;
}

/** Angle `x` lies strictly inside the counter-clockwise arc from `from` to `to`. */
function inArc(from: number, to: number, x: number): boolean {
  const norm = (v: number) => ((v % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  const span = norm(to - from);
  const off = norm(x - from);
  return off > 0 && off < span;
}

/** Two rings meeting at `at` pass through each other there (rather than just touching). */
function crossesAt(a: Position[], b: Position[], at: Position): boolean {
  const da = directionsAt(a, at);
  const db = directionsAt(b, at);
  if (!da || !db) return false;
  // A direction shared with the other ring is a common edge, reported as an overlap.
  if (db.some((x) => da.includes(x))) return false;
  return inArc(da[0], da[1], db[0]) !== inArc(da[0], da[1], db[1]);
}

/** Ray casting: 1 inside, -1 outside, 0 on the boundary. */
function locate(ring: Position[], p: Position): -1 | 0 | 1 {
  let inside = false;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    if (orient(a, b, p) === 0 && within(a, b, p)) return 0;
    if (a[1] > p[1] !== b[1] > p[1]) {
      const x = a[0] + ((p[1] - a[1]) * (b[0] - a[0])) / (b[1] - a[1]);
      if (p[0] < x) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

/** Where `inner` lies relative to `outer` (rings known not to cross): by its first vertex off outer's boundary. */
function isInside(outer: Position[], inner: Position[]): boolean {
  for (const p of inner) {
    const where = locate(outer, p);
    if (where !== 0) return where === 1;
  }
  return false;
}

function segmentsOf(rings: readonly TopoRing[]): Segment[] {
  const segments: Segment[] = [];
  rings.forEach((r, ring) => {
    for (let index = 0; index < r.points.length - 1; index++) {
      const a = r.points[index]!;
      const b = r.points[index + 1]!;
      segments.push({
        ring,
        index,
        a,
        b,
        minX: Math.min(a[0], b[0]),
        maxX: Math.max(a[0], b[0]),
        minY: Math.min(a[1], b[1]),
        maxY: Math.max(a[1], b[1]),
      });
    }
  });
  return segments.sort((s, t) => s.minX - t.minX);
}

/** Consecutive edges of one ring (sharing a vertex by construction). */
function adjacent(s: Segment, t: Segment, rings: readonly TopoRing[]): boolean {
  if (s.ring !== t.ring) return false;
  const n = rings[s.ring]!.points.length - 1;
  const d = Math.abs(s.index - t.index);
  return d === 1 || d === n - 1;
}

/** Findings for one pair of rings (or one ring with itself), grouped so each pair is one message. */
class Findings {
  private readonly groups = new Map<
    string,
    { kind: TopoProblem['kind']; a: number; b: number; at: Map<string, Position> }
  >();
  add(kind: TopoProblem['kind'], a: number, b: number, at: Position): void {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const key = `${kind}:${lo}:${hi}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { kind, a: lo, b: hi, at: new Map() };
      this.groups.set(key, g);
    }
    g.at.set(formatPoint(at), at);
  }
  list() {
    return [...this.groups.values()];
  }
}

function where(points: Map<string, Position>): string {
  const keys = [...points.keys()];
  return keys.length > 1 ? `共 ${keys.length} 处，第 1 处约在 ${keys[0]}` : `约在 ${keys[0]}`;
}

function sentence(kind: TopoProblem['kind'], a: TopoRing, b: TopoRing, self: boolean, at: string): string {
  switch (kind) {
    case 'crossing':
      return self
        ? `多边形自相交：${a.label}自身交叉（${at}）`
        : `多边形自相交：${a.label}与${b.label}交叉（${at}）`;
    case 'overlap':
      return self
        ? `多边形自相交：${a.label}的边自身重叠（${at}）`
        : `${a.label}与${b.label}有重合的边（${at}）：环之间只能在点上相接，共边的多边形请合并为一个`;
    case 'self-touch':
      return `多边形自相交：${a.label}自身接触（${at}），环不能经过同一点两次`;
    case 'spike':
      return `多边形自相交：${a.label}沿原路折返形成尖刺（${at}）`;
    default:
      return at;
  }
}

/** Every topology problem of the rings (already parsed, closed and non-degenerate), each once per ring pair. */
export function topologyProblems(rings: readonly TopoRing[]): TopoProblem[] {
  const found = new Findings();
  // Touches between different rings: ring pair → points, checked for crossing-through and connectivity.
  const touches = new Map<string, { a: number; b: number; at: Map<string, Position> }>();
  rings.forEach((r, i) => {
    const p = r.points;
    const n = p.length - 1;
    for (let k = 0; k < n; k++) {
      // A vertex whose next edge runs straight back along the previous one: a zero-width spike.
      const prev = p[(k - 1 + n) % n]!;
      const next = p[k + 1]!;
      const v = p[k]!;
      if (
        orient(prev, v, next) === 0 &&
        (v[0] - prev[0]) * (next[0] - v[0]) + (v[1] - prev[1]) * (next[1] - v[1]) < 0
      )
        found.add('spike', i, i, v);
    }
  });
  const segments = segmentsOf(rings);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    for (let j = i + 1; j < segments.length; j++) {
      const t = segments[j]!;
      if (t.minX > s.maxX) break;
      if (t.minY > s.maxY || t.maxY < s.minY || adjacent(s, t, rings)) continue;
      const hit = classify(s.a, s.b, t.a, t.b);
      if (hit.kind === 'none') continue;
      if (hit.kind === 'cross') found.add('crossing', s.ring, t.ring, hit.at);
      else if (hit.kind === 'overlap') found.add('overlap', s.ring, t.ring, hit.at);
      else if (s.ring === t.ring) found.add('self-touch', s.ring, s.ring, hit.at);
      else {
        const [a, b] = s.ring < t.ring ? [s.ring, t.ring] : [t.ring, s.ring];
        const key = `${a}:${b}`;
        const entry = touches.get(key) ?? { a, b, at: new Map<string, Position>() };
        entry.at.set(formatPoint(hit.at), hit.at);
        touches.set(key, entry);
      }
    }
  }
  for (const { a, b, at } of touches.values()) {
    for (const p of at.values()) {
      if (crossesAt(rings[a]!.points, rings[b]!.points, p)) {
        found.add('crossing', a, b, p);
        at.delete(formatPoint(p));
      }
    }
  }
  const problems: TopoProblem[] = found.list().map((g) => ({
    kind: g.kind,
    message: sentence(g.kind, rings[g.a]!, rings[g.b]!, g.a === g.b, where(g.at)),
  }));
  // Where rings cross, inside/outside means nothing: the layout checks would only repeat the problem.
  if (problems.length === 0) problems.push(...layoutProblems(rings, [...touches.values()]));
  return problems;
}

/** Interior connected, holes inside their outer ring and not nested, parts not overlapping. */
function layoutProblems(
  rings: readonly TopoRing[],
  touches: readonly { a: number; b: number; at: Map<string, Position> }[],
): TopoProblem[] {
  const problems: TopoProblem[] = [];
  const layout = (message: string) => problems.push({ kind: 'layout', message });
  // Union-find over the rings of each polygon: a second link between rings already joined closes a loop
  // of touching rings, which cuts a piece off the interior.
  const parent = rings.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  for (const { a, b, at } of touches) {
    if (rings[a]!.part !== rings[b]!.part) continue;
    for (const p of at.values()) {
      const [ra, rb] = [find(a), find(b)];
      if (ra === rb) {
        layout(
          `${rings[a]!.label}与${rings[b]!.label}等环多处相接（约在 ${formatPoint(p)}），把多边形内部分成了不相连的几块`,
        );
        break;
      }
      parent[ra] = rb;
    }
  }
  const shells = rings.map((r, i) => ({ r, i })).filter(({ r }) => !r.hole);
  for (const [i, r] of rings.entries()) {
    if (!r.hole) continue;
    const shell = shells.find(({ r: s }) => s.part === r.part);
    if (shell && !isInside(shell.r.points, r.points)) layout(`${r.label}（内环）不在外环之内`);
    for (const [j, other] of rings.entries()) {
      if (j !== i && other.hole && other.part === r.part && isInside(other.points, r.points))
        layout(`${r.label}位于${other.label}之内：内环不能嵌套`);
    }
  }
  for (const { r: a } of shells) {
    for (const { r: b } of shells) {
      if (a === b || !isInside(a.points, b.points)) continue;
      // Inside a's outer ring but in one of its holes is an island in a lake: allowed.
      const inHole = rings.some((h) => h.hole && h.part === a.part && isInside(h.points, b.points));
      if (!inHole) layout(`第 ${b.part} 个多边形位于第 ${a.part} 个多边形之内：多边形的各部分不能重叠`);
    }
  }
  return problems;
}
