import os from 'node:os';

/** Elapsed wall time of `fn` in milliseconds (monotonic clock), with its result. */
export function time<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Median of a non-empty list; runs vary with GC and JIT, the median resists one bad round. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A number with thousands separators and at most `digits` decimals, for tables people read. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A GitHub-flavoured markdown table; cells are stringified and padded so the raw text lines up too. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, c) => Math.max(3, ...cells.map((r) => displayWidth(r[c] ?? ''))));
  const line = (r: readonly string[]) =>
    `| ${widths.map((w, c) => (r[c] ?? '') + ' '.repeat(w - displayWidth(r[c] ?? ''))).join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

/** Terminal width: CJK and full-width characters take two columns, so Chinese cells still align. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** The machine facts a benchmark number means nothing without. */
export function machineInfo(): { cpu: string; cores: number; memoryGb: number; node: string; os: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** machineInfo() as a markdown bullet list. */
export function machineInfoMarkdown(): string {
  const m = machineInfo();
  return [
    `- CPU: ${m.cpu} × ${m.cores} logical cores`,
    `- memory: ${m.memoryGb} GiB`,
    `- Node ${m.node} on ${m.os}`,
  ].join('\n');
}
