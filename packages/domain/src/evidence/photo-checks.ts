/**
 * Evidence checks on case photos (疑似不实): a perceptual hash to find a photo reused from another case,
 * the distance from the case's point, and the flags a verifier sees. Flags are shown, never blocking:
 * camera clocks drift and GPS wanders, so the person verifying decides.
 */

/** Flag codes; equal to `PHOTO_FLAG_CODES` in contracts (domain imports no contracts). */
export type PhotoFlagCode = 'TAKEN_BEFORE_DISPATCH' | 'TOO_FAR' | 'REUSED_PHOTO';

export interface PhotoFlag {
  code: PhotoFlagCode;
  /** Chinese text naming the figures: times, metres, the other case's number. */
  detail: string;
}

export interface LngLat {
  lng: number;
  lat: number;
}

/** A record's point, or null while it has none (a report with an address only, awaiting placing). */
export function pointOf(r: { lng: number | null; lat: number | null }): LngLat | null {
  return r.lng === null || r.lat === null ? null : { lng: r.lng, lat: r.lat };
}

/** dHash grid: 9 columns × 8 rows of grey values give 8 comparisons per row = 64 bits. */
export const DHASH_WIDTH = 9;
export const DHASH_HEIGHT = 8;
/**
 * Hashes at most this many bits apart are "the same picture" (re-encoded, resized, re-exposed); calibrated
 * in docs/benchmarks.md ("Photo reuse"): the highest threshold that flags no new photo of the labelled set.
 */
export const REUSE_MAX_HAMMING = 7;
export const DEFAULT_MAX_DISTANCE_M = 100;

/**
 * 64-bit difference hash of a 9×8 greyscale image (row-major, one value per pixel) as 16 hex digits:
 * bit = 1 where a pixel is brighter than its right neighbour, first row first, most significant first.
 */
export function dHash(grey: ArrayLike<number>): string {
  if (grey.length !== DHASH_WIDTH * DHASH_HEIGHT) {
    throw new RangeError(`dHash needs ${DHASH_WIDTH}×${DHASH_HEIGHT} grey values, got ${grey.length}`);
  }
  let hex = '';
  let nibble = 0;
  let bits = 0;
  for (let y = 0; y < DHASH_HEIGHT; y++) {
    for (let x = 0; x < DHASH_WIDTH - 1; x++) {
      const i = y * DHASH_WIDTH + x;
      nibble = (nibble << 1) | (grey[i]! > grey[i + 1]! ? 1 : 0);
      if (++bits === 4) {
        hex += nibble.toString(16);
        nibble = 0;
        bits = 0;
      }
    }
  }
  return hex;
}

/** Solves the small linear system a·x = b in place (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    const pivot = a[c]![c]!;
    if (pivot === 0) continue;
    for (let r = c + 1; r < n; r++) {
      const f = a[r]![c]! / pivot;
      for (let k = c; k < n; k++) a[r]![k]! -= f * a[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = b[r]!;
    for (let k = r + 1; k < n; k++) sum -= a[r]![k]! * x[k]!;
    x[r] = a[r]![r]! === 0 ? 0 : sum / a[r]![r]!;
  }
  return x;
}

/**
 * How much of the 9×8 grey grid the dHash is taken from is picture rather than shading: the RMS
 * residual, in grey levels, after the best quadratic surface (light falling off across the frame, the
 * lens darkening the corners) is taken away. A close-up of a plain wall or pavement leaves a few levels:
 * its bits follow the shading, which every such photo shares, so two different walls hash alike.
 */
