import type { ImportResult, RowIssue } from '@chuangcheng/contracts';
import ExcelJS from 'exceljs';
import type { Session, TestApp } from './app';

/** An import's answer: the counts, or an error with row problems. */
export type UploadBody = Partial<ImportResult> & {
  error?: {
    code: string;
    message: string;
    details?: {
      rows?: RowIssue[];
      fields?: { field: string; message: string }[];
      /** The import limit crossed (IMPORT_TOO_LARGE / IMPORT_LIMIT_EXCEEDED). */
      limit?: { name: string; value: number };
    };
  };
};

/** Multipart upload through the app (the shared `call()` speaks JSON only). */
export async function upload(
  t: TestApp,
  session: Session | null,
  path: string,
  file: { name: string; data: Uint8Array | string },
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('file', new Blob([file.data]), file.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const headers: Record<string, string> = session
    ? { cookie: `cc_session=${session.token}`, 'x-csrf-token': session.csrf }
    : {};
  const res = await t.app.request(path, { method: 'POST', headers, body: form });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as UploadBody };
}

/** A binary GET (the shared `call()` reads text). */
export async function download(t: TestApp, session: Session, path: string) {
  const res = await t.app.request(path, { headers: { cookie: `cc_session=${session.token}` } });
  return { status: res.status, headers: res.headers, data: new Uint8Array(await res.arrayBuffer()) };
}

/** An .xlsx with one sheet: header row, then rows. */
export async function xlsx(
  header: string[],
  rows: (string | number | null)[][],
  sheet = 'Sheet1',
): Promise<Uint8Array> {
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
  const text = (v: ExcelJS.CellValue) =>
    v === null || v === undefined
      ? ''
      : typeof v === 'object' && 'richText' in v
        ? v.richText.map((r) => r.text).join('')
        : String(v);
  return {
    wb,
    sheets: wb.worksheets.map((ws) => ws.name),
    rows: (name?: string) => {
      const ws = name ? wb.getWorksheet(name)! : wb.worksheets[0]!;
      const out: string[][] = [];
      ws.eachRow((row) => out.push((row.values as ExcelJS.CellValue[]).slice(1).map(text)));
      return out;
    },
  };
}

/** A square polygon ring around (lng, lat), `d` degrees wide. */
export const square = (lng: number, lat: number, d = 0.001) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + d, lat],
      [lng + d, lat + d],
      [lng, lat + d],
      [lng, lat],
    ],
  ],
});

export const featureCollection = (features: { properties: Record<string, unknown>; geometry: unknown }[]) =>
  JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) });
