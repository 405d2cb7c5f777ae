// Test-only geometry: an independent point-in-polygon and a bucketed lookup, so the tiling tests do not
// rely on the code they check.

import type { Position } from '@chuangcheng/domain';
import type { DemoGrid } from './types';

/** Even–odd ray casting; points exactly on an edge are not what the tests sample. */
export function ringContains(ring: Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const BUCKET = 0.005;

/** Finds every grid containing a point, using ~500 m buckets of grid bounding boxes. */
export function gridLocator(grids: readonly DemoGrid[]): (p: Position) => DemoGrid[] {
  const buckets = new Map<string, DemoGrid[]>();
  for (const g of grids) {
    for (let bx = Math.floor(g.minLng / BUCKET); bx <= Math.floor(g.maxLng / BUCKET); bx++) {
      for (let by = Math.floor(g.minLat / BUCKET); by <= Math.floor(g.maxLat / BUCKET); by++) {
        const key = `${bx}:${by}`;
        const list = buckets.get(key) ?? [];
        list.push(g);
        buckets.set(key, list);
      }
    }
  }
  return (p) => {
    const list = buckets.get(`${Math.floor(p[0] / BUCKET)}:${Math.floor(p[1] / BUCKET)}`) ?? [];
    return list.filter((g) => ringContains(g.geometry.coordinates[0]!, p));
  };
}

/** An edge's key, the same whichever grid (and direction) it is read from. */
export function edgeKey(a: Position, b: Position): string {
  const [p, q] = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? [a, b] : [b, a];
  return `${p[0]},${p[1]}|${q[0]},${q[1]}`;
}

/** Grids by edge key: two entries for a shared edge, one for the city's outline. */
export function edgeIndex(grids: readonly DemoGrid[]): Map<string, DemoGrid[]> {
  const edges = new Map<string, DemoGrid[]>();
  for (const g of grids) {
    const ring = g.geometry.coordinates[0]!;
    for (let i = 0; i + 1 < ring.length; i++) {
      const key = edgeKey(ring[i]!, ring[i + 1]!);
      const list = edges.get(key) ?? [];
      list.push(g);
      edges.set(key, list);
    }
  }
  return edges;
}

/** True when the grids form one piece, moving only across shared edges. */
export function isConnected(grids: readonly DemoGrid[], edges: Map<string, DemoGrid[]>): boolean {
  if (grids.length === 0) return true;
  const members = new Set(grids.map((g) => g.id));
  const seen = new Set<string>([grids[0]!.id]);
  const queue: DemoGrid[] = [grids[0]!];
  while (queue.length > 0) {
    const g = queue.pop()!;
    const ring = g.geometry.coordinates[0]!;
    for (let i = 0; i + 1 < ring.length; i++) {
      for (const n of edges.get(edgeKey(ring[i]!, ring[i + 1]!)) ?? []) {
        if (members.has(n.id) && !seen.has(n.id)) {
          seen.add(n.id);
          queue.push(n);
        }
      }
    }
  }
  return seen.size === members.size;
}

/** A tiny seeded generator for sample points (the tests must not depend on Math.random). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
