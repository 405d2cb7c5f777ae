import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { GridIndex, type IndexedGrid, linearLocate } from './grid-index';
import { geometryBbox } from './measure';
import type { Position } from './types';

/** Axis-aligned square ring, closed, counter-clockwise. */
function square(minLng: number, minLat: number, size: number): Position[] {
  return [
    [minLng, minLat],
    [minLng + size, minLat],
    [minLng + size, minLat + size],
    [minLng, minLat + size],
    [minLng, minLat],
  ];
}

function polygonGrid(id: string, ...rings: Position[][]): IndexedGrid {
  return { id, geometry: { type: 'Polygon', coordinates: rings } };
}

/** Small seeded PRNG (mulberry32) so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Jittered lattice: each shared vertex is jittered once, so neighbouring cells tile with no gap or overlap. */
function lattice(cols: number, rows: number, seed: number): { grids: IndexedGrid[]; vertices: Position[] } {
  const rnd = prng(seed);
  const step = 0.001;
  const vertices: Position[] = [];
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      const edge = i === 0 || j === 0 || i === cols || j === rows;
      const jx = edge ? 0 : (rnd() - 0.5) * 0.5 * step;
      const jy = edge ? 0 : (rnd() - 0.5) * 0.5 * step;
      vertices.push([117 + i * step + jx, 36.6 + j * step + jy]);
    }
  }
  const v = (i: number, j: number): Position => vertices[j * (cols + 1) + i]!;
  const grids: IndexedGrid[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const ring = [v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1), v(i, j)];
      grids.push(polygonGrid(`g-${i}-${j}`, ring));
    }
  }
  return { grids, vertices };
}

