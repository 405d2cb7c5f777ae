import PDFDocument from 'pdfkit';
import { AppError } from '../../platform/app-error';
import { boldSibling, type CjkFont, findCjkFont } from './cjk-font';
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

type Pdf = PDFKit.PDFDocument;

// A4 in points with the GB/T 9704 公文 type area (156 × 225 mm), like the Word version.
const MM = 72 / 25.4;
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const RED = '#E60012';
const LABEL_WIDTH = 72;
const CELL_PAD = 6;
const SIZE = { title: 22, heading: 14, body: 12, caption: 10.5 };
const PHOTO_MAX_HEIGHT = 170;

/** The 督办单 as a print-ready A4 PDF with the CJK font embedded (subset). Throws FONT_MISSING without one. */
export async function renderSupervisionOrderPdf(
  doc: SupervisionOrderDoc,
  font: CjkFont | null = findCjkFont(),
): Promise<Buffer> {
  if (!font) throw new AppError('FONT_MISSING', {});
  const photos = await preparePhotos(doc.photos);
  const title = orderTitle(doc);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    lang: 'zh-CN',
    info: { Title: title, Subject: doc.number, Author: doc.officeName, CreationDate: doc.issuedAt },
  });
  const done = collect(pdf);
  pdf.registerFont('body', font.path, font.family);
  const bold = boldSibling(font) ?? font;
  pdf.registerFont('bold', bold.path, bold.family);

  header(pdf, doc, title);
  table(pdf, factRows(doc));
  sectionHeading(pdf, '一、督办事项', 60);
  doc.lines.forEach((line, i) => {
    ensureSpace(pdf, 80);
    pdf.moveDown(0.3);
    pdf.font('bold').fontSize(SIZE.body).fillColor('black').text(lineHeading(line, i), left(pdf), pdf.y);
    pdf.moveDown(0.2);
    table(pdf, lineRows(doc, line));
    paragraphs(pdf, line.description);
  });
  section(pdf, '二、督办要求', doc.requirements);
  if (photos.length) photoGrid(pdf, photos);
  signature(pdf, doc);
  receipt(pdf, doc);
  pdf.end();
  return done;
}