export function dHashStructure(grey: ArrayLike<number>): number {
  if (grey.length !== DHASH_WIDTH * DHASH_HEIGHT) {
    throw new RangeError(`dHash needs ${DHASH_WIDTH}×${DHASH_HEIGHT} grey values, got ${grey.length}`);
  }
  const basis = (x: number, y: number) => [1, x, y, x * x, x * y, y * y];
  const ata = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  const atb = new Array<number>(6).fill(0);
  const at = (i: number) => basis((i % DHASH_WIDTH) / 4 - 1, Math.floor(i / DHASH_WIDTH) / 3.5 - 1);
  for (let i = 0; i < grey.length; i++) {
    const f = at(i);
    for (let r = 0; r < 6; r++) {
      atb[r]! += f[r]! * grey[i]!;
      for (let c = 0; c < 6; c++) ata[r]![c]! += f[r]! * f[c]!;
    }
  }
  const coef = solve(ata, atb);
  let sum = 0;
  for (let i = 0; i < grey.length; i++) {
    const f = at(i);
    const fit = f.reduce((s, v, k) => s + v * coef[k]!, 0);
    sum += (grey[i]! - fit) ** 2;
  }
  return Math.sqrt(sum / grey.length);
}

/**
 * Below this structure (grey levels, `dHashStructure`) a photo's dHash is not compared by similarity;
 * calibrated in docs/benchmarks.md ("Photo reuse").
 */
export const MIN_HASH_STRUCTURE = 8;

/**
 * The hash of a photo worth comparing by similarity, or null: too little structure, or almost every bit
 * alike. A photo without one still matches an identical file (by SHA-256).
 */
export function comparableHash(f: { dhash: string; structure: number }): string | null {
  return f.structure >= MIN_HASH_STRUCTURE && isInformativeHash(f.dhash) ? f.dhash : null;
}

const POPCOUNT4 = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];
const HEX = /^[0-9a-f]+$/i;

/** Number of differing bits between two hex hashes of the same length. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length || !HEX.test(a) || !HEX.test(b)) {
    throw new RangeError('hammingDistance needs two hex strings of the same length');
  }
  let d = 0;
  for (let i = 0; i < a.length; i++) d += POPCOUNT4[Number.parseInt(a[i]!, 16) ^ Number.parseInt(b[i]!, 16)]!;
  return d;
}

/**
 * A hash says little when almost every bit agrees: a flat or evenly graded picture (a blank wall, a
 * generated test image) hashes to ~0000… or ~ffff…, and all such pictures would "match" each other.
 * Only an informative hash is compared by similarity; any hash still matches an identical file.
 */
export function isInformativeHash(hash: string): boolean {
  const ones = hammingDistance(hash, '0'.repeat(hash.length));
  const bits = hash.length * 4;
  return ones >= bits / 8 && ones <= bits - bits / 8;
}

const MEAN_EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in metres; well under 0.5 % off at city scale. */
export function distanceM(a: LngLat, b: LngLat): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** What a photo says about where and when it was taken. */
export interface PhotoFacts {
  /** EXIF DateTimeOriginal as an instant. */
  exifTakenAt: Date | null;
  exifPoint: LngLat | null;
  /** Time and position the page recorded when the photo was taken. */
  capturedAt: Date | null;
  capturedPoint: LngLat | null;
}

/** The closest earlier photo found by the caller (same file, or hash within REUSE_MAX_HAMMING). */
export interface ReuseMatch {
  /** The other case's number; null when it is this case's own before-photo. */
  caseNumber: string | null;
  sameFile: boolean;
}

export interface PhotoCheckInput {
  /** Latest dispatch of the case; null for before-photos and self-handled cases (no time check). */
  dispatchedAt: Date | null;
  /** The case's point; null skips the distance check (before-photos). */
  casePoint: LngLat | null;
  maxDistanceM: number;
  reuse: ReuseMatch | null;
  /** The city's zone for the times written into the details (Asia/Shanghai: 480). */
  utcOffsetMinutes: number;
}

