import { Worker } from 'node:worker_threads';
import type { RowIssue } from '@chuangcheng/contracts';
import ExcelJS from 'exceljs';
import { AppError } from './app-error';
import {
  DEFAULT_XLSX_LIMITS,
  NOTES_SHEET,
  neutralizeText,
  type ReadSpec,
  type SheetData,
  type XlsxLimits,
  type XlsxRefusal,
  XlsxRefused,
  zipEntries,
} from './xlsx-read';

/** One column of an import template / export sheet. The header is the contract with the user's file. */
export interface Column<K extends string = string> {
  key: K;
  /** Chinese header, without the required marker (templates show `单位编码*`). */
  header: string;
  required?: boolean;
  width: number;
  /** Codes and phone numbers: text format, so Excel keeps leading zeros and does not write 9.9E+13. */
  text?: boolean;
  /** Drop-down values (data validation). */
  list?: readonly string[];
  /** The cell may hold several list values (、-separated), so the drop-down only suggests. */
  multi?: boolean;
  /** One line for the 说明 sheet. */
  note?: string;
  /** With `requireAllColumns`: this column may be left out of the file altogether. */
  optionalColumn?: boolean;
}

export interface SheetSpec<K extends string> {
  sheet: string;
  columns: readonly Column<K>[];
  /** Every column must be in the header (cells may still be blank), except `optionalColumn`s. */
  requireAllColumns?: boolean;
}

export type CellOut = string | number | null | undefined;

export interface SheetRow<K extends string> {
  /** Excel row number (header = 1). */
  row: number;
  cells: Partial<Record<K, string>>;
}

export interface SheetRead<K extends string> {
  rows: SheetRow<K>[];
  /** Columns found in the header row: an absent optional column leaves existing values alone. */
  present: ReadonlySet<K>;
  /** Headers of missing required columns: reported once on row 1, not again on every row. */
  missing: ReadonlySet<string>;
  issues: RowIssue[];
  /** Header texts that name no column of the spec, in sheet order. */
  unknown: readonly string[];
}

/** Rows covered by the template's drop-downs (a sqref range, so it costs nothing per row). */
const TEMPLATE_ROWS = 50_001;

export { NOTES_SHEET };

/** Import limits (config `IMPORT_*`) and the length of the per-process queue of waiting parses. */
export interface ImportLimits extends XlsxLimits {
  queueLength: number;
}

let limits: ImportLimits = { ...DEFAULT_XLSX_LIMITS, queueLength: 4 };

/** Sets this process's import limits (from config, once per process, by createServices). */
export function configureImports(next: ImportLimits): void {
  limits = { ...next };
}

export function fileError(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', message }] }, message);
}

function refusalError(r: XlsxRefusal): AppError {
  if (r.code === 'VALIDATION_FAILED') return fileError(r.message);
  return new AppError(r.code, { fields: [{ field: 'file', message: r.message }], limit: r.limit }, r.message);
}

// One parse at a time per process; a bounded line of waiting imports, then 503 IMPORT_BUSY.
let parsing = false;
const waiting: (() => void)[] = [];

/** What the import queue holds now (for tests and diagnostics). */
export const importQueue = () => ({ parsing, waiting: waiting.length });

async function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  if (parsing) {
    if (waiting.length >= limits.queueLength)
      throw new AppError(
        'IMPORT_BUSY',
        { queueLength: limits.queueLength, retryAfterSeconds: 30 },
        `当前已有 ${waiting.length + 1} 个导入在处理或排队（排队上限 ${limits.queueLength} 个），请稍后再试`,
      );
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  parsing = true;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else parsing = false;
  }
}

// The parse worker: started on the first import, kept for the next ones, restarted if it dies.
type Reply = { id: number; sheet?: SheetData; refusal?: XlsxRefusal; failure?: string };
let worker: Promise<Worker> | undefined;
let nextId = 0;
const pending = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>();
/** Heap of the parse worker: a file that still gets past the limits fails there, not in the server. */
const WORKER_HEAP_MB = 1024;

function parseWorker(): Promise<Worker> {
  worker ??= new Promise<Worker>((resolve, reject) => {
    const w = new Worker(new URL('./xlsx-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    w.unref();
    w.on('message', (m: Reply & { ready?: boolean }) => {
      if (m.ready) return resolve(w);
      pending.get(m.id)?.resolve(m);
      pending.delete(m.id);
    });
    const dead = (e: Error) => {
      worker = undefined;
      reject(e);
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    };
    w.on('error', dead);
    w.on('exit', (code) => dead(new Error(`import worker exited (${code})`)));
  });
  return worker;
}

/** A parse still running after this is stopped (the worker is replaced), so the queue cannot stall. */
const PARSE_TIMEOUT_MS = 120_000;

async function parseInWorker(data: Uint8Array, spec: ReadSpec, maxRows: number): Promise<Reply> {
  const w = await parseWorker();
  const id = ++nextId;
  w.ref(); // a CLI import must not exit while its file is being parsed
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void w.terminate();
  }, PARSE_TIMEOUT_MS);
  try {
    return await new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, data, spec, maxRows, limits });
    });
  } catch (e) {
    if (!timedOut) throw e;
    const message = `文件解析超过 ${PARSE_TIMEOUT_MS / 1000} 秒仍未完成，已中止，请拆分为多个文件分批导入`;
    throw new AppError('IMPORT_TOO_LARGE', { fields: [{ field: 'file', message }] }, message);
  } finally {
    clearTimeout(timer);
    w.unref();
  }
}