function collect(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

const left = (pdf: Pdf) => pdf.page.margins.left;
const contentWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const bottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
function ensureSpace(pdf: Pdf, height: number): void {
  if (pdf.y + height > bottom(pdf)) pdf.addPage();
}

function header(pdf: Pdf, doc: SupervisionOrderDoc, title: string): void {
  const x = left(pdf);
  const width = contentWidth(pdf);
  pdf.font('bold').fontSize(SIZE.title).fillColor(RED).text(title, x, pdf.y, { width, align: 'center' });
  pdf.moveDown(0.6);
  pdf
    .font('body')
    .fontSize(SIZE.body)
    .fillColor('black')
    .text(doc.number, x, pdf.y, { width, align: 'right' });
  const ruleY = pdf.y + 4;
  pdf
    .moveTo(x, ruleY)
    .lineTo(x + width, ruleY)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();
  pdf.y = ruleY + 14;
}

interface Cell {
  text: string;
  x: number;
  width: number;
  label: boolean;
}

function rowCells(pdf: Pdf, row: FactRow): Cell[] {
  const x0 = left(pdf);
  const full = contentWidth(pdf);
  if (row.length === 1) {
    const [f] = row;
    return [
      { text: f.label, x: x0, width: LABEL_WIDTH, label: true },
      { text: f.value, x: x0 + LABEL_WIDTH, width: full - LABEL_WIDTH, label: false },
    ];
  }
  const half = full / 2;
  return row.flatMap((f, i) => [
    { text: f.label, x: x0 + i * half, width: LABEL_WIDTH, label: true },
    { text: f.value, x: x0 + i * half + LABEL_WIDTH, width: half - LABEL_WIDTH, label: false },
  ]);
}

/** A bordered label/value grid; a row never splits across pages. */
function table(pdf: Pdf, rows: FactRow[], minRowHeight = 24): void {
  pdf.fontSize(SIZE.body).lineWidth(0.75).strokeColor('black');
  for (const row of rows) {
    const cells = rowCells(pdf, row);
    const textHeight = (c: Cell) =>
      pdf.font(c.label ? 'bold' : 'body').heightOfString(c.text || ' ', { width: c.width - 2 * CELL_PAD });
    const height = Math.max(minRowHeight, ...cells.map((c) => textHeight(c) + 2 * CELL_PAD));
    ensureSpace(pdf, height);
    const y = pdf.y;
    for (const c of cells) {
      if (c.label) pdf.rect(c.x, y, c.width, height).fill('#F2F2F2');
      pdf.rect(c.x, y, c.width, height).stroke();
      const offset = (height - textHeight(c)) / 2;
      pdf
        .font(c.label ? 'bold' : 'body')
        .fillColor('black')
        .text(c.text, c.x + CELL_PAD, y + offset, {
          width: c.width - 2 * CELL_PAD,
          align: c.label ? 'center' : 'left',
        });
    }
    pdf.y = y + height;
  }
  pdf.x = left(pdf);
}

/** A heading kept on one page with the first `keepWith` points of what follows it. */
function sectionHeading(pdf: Pdf, text: string, keepWith = 40): void {
  ensureSpace(pdf, 45 + keepWith);
  pdf.moveDown(0.8);
  pdf.font('bold').fontSize(SIZE.heading).fillColor('black').text(text, left(pdf), pdf.y);
  pdf.moveDown(0.3);
}

function section(pdf: Pdf, title: string, text: string): void {
  sectionHeading(pdf, title);
  paragraphs(pdf, text);
}

function paragraphs(pdf: Pdf, text: string): void {
  pdf.font('body').fontSize(SIZE.body);
  for (const p of paragraphsOf(text)) {
    pdf.text(p, left(pdf), pdf.y, { width: contentWidth(pdf), indent: SIZE.body * 2, lineGap: 4 });
  }
}

/** Two photos a row, each scaled into half the text width, caption centred underneath. */
function photoGrid(pdf: Pdf, photos: PreparedPhoto[]): void {
  const gap = 12;
  const cellWidth = (contentWidth(pdf) - gap) / 2;
  const rows: {
    pair: PreparedPhoto[];
    boxes: ReturnType<typeof fitBox>[];
    imageHeight: number;
    height: number;
  }[] = [];
  pdf.font('body').fontSize(SIZE.caption);
  for (let i = 0; i < photos.length; i += 2) {
    const pair = photos.slice(i, i + 2);
    const boxes = pair.map((p) => fitBox(p.width, p.height, cellWidth, PHOTO_MAX_HEIGHT));
    const captionHeight = Math.max(
      ...pair.map((p) => pdf.heightOfString(p.caption || ' ', { width: cellWidth, align: 'center' })),
    );
    const imageHeight = Math.max(...boxes.map((b) => b.height));
    rows.push({ pair, boxes, imageHeight, height: imageHeight + captionHeight + 14 });
  }
  sectionHeading(pdf, '三、现场照片', rows[0]?.height);
  pdf.font('body').fontSize(SIZE.caption);
  for (const { pair, boxes, imageHeight, height } of rows) {
    ensureSpace(pdf, height);
    const y = pdf.y + 4;
    pair.forEach((p, j) => {
      const box = boxes[j]!;
      const x = left(pdf) + j * (cellWidth + gap);
      pdf.image(p.bytes, x + (cellWidth - box.width) / 2, y + (imageHeight - box.height) / 2, {
        width: box.width,
        height: box.height,
      });
      pdf.text(p.caption, x, y + imageHeight + 4, { width: cellWidth, align: 'center' });
    });
    pdf.y = y + height - 4;
  }
  pdf.x = left(pdf);
}

function signature(pdf: Pdf, doc: SupervisionOrderDoc): void {
  const lines = issuedLines(doc);
  pdf.font('body').fontSize(SIZE.heading);
  ensureSpace(pdf, 30 + lines.length * pdf.currentLineHeight(true));
  pdf.moveDown(1.2);
  for (const line of lines) {
    pdf.text(line, left(pdf), pdf.y, { width: contentWidth(pdf) - SIZE.heading * 2, align: 'right' });
  }
}

function receipt(pdf: Pdf, doc: SupervisionOrderDoc): void {
  const rows = receiptRows(doc);
  ensureSpace(pdf, 60 + rows.length * 34 + 30);
  pdf.moveDown(1.5);
  const x = left(pdf);
  const y = pdf.y;
  pdf
    .moveTo(x, y)
    .lineTo(x + contentWidth(pdf), y)
    .lineWidth(0.75)
    .dash(4, { space: 3 })
    .strokeColor('#808080')
    .stroke()
    .undash();
  pdf.y = y + 10;
  pdf
    .font('bold')
    .fontSize(SIZE.heading)
    .fillColor('black')
    .text('签收回执', x, pdf.y, {
      width: contentWidth(pdf),
      align: 'center',
    });
  pdf.moveDown(0.4);
  table(pdf, rows, 30);
  pdf.moveDown(0.4);
  pdf
    .font('body')
    .fontSize(SIZE.caption)
    .text(receiptNote(doc), x, pdf.y, { width: contentWidth(pdf) });
}