function localTime(d: Date, utcOffsetMinutes: number): string {
  return new Date(d.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

function tooEarly(p: PhotoFacts, c: PhotoCheckInput): PhotoFlag | null {
  if (!c.dispatchedAt) return null;
  const sources = [
    { at: p.exifTakenAt, from: '照片记录' },
    { at: p.capturedAt, from: '拍摄时页面记录' },
  ].filter((s): s is { at: Date; from: string } => s.at !== null && s.at < c.dispatchedAt!);
  const first = sources.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  if (!first) return null;
  return {
    code: 'TAKEN_BEFORE_DISPATCH',
    detail: `拍摄时间早于派遣时间：拍摄于 ${localTime(first.at, c.utcOffsetMinutes)}（${first.from}），派遣于 ${localTime(c.dispatchedAt, c.utcOffsetMinutes)}`,
  };
}

function tooFar(p: PhotoFacts, c: PhotoCheckInput): PhotoFlag | null {
  if (!c.casePoint) return null;
  const far = [
    { at: p.exifPoint, from: '照片 GPS' },
    { at: p.capturedPoint, from: '拍摄时页面定位' },
  ]
    .filter((s): s is { at: LngLat; from: string } => s.at !== null)
    .map((s) => ({ ...s, m: distanceM(s.at, c.casePoint!) }))
    .filter((s) => s.m > c.maxDistanceM)
    .sort((a, b) => b.m - a.m)[0];
  if (!far) return null;
  return { code: 'TOO_FAR', detail: `拍摄位置距案件位置 ${Math.round(far.m)} 米（${far.from}）` };
}

function reused(c: PhotoCheckInput): PhotoFlag | null {
  const r = c.reuse;
  if (!r) return null;
  const where = r.caseNumber === null ? '本案卷处置前' : `案卷 ${r.caseNumber} `;
  return { code: 'REUSED_PHOTO', detail: `与${where}的照片${r.sameFile ? '完全相同' : '相似'}` };
}

/** The flags of one photo, in a fixed order (time, place, reuse); empty when nothing is suspicious. */
export function photoFlags(photo: PhotoFacts, check: PhotoCheckInput): PhotoFlag[] {
  return [tooEarly(photo, check), tooFar(photo, check), reused(check)].filter(
    (f): f is PhotoFlag => f !== null,
  );
}

/** Degrees from EXIF degrees/minutes/seconds and a hemisphere letter; null when unusable. */
export function dmsToDegrees(dms: readonly number[] | number | undefined, ref: string | undefined) {
  const parts = typeof dms === 'number' ? [dms] : (dms ?? []);
  if (parts.length === 0 || parts.some((x) => typeof x !== 'number' || !Number.isFinite(x))) return null;
  const [d = 0, m = 0, s = 0] = parts;
  const deg = d + m / 60 + s / 3600;
  return ref === 'S' || ref === 'W' ? -deg : deg;
}

/** A GPS position from EXIF values, or null when missing, out of range or exactly 0,0 (no fix). */
export function exifPoint(
  lat: readonly number[] | number | undefined,
  latRef: string | undefined,
  lng: readonly number[] | number | undefined,
  lngRef: string | undefined,
): LngLat | null {
  const la = dmsToDegrees(lat, latRef);
  const lo = dmsToDegrees(lng, lngRef);
  if (la === null || lo === null || Math.abs(la) > 90 || Math.abs(lo) > 180) return null;
  if (la === 0 && lo === 0) return null;
  return { lng: lo, lat: la };
}

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * The instant of an EXIF wall-clock time (read as if it were UTC). EXIF carries no zone unless
 * OffsetTimeOriginal is set, so without it the time is read in the city's zone.
 */
export function exifInstant(
  wallClockAsUtc: Date,
  offsetTime: string | undefined,
  defaultOffsetMinutes: number,
): Date | null {
  if (Number.isNaN(wallClockAsUtc.getTime())) return null;
  const m = offsetTime ? OFFSET.exec(offsetTime.trim()) : null;
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : defaultOffsetMinutes;
  return new Date(wallClockAsUtc.getTime() - offset * 60_000);
}