/**
 * Reads the data sheet of an uploaded workbook (by name, else the first sheet that is not 说明) into
 * trimmed text cells. The zip's directory is checked against the limits at once; the parse runs in the
 * import worker, one at a time per process, and stops at the first limit crossed. Anything that is not
 * an .xlsx becomes a readable 400, never a stack trace.
 */
export async function readSheet<K extends string>(
  data: Uint8Array,
  spec: SheetSpec<K>,
  maxRows: number,
): Promise<SheetRead<K>> {
  try {
    zipEntries(data, limits); // refuse a bomb before it waits in the queue
  } catch (e) {
    if (e instanceof XlsxRefused) throw refusalError(e.refusal);
    throw e;
  }
  const readSpec: ReadSpec<K> = {
    sheet: spec.sheet,
    requireAllColumns: spec.requireAllColumns,
    columns: spec.columns.map(({ key, header, required, optionalColumn }) => ({
      key,
      header,
      required,
      optionalColumn,
    })),
  };
  let reply: Reply;
  try {
    reply = await oneAtATime(() => parseInWorker(data, readSpec, maxRows));
  } catch (e) {
    if (e instanceof AppError) throw e;
    const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (oom)
      throw new AppError(
        'IMPORT_TOO_LARGE',
        { fields: [{ field: 'file', message: '文件过大，解析时超出内存上限' }] },
        '文件过大，解析时超出内存上限，请拆分为多个文件分批导入',
      );
    throw e;
  }
  if (reply.refusal) throw refusalError(reply.refusal);
  if (!reply.sheet) throw new Error(`import worker failed: ${reply.failure ?? 'no answer'}`);
  const sheet = reply.sheet as SheetData<K>;
  return {
    rows: sheet.rows,
    present: new Set(sheet.present),
    missing: new Set(sheet.missing),
    issues: sheet.issues,
    unknown: sheet.unknown,
  };
}

/** A value as an export writes it: text a spreadsheet would run as a formula is quoted; numbers stay numbers. */
export function exportCell(v: CellOut): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? neutralizeText(v) : v;
}

function styleHeader(ws: ExcelJS.Worksheet, columns: readonly Column[], markRequired: boolean): void {
  ws.columns = columns.map((c) => ({
    header: markRequired && c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = ws.getRow(1);
  header.height = 20;
  header.eachCell((cell, col) => {
    const required = markRequired && columns[col - 1]?.required;
    cell.font = { bold: true, color: { argb: required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

/** exceljs supports range data validations at run time but leaves them out of its typings. */
interface RangeValidations {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
}

function addDropDowns(ws: ExcelJS.Worksheet, columns: readonly Column[]): void {
  columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = ws.getColumn(i + 1).letter;
    (ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${c.list.join(',')}"`],
      // Multi-value cells (职责: 网格员、联络员) must accept text outside the list; the import checks each part.
      showErrorMessage: !c.multi,
      errorStyle: 'stop',
      errorTitle: c.header,
      error: `请从下拉列表中选择：${c.list.join('、')}`,
    });
  });
}

/** An import template: data sheet (headers, required marked *, drop-downs, one example row) + 说明 sheet. */
export async function buildTemplate<K extends string>(
  spec: SheetSpec<K>,
  examples: Partial<Record<K, CellOut>> | readonly Partial<Record<K, CellOut>>[],
  notes: readonly string[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '创城 chuangcheng';
  const ws = wb.addWorksheet(spec.sheet);
  styleHeader(ws, spec.columns, true);
  addDropDowns(ws, spec.columns);
  for (const example of Array.isArray(examples) ? examples : [examples]) {
    const row = ws.addRow(
      spec.columns.map((c) => exportCell((example as Partial<Record<K, CellOut>>)[c.key])),
    );
    row.font = { italic: true, color: { argb: 'FF808080' } };
  }
  ws.getCell('A2').note = '示例行：导入前请删除或用真实数据覆盖';

  const help = wb.addWorksheet(NOTES_SHEET);
  help.columns = [
    { header: '列', key: 'col', width: 18 },
    { header: '必填', key: 'req', width: 8 },
    { header: '说明', key: 'note', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of spec.columns)
    help.addRow({ col: c.header, req: c.required ? '是' : '', note: c.note ?? '' });
  help.addRow({});
  for (const line of notes) help.addRow({ col: line });
  return writeWorkbook(wb);
}

/** An export sheet: bold frozen header with a filter, sized columns, codes as text. */
export async function buildSheet<K extends string>(
  spec: SheetSpec<K>,
  rows: readonly Partial<Record<K, CellOut>>[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '创城 chuangcheng';
  const ws = wb.addWorksheet(spec.sheet);
  styleHeader(ws, spec.columns, false);
  for (const r of rows) ws.addRow(spec.columns.map((c) => exportCell(r[c.key])));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  return writeWorkbook(wb);
}

async function writeWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as unknown as ArrayBuffer);
}
