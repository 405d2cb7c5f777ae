// Seeded randomness for the demo city. Everything here is pure integer arithmetic (Math.imul, shifts),
// so the same seed yields the same bits on every machine and Node version.

/** A 32-bit avalanche mix (Chris Wellons' lowbias32): good enough to turn counters into noise. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes integers into one 32-bit value; used for per-vertex jitter that needs no stored state. */
export function hashInts(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) h = mix32(h ^ mix32(v));
  return h;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A deterministic random stream (sfc32: 128-bit state, so 122-bit UUIDs from it do not collide). */
export interface Rng {
  /** Next unsigned 32-bit integer. */
  u32(): number;
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A version-4-shaped UUID built from the stream. */
  uuid(): string;
}

/**
 * One named stream per concern (ids of each table, names, layout), so that e.g. changing the number of
 * grids does not reshuffle the names of people.
 */
export function createRng(seed: number, stream: string): Rng {
  let a = mix32(seed ^ 0x5bd1e995);
  let b = mix32(hashString(stream));
  let c = mix32(a ^ b ^ 0x27d4eb2f);
  let d = 1;
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // sfc32 needs a few rounds before its output stops resembling the seed.
  for (let i = 0; i < 15; i++) u32();
  const float = (): number => u32() / 4294967296;
  const int = (n: number): number => Math.floor(float() * n);
  return {
    u32,
    float,
    int,
    range: (lo, hi) => lo + float() * (hi - lo),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick() from an empty list');
      return items[int(items.length)]!;
    },
    uuid: () => formatUuid([u32(), u32(), u32(), u32()]),
  };
}

function formatUuid(words: number[]): string {
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  // Version nibble 4 and RFC 4122 variant bits, so PostgreSQL and zod's z.uuid() both accept it.
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Splits `total` into integer parts proportional to `weights`, each at least `min`, summing exactly to
 * `total` (largest-remainder method; ties go to the earlier part so the result is stable).
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const rest = total - min * weights.length;
  if (rest < 0) throw new RangeError(`cannot give ${weights.length} parts at least ${min} of ${total}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  const quotas = weights.map((w) => (rest * w) / sum);
  const parts = quotas.map((q) => Math.floor(q));
  let left = rest - parts.reduce((s, p) => s + p, 0);
  const order = quotas
    .map((q, i) => ({ i, frac: q - Math.floor(q) }))
    .sort((x, y) => y.frac - x.frac || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts.map((p) => p + min);
}
