// 目录.xlsx and 目录.docx at the root of the 迎检资料包: one row per file, with its path in the package,
// so an inspector can find any document from the list (and check the list against the folders).

import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { buildSheet, type Column } from '../../platform/xlsx';
import type { PackageEntry } from './evidence-package.layout';

type CatalogKey = 'no' | 'code' | 'indicator' | 'title' | 'period' | 'docDate' | 'issuer' | 'path';

export const CATALOG_COLUMNS: readonly Column<CatalogKey>[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'code', header: '指标编码', width: 10, text: true },
  { key: 'indicator', header: '指标名称', width: 28 },
  { key: 'title', header: '资料名称', width: 36 },
  { key: 'period', header: '期间', width: 10, text: true },
  { key: 'docDate', header: '文件日期', width: 12, text: true },
  { key: 'issuer', header: '发文单位', width: 18 },
  { key: 'path', header: '包内路径', width: 70 },
];

const PERIOD_TEXT = (p: string) => (p === 'once' ? '一次性' : p);

function rowsOf(entries: readonly PackageEntry[]) {
  return entries.map((e, i) => ({
    no: i + 1,
    code: e.node.code,
    indicator: e.node.title,
    title: e.file.title,
    period: PERIOD_TEXT(e.file.period),
    docDate: e.file.docDate,
    issuer: e.file.issuingUnit ?? '',
    path: e.path,
  }));
}

export function catalogXlsx(entries: readonly PackageEntry[]): Promise<Uint8Array> {
  return buildSheet({ sheet: '目录', columns: CATALOG_COLUMNS }, rowsOf(entries));
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
// Body cells are bare paragraphs styled by the document default (小五 宋体): a run with its own
// properties in each of thousands of cells made the document three times slower to build.
const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
const headerCell = (text: string) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] });

/** The same list as a Word table (A4 landscape), for printing into the 迎检 binder. */
export async function catalogDocx(title: string, entries: readonly PackageEntry[]): Promise<Uint8Array> {
  const rows = rowsOf(entries);
  const widths = [5, 8, 16, 20, 7, 9, 12, 23];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths.map((w) => Math.round((w / 100) * 14400)),
    rows: [
      new TableRow({ tableHeader: true, children: CATALOG_COLUMNS.map((c) => headerCell(c.header)) }),
      ...rows.map(
        (r) => new TableRow({ children: CATALOG_COLUMNS.map((c) => cell(String(r[c.key] ?? ''))) }),
      ),
    ],
  });
  const word = new Document({
    title,
    creator: '创城 chuangcheng',
    styles: { default: { document: { run: { font: FONT, size: 18 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: title, bold: true, size: 32 })],
          }),
          new Paragraph({
            children: [new TextRun({ text: `共 ${rows.length} 份资料`, size: 21 })],
          }),
          table,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(word));
}
