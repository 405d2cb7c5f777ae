/** [lng, lat] in WGS84 / CGCS2000. */
export type Position = [number, number];
/** GeoJSON Polygon: outer ring first, then holes; rings closed (first position = last). */
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
/** GeoJSON MultiPolygon: a grid split into separate parts. */
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
/** Any geometry a grid or other area may have. */
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];
