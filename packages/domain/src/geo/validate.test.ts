import { describe, expect, it } from 'vitest';
import { validateAreaGeometry } from './validate';

const square = [
  [117, 36.6],
  [117.001, 36.6],
  [117.001, 36.601],
  [117, 36.601],
  [117, 36.6],
];
const hole = [
  [117.0004, 36.6004],
  [117.0004, 36.6006],
  [117.0006, 36.6006],
  [117.0006, 36.6004],
  [117.0004, 36.6004],
];

function reasonOf(g: unknown): string {
  const result = validateAreaGeometry(g);
  if (result.ok) throw new Error('expected the geometry to be rejected');
  return result.reason;
}

describe('validateAreaGeometry', () => {
  it('accepts a Polygon, with and without holes', () => {
    expect(validateAreaGeometry({ type: 'Polygon', coordinates: [square] })).toEqual({
      ok: true,
      geometry: { type: 'Polygon', coordinates: [square] },
    });
    expect(validateAreaGeometry({ type: 'Polygon', coordinates: [square, hole] }).ok).toBe(true);
  });

  it('accepts a MultiPolygon of separate parts', () => {
    const far = square.map(([lng, lat]) => [lng! + 0.01, lat!]);
    const result = validateAreaGeometry({ type: 'MultiPolygon', coordinates: [[square], [far]] });
    expect(result.ok).toBe(true);
  });

  it('returns a clean copy: extra members and altitude dropped, consecutive duplicates removed', () => {
    const ring3d = [
      [117, 36.6, 0],
      [117.001, 36.6, 0],
      [117.001, 36.6, 0],
      [117.001, 36.601, 0],
      [117, 36.601, 0],
      [117, 36.6, 0],
    ];
    const input = { type: 'Polygon', coordinates: [ring3d], bbox: [0, 0, 1, 1], properties: { name: 'x' } };
    const result = validateAreaGeometry(input);
    expect(result).toEqual({ ok: true, geometry: { type: 'Polygon', coordinates: [square] } });
    // The input must not be mutated: callers may still hold it.
    expect(input.coordinates[0]).toHaveLength(6);
  });

  it('rejects non-objects', () => {
    expect(reasonOf(null)).toBe('几何必须是 GeoJSON 对象，实际为 null');
    expect(reasonOf('Polygon')).toBe('几何必须是 GeoJSON 对象，实际为 string');
    expect(reasonOf([square])).toBe('几何必须是 GeoJSON 对象，实际为 数组');
  });

  it('rejects other geometry types and names the actual one', () => {
    expect(reasonOf({ type: 'LineString', coordinates: square })).toBe(
      '几何类型必须是 Polygon 或 MultiPolygon，实际为 LineString',
    );
    expect(reasonOf({ coordinates: [square] })).toBe(
      '几何类型必须是 Polygon 或 MultiPolygon，实际为 undefined',
    );
    expect(reasonOf({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] } })).toContain(
      '实际为 Feature',
    );
  });

  it('rejects malformed coordinate nesting', () => {
    expect(reasonOf({ type: 'Polygon' })).toBe('coordinates 必须是数组');
    expect(reasonOf({ type: 'Polygon', coordinates: [] })).toBe('多边形至少需要 1 个环（外环）');
    expect(reasonOf({ type: 'Polygon', coordinates: square })).toBe(
      '第 1 个环第 1 个点不是 [经度, 纬度] 数组',
    );
    expect(reasonOf({ type: 'Polygon', coordinates: ['x'] })).toBe('第 1 个环不是坐标数组');
    expect(reasonOf({ type: 'MultiPolygon', coordinates: [] })).toBe('MultiPolygon 至少需要 1 个多边形');
    expect(reasonOf({ type: 'MultiPolygon', coordinates: [[square], 'x'] })).toBe(
      '第 2 个多边形的 coordinates 必须是环的数组',
    );
  });

  it('rejects non-numeric coordinates', () => {
    const ring = square.map((p) => [...p]);
    ring[2] = [117.001, '36.601' as unknown as number];
    expect(reasonOf({ type: 'Polygon', coordinates: [ring] })).toBe(
      'coordinates 含非数字（第 1 个环第 3 个点）',
    );
    ring[2] = [117.001, Number.NaN];
    expect(reasonOf({ type: 'Polygon', coordinates: [ring] })).toMatch(/^coordinates 含非数字/);
    ring[2] = [117.001, null as unknown as number];
    expect(reasonOf({ type: 'Polygon', coordinates: [ring] })).toMatch(/^coordinates 含非数字/);
  });

  it('rejects coordinates outside lng/lat range (e.g. projected metres)', () => {
    const projected = [
      [500000, 4050000],
      [500100, 4050000],
      [500100, 4050100],
      [500000, 4050000],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [projected] })).toBe(
      '坐标超出经纬度范围（第 1 个环第 1 个点：500000, 4050000）',
    );
    const swapped = square.map(([lng, lat]) => [lat!, lng!]);
    expect(reasonOf({ type: 'Polygon', coordinates: [swapped] })).toContain('坐标超出经纬度范围');
  });

  it('rejects rings with fewer than 4 points', () => {
    const short = [square[0], square[1], square[0]];
    expect(reasonOf({ type: 'Polygon', coordinates: [short] })).toBe(
      '第 1 个环：环至少需要 4 个坐标点（首尾相同），实际为 3 个',
    );
    const dupes = [square[0], square[1], square[1], square[0]];
    expect(reasonOf({ type: 'Polygon', coordinates: [dupes] })).toContain('环至少需要 4 个坐标点');
  });

  it('rejects unclosed rings and says which one', () => {
    expect(reasonOf({ type: 'Polygon', coordinates: [square.slice(0, 4).concat([[117, 36.6005]])] })).toBe(
      '第 1 个环未闭合（首尾坐标不同）',
    );
    expect(reasonOf({ type: 'Polygon', coordinates: [square, hole.slice(0, 4)] })).toBe(
      '第 2 个环未闭合（首尾坐标不同）',
    );
    expect(reasonOf({ type: 'MultiPolygon', coordinates: [[square], [square.slice(0, 4)]] })).toBe(
      '第 2 个多边形的第 1 个环未闭合（首尾坐标不同）',
    );
  });

  it('rejects zero-area rings', () => {
    const flat = [
      [117, 36.6],
      [117.001, 36.6],
      [117.002, 36.6],
      [117, 36.6],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [flat] })).toBe('第 1 个环面积为零（坐标点共线）');
  });

  it('rejects a self-intersecting (bow-tie) polygon and locates the crossing', () => {
    const bowtie = [
      [117, 36.6],
      [117.0024, 36.6006],
      [117.0024, 36.6],
      [117, 36.6006],
      [117, 36.6],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [bowtie] })).toBe(
      '多边形自相交（第 1 处交点约在 117.0012, 36.6003）',
    );
  });

  it('counts several crossings and reports a hole crossing its outer ring', () => {
    const zigzag = [
      [0, 0],
      [3, 0],
      [3, 1],
      [0, 1],
      [0, 2],
      [1, -1],
      [2, 2],
      [2, -1],
      [0, 0],
    ];
    expect(reasonOf({ type: 'Polygon', coordinates: [zigzag] })).toMatch(
      /^多边形自相交（共 \d+ 处，第 1 处交点约在 /,
    );
    const crossingHole = hole.map(([lng, lat]) => [lng! + 0.0005, lat!]);
    expect(reasonOf({ type: 'Polygon', coordinates: [square, crossingHole] })).toMatch(/^多边形自相交/);
  });
});
