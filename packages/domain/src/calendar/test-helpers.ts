/*
 * Test helpers shared by the calendar tests: Beijing-time literals and a deterministic random source.
 * Not exported from the package.
 */

const BEIJING_MS = 8 * 3_600_000;

/** '2026-09-30T16:00' (or with seconds) read as Beijing time (+08:00). */
export function at(local: string): Date {
  const d = new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test time ${local}`);
  return d;
}

/** The inverse of `at`: Beijing wall-clock time, seconds and ms only when not zero. */
export function show(d: Date): string {
  const iso = new Date(d.getTime() + BEIJING_MS).toISOString();
  if (iso.endsWith(':00.000Z')) return iso.slice(0, 16);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** mulberry32: a tiny seeded generator, so "random" cases are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
