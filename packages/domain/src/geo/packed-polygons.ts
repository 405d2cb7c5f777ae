import type { AreaGeometry } from './types';

/** Error bound of the floating-point orientation test (Shewchuk's ccwerrboundA, as in robust-predicates). */
const EPSILON = 1.1102230246251565e-16;
const ORIENT_ERROR_BOUND = (3 + 16 * EPSILON) * EPSILON;

/** Outcome of the fast test: the point is in, on the boundary of, or outside a polygon, or it cannot tell. */
export type FastContains = 'inside' | 'boundary' | 'outside' | 'undecided';

/**
 * Many area geometries packed into flat typed arrays for point-in-polygon tests.
 *
 * Why: GeoJSON keeps every vertex in its own little array, scattered over the heap; with tens of
 * thousands of grids the test was dominated by cache misses, not arithmetic. Packed, one grid's
 * vertices sit in a few consecutive cache lines. Layout (each "start" array has a trailing sentinel):
 * geometry g → polygons geometryStart[g]..geometryStart[g+1] → rings polygonStart[p]..polygonStart[p+1]
 * → vertices ringStart[r]..ringStart[r+1] (x at coords[2v], y at coords[2v+1]).
 */
export class PackedPolygons {
  private constructor(
    private readonly coords: Float64Array,
    private readonly ringStart: Uint32Array,
    private readonly polygonStart: Uint32Array,
    private readonly geometryStart: Uint32Array,
  ) {}

  /** Packs the geometries; item i of the result is geometries[i]. */
  static pack(geometries: readonly AreaGeometry[]): PackedPolygons {
    let vertexCount = 0;
    let ringCount = 0;
    let polygonCount = 0;
    for (const g of geometries) {
      for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
        polygonCount++;
        for (const ring of polygon) {
          ringCount++;
          vertexCount += ring.length;
        }
      }
    }
    const coords = new Float64Array(vertexCount * 2);
    const ringStart = new Uint32Array(ringCount + 1);
    const polygonStart = new Uint32Array(polygonCount + 1);
    const geometryStart = new Uint32Array(geometries.length + 1);
    let v = 0;
    let r = 0;
    let p = 0;
    geometries.forEach((g, gi) => {
      geometryStart[gi] = p;
      for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
        polygonStart[p++] = r;
        for (const ring of polygon) {
          ringStart[r++] = v;
          for (const [x, y] of ring) {
            coords[2 * v] = x;
            coords[2 * v + 1] = y;
            v++;
          }
        }
      }
    });
    ringStart[r] = v;
    polygonStart[p] = r;
    geometryStart[geometries.length] = p;
    return new PackedPolygons(coords, ringStart, polygonStart, geometryStart);
  }

  /**
   * Whether geometry i contains (x, y), the boundary counting as inside; 'undecided' when an
   * orientation is too close to call in floating point, so the caller must use exact arithmetic.
   */
  contains(i: number, x: number, y: number): FastContains {
    const from = this.geometryStart[i]!;
    const to = this.geometryStart[i + 1]!;
    for (let p = from; p < to; p++) {
      const r = this.polygonContains(p, x, y);
      if (r !== 'outside') return r;
    }
    return 'outside';
  }

  /**
   * Crossing-number test over one polygon's rings (holes are just more rings). It mirrors
   * point-in-polygon-hao, which turf uses, step for step: every answer it gives is turf's answer.
   */
  private polygonContains(p: number, x: number, y: number): FastContains {
    const { coords, ringStart, polygonStart } = this;
    let crossings = 0;
    for (let r = polygonStart[p]!; r < polygonStart[p + 1]!; r++) {
      const first = ringStart[r]!;
      const end = ringStart[r + 1]!;
      if (end === first) continue;
      let u1 = coords[2 * first]! - x;
      let v1 = coords[2 * first + 1]! - y;
      for (let k = first + 1; k < end; k++) {
        const u2 = coords[2 * k]! - x;
        const v2 = coords[2 * k + 1]! - y;
        if (v1 === 0 && v2 === 0) {
          if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return 'boundary';
        } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
          const left = u2 * v1;
          const right = u1 * v2;
          const f = left - right;
          // Same filter as robust-predicates' orient2d: past it the sign of f is certainly right.
          if (!(Math.abs(f) >= ORIENT_ERROR_BOUND * Math.abs(left + right))) return 'undecided';
          if (f === 0) return 'boundary';
          if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) crossings++;
        }
        u1 = u2;
        v1 = v2;
      }
    }
    return crossings % 2 === 0 ? 'outside' : 'inside';
  }
}
