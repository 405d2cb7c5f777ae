import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { PackedPolygons } from './packed-polygons';
import type { AreaGeometry, Position } from './types';

function square(minX: number, minY: number, size: number): Position[] {
  return [
    [minX, minY],
    [minX + size, minY],
    [minX + size, minY + size],
    [minX, minY + size],
    [minX, minY],
  ];
}

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

/** Random star-shaped polygon (simple by construction) around a centre near Jinan. */
function star(rnd: () => number, cx: number, cy: number, vertices: number): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < vertices; k++) {
    const angle = (2 * Math.PI * k) / vertices;
    const r = 0.0004 + rnd() * 0.0006;
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return ring;
}

describe('PackedPolygons', () => {
  const donut: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2).reverse()] };
  const islands: AreaGeometry = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] };
  const packed = PackedPolygons.pack([donut, islands]);

  it('packs nothing without failing', () => {
    expect(() => PackedPolygons.pack([])).not.toThrow();
  });

  it('tells inside, outside and boundary apart', () => {
    expect(packed.contains(0, 0.5, 0.5)).toBe('inside');
    expect(packed.contains(0, 5, 5)).toBe('outside');
    expect(packed.contains(0, 0, 0)).toBe('boundary');
    expect(packed.contains(0, 4, 2)).toBe('boundary');
    expect(packed.contains(0, 2, 0)).toBe('boundary');
  });

  it('treats holes as outside and their edges as boundary', () => {
    expect(packed.contains(0, 2, 2)).toBe('outside');
    expect(packed.contains(0, 1, 2)).toBe('boundary');
    expect(packed.contains(0, 3, 3)).toBe('boundary');
  });

  it('checks every part of a MultiPolygon and keeps geometries apart', () => {
    expect(packed.contains(1, 0.5, 0.5)).toBe('inside');
    expect(packed.contains(1, 5.5, 5.5)).toBe('inside');
    expect(packed.contains(1, 3, 3)).toBe('outside');
    expect(packed.contains(0, 5.5, 5.5)).toBe('outside');
  });

  it('agrees with turf on random, vertex and on-edge points of random polygons', () => {
    const rnd = prng(11);
    const geometries: AreaGeometry[] = [];
    for (let n = 0; n < 50; n++) {
      geometries.push({
        type: 'Polygon',
        coordinates: [star(rnd, 117 + rnd() * 0.01, 36.6 + rnd() * 0.01, 5 + n)],
      });
    }
    const pack = PackedPolygons.pack(geometries);
    let undecided = 0;
    const disagreements: string[] = [];
    const check = (g: number, point: Position) => {
      const fast = pack.contains(g, point[0], point[1]);
      if (fast === 'undecided') {
        undecided++;
        return;
      }
      const turf = booleanPointInPolygon(point, geometries[g]!);
      if ((fast !== 'outside') !== turf) disagreements.push(`${g} ${point.join(',')}: ${fast} vs ${turf}`);
    };
    geometries.forEach((geometry, g) => {
      const ring = (geometry.coordinates as Position[][])[0]!;
      for (let n = 0; n < 200; n++) check(g, [117 - 0.001 + rnd() * 0.012, 36.6 - 0.001 + rnd() * 0.012]);
      for (let k = 0; k < ring.length - 1; k++) {
        const [ax, ay] = ring[k]!;
        const [bx, by] = ring[k + 1]!;
        check(g, [ax, ay]);
        const t = rnd();
        check(g, [ax + (bx - ax) * t, ay + (by - ay) * t]);
      }
    });
    expect(disagreements).toEqual([]);
    // Rounding puts interpolated points measurably off the edge, so the filter decides them all.
    expect(undecided).toBe(0);
  });

  it('defers a point exactly on a diagonal edge, where only exact arithmetic can say "boundary"', () => {
    const diamond: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
          [0, -1],
        ],
      ],
    };
    const pack = PackedPolygons.pack([diamond]);
    expect(pack.contains(0, 0.5, 0.5)).toBe('undecided');
    expect(booleanPointInPolygon([0.5, 0.5], diamond)).toBe(true);
    expect(pack.contains(0, 0, 0)).toBe('inside');
    expect(pack.contains(0, 0.75, 0.75)).toBe('outside');
  });
});
