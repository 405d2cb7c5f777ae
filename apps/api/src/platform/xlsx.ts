import type { RowIssue } from '@chuangcheng/contracts';
import ExcelJS from 'exceljs';
import { AppError } from './app-error';

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
}

export const NOTES_SHEET = '说明';
/** Rows covered by the template's drop-downs (a sqref range, so it costs nothing per row). */
const TEMPLATE_ROWS = 50_001;
const XLSX_HINT =
  '请使用下载的模板填写，并保存为 Excel 工作簿（.xlsx）后上传；不支持 .xls、.csv 或 WPS 的 .et 格式';

/** Parses an uploaded workbook; anything that is not an .xlsx becomes a readable 400, never a stack trace. */
export async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as Buffer; a view over the same bytes avoids a copy. The template's
    // drop-downs would be expanded to one object per cell (100,000+) on load, and imports never read them.
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting'],
    });
  } catch {
    throw fileError(`文件不是有效的 Excel 工作簿。${XLSX_HINT}`);
  }
  return wb;
}

export function fileError(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', message }] }, message);
}

/** The text a user sees in a cell, whatever exceljs made of it (rich text, hyperlink, formula result, number). */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  // Integers up to 15 digits (grid codes typed as numbers) print exactly; String() never uses exponents below 1e21.
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('hyperlink' in v) return String(v.text ?? '').trim();
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result);
  return '';
}

const normalizeHeader = (s: string) => s.replace(/[*＊\s]/g, '');

/** Maps header cells to column keys; reports missing required columns once, on row 1. */
function readHeader<K extends string>(ws: ExcelJS.Worksheet, spec: SheetSpec<K>) {
  const byHeader = new Map(spec.columns.map((c) => [c.header, c]));
  const at = new Map<number, K>();
  const issues: RowIssue[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    const c = byHeader.get(normalizeHeader(cellText(cell.value)));
    if (!c) return; // informational columns of an export (名称 next to 编码) are ignored
    if ([...at.values()].includes(c.key))
      issues.push({ row: 1, column: c.header, message: `列「${c.header}」重复` });
    else at.set(col, c.key);
  });
  const present = new Set(at.values());
  const expected = (c: Column<K>) => c.required || (spec.requireAllColumns && !c.optionalColumn);
  const missing = new Set(
    spec.columns.filter((c) => expected(c) && !present.has(c.key)).map((c) => c.header),
  );
  for (const c of spec.columns.filter((x) => missing.has(x.header))) {
    const message = c.required ? `缺少必填列「${c.header}」` : `缺少列「${c.header}」`;
    issues.push({ row: 1, column: c.header, message });
  }
  return { at, present, missing, issues };
}

/** Reads the data sheet (by name, else the first sheet that is not 说明) into trimmed text cells. */
export function readSheet<K extends string>(
  wb: ExcelJS.Workbook,
  spec: SheetSpec<K>,
  maxRows: number,
): SheetRead<K> {
  const ws = wb.getWorksheet(spec.sheet) ?? wb.worksheets.find((w) => w.name !== NOTES_SHEET);
  if (!ws) throw fileError(`工作簿中没有工作表。${XLSX_HINT}`);
  const { at, present, missing, issues } = readHeader(ws, spec);
  const rows: SheetRow<K>[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: Partial<Record<K, string>> = {};
    let filled = false;
    row.eachCell((cell, col) => {
      const key = at.get(col);
      const text = key ? cellText(cell.value) : '';
      if (key && text !== '') {
        cells[key] = text;
        filled = true;
      }
    });
    if (filled) rows.push({ row: n, cells });
  });
  if (rows.length > maxRows) {
    throw fileError(`数据共 ${rows.length} 行，超过单次导入上限 ${maxRows} 行，请拆分为多个文件分批导入`);
  }
  if (rows.length === 0 && issues.length === 0)
    issues.push({ row: 2, column: spec.columns[0]!.header, message: '文件中没有数据行' });
  return { rows, present, missing, issues };
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
    const row = ws.addRow(spec.columns.map((c) => (example as Partial<Record<K, CellOut>>)[c.key] ?? null));
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
  for (const r of rows) ws.addRow(spec.columns.map((c) => r[c.key] ?? null));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  return writeWorkbook(wb);
}

async function writeWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as unknown as ArrayBuffer);
}
