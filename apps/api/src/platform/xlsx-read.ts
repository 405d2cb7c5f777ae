// Reading one sheet of an uploaded .xlsx without trusting it: the zip's central directory is checked
// against the limits before anything is inflated, then the parts are inflated as streams and scanned
// (SAX-like) with the row, column, cell and shared-string limits checked as they go. Runs in the
// import worker (xlsx-worker.ts); imports nothing at run time but node:zlib, so the worker loads fast.
import { createInflateRaw } from 'node:zlib';
import type { RowIssue } from '@chuangcheng/contracts';

/** Import limits (config `IMPORT_*`); every one is checked before or while parsing, never after. */
export interface XlsxLimits {
  /** Sum of the uncompressed sizes of the zip's entries. */
  maxUnzippedBytes: number;
  maxEntries: number;
  /** Uncompressed : compressed of any entry over 1 MB. */
  maxRatio: number;
  /** Data rows (the header excluded). */
  maxRows: number;
  maxColumns: number;
  /** Non-empty cells of the sheet. */
  maxCells: number;
  maxSharedStrings: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxEntries: 1000,
  maxRatio: 200,
  maxRows: 50_000,
  maxColumns: 100,
  maxCells: 2_000_000,
  maxSharedStrings: 2_000_000,
};

/** Excel's own limit of characters in a cell. */
export const MAX_CELL_CHARS = 32_767;
const RATIO_FLOOR_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

export const NOTES_SHEET = '说明';
export const XLSX_HINT =
  '请使用下载的模板填写，并保存为 Excel 工作簿（.xlsx）后上传；不支持 .xls、.csv 或 WPS 的 .et 格式';

/** A refusal as plain data (it crosses the worker boundary); xlsx.ts turns it into an AppError. */
export interface XlsxRefusal {
  code: 'IMPORT_TOO_LARGE' | 'IMPORT_LIMIT_EXCEEDED' | 'VALIDATION_FAILED';
  message: string;
  limit?: { name: keyof XlsxLimits | 'cellChars'; value: number };
}

export class XlsxRefused extends Error {
  constructor(readonly refusal: XlsxRefusal) {
    super(refusal.message);
  }
}

const tooLarge = (message: string, name: keyof XlsxLimits, value: number) =>
  new XlsxRefused({ code: 'IMPORT_TOO_LARGE', message, limit: { name, value } });
const overLimit = (message: string, name: keyof XlsxLimits | 'cellChars', value: number) =>
  new XlsxRefused({ code: 'IMPORT_LIMIT_EXCEEDED', message, limit: { name, value } });
const notXlsx = (why = '') =>
  new XlsxRefused({ code: 'VALIDATION_FAILED', message: `文件不是有效的 Excel 工作簿${why}。${XLSX_HINT}` });

// ---------------------------------------------------------------------------------------------
// Cell text

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** An exported text cell that a spreadsheet would run as a formula gets a leading `'` (numbers untouched). */
export function neutralizeText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** The inverse on import: `'=…` (as we export it) reads back as `=…`, so an export → import round trip is lossless. */
export function unneutralizeText(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}

/** The text a user sees in a cell, as the import takes it: the export's quote removed, trimmed. */
export const importText = (s: string): string => unneutralizeText(s).trim();

// ---------------------------------------------------------------------------------------------
// Zip: the central directory, and entries inflated as streams

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (d: Uint8Array, i: number) => d[i]! | (d[i + 1]! << 8);
const u32 = (d: Uint8Array, i: number) =>
  (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16)) + d[i + 3]! * 0x1000000;
const mb = (n: number) => (n / MB).toFixed(n < 10 * MB ? 1 : 0);

/**
 * Reads the central directory and checks entry count, total unzipped size and compression ratio
 * before a single byte is inflated. The sizes are the zip's claims; `entryChunks` enforces them.
 */
