import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  type IBorderOptions,
  ImageRun,
  type IRunOptions,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  type FactRow,
  factRows,
  fitBox,
  issuedLines,
  lineHeading,
  lineRows,
  orderTitle,
  type PreparedPhoto,
  paragraphsOf,
  preparePhotos,
  receiptNote,
  receiptRows,
} from './supervision-order.model';
import type { SupervisionOrderDoc } from './supervision-order.types';

// A4 with the GB/T 9704 公文 margins (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm), in twips.
const MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const CONTENT_WIDTH = Math.round(156 * MM);
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: PAGE.width - Math.round(28 * MM) - CONTENT_WIDTH,
};
const LABEL_WIDTH = 1450;
const HALF = CONTENT_WIDTH / 2;

const RED = 'E60012';
// East Asian fonts every Chinese Windows/WPS has; Latin text stays in Times New Roman.
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia });
const BODY_FONT = font('仿宋');
const TITLE_FONT = font('宋体');
const LABEL_FONT = font('黑体');
const SIZE = { title: 44, heading: 28, body: 24, caption: 21 }; // half-points: 二号, 四号, 小四, 五号

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NO_LINE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const ALL_LINES = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};
const NO_LINES = {
  top: NO_LINE,
  bottom: NO_LINE,
  left: NO_LINE,
  right: NO_LINE,
  insideHorizontal: NO_LINE,
  insideVertical: NO_LINE,
};

/** The 督办单 as an editable A4 Word document (.docx), photos embedded. */
export async function renderSupervisionOrderDocx(doc: SupervisionOrderDoc): Promise<Buffer> {
  const photos = await preparePhotos(doc.photos);
  const title = orderTitle(doc);
  const word = new Document({
    title,
    subject: doc.number,
    creator: doc.issuedBy,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          ...header(doc, title),
          factTable(factRows(doc)),
          heading('一、督办事项'),
          ...doc.lines.flatMap((line, i) => [
            subheading(lineHeading(line, i)),
            factTable(lineRows(doc, line)),
            ...paragraphsOf(line.description).map(bodyParagraph),
          ]),
          heading('二、督办要求'),
          ...paragraphsOf(doc.requirements).map(bodyParagraph),
          ...(photos.length ? [heading('三、现场照片'), photoTable(photos)] : []),
          ...signature(doc),
          ...receipt(doc),
        ],
      },
    ],
  });
  // The package's dates are the issue time, so a reprint carries the same properties as the original.
  return Packer.toBuffer(word, false, [{ path: 'docProps/core.xml', data: coreXml(doc, title) }]);
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function coreXml(doc: SupervisionOrderDoc, title: string): string {
  const at = doc.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title><dc:subject>${escapeXml(doc.number)}</dc:subject>`,
    `<dc:creator>${escapeXml(doc.issuedBy)}</dc:creator>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, font: BODY_FONT, size: SIZE.body, ...options });
}

function header(doc: SupervisionOrderDoc, title: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(title, { font: TITLE_FONT, size: SIZE.title, bold: true, color: RED })],
    }),
    // The red rule under the number is the 红头 separator of official documents.
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      children: [run(doc.number)],
    }),
  ];
}

function heading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 240, after: 120 },
    children: [run(text, { font: LABEL_FONT, size: SIZE.heading })],
  });
}

function subheading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 80 },
    children: [run(text, { font: LABEL_FONT })],
  });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 480 },
    spacing: { line: 360 },
    children: [run(text)],
  });
}

function cell(text: string, width: number, options: { label?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 100, right: 100, top: 60, bottom: 60 },
    shading: options.label ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : undefined,
    // Split without trimming: the receipt's blanks are made of ideographic spaces.
    children: text.split(/\r?\n/).map(
      (line) =>
        new Paragraph({
          alignment: options.label ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [options.label ? run(line, { font: LABEL_FONT }) : run(line)],
        }),
    ),
  });
}

function factTable(rows: FactRow[], minRowHeight = 500): Table {
  const valueWidth = HALF - LABEL_WIDTH;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, valueWidth, LABEL_WIDTH, valueWidth],
    layout: TableLayoutType.FIXED,
    borders: ALL_LINES,
    rows: rows.map(
      (pairs) =>
        new TableRow({
          cantSplit: true,
          height: { value: minRowHeight, rule: HeightRule.ATLEAST },
          children: pairs.flatMap((f) => [
            cell(f.label, LABEL_WIDTH, { label: true }),
            pairs.length === 1
              ? cell(f.value, CONTENT_WIDTH - LABEL_WIDTH, { span: 3 })
              : cell(f.value, valueWidth),
          ]),
        }),
    ),
  });
}

/** Two photos a row, each scaled into its half of the text width, caption underneath. */
function photoTable(photos: PreparedPhoto[]): Table {
  const maxPx = { width: Math.floor((HALF / 1440) * 96) - 16, height: 210 };
  const photoCell = (p: PreparedPhoto | undefined) =>
    new TableCell({
      width: { size: HALF, type: WidthType.DXA },
      margins: { top: 80, bottom: 80, left: 60, right: 60 },
      children: p
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new ImageRun({
                  type: p.type,
                  data: p.bytes,
                  transformation: fitBox(p.width, p.height, maxPx.width, maxPx.height),
                  altText: { name: p.caption, title: p.caption, description: p.caption },
                }),
              ],
            }),
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [run(p.caption, { size: SIZE.caption })],
            }),
          ]
        : [new Paragraph({})],
    });
  const rows: TableRow[] = [];
  for (let i = 0; i < photos.length; i += 2) {
    rows.push(new TableRow({ cantSplit: true, children: [photoCell(photos[i]), photoCell(photos[i + 1])] }));
  }
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [HALF, HALF],
    layout: TableLayoutType.FIXED,
    borders: NO_LINES,
    rows,
  });
}

function signature(doc: SupervisionOrderDoc): Paragraph[] {
  return issuedLines(doc).map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: 480 },
        keepNext: true,
        spacing: { before: i === 0 ? 480 : 0 },
        children: [run(line, { size: SIZE.heading })],
      }),
  );
}

function receipt(doc: SupervisionOrderDoc): (Paragraph | Table)[] {
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 360, after: 120 },
      alignment: AlignmentType.CENTER,
      border: { top: { style: BorderStyle.DASHED, size: 6, color: '808080', space: 6 } },
      children: [run('签收回执', { font: LABEL_FONT, size: SIZE.heading })],
    }),
    factTable(receiptRows(doc), 600),
    new Paragraph({
      spacing: { before: 120 },
      children: [run(receiptNote(doc), { size: SIZE.caption })],
    }),
  ];
}