describe('GridIndex', () => {
  it('handles zero grids', () => {
    const index = GridIndex.build([]);
    expect(index.size).toBe(0);
    expect(index.locate(117, 36.6)).toBeNull();
    expect(index.locateAll(117, 36.6)).toEqual([]);
    expect(linearLocate([], 117, 36.6)).toBeNull();
  });

  it('finds the grid containing a point and null outside every grid', () => {
    const index = GridIndex.build([
      polygonGrid('a', square(117, 36.6, 0.01)),
      polygonGrid('b', square(117.01, 36.6, 0.01)),
    ]);
    expect(index.size).toBe(2);
    expect(index.locate(117.005, 36.605)).toBe('a');
    expect(index.locate(117.015, 36.605)).toBe('b');
    expect(index.locate(117.03, 36.605)).toBeNull();
    expect(index.locate(116.99, 36.605)).toBeNull();
  });

  it('uses the polygon, not just its bbox', () => {
    // Triangle: the bbox corner (117.009, 36.609) is outside the polygon.
    const triangle: Position[] = [
      [117, 36.6],
      [117.01, 36.6],
      [117, 36.61],
      [117, 36.6],
    ];
    const index = GridIndex.build([polygonGrid('t', triangle)]);
    expect(index.locate(117.001, 36.601)).toBe('t');
    expect(index.locate(117.009, 36.609)).toBeNull();
  });

  it('respects holes, and a grid filling the hole wins there', () => {
    const donut = polygonGrid('donut', square(117, 36.6, 0.03), square(117.01, 36.61, 0.01).reverse());
    expect(GridIndex.build([donut]).locate(117.015, 36.615)).toBeNull();
    expect(GridIndex.build([donut]).locate(117.005, 36.605)).toBe('donut');

    const index = GridIndex.build([donut, polygonGrid('core', square(117.01, 36.61, 0.01))]);
    expect(index.locate(117.015, 36.615)).toBe('core');
    expect(index.locate(117.005, 36.605)).toBe('donut');
  });

  it('locates inside any part of a MultiPolygon', () => {
    const multi: IndexedGrid = {
      id: 'islands',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[square(117, 36.6, 0.01)], [square(117.05, 36.65, 0.01)]],
      },
    };
    const index = GridIndex.build([multi]);
    expect(index.locate(117.005, 36.605)).toBe('islands');
    expect(index.locate(117.055, 36.655)).toBe('islands');
    // Between the parts: inside the combined bbox but in neither polygon.
    expect(index.locate(117.03, 36.63)).toBeNull();
  });

  it('accepts a precomputed bbox and trusts it', () => {
    const grid: IndexedGrid = {
      ...polygonGrid('a', square(117, 36.6, 0.01)),
      bbox: [117, 36.6, 117.01, 36.61],
    };
    expect(GridIndex.build([grid]).locate(117.005, 36.605)).toBe('a');
  });

  it('skips grids with no usable ring instead of failing the whole build', () => {
    const empty: IndexedGrid = { id: 'empty', geometry: { type: 'Polygon', coordinates: [] } };
    const index = GridIndex.build([empty, polygonGrid('a', square(117, 36.6, 0.01))]);
    expect(index.size).toBe(1);
    expect(index.locate(117.005, 36.605)).toBe('a');
    expect(linearLocate([empty], 117.005, 36.605)).toBeNull();
  });

  it('returns null for non-finite coordinates', () => {
    const index = GridIndex.build([polygonGrid('a', square(117, 36.6, 0.01))]);
    expect(index.locate(Number.NaN, 36.605)).toBeNull();
    expect(index.locateAll(117.005, Number.POSITIVE_INFINITY)).toEqual([]);
    expect(linearLocate([polygonGrid('a', square(117, 36.6, 0.01))], Number.NaN, 36.6)).toBeNull();
  });

  describe('points on shared boundaries', () => {
    const small = polygonGrid('small', square(117.01, 36.6, 0.005));
    const big = polygonGrid('big', square(117, 36.6, 0.01));
    // Binary-exact coordinates so the twins' areas are bit-for-bit equal and the id decides.
    const twinA = polygonGrid('twin-a', square(117.5, 36.5, 0.25));
    const twinB = polygonGrid('twin-b', square(117.75, 36.5, 0.25));

    it('gives a point on a shared edge to the smaller grid, whatever the input order', () => {
      const point: [number, number] = [117.01, 36.602];
      for (const grids of [
        [small, big],
        [big, small],
      ]) {
        const index = GridIndex.build(grids);
        expect(index.locate(...point)).toBe('small');
        expect(index.locateAll(...point)).toEqual(['small', 'big']);
        expect(linearLocate(grids, ...point)).toBe('small');
      }
    });

    it('breaks equal-area ties by id, whatever the input order', () => {
      const point: [number, number] = [117.75, 36.625];
      for (const grids of [
        [twinA, twinB],
        [twinB, twinA],
      ]) {
        expect(GridIndex.build(grids).locate(...point)).toBe('twin-a');
        expect(GridIndex.build(grids).locateAll(...point)).toEqual(['twin-a', 'twin-b']);
        expect(linearLocate(grids, ...point)).toBe('twin-a');
      }
    });

    it('finds both grids for a point exactly on a shared diagonal edge (exact-arithmetic fallback)', () => {
      const lower = polygonGrid('lower', [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]);
      const upper = polygonGrid('upper', [
        [0, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]);
      const index = GridIndex.build([upper, lower]);
      // Equal areas (mirror images), so the id decides.
      expect(index.locateAll(0.5, 0.5)).toEqual(['lower', 'upper']);
      expect(index.locate(0.5, 0.5)).toBe('lower');
      expect(linearLocate([upper, lower], 0.5, 0.5)).toBe('lower');
      expect(index.locateAll(0.75, 0.25)).toEqual(['lower']);
    });

    it('gives a shared lattice vertex to one grid and lists all four in locateAll', () => {
      const { grids, vertices } = lattice(3, 3, 7);
      const index = GridIndex.build(grids);
      const inner = vertices[1 * 4 + 1]!;
      const all = index.locateAll(...inner);
      expect(all.sort()).toEqual(['g-0-0', 'g-0-1', 'g-1-0', 'g-1-1']);
      expect(index.locate(...inner)).toBe(index.locateAll(...inner)[0]);
      expect(GridIndex.build([...grids].reverse()).locate(...inner)).toBe(index.locate(...inner));
    });
  });

  it('agrees with the linear scan on thousands of random points over a jittered lattice', () => {
    const { grids, vertices } = lattice(40, 30, 42);
    const index = GridIndex.build(grids);
    expect(index.size).toBe(1200);
    const rnd = prng(1);
    const points: [number, number][] = [];
    // Slightly beyond the lattice on every side, so some points are outside every grid.
    for (let n = 0; n < 4000; n++) points.push([116.998 + rnd() * 0.044, 36.598 + rnd() * 0.034]);
    // Vertices are the worst case: up to four grids contain them.
    for (let n = 0; n < vertices.length; n += 7) points.push(vertices[n]!);

    let located = 0;
    let outside = 0;
    const mismatches: string[] = [];
    // Stored bboxes, as in the database; without them each scan recomputes 1,200 bboxes per point.
    const withBbox = grids.map((g) => ({ id: g.id, geometry: g.geometry, bbox: geometryBbox(g.geometry) }));
    for (const [lng, lat] of points) {
      const expected = linearLocate(withBbox, lng, lat);
      const actual = index.locate(lng, lat);
      if (actual !== expected) mismatches.push(`${lng},${lat}: index ${actual} vs linear ${expected}`);
      if (expected === null) outside++;
      else located++;
    }
    expect(mismatches).toEqual([]);
    // Guard against a vacuous pass (e.g. both sides always null).
    expect(located).toBeGreaterThan(3000);
    expect(outside).toBeGreaterThan(50);
  });

  it('matches turf exactly for vertices and points interpolated onto grid edges', () => {
    const { grids } = lattice(12, 12, 5);
    const index = GridIndex.build(grids);
    const rnd = prng(77);
    const mismatches: string[] = [];
    for (const grid of grids) {
      const ring = (grid.geometry.coordinates as Position[][])[0]!;
      for (let k = 0; k < ring.length - 1; k++) {
        const [ax, ay] = ring[k]!;
        const [bx, by] = ring[k + 1]!;
        const t = rnd();
        for (const point of [ring[k]!, [ax + (bx - ax) * t, ay + (by - ay) * t] as Position]) {
          const expected = grids
            .filter((g) => booleanPointInPolygon(point, g.geometry))
            .map((g) => g.id)
            .sort();
          const actual = index.locateAll(...point).sort();
          if (actual.join() !== expected.join())
            mismatches.push(`${point.join(',')}: ${actual} vs ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('finds exactly one grid for interior points of a gap-free lattice', () => {
    const { grids } = lattice(20, 20, 3);
    const index = GridIndex.build(grids);
    const rnd = prng(9);
    for (let n = 0; n < 2000; n++) {
      const hits = index.locateAll(117.0005 + rnd() * 0.019, 36.6005 + rnd() * 0.019);
      // A random float lands on an edge with negligible probability, so exactly one owner: no gaps, no overlaps.
      expect(hits).toHaveLength(1);
    }
  });
});