export function zipEntries(data: Uint8Array, limits: XlsxLimits): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (u32(data, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = u16(data, eocd + 10);
  let p = u32(data, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw notXlsx('（ZIP64 格式）');
  if (count > limits.maxEntries)
    throw tooLarge(
      `文件包含 ${count} 个压缩部件，超过上限 ${limits.maxEntries} 个，请使用下载的模板重新填写`,
      'maxEntries',
      limits.maxEntries,
    );
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || u32(data, p) !== 0x02014b50) throw notXlsx();
    const flags = u16(data, p + 8);
    const e: ZipEntry = {
      method: u16(data, p + 10),
      compressedSize: u32(data, p + 20),
      size: u32(data, p + 24),
      localOffset: u32(data, p + 42),
      name: decoder.decode(data.subarray(p + 46, p + 46 + u16(data, p + 28))),
    };
    if (flags & 1) throw notXlsx('（文件已加密，请取消密码保护后再上传）');
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw notXlsx('（ZIP64 格式）');
    total += e.size;
    if (total > limits.maxUnzippedBytes)
      throw tooLarge(
        `文件解压后超过 ${mb(limits.maxUnzippedBytes)} MB 的上限，请拆分为多个文件分批导入`,
        'maxUnzippedBytes',
        limits.maxUnzippedBytes,
      );
    if (e.size > RATIO_FLOOR_BYTES && e.size > e.compressedSize * limits.maxRatio)
      throw tooLarge(
        `文件压缩比异常（${Math.round(e.size / Math.max(e.compressedSize, 1))}:1，上限 ${limits.maxRatio}:1），疑似压缩炸弹，已拒绝`,
        'maxRatio',
        limits.maxRatio,
      );
    entries.set(e.name.replace(/^\/+/, ''), e);
    p += 46 + u16(data, p + 28) + u16(data, p + 30) + u16(data, p + 32);
  }
  return entries;
}

/** An entry's bytes, inflated chunk by chunk; more bytes than the directory claimed is a refusal. */
async function* entryChunks(data: Uint8Array, e: ZipEntry): AsyncGenerator<Buffer> {
  const at = e.localOffset;
  if (at + 30 > data.length || u32(data, at) !== 0x04034b50) throw notXlsx();
  const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
  const raw = data.subarray(start, start + e.compressedSize);
  const lied = () =>
    tooLarge(
      `文件部件 ${e.name} 的实际大小超过其声明的大小，疑似压缩炸弹，已拒绝`,
      'maxUnzippedBytes',
      e.size,
    );
  if (e.method === 0) {
    if (raw.length > e.size) throw lied();
    yield Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    return;
  }
  if (e.method !== 8) throw notXlsx('（不支持的压缩方式）');
  const z = createInflateRaw({ chunkSize: 64 * 1024 });
  z.end(raw);
  let out = 0;
  try {
    for await (const chunk of z as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > e.size) throw lied();
      yield chunk;
    }
  } catch (err) {
    if (err instanceof XlsxRefused) throw err;
    throw notXlsx();
  } finally {
    z.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// A SAX-like scan of OOXML parts: start tags (name and raw attributes), end tags, text

interface XmlHandler {
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  text(s: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
        if (e[0] !== '#') return ENTITIES[e] ?? m;
        const cp = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      });
/** Character data as an XML parser gives it: line ends normalised to \n, then entities decoded (&#13; stays \r). */
const textOf = (raw: string) => decodeXml(raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));
const localName = (q: string) => q.slice(q.indexOf(':') + 1);
/** The value of attribute `name` (any namespace prefix) in a start tag's raw text. */
const attrPatterns = new Map<string, RegExp>();
export function attr(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** Longest text or tag kept while waiting for its end (a cell's worth, escaped). */
const MAX_PENDING = MAX_CELL_CHARS * 8;

async function scanXml(chunks: AsyncIterable<Buffer>, h: XmlHandler): Promise<void> {
  const utf8 = new TextDecoder('utf-8', { fatal: false });
  let buf = '';
  const feed = (final: boolean) => {
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) break;
      if (lt > pos) h.text(textOf(buf.slice(pos, lt)));
      pos = lt;
      let end: number;
      if (buf.startsWith('<!--', lt)) {
        end = buf.indexOf('-->', lt + 4);
        if (end < 0) break;
        pos = end + 3;
        continue;
      }
      if (buf.startsWith('<![CDATA[', lt)) {
        end = buf.indexOf(']]>', lt + 9);
        if (end < 0) break;
        h.text(buf.slice(lt + 9, end));
        pos = end + 3;
        continue;
      }
      if (buf.startsWith('<!', lt)) throw notXlsx('（含有 DTD 声明）');
      end = tagEnd(buf, lt);
      if (end < 0) break;
      pos = end + 1;
      if (buf[lt + 1] === '?') continue;
      if (buf[lt + 1] === '/') {
        h.close(localName(buf.slice(lt + 2, end).trim()));
        continue;
      }
      const selfClosing = buf[end - 1] === '/';
      const tag = buf.slice(lt + 1, selfClosing ? end - 1 : end);
      const sp = tag.search(/[\s/]/);
      const name = localName(sp < 0 ? tag : tag.slice(0, sp));
      h.open(name, tag, selfClosing);
      if (selfClosing) h.close(name);
    }
    buf = buf.slice(pos);
    if (buf.length > MAX_PENDING)
      throw overLimit(`单元格内容超过 ${MAX_CELL_CHARS} 个字符的上限`, 'cellChars', MAX_CELL_CHARS);
    if (final && buf.trim()) h.text(textOf(buf));
  };
  for await (const chunk of chunks) {
    buf += utf8.decode(chunk, { stream: true });
    feed(false);
  }
  buf += utf8.decode();
  feed(true);
}

