// What an uploaded evidence file really is, judged by its bytes (magic numbers; for Office files the
// zip's entry names) and its extension together: a renamed .exe or .txt is refused either way.

export type EvidenceKind = 'pdf' | 'docx' | 'xlsx' | 'jpg' | 'png';

export const MIME_OF: Record<EvidenceKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
};

const KIND_OF_EXTENSION: Record<string, EvidenceKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
};

const startsWith = (b: Uint8Array, sig: readonly number[]) =>
  b.length >= sig.length && sig.every((x, i) => b[i] === x);

const PDF_SIG = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG_SIG = [0xff, 0xd8, 0xff];
const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_SIG = [0x50, 0x4b, 0x03, 0x04];

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
const decoder = new TextDecoder();

/** Entry names from the zip's central directory (end record searched in the last 64 KiB). */
function centralNames(b: Uint8Array): string[] | null {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let eocd = b.length - 22; eocd >= min; eocd--) {
    if (u32(b, eocd) !== 0x06054b50) continue;
    const entries = u16(b, eocd + 10);
    let at = u32(b, eocd + 16);
    const names: string[] = [];
    for (let i = 0; i < entries; i++) {
      if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return null;
      const nameLen = u16(b, at + 28);
      names.push(decoder.decode(b.subarray(at + 46, at + 46 + nameLen)));
      at += 46 + nameLen + u16(b, at + 30) + u16(b, at + 32);
    }
    return names;
  }
  return null;
}

/** Fallback (zip64, damaged directory): names of the local file headers, walked from the start. */
function localNames(b: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= b.length && u32(b, at) === 0x04034b50 && names.length < 10_000) {
    const nameLen = u16(b, at + 26);
    names.push(decoder.decode(b.subarray(at + 30, at + 30 + nameLen)));
    const size = u32(b, at + 18);
    // Sizes deferred to a data descriptor (bit 3) leave nothing to walk with: stop there.
    if (u16(b, at + 6) & 0x08) break;
    at += 30 + nameLen + u16(b, at + 28) + size;
  }
  return names;
}

function officeKind(b: Uint8Array): EvidenceKind | null {
  const names = centralNames(b) ?? localNames(b);
  // An OOXML package carries [Content_Types].xml beside its word/ (docx) or xl/ (xlsx) tree.
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

/** The kind the bytes show, or null for anything not accepted. */
export function sniffKind(b: Uint8Array): EvidenceKind | null {
  if (startsWith(b, PDF_SIG)) return 'pdf';
  if (startsWith(b, JPEG_SIG)) return 'jpg';
  if (startsWith(b, PNG_SIG)) return 'png';
  if (startsWith(b, ZIP_SIG)) return officeKind(b);
  return null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The kind of an upload when its extension and its content agree; null otherwise. */
export function evidenceKind(fileName: string, b: Uint8Array): EvidenceKind | null {
  const byName = KIND_OF_EXTENSION[extensionOf(fileName)];
  if (!byName) return null;
  return sniffKind(b) === byName ? byName : null;
}
