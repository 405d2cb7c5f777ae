import { describe, expect, it } from 'vitest';
import {
  comparableHash,
  dHash,
  dHashStructure,
  distanceM,
  dmsToDegrees,
  exifInstant,
  exifPoint,
  hammingDistance,
  isInformativeHash,
  MIN_HASH_STRUCTURE,
  type PhotoCheckInput,
  type PhotoFacts,
  photoFlags,
} from './photo-checks';

const grid = (f: (x: number, y: number) => number) =>
  Array.from({ length: 72 }, (_, i) => f(i % 9, Math.floor(i / 9)));

describe('dHash', () => {
  it.each([
    ['flat image: no pixel brighter than its neighbour', grid(() => 128), '0000000000000000'],
    ['brightness falling left to right: every bit set', grid((x) => 255 - x * 20), 'ffffffffffffffff'],
    ['rising left to right: no bit set', grid((x) => x * 20), '0000000000000000'],
    ['only the first row falls', grid((x, y) => (y === 0 ? 100 - x : 0)), 'ff00000000000000'],
    [
      'only the last column step of the last row',
      grid((x, y) => (y === 7 && x === 7 ? 9 : 0)),
      '0000000000000001',
    ],
  ])('%s', (_name, pixels, hash) => {
    expect(dHash(pixels)).toBe(hash);
  });

  it('refuses a grid of the wrong size', () => {
    expect(() => dHash([1, 2, 3])).toThrow(RangeError);
  });

  it('barely moves when the brightness changes uniformly', () => {
    const base = grid((x, y) => (x * 37 + y * 91) % 256);
    const brighter = base.map((v) => Math.min(255, v + 3));
    expect(hammingDistance(dHash(base), dHash(brighter))).toBeLessThanOrEqual(6);
  });
});

describe('hammingDistance', () => {
  it.each([
    ['0000000000000000', '0000000000000000', 0],
    ['0000000000000000', 'ffffffffffffffff', 64],
    ['8000000000000001', '0000000000000000', 2],
    ['a5a5a5a5a5a5a5a5', '5a5a5a5a5a5a5a5a', 64],
    ['ABCDEF0123456789', 'abcdef0123456789', 0],
  ])('%s vs %s → %i', (a, b, d) => {
    expect(hammingDistance(a, b)).toBe(d);
  });

  it('refuses hashes of different lengths or non-hex', () => {
    expect(() => hammingDistance('00', '000')).toThrow(RangeError);
    expect(() => hammingDistance('zz', '00')).toThrow(RangeError);
  });
});

describe('isInformativeHash', () => {
  it.each([
    ['0000000000000000', false],
    ['ffffffffffffffff', false],
    ['000000000000070f', false], // 7 bits set
    ['0000000000000f0f', true], // 8 bits set
    ['00000000000fff00', true], // 12 bits
    ['a5a5a5a5a5a5a5a5', true],
    ['fffffffffffff0f0', true], // 56 bits set
    ['fffffffffffffff0', false], // 60 bits set
  ])('%s → %s', (hash, informative) => {
    expect(isInformativeHash(hash)).toBe(informative);
  });
});

describe('dHashStructure and comparableHash', () => {
  it('sees no picture in shading: a flat grey, light falling off, a lens darkening the corners', () => {
    expect(dHashStructure(grid(() => 128))).toBeCloseTo(0, 6);
    expect(dHashStructure(grid((x, y) => 60 + 12 * x + 5 * y))).toBeCloseTo(0, 6);
    expect(dHashStructure(grid((x, y) => 200 - 3 * (x - 4) ** 2 - 4 * (y - 3.5) ** 2))).toBeCloseTo(0, 6);
  });

  it('sees edges: a facade against the sky, a checkerboard', () => {
    expect(dHashStructure(grid((x, y) => (y < 3 || x === 4 ? 220 : 60)))).toBeGreaterThan(30);
    expect(dHashStructure(grid((x, y) => ((x + y) % 2 ? 150 : 110)))).toBeCloseTo(20, 0);
  });

  it('compares a hash only with enough structure and a mix of bits', () => {
    const hash = 'a5a5a5a5a5a5a5a5';
    expect(comparableHash({ dhash: hash, structure: MIN_HASH_STRUCTURE })).toBe(hash);
    expect(comparableHash({ dhash: hash, structure: MIN_HASH_STRUCTURE - 0.1 })).toBeNull();
    expect(comparableHash({ dhash: '0000000000000000', structure: 50 })).toBeNull();
  });

  it('refuses a grid of the wrong size', () => {
    expect(() => dHashStructure([1, 2, 3])).toThrow(RangeError);
  });
});