/** Index of the `>` closing the tag that starts at `lt` (quoted attribute values may hold `>`), or -1. */
function tagEnd(s: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// The workbook: which part is which sheet, shared strings, date styles

interface Rel {
  id: string;
  type: string;
  target: string;
}

async function partText(data: Uint8Array, entries: Map<string, ZipEntry>, name: string): Promise<string> {
  const e = entries.get(name);
  if (!e) return '';
  const parts: Buffer[] = [];
  for await (const c of entryChunks(data, e)) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

const startTags = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g'))].map((m) => m[1] ?? '');

function relsOf(xml: string): Rel[] {
  return startTags(xml, 'Relationship').map((t) => ({
    id: attr(t, 'Id') ?? '',
    type: attr(t, 'Type') ?? '',
    target: attr(t, 'Target') ?? '',
  }));
}

/** A relationship target as a zip entry name, relative to the folder of the part that refers to it. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** A number format shows a date when it has date/time letters outside quotes, brackets and escapes. */
const isDateFormat = (code: string) =>
  /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').replace(/General/gi, ''));

async function dateStyles(data: Uint8Array, entries: Map<string, ZipEntry>, path: string | undefined) {
  const dates = new Set<number>();
  if (!path) return dates;
  const xml = await partText(data, entries, path);
  const custom = new Map<number, string>();
  for (const t of startTags(xml, 'numFmt'))
    custom.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
  const cellXfs = /<(?:[\w.-]+:)?cellXfs[\s>][\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  startTags(cellXfs, 'xf').forEach((t, i) => {
    const id = Number(attr(t, 'numFmtId') ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dates.add(i);
  });
  return dates;
}

async function sharedStrings(
  data: Uint8Array,
  entries: Map<string, ZipEntry>,
  path: string | undefined,
  limits: XlsxLimits,
): Promise<string[]> {
  const out: string[] = [];
  const e = path ? entries.get(path) : undefined;
  if (!e) return out;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let text = '';
  await scanXml(entryChunks(data, e), {
    open(name) {
      if (name === 'si') {
        inSi = true;
        text = '';
        if (out.length >= limits.maxSharedStrings)
          throw overLimit(
            `文件的共享字符串超过 ${limits.maxSharedStrings} 个的上限，请拆分为多个文件分批导入`,
            'maxSharedStrings',
            limits.maxSharedStrings,
          );
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inSi && !phonetic) inT = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        inSi = false;
        out.push(text);
      }
    },
    text(s) {
      if (!inT) return;
      text += s;
      if (text.length > MAX_CELL_CHARS)
        throw overLimit(`单元格内容超过 ${MAX_CELL_CHARS} 个字符的上限`, 'cellChars', MAX_CELL_CHARS);
    },
  });
  return out;
}

interface Sheet {
  name: string;
  path: string;
}

async function workbookParts(data: Uint8Array, entries: Map<string, ZipEntry>) {
  const root = relsOf(await partText(data, entries, '_rels/.rels'));
  const office = root.find((r) => r.type.endsWith('/officeDocument'));
  const book = office ? resolve('', office.target) : 'xl/workbook.xml';
  const xml = await partText(data, entries, book);
  if (!xml) throw notXlsx();
  const relsPath = resolve(book, `_rels/${book.split('/').pop()}.rels`);
  const rels = relsOf(await partText(data, entries, relsPath));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: Sheet[] = [];
  for (const t of startTags(xml, 'sheet')) {
    const rel = byId.get(attr(t, 'id') ?? '');
    if (rel?.type.endsWith('/worksheet'))
      sheets.push({ name: attr(t, 'name') ?? '', path: resolve(book, rel.target) });
  }
  const partOf = (suffix: string) => {
    const r = rels.find((x) => x.type.endsWith(suffix));
    return r ? resolve(book, r.target) : undefined;
  };
  const pr = startTags(xml, 'workbookPr')[0];
  const date1904 = pr ? /^(1|true)$/.test(attr(pr, 'date1904') ?? '') : false;
  return { sheets, sharedStrings: partOf('/sharedStrings'), styles: partOf('/styles'), date1904 };
}

// ---------------------------------------------------------------------------------------------
// The sheet

/** One column of a sheet as the reader needs it (a subset of xlsx.ts `Column`). */
export interface ReadColumn<K extends string = string> {
  key: K;
  header: string;
  required?: boolean;
  optionalColumn?: boolean;
}

export interface ReadSpec<K extends string = string> {
  sheet: string;
  columns: readonly ReadColumn<K>[];
  requireAllColumns?: boolean;
}

/** The sheet as plain data (it crosses the worker boundary): sets travel as arrays. */
export interface SheetData<K extends string = string> {
  rows: { row: number; cells: Partial<Record<K, string>> }[];
  present: K[];
  missing: string[];
  issues: RowIssue[];
  /** Header texts that name no column of the spec (an import may refuse or warn about them). */
  unknown: string[];
}

const normalizeHeader = (s: string) => s.replace(/[*＊\s]/g, '');

/** Column number (1-based) of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** Maps header cells to column keys; reports missing required columns once, on row 1. */
function readHeader<K extends string>(headers: Map<number, string>, spec: ReadSpec<K>) {
  const byHeader = new Map(spec.columns.map((c) => [c.header, c]));
  const at = new Map<number, K>();
  const issues: RowIssue[] = [];
  const unknown: string[] = [];
  for (const [col, text] of [...headers].sort((a, b) => a[0] - b[0])) {
    const c = byHeader.get(normalizeHeader(text));
    if (!c) {
      unknown.push(text); // informational columns of an export (名称 next to 编码): the import decides
      continue;
    }
    if ([...at.values()].includes(c.key))
      issues.push({ row: 1, column: c.header, message: `列「${c.header}」重复` });
    else at.set(col, c.key);
  }
  const present = new Set(at.values());
  const expected = (c: ReadColumn<K>) => c.required || (spec.requireAllColumns && !c.optionalColumn);
  const missing = spec.columns.filter((c) => expected(c) && !present.has(c.key)).map((c) => c.header);
  for (const c of spec.columns.filter((x) => missing.includes(x.header))) {
    const message = c.required ? `缺少必填列「${c.header}」` : `缺少列「${c.header}」`;
    issues.push({ row: 1, column: c.header, message });
  }
  return { at, present: [...present], missing, issues, unknown };
}

const DAY_MS = 86_400_000;
/** An Excel date serial as the city-independent calendar day exceljs gives (UTC). */
function serialDay(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - (date1904 ? 24107 : 25569)) * DAY_MS);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/**
 * Reads the data sheet (by name, else the first sheet that is not 说明) into trimmed text cells,
 * refusing the file as soon as it crosses a limit. `maxRows` is the import kind's own row limit.
 */
export async function readSheetData<K extends string>(
  data: Uint8Array,
  spec: ReadSpec<K>,
  maxRows: number,
  limits: XlsxLimits,
): Promise<SheetData<K>> {
  const entries = zipEntries(data, limits);
  const book = await workbookParts(data, entries);
  const sheet =
    book.sheets.find((s) => s.name === spec.sheet) ?? book.sheets.find((s) => s.name !== NOTES_SHEET);
  const entry = sheet ? entries.get(sheet.path) : undefined;
  if (!entry) throw notXlsx('（工作簿中没有工作表）');
  const dates = await dateStyles(data, entries, book.styles);
  const strings = await sharedStrings(data, entries, book.sharedStrings, limits);

  const rowLimit = Math.min(maxRows, limits.maxRows);
  const rows: SheetData<K>['rows'] = [];
  const headers = new Map<number, string>();
  let header: ReturnType<typeof readHeader<K>> | undefined;
  let rowNo = 0;
  let dataRows = 0;
  let cells = 0;
  let col = 0;
  let rowCells: Partial<Record<K, string>> = {};
  let rowHasValue = false;
  let rowFilled = false;
  // the cell being read
  let cType = '';
  let cStyle = 0;
  let value = '';
  let into: 'v' | 't' | '' = '';
  let inInline = false;
  let phonetic = 0;

  const headerOf = () => {
    header ??= readHeader(headers, spec);
    return header;
  };

  const cellValue = (): string => {
    switch (cType) {
      case 's':
        return strings[Number.parseInt(value, 10)] ?? '';
      case 'inlineStr':
      case 'str':
        return value;
      case 'b':
        return value.trim() === '1' ? 'true' : 'false';
      case 'e':
        return '';
      case 'd':
        return value.slice(0, 10);
      default: {
        const v = value.trim();
        if (v === '') return '';
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        return dates.has(cStyle) ? serialDay(n, book.date1904) : String(n);
      }
    }
  };

  await scanXml(entryChunks(data, entry), {
    open(name, tag) {
      switch (name) {
        case 'row': {
          const r = attr(tag, 'r');
          rowNo = r ? Number.parseInt(r, 10) : rowNo + 1;
          col = 0;
          rowCells = {};
          rowHasValue = false;
          rowFilled = false;
          if (rowNo !== 1) headerOf();
          break;
        }
        case 'c': {
          const r = attr(tag, 'r');
          col = r ? columnOf(r) : col + 1;
          cType = attr(tag, 't') ?? 'n';
          cStyle = Number(attr(tag, 's') ?? 0);
          value = '';
          into = '';
          inInline = false;
          break;
        }
        case 'v':
          into = 'v';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline && !phonetic) into = 't';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          into = '';
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c': {
          const text = importText(cellValue());
          if (text === '') break;
          if (col > limits.maxColumns)
            throw overLimit(
              `第 ${rowNo} 行第 ${col} 列有内容，超过单次导入上限 ${limits.maxColumns} 列`,
              'maxColumns',
              limits.maxColumns,
            );
          if (++cells > limits.maxCells)
            throw overLimit(
              `文件的非空单元格超过单次导入上限 ${limits.maxCells} 个，请拆分为多个文件分批导入`,
              'maxCells',
              limits.maxCells,
            );
          rowHasValue = true;
          if (rowNo === 1) {
            headers.set(col, text);
            break;
          }
          const key = headerOf().at.get(col);
          if (key) {
            rowCells[key] = text;
            rowFilled = true;
          }
          break;
        }
        case 'row':
          if (rowNo === 1 || !rowHasValue) break;
          if (++dataRows > rowLimit)
            throw overLimit(
              `数据超过单次导入上限 ${rowLimit} 行，请拆分为多个文件分批导入`,
              'maxRows',
              rowLimit,
            );
          if (rowFilled) rows.push({ row: rowNo, cells: rowCells });
          break;
      }
    },
    text(s) {
      if (!into) return;
      value += s;
      if (value.length > MAX_CELL_CHARS)
        throw overLimit(`单元格内容超过 ${MAX_CELL_CHARS} 个字符的上限`, 'cellChars', MAX_CELL_CHARS);
    },
  });

  const { present, missing, issues, unknown } = headerOf();
  const all = [...issues];
  if (rows.length === 0 && all.length === 0)
    all.push({ row: 2, column: spec.columns[0]!.header, message: '文件中没有数据行' });
  return { rows, present, missing, issues: all, unknown };
}
