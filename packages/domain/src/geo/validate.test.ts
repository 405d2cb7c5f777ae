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
      warnings: [],
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
    expect(result).toEqual({ ok: true, geometry: { type: 'Polygon', coordinates: [square] }, warnings: [] });
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
      '多边形的 coordinates 少一层嵌套：应为环的数组 [[[经度, 纬度], …]]',
    );
    expect(reasonOf({ type: 'Polygon', coordinates: [[square[0], 'x', 5, square[0]]] })).toBe(
      '第 1 个环第 2 个点不是 [经度, 纬度] 数组（该环共 2 个点如此）',
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
      '坐标超出经纬度范围（第 1 个环第 1 个点：500000, 4050000，该环共 4 个点如此）',
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
      '多边形自相交：第 1 个环自身交叉（约在 117.0012, 36.6003）',
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
      /^多边形自相交：第 1 个环自身交叉（共 \d+ 处，第 1 处约在 /,
    );
    const crossingHole = hole.map(([lng, lat]) => [lng! + 0.0005, lat!]);
    expect(reasonOf({ type: 'Polygon', coordinates: [square, crossingHole] })).toMatch(
      /^多边形自相交：第 1 个环与第 2 个环交叉（共 2 处/,
    );
  });
});

/** A closed ring through the given corners (small integers: exact in binary, easy to read). */
const ring = (...pts: [number, number][]) => [...pts, pts[0]!];
const box = (x: number, y: number, w: number, h = w) => ring([x, y], [x + w, y], [x + w, y + h], [x, y + h]);

function problemsOf(g: unknown, options = {}): string[] {
  const result = validateAreaGeometry(g, options);
  if (result.ok) throw new Error('expected the geometry to be rejected');
  return result.problems;
}

