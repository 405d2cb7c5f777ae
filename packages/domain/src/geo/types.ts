/** [lng, lat] in WGS84 / CGCS2000. */
export type Position = [number, number];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];
