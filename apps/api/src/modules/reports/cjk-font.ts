import fs from 'node:fs';
import path from 'node:path';

export interface CjkFont {
  /** a .ttf, .otf or .ttc file */
  path: string;
  /** the PostScript name; pdfkit needs it to pick one face out of a .ttc collection */
  family: string;
}

/** Debian's font packages first (fonts-noto-cjk, fonts-wqy-*), then where other distributions put them. */
const CANDIDATES: CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
];

/** PostScript names of the known collections, so CJK_FONT_PATH alone is enough for them. */
const KNOWN_FAMILIES = new Map(CANDIDATES.map((c) => [path.basename(c.path), c.family]));

/**
 * The CJK font PDFs embed: `CJK_FONT_PATH` (with `CJK_FONT_FAMILY` for an unknown .ttc) if that file
 * exists, else the first installed known font. Only looks at the local disk; null when none is found.
 */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont | null {
  const override = env.CJK_FONT_PATH?.trim();
  if (override && isFile(override)) {
    const base = path.basename(override);
    const family = env.CJK_FONT_FAMILY?.trim() || KNOWN_FAMILIES.get(base) || base.replace(/\.[^.]+$/, '');
    return { path: override, family };
  }
  return CANDIDATES.find((c) => isFile(c.path)) ?? null;
}

/** The bold face of the same family when it is installed next to the regular one (Noto ships both). */
export function boldSibling(font: CjkFont): CjkFont | null {
  if (!font.path.includes('Regular') || !font.family.includes('Regular')) return null;
  const bold = { path: font.path.replace('Regular', 'Bold'), family: font.family.replace('Regular', 'Bold') };
  return isFile(bold.path) ? bold : null;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
