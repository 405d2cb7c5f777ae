import type { BBox, IndexedGrid, Position } from '@chuangcheng/domain';

/** Options for a synthetic grid lattice; defaults give ~100 m cells near Jinan (117.0, 36.6). */
export interface LatticeOptions {
  count: number;
  seed?: number;
  cellMetres?: number;
  origin?: Position;
  /** Corner jitter as a fraction of the cell size (each axis, ±). Keep ≤ 0.25 so cells stay simple. */
  jitter?: number;
  /** Extra vertices per cell edge: real grids follow streets, so they have more than four corners. */
  edgePoints?: number;
}

/** A generated lattice: the grids (no bbox, as if freshly imported) and the extent they cover. */
export interface Lattice {
  grids: IndexedGrid[];
  cols: number;
  rows: number;
  bbox: BBox;
}

const METRES_PER_DEGREE_LAT = 111_320;

/** Seeded PRNG (mulberry32): tiny, fast, and the same sequence on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Deterministic jittered lattice of `count` polygon grids. Every shared vertex (corners and the extra
 * points along each edge) is generated once and reused by both neighbours, so the cells tile the
 * plane with no gap and no overlap, like a real, cleaned-up grid layer.
 */
export function buildLattice(options: LatticeOptions): Lattice {
  const {
    count,
    seed = 20261123,
    cellMetres = 100,
    origin = [117.0, 36.6],
    jitter = 0.2,
    edgePoints = 3,
  } = options;
  const rnd = mulberry32(seed);
  const signed = () => rnd() * 2 - 1;
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)));
  const rows = Math.max(1, Math.ceil(count / cols));
  const [lng0, lat0] = origin;
  const dLat = cellMetres / METRES_PER_DEGREE_LAT;
  const dLng = cellMetres / (METRES_PER_DEGREE_LAT * Math.cos((lat0 * Math.PI) / 180));

  const corners: Position[] = [];
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      corners.push([lng0 + (i + signed() * jitter) * dLng, lat0 + (j + signed() * jitter) * dLat]);
    }
  }
  const corner = (i: number, j: number): Position => corners[j * (cols + 1) + i]!;

  // Wiggle perpendicular to the edge, small enough that neighbouring edges never cross.
  const wiggle = 0.08;
  const edge = (a: Position, b: Position, perpendicular: 'lng' | 'lat'): Position[] => {
    const points: Position[] = [];
    for (let m = 1; m <= edgePoints; m++) {
      const t = m / (edgePoints + 1);
      const lng = a[0] + (b[0] - a[0]) * t + (perpendicular === 'lng' ? signed() * wiggle * dLng : 0);
      const lat = a[1] + (b[1] - a[1]) * t + (perpendicular === 'lat' ? signed() * wiggle * dLat : 0);
      points.push([lng, lat]);
    }
    return points;
  };
  // Horizontal edge (i,j)→(i+1,j) and vertical edge (i,j)→(i,j+1), each stored in increasing direction.
  const horizontal: Position[][] = [];
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i < cols; i++) horizontal.push(edge(corner(i, j), corner(i + 1, j), 'lat'));
  }
  const vertical: Position[][] = [];
  for (let i = 0; i <= cols; i++) {
    for (let j = 0; j < rows; j++) vertical.push(edge(corner(i, j), corner(i, j + 1), 'lng'));
  }
  const h = (i: number, j: number) => horizontal[j * cols + i]!;
  const v = (i: number, j: number) => vertical[i * rows + j]!;

  const grids: IndexedGrid[] = [];
  for (let n = 0; n < count; n++) {
    const i = n % cols;
    const j = Math.floor(n / cols);
    // Counter-clockwise: bottom edge forward, right edge up, top edge back, left edge down.
    const ring: Position[] = [
      corner(i, j),
      ...h(i, j),
      corner(i + 1, j),
      ...v(i + 1, j),
      corner(i + 1, j + 1),
      ...[...h(i, j + 1)].reverse(),
      corner(i, j + 1),
      ...[...v(i, j)].reverse(),
      corner(i, j),
    ];
    grids.push({ id: `G${String(n).padStart(6, '0')}`, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  const bbox: BBox = [lng0 - dLng, lat0 - dLat, lng0 + (cols + 1) * dLng, lat0 + (rows + 1) * dLat];
  return { grids, cols, rows, bbox };
}