describe('distanceM', () => {
  it.each([
    ['same point', { lng: 117, lat: 36.6 }, { lng: 117, lat: 36.6 }, 0, 0.001],
    ['0.001° of latitude ≈ 111 m', { lng: 117, lat: 36.6 }, { lng: 117, lat: 36.601 }, 111.2, 0.5],
    [
      '0.001° of longitude at 36.6° N ≈ 89 m',
      { lng: 117, lat: 36.6 },
      { lng: 117.001, lat: 36.6 },
      89.3,
      0.5,
    ],
    [
      'Beijing → Shanghai ≈ 1,067 km',
      { lng: 116.4074, lat: 39.9042 },
      { lng: 121.4737, lat: 31.2304 },
      1_067_000,
      5_000,
    ],
  ])('%s', (_name, a, b, metres, tolerance) => {
    expect(Math.abs(distanceM(a, b) - metres)).toBeLessThanOrEqual(tolerance);
  });
});

describe('EXIF values', () => {
  it.each([
    [[36, 39, 30], 'N', 36.658333],
    [[36, 39, 30], 'S', -36.658333],
    [[117, 0, 12.34], 'W', -117.003428],
    [36.5, 'N', 36.5],
  ] as const)('%j %s → %d', (dms, ref, deg) => {
    expect(dmsToDegrees(dms as never, ref)).toBeCloseTo(deg, 5);
  });

  it.each([
    ['missing', undefined, undefined, null],
    ['zero fix', [0, 0, 0], [0, 0, 0], null],
    ['out of range', [95, 0, 0], [117, 0, 0], null],
    ['not numbers', [Number.NaN], [117, 0, 0], null],
    ['a point', [36, 39, 30], [117, 0, 0], { lng: 117, lat: 36.658333 }],
  ] as const)('exifPoint: %s', (_name, lat, lng, expected) => {
    const p = exifPoint(lat as never, 'N', lng as never, 'E');
    if (expected === null) expect(p).toBeNull();
    else {
      expect(p!.lng).toBeCloseTo(expected.lng, 5);
      expect(p!.lat).toBeCloseTo(expected.lat, 5);
    }
  });

  it.each([
    ['no offset: the city zone (UTC+8)', undefined, '2026-11-23T01:30:00.000Z'],
    ['OffsetTimeOriginal +08:00', '+08:00', '2026-11-23T01:30:00.000Z'],
    ['OffsetTimeOriginal -05:00', '-05:00', '2026-11-23T14:30:00.000Z'],
    ['garbage offset: the city zone', 'local', '2026-11-23T01:30:00.000Z'],
  ])('exifInstant: %s', (_name, offset, iso) => {
    expect(exifInstant(new Date('2026-11-23T09:30:00Z'), offset, 480)?.toISOString()).toBe(iso);
  });
});