describe('validateAreaGeometry: OGC simple-features validity', () => {
  it('accepts MultiPolygon parts that touch at one corner', () => {
    const g = { type: 'MultiPolygon', coordinates: [[box(0, 0, 1)], [box(1, 1, 1)]] };
    expect(validateAreaGeometry(g)).toEqual({ ok: true, geometry: g, warnings: [] });
  });

  it('accepts parts that touch at several single points, and a vertex touching the middle of an edge', () => {
    // A U-shape and a bar across its mouth, meeting at the two tips only.
    const u = ring([0, 0], [3, 0], [3, 2], [2, 2], [2, 1], [1, 1], [1, 2], [0, 2]);
    const bar = ring([0, 2], [3, 2], [3, 3], [0, 3]);
    expect(validateAreaGeometry({ type: 'MultiPolygon', coordinates: [[u], [box(4, 0, 1)]] }).ok).toBe(true);
    // Triangle whose apex sits on the middle of the square's top edge.
    const apex = ring([1, 4], [3, 6], [-1, 6]);
    expect(validateAreaGeometry({ type: 'MultiPolygon', coordinates: [[box(0, 0, 2, 4)], [apex]] }).ok).toBe(
      true,
    );
    // Sharing a whole edge is not a touch at a point.
    expect(problemsOf({ type: 'MultiPolygon', coordinates: [[u], [bar]] })[0]).toMatch(
      /^第 1 个多边形的第 1 个环与第 2 个多边形的第 1 个环有重合的边/,
    );
  });

  it('accepts a hole touching its outer ring at one point', () => {
    const atVertex = ring([0, 0], [1, 2], [2, 1]);
    expect(validateAreaGeometry({ type: 'Polygon', coordinates: [box(0, 0, 4), atVertex] }).ok).toBe(true);
    const onEdge = ring([2, 0], [3, 1], [1, 1]);
    expect(validateAreaGeometry({ type: 'Polygon', coordinates: [box(0, 0, 4), onEdge] }).ok).toBe(true);
  });

  it('refuses a hole touching its outer ring at two points: the interior falls apart', () => {
    const wall = ring([0, 2], [2, 1], [4, 2], [2, 3]);
    expect(problemsOf({ type: 'Polygon', coordinates: [box(0, 0, 4), wall] })).toEqual([
      '第 1 个环与第 2 个环等环多处相接（约在 4, 2），把多边形内部分成了不相连的几块',
    ]);
  });

  it('still refuses rings that cross, including a crossing through a shared vertex', () => {
    const through = ring([2, 2], [5, 1], [5, 3]);
    expect(problemsOf({ type: 'Polygon', coordinates: [box(0, 0, 4), through] })[0]).toMatch(
      /^多边形自相交：第 1 个环与第 2 个环交叉/,
    );
    // The second part enters the square at its corner (0, 0) and leaves at (4, 4): no edge crosses another
    // between vertices, yet the parts overlap.
    const diagonal = ring([0, 0], [4, 4], [6, 2], [3, -2]);
    expect(problemsOf({ type: 'MultiPolygon', coordinates: [[box(0, 0, 4)], [diagonal]] })).toEqual([
      expect.stringMatching(
        /^多边形自相交：第 1 个多边形的第 1 个环与第 2 个多边形的第 1 个环交叉（共 2 处，/,
      ),
    ]);
  });

  it('refuses a ring touching itself, and a spike', () => {
    // Figure eight through (1, 1).
    const eight = ring([0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2]);
    expect(problemsOf({ type: 'Polygon', coordinates: [eight] })).toEqual([
      '多边形自相交：第 1 个环自身接触（约在 1, 1），环不能经过同一点两次',
    ]);
    const spike = ring([0, 0], [2, 0], [2, 1], [3, 1], [2, 1], [2, 2], [0, 2]);
    expect(problemsOf({ type: 'Polygon', coordinates: [spike] })[0]).toBe(
      '多边形自相交：第 1 个环沿原路折返形成尖刺（约在 3, 1）',
    );
  });

  it('refuses holes outside their ring or inside another hole, and overlapping parts; an island in a lake is fine', () => {
    expect(problemsOf({ type: 'Polygon', coordinates: [box(0, 0, 2), box(5, 5, 1)] })).toEqual([
      '第 2 个环（内环）不在外环之内',
    ]);
    expect(problemsOf({ type: 'Polygon', coordinates: [box(0, 0, 10), box(1, 1, 5), box(2, 2, 1)] })).toEqual(
      ['第 3 个环位于第 2 个环之内：内环不能嵌套'],
    );
    expect(problemsOf({ type: 'MultiPolygon', coordinates: [[box(0, 0, 10)], [box(1, 1, 1)]] })).toEqual([
      '第 2 个多边形位于第 1 个多边形之内：多边形的各部分不能重叠',
    ]);
    const lake = { type: 'MultiPolygon', coordinates: [[box(0, 0, 10), box(2, 2, 6)], [box(4, 4, 1)]] };
    expect(validateAreaGeometry(lake).ok).toBe(true);
  });

  it('lists every problem of a geometry, not only the first', () => {
    const bowtie = ring([20, 0], [22, 2], [22, 0], [20, 2]);
    const problems = problemsOf({
      type: 'MultiPolygon',
      coordinates: [
        [box(0, 0, 1).slice(0, 4)], // not closed
        [
          box(3, 0, 1),
          [
            [3.2, 0.2],
            [3.4, 0.2],
            [3.2, 0.2],
          ],
        ], // a hole of 3 points
        [bowtie],
        [ring([30, 0], [31, 0], [32, 0])], // zero area
        [
          [
            [200, 0],
            [201, 0],
            [201, 1],
            [200, 0],
          ],
        ], // out of range
      ],
    });
    expect(problems).toEqual([
      '第 1 个多边形的第 1 个环未闭合（首尾坐标不同）',
      '第 2 个多边形的第 2 个环：环至少需要 4 个坐标点（首尾相同），实际为 3 个',
      '坐标超出经纬度范围（第 5 个多边形的第 1 个环第 1 个点：200, 0，该环共 4 个点如此）',
      '第 4 个多边形的第 1 个环面积为零（坐标点共线）',
      '多边形自相交：第 3 个多边形的第 1 个环自身交叉（约在 21, 1）',
    ]);
  });

  it('refuses a zero-area ring by default, and drops it with a warning when asked', () => {
    const sliverHole = ring([1, 1], [2, 1], [3, 1]);
    const g = { type: 'Polygon', coordinates: [box(0, 0, 4), sliverHole] };
    expect(problemsOf(g)).toEqual(['第 2 个环面积为零（坐标点共线）']);
    expect(validateAreaGeometry(g, { dropSlivers: true })).toEqual({
      ok: true,
      geometry: { type: 'Polygon', coordinates: [box(0, 0, 4)] },
      warnings: ['第 2 个环面积为零（坐标点共线），已去掉'],
    });
    // A zero-area part of a MultiPolygon (even one that doubles back on itself) goes with a warning per ring.
    const folded = ring([10, 0], [11, 1], [12, 0], [11, 1]);
    const multi = {
      type: 'MultiPolygon',
      coordinates: [[box(0, 0, 4)], [ring([6, 0], [7, 0], [8, 0]), box(6.2, 0, 0.1)], [folded]],
    };
    const kept = validateAreaGeometry(multi, { dropSlivers: true });
    expect(kept).toEqual({
      ok: true,
      geometry: { type: 'MultiPolygon', coordinates: [[box(0, 0, 4)]] },
      warnings: [
        '第 2 个多边形的第 1 个环面积为零（坐标点共线），已去掉第 2 个多边形（连同其 1 个内环）',
        '第 3 个多边形的第 1 个环面积为零（环沿原路折返），已去掉第 3 个多边形',
      ],
    });
    // Decimal degrees meant to be collinear miss the line by rounding: still zero area.
    const rounded = [
      [117.051, 36.601],
      [117.052, 36.602],
      [117.053, 36.603],
      [117.051, 36.601],
    ];
    expect(problemsOf({ type: 'Polygon', coordinates: [rounded] })).toEqual([
      '第 1 个环面积为零（坐标点共线）',
    ]);
    // Nothing left: still refused.
    expect(
      problemsOf({ type: 'Polygon', coordinates: [ring([0, 0], [1, 1], [2, 2])] }, { dropSlivers: true }),
    ).toEqual(['去掉面积为零的环后没有剩余的多边形']);
    // A symmetric bow-tie also sums to zero area, but it is a crossing, never dropped as a sliver.
    const bowtie = ring([0, 0], [2, 2], [2, 0], [0, 2]);
    expect(problemsOf({ type: 'Polygon', coordinates: [bowtie] }, { dropSlivers: true })[0]).toMatch(
      /^多边形自相交：第 1 个环自身交叉/,
    );
  });
});
