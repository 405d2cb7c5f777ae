// Where each file goes in the 迎检资料包: one folder per indicator, numbered as the tree is
// ("01 一、市容环境卫生/03 1.3 公厕/"), files renamed "<code>_<period>_<title>.<ext>". Every name is safe
// on Windows (no \ / : * ? " < > |, no trailing dot or space, no reserved device name, bounded length).

import type { EvidenceListRow } from './evidence.repository';
import type { CampaignScope, IndicatorNode } from './evidence-scope';

export const FOLDER_MAX = 40;
export const FILE_MAX = 80;

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A single path segment Windows (and every unzip tool) accepts, at most `max` characters. */
export function safeName(raw: string, max: number): string {
  let s = [...raw]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? '_' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  s = [...s].slice(0, max).join('');
  s = s.replace(/[. ]+$/, '');
  if (RESERVED.test(s)) s = `_${s}`;
  return s || '_';
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (top-level categories are numbered this way in 创城 standards). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The numbered folder of each node: its position among its siblings, its code and title. */
export function folderNames(scope: CampaignScope): Map<string, string> {
  const position = new Map<string, number>();
  const seen = new Map<string | null, number>();
  for (const n of scope.nodes) {
    const i = (seen.get(n.parentId) ?? 0) + 1;
    seen.set(n.parentId, i);
    position.set(n.id, i);
  }
  const out = new Map<string, string>();
  for (const n of scope.nodes) {
    const i = position.get(n.id)!;
    const label = n.depth === 0 ? `${chineseNumeral(i)}、${n.title}` : `${n.code} ${n.title}`;
    out.set(n.id, `${pad2(i)} ${safeName(label, FOLDER_MAX)}`);
  }
  return out;
}

export interface PackageEntry {
  file: EvidenceListRow;
  node: IndicatorNode;
  /** Path inside the zip, '/'-separated. */
  path: string;
}

const extOf = (key: string) => key.slice(key.lastIndexOf('.') + 1).toLowerCase();

/**
 * The files in tree order (then requirement order, period, document date), each with its path;
 * names repeated inside one folder get "(2)", "(3)" … (compared case-insensitively, as Windows does).
 */
export function layoutPackage(scope: CampaignScope, files: readonly EvidenceListRow[]): PackageEntry[] {
  const folders = folderNames(scope);
  const order = new Map(scope.nodes.map((n, i) => [n.id, i]));
  const reqOrder = (f: EvidenceListRow) => {
    const node = scope.byId.get(f.nodeId);
    const i = node ? scope.requirementsOf(node).findIndex((r) => r.title === f.requirement) : -1;
    return i < 0 ? 999 : i;
  };
  const sorted = files
    .filter((f) => scope.byId.has(f.nodeId))
    .sort(
      (a, b) =>
        order.get(a.nodeId)! - order.get(b.nodeId)! ||
        reqOrder(a) - reqOrder(b) ||
        a.period.localeCompare(b.period) ||
        a.docDate.localeCompare(b.docDate) ||
        a.id.localeCompare(b.id),
    );
  const used = new Set<string>();
  return sorted.map((file) => {
    const node = scope.byId.get(file.nodeId)!;
    const dir = scope
      .pathOf(node.id)
      .map((n) => folders.get(n.id)!)
      .join('/');
    const base = safeName(`${node.code}_${file.period}_${file.title}`, FILE_MAX);
    const ext = extOf(file.storageKey);
    let name = `${base}.${ext}`;
    for (let k = 2; used.has(`${dir}/${name}`.toLowerCase()); k++) name = `${base}(${k}).${ext}`;
    used.add(`${dir}/${name}`.toLowerCase());
    return { file, node, path: `${dir}/${name}` };
  });
}
