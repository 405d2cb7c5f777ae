import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { geometryAreaM2, geometryBbox } from './measure';
import { PackedPolygons } from './packed-polygons';
import type { AreaGeometry, BBox, Position } from './types';

/** A grid as the index needs it: id, area geometry and (if the caller already stores it) its bbox. */
export interface IndexedGrid {
  id: string;
  geometry: AreaGeometry;
  bbox?: BBox;
}

interface Candidate {
  id: string;
  areaM2: number;
}

/**
 * Order for points that fall in several grids (shared edges, vertices, overlapping drafts): the
 * smallest grid wins because it is the most specific, then the id in code-unit order so the result
 * never depends on input order or locale. Negative means `a` wins.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.areaM2 !== b.areaM2) return a.areaM2 - b.areaM2;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Exact test with the boundary counted as inside: a case filed exactly on a grid line still needs an owner. */
function turfContains(geometry: AreaGeometry, point: Position): boolean {
  return booleanPointInPolygon(point, geometry);
}

function bboxIsUsable(b: BBox): boolean {
  return b.every(Number.isFinite) && b[0] <= b[2] && b[1] <= b[3];
}

function bboxContains(b: BBox, lng: number, lat: number): boolean {
  return b[0] <= lng && lng <= b[2] && b[1] <= lat && lat <= b[3];
}

/** Point-in-grid lookup: a packed R-tree over grid bboxes, then an exact point-in-polygon test. */
export class GridIndex {
  /** Number of grids that can be located (grids with no usable outer ring are left out). */
  readonly size: number;

  private constructor(
    // null when there is nothing to index: Flatbush refuses a tree of zero items.
    private readonly tree: Flatbush | null,
    private readonly ids: readonly string[],
    private readonly geometries: readonly AreaGeometry[],
    private readonly packed: PackedPolygons,
    private readonly areas: Float64Array,
  ) {
    this.size = ids.length;
  }

  /** Builds the index; call again whenever grids change (the tree is immutable once packed). */
  static build(grids: readonly IndexedGrid[]): GridIndex {
    const ids: string[] = [];
    const geometries: AreaGeometry[] = [];
    const bboxes: BBox[] = [];
    for (const grid of grids) {
      const bbox = grid.bbox ?? geometryBbox(grid.geometry);
      // An empty or malformed outer ring can contain no point; keeping it would poison the tree with NaN.
      if (!bboxIsUsable(bbox)) continue;
      ids.push(grid.id);
      geometries.push(grid.geometry);
      bboxes.push(bbox);
    }
    if (ids.length === 0) {
      return new GridIndex(null, ids, geometries, PackedPolygons.pack([]), new Float64Array(0));
    }

    const tree = new Flatbush(ids.length);
    for (const [minLng, minLat, maxLng, maxLat] of bboxes) tree.add(minLng, minLat, maxLng, maxLat);
    tree.finish();
    // Areas up front so the tie-break in locate() costs nothing on the hot path.
    const areas = Float64Array.from(geometries, geometryAreaM2);
    return new GridIndex(tree, ids, geometries, PackedPolygons.pack(geometries), areas);
  }

  /** The one grid that owns the point, or null; ties on shared edges go to the smallest grid, then the lowest id. */
  locate(lng: number, lat: number): string | null {
    if (this.tree === null || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
    let best = -1;
    // The filter callback does the exact test during traversal, so no candidate array is built.
    this.tree.search(lng, lat, lng, lat, (i) => {
      if (this.contains(i, lng, lat) && (best < 0 || this.beats(i, best))) best = i;
      return false;
    });
    return best < 0 ? null : this.ids[best]!;
  }

  /** Every grid containing the point (boundary included), in tie-break order: the first one is what locate() returns. */
  locateAll(lng: number, lat: number): string[] {
    if (this.tree === null || !Number.isFinite(lng) || !Number.isFinite(lat)) return [];
    const hits = this.tree.search(lng, lat, lng, lat, (i) => this.contains(i, lng, lat));
    return hits.sort((a, b) => this.order(a, b)).map((i) => this.ids[i]!);
  }

  /** Packed fast path first; turf's exact arithmetic only for the rare point it cannot decide. */
  private contains(i: number, lng: number, lat: number): boolean {
    const fast = this.packed.contains(i, lng, lat);
    if (fast === 'undecided') return turfContains(this.geometries[i]!, [lng, lat]);
    return fast !== 'outside';
  }

  private beats(a: number, b: number): boolean {
    return this.order(a, b) < 0;
  }

  private order(a: number, b: number): number {
    return compareCandidates(
      { id: this.ids[a]!, areaM2: this.areas[a]! },
      { id: this.ids[b]!, areaM2: this.areas[b]! },
    );
  }
}

/** Full-scan baseline with the same answer as GridIndex.locate (used by the benchmark and as a test oracle). */
export function linearLocate(grids: readonly IndexedGrid[], lng: number, lat: number): string | null {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
  const point: Position = [lng, lat];
  let best: Candidate | null = null;
  for (const grid of grids) {
    const bbox = grid.bbox ?? geometryBbox(grid.geometry);
    // Same bbox pre-check as the tree's leaves, so the baseline is a fair "bbox columns, no index" scan.
    // A NaN or inverted (empty-ring) bbox contains nothing, so no separate usability check is needed.
    if (!bboxContains(bbox, lng, lat)) continue;
    if (!turfContains(grid.geometry, point)) continue;
    const candidate = { id: grid.id, areaM2: geometryAreaM2(grid.geometry) };
    if (best === null || compareCandidates(candidate, best) < 0) best = candidate;
  }
  return best?.id ?? null;
}