describe('photoFlags', () => {
  const casePoint = { lng: 117, lat: 36.6 };
  const dispatchedAt = new Date('2026-11-23T02:00:00Z'); // 10:00 in the city
  const none: PhotoFacts = { exifTakenAt: null, exifPoint: null, capturedAt: null, capturedPoint: null };
  const after: PhotoCheckInput = {
    dispatchedAt,
    casePoint,
    maxDistanceM: 100,
    reuse: null,
    utcOffsetMinutes: 480,
  };
  const before: PhotoCheckInput = { ...after, dispatchedAt: null, casePoint: null };
  const north = (m: number) => ({ lng: 117, lat: 36.6 + m / 111_195 });

  it.each<[string, Partial<PhotoFacts>, PhotoCheckInput, string[]]>([
    ['nothing known: no flag', {}, after, []],
    [
      'taken after dispatch, on the spot',
      { exifTakenAt: new Date('2026-11-23T03:00:00Z'), exifPoint: north(20) },
      after,
      [],
    ],
    [
      'EXIF time before dispatch',
      { exifTakenAt: new Date('2026-11-23T01:30:00Z') },
      after,
      [
        'TAKEN_BEFORE_DISPATCH:拍摄时间早于派遣时间：拍摄于 2026-11-23 09:30（照片记录），派遣于 2026-11-23 10:00',
      ],
    ],
    [
      'page time before dispatch, EXIF after: the page wins',
      { exifTakenAt: new Date('2026-11-23T03:00:00Z'), capturedAt: new Date('2026-11-22T12:00:00Z') },
      after,
      [
        'TAKEN_BEFORE_DISPATCH:拍摄时间早于派遣时间：拍摄于 2026-11-22 20:00（拍摄时页面记录），派遣于 2026-11-23 10:00',
      ],
    ],
    ['exactly at dispatch: not before', { capturedAt: dispatchedAt }, after, []],
    [
      'no dispatch (self-handled): no time check',
      { exifTakenAt: new Date('2020-01-01T00:00:00Z') },
      { ...after, dispatchedAt: null },
      [],
    ],
    [
      'captured 230 m away',
      { capturedPoint: north(230) },
      after,
      ['TOO_FAR:拍摄位置距案件位置 230 米（拍摄时页面定位）'],
    ],
    ['EXIF GPS 99 m away: within 100 m', { exifPoint: north(99) }, after, []],
    [
      'both far: the farther one is named',
      { exifPoint: north(500), capturedPoint: north(150) },
      after,
      ['TOO_FAR:拍摄位置距案件位置 500 米（照片 GPS）'],
    ],
    ['a wider limit', { capturedPoint: north(230) }, { ...after, maxDistanceM: 300 }, []],
    [
      'reused from another case',
      {},
      { ...after, reuse: { caseNumber: '20261123-0012', sameFile: false } },
      ['REUSED_PHOTO:与案卷 20261123-0012 的照片相似'],
    ],
    [
      'the same file as another case',
      {},
      { ...before, reuse: { caseNumber: '20261120-0003', sameFile: true } },
      ['REUSED_PHOTO:与案卷 20261120-0003 的照片完全相同'],
    ],
    [
      "the case's own before-photo as an after-photo",
      {},
      { ...after, reuse: { caseNumber: null, sameFile: true } },
      ['REUSED_PHOTO:与本案卷处置前的照片完全相同'],
    ],
    [
      'before-photo far away and early: only reuse is checked',
      { capturedPoint: north(900), exifTakenAt: new Date(0) },
      before,
      [],
    ],
    [
      'all three, in order',
      { exifTakenAt: new Date('2026-11-23T01:00:00Z'), capturedPoint: north(300) },
      { ...after, reuse: { caseNumber: '20261123-0001', sameFile: false } },
      [
        'TAKEN_BEFORE_DISPATCH:拍摄时间早于派遣时间：拍摄于 2026-11-23 09:00（照片记录），派遣于 2026-11-23 10:00',
        'TOO_FAR:拍摄位置距案件位置 300 米（拍摄时页面定位）',
        'REUSED_PHOTO:与案卷 20261123-0001 的照片相似',
      ],
    ],
  ])('%s', (_name, facts, check, expected) => {
    expect(photoFlags({ ...none, ...facts }, check).map((f) => `${f.code}:${f.detail}`)).toEqual(expected);
  });
});
