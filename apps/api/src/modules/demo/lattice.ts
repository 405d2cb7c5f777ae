import type { PolygonGeometry, Position } from '@chuangcheng/domain';
import { hashInts } from './random';

// The city is a lattice of ~100 m cells around Jinan-like coordinates. Degrees per 100 m are fixed
// literals (computed with the WGS84 equatorial radius the domain's area formula uses, at lat 36.65)
// rather than Math.cos at run time, so the output cannot drift between platforms.
const CENTER_LNG = 117.02;
const CENTER_LAT = 36.65;
const CELL_DLNG = 0.0011196794;
const CELL_DLAT = 0.0008983153;
/** Vertex jitter as a fraction of a cell: small enough that every cell stays a convex quadrilateral. */
const JITTER = 0.12;
const COORD_SCALE = 1e7;

/** Lattice cells in Hilbert-curve order: consecutive cells share an edge. */
export interface Lattice {
  xs: Int32Array;
  ys: Int32Array;
  originLng: number;
  originLat: number;
}

/**
 * The first `count` cells of a Hilbert curve. Any run of consecutive cells along the curve is
 * edge-connected and compact, so cutting the sequence into runs gives contiguous districts, streets,
 * communities and blocks, nested for free; and the curve's prefix gives the city an irregular outline.
 */
export function hilbertLattice(count: number): Lattice {
  let order = 0;
  while (4 ** order < count) order++;
  const xs = new Int32Array(count);
  const ys = new Int32Array(count);
  let width = 0;
  let height = 0;
  for (let d = 0; d < count; d++) {
    const [a, b] = hilbertPoint(2 ** order, d);
    // Transposed so the city spreads east–west, which suits a landscape map.
    xs[d] = b;
    ys[d] = a;
    width = Math.max(width, b + 1);
    height = Math.max(height, a + 1);
  }
  return {
    xs,
    ys,
    originLng: CENTER_LNG - (width * CELL_DLNG) / 2,
    originLat: CENTER_LAT - (height * CELL_DLAT) / 2,
  };
}

/** Hilbert index → (x, y) on an n × n board (n a power of two); the classic iterative d2xy. */
function hilbertPoint(n: number, d: number): [number, number] {
  let x = 0;
  let y = 0;
  let t = d;
  for (let s = 1; s < n; s *= 2) {
    const rx = 1 & (t >>> 1);
    const ry = 1 & (t ^ rx);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const tmp = x;
      x = y;
      y = tmp;
    }
    x += s * rx;
    y += s * ry;
    t >>>= 2;
  }
  return [x, y];
}

/**
 * The jittered lattice vertex (x, y). Jitter is a hash of the vertex's own indices, so the four cells
 * sharing a vertex compute the very same coordinates: the grids tile with no gaps or overlaps.
 */
function vertex(lattice: Lattice, seed: number, x: number, y: number): Position {
  const jx = (hashInts(seed, x, y, 1) / 4294967296 - 0.5) * 2 * JITTER;
  const jy = (hashInts(seed, x, y, 2) / 4294967296 - 0.5) * 2 * JITTER;
  const lng = lattice.originLng + (x + jx) * CELL_DLNG;
  const lat = lattice.originLat + (y + jy) * CELL_DLAT;
  return [Math.round(lng * COORD_SCALE) / COORD_SCALE, Math.round(lat * COORD_SCALE) / COORD_SCALE];
}

/** The polygon of cell `i`: a counter-clockwise ring (RFC 7946), closed. */
export function cellPolygon(lattice: Lattice, seed: number, i: number): PolygonGeometry {
  const x = lattice.xs[i]!;
  const y = lattice.ys[i]!;
  const sw = vertex(lattice, seed, x, y);
  return {
    type: 'Polygon',
    coordinates: [
      [
        sw,
        vertex(lattice, seed, x + 1, y),
        vertex(lattice, seed, x + 1, y + 1),
        vertex(lattice, seed, x, y + 1),
        [...sw],
      ],
    ],
  };
}
