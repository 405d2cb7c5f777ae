// 目录.xlsx and 目录.docx at the root of the 迎检资料包: one row per required document of every indicator
// (each filed file with its path in the package, or 缺失 when nothing was filed), with its state — so an
// inspector can find any document from the list and the office sees what is still missing.

import {
  EVIDENCE_CATALOG_STATE_LABELS,
  EVIDENCE_REVIEW_STATUS_LABELS,
  type EvidenceCatalogState,
} from '@chuangcheng/contracts';
import { dateInPeriod } from '@chuangcheng/domain';
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
import type { EvidenceSlot } from './evidence-completeness';
import type { PackageEntry } from './evidence-package.layout';
import type { CampaignScope } from './evidence-scope';

type CatalogKey =
  | 'no'
  | 'code'
  | 'indicator'
  | 'requirement'
  | 'title'
  | 'period'
  | 'state'
  | 'review'
  | 'docDate'
  | 'issuer'
  | 'path';

export const CATALOG_COLUMNS: readonly Column<CatalogKey>[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'code', header: '指标编码', width: 10, text: true },
  { key: 'indicator', header: '指标名称', width: 28 },
  { key: 'requirement', header: '应交资料', width: 24 },
  { key: 'title', header: '资料名称', width: 30 },
  { key: 'period', header: '期间', width: 10, text: true },
  { key: 'state', header: '状态', width: 10 },
  { key: 'review', header: '审核', width: 14 },
  { key: 'docDate', header: '文件日期', width: 12, text: true },
  { key: 'issuer', header: '发文单位', width: 18 },
  { key: 'path', header: '包内路径', width: 60 },
];

export type CatalogRow = Record<CatalogKey, string | number>;

const PERIOD_TEXT = (p: string) => (p === 'once' ? '一次性' : p);
const STATE = (s: EvidenceCatalogState) => EVIDENCE_CATALOG_STATE_LABELS[s].zh;

/** A filed document's state: same bytes as another file → 疑似重复; dated outside its period → 过期. */
function fileState(e: PackageEntry, duplicates: ReadonlySet<string>): EvidenceCatalogState {
  if (duplicates.has(e.file.id)) return 'duplicate';
  if (!dateInPeriod(e.file.docDate, e.file.period)) return 'stale';
  return 'uploaded';
}

/**
 * The rows of 目录, in tree order: every required (indicator × document × period) slot due so far, with
 * one row per packed file or one 缺失 row when none was filed (or every one was sent back); files of no
 * current slot (a requirement since renamed, a period after today) keep their place in the tree.
 * `duplicates` holds the ids of files whose bytes another file of the city has.
 */
export function catalogRows(
  scope: CampaignScope,
  entries: readonly PackageEntry[],
  slots: readonly EvidenceSlot[],
  duplicates: ReadonlySet<string>,
): CatalogRow[] {
  const order = new Map(scope.nodes.map((n, i) => [n.id, i]));
  const reqOrder = (nodeId: string, title: string) => {
    const node = scope.byId.get(nodeId);
    const i = node ? scope.requirementsOf(node).findIndex((r) => r.title === title) : -1;
    return i < 0 ? 999 : i;
  };
  const filed = new Set(
    entries.map((e) => `${e.file.nodeId}\u0000${e.file.requirement}\u0000${e.file.period}`),
  );
  type Item = { nodeId: string; requirement: string; period: string; row: Omit<CatalogRow, 'no'> };
  const items: Item[] = entries.map((e) => ({
    nodeId: e.file.nodeId,
    requirement: e.file.requirement,
    period: e.file.period,
    row: {
      code: e.node.code,
      indicator: e.node.title,
      requirement: e.file.requirement,
      title: e.file.title,
      period: PERIOD_TEXT(e.file.period),
      state: STATE(fileState(e, duplicates)),
      review: EVIDENCE_REVIEW_STATUS_LABELS[e.file.reviewStatus].zh,
      docDate: e.file.docDate,
      issuer: e.file.issuingUnit ?? '',
      path: e.path,
    },
  }));
  for (const s of slots) {
    if (filed.has(`${s.nodeId}\u0000${s.requirement}\u0000${s.period}`)) continue;
    items.push({
      nodeId: s.nodeId,
      requirement: s.requirement,
      period: s.period,
      row: {
        code: s.nodeCode,
        indicator: s.nodeTitle,
        requirement: s.requirement,
        title: '',
        period: PERIOD_TEXT(s.period),
        state: STATE('missing'),
        review: s.state === 'returned' ? EVIDENCE_REVIEW_STATUS_LABELS.returned.zh : '',
        docDate: '',
        issuer: '',
        path: '',
      },
    });
  }
  // Stable: entries come in the package's order; a missing slot takes its place among them.
  return items
    .map((it, i) => ({ it, i }))
    .sort(
      (a, b) =>
        (order.get(a.it.nodeId) ?? 0) - (order.get(b.it.nodeId) ?? 0) ||
        reqOrder(a.it.nodeId, a.it.requirement) - reqOrder(b.it.nodeId, b.it.requirement) ||
        a.it.period.localeCompare(b.it.period) ||
        a.i - b.i,
    )
    .map(({ it }, i) => ({ no: i + 1, ...it.row }));
}

export function catalogXlsx(rows: readonly CatalogRow[]): Promise<Uint8Array> {
  return buildSheet({ sheet: '目录', columns: CATALOG_COLUMNS }, rows);
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
// Body cells are bare paragraphs styled by the document default (小五 宋体): a run with its own
// properties in each of thousands of cells made the document three times slower to build.
const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
const headerCell = (text: string) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] });

/** The same list as a Word table (A4 landscape), for printing into the 迎检 binder. */
export async function catalogDocx(title: string, rows: readonly CatalogRow[]): Promise<Uint8Array> {
  const widths = [4, 6, 13, 12, 13, 6, 6, 8, 8, 9, 15];
  const missing = rows.filter((r) => r.state === STATE('missing')).length;
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
            children: [
              new TextRun({ text: `共 ${rows.length - missing} 份资料，缺失 ${missing} 项`, size: 21 }),
            ],
          }),
          table,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(word));
}
