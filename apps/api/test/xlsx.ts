/** Test helpers for Excel downloads and uploads through the real app. */
import ExcelJS from 'exceljs';
import type { Session, TestApp } from './app';

/** Raw bytes of a download (test/app.ts `call` reads bodies as text). */
export async function download(t: TestApp, session: Session, path: string) {
  const res = await t.app.request(path, {
    headers: { cookie: `cc_session=${session.token}`, 'x-csrf-token': session.csrf },
  });
  return { status: res.status, headers: res.headers, data: new Uint8Array(await res.arrayBuffer()) };
}

/** POSTs a multipart form: `file` plus text fields. */
export function upload(
  t: TestApp,
  session: Session,
  path: string,
  data: Uint8Array,
  fields: Record<string, string | number> = {},
  name = 'file.xlsx',
) {
  const form = new FormData();
  form.append('file', new Blob([data]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  return t.call('POST', path, { session, body: form });
}

/** An .xlsx with one sheet: header row, then rows. */
export async function xlsx(header: string[], rows: (string | number | null)[][], sheet = 'Sheet1') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Sheets of an .xlsx as arrays of cell texts. */
export async function readXlsx(data: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));
  return {
    wb,
    sheets: wb.worksheets.map((ws) => ws.name),
    rows(name?: string): string[][] {
      const ws = name ? wb.getWorksheet(name)! : wb.worksheets[0]!;
      const out: string[][] = [];
      ws.eachRow((row) => {
        out.push((row.values as ExcelJS.CellValue[]).slice(1).map(text));
      });
      return out;
    },
  };
}
