import { SUPERVISION_LEVEL_LABELS } from '@chuangcheng/contracts';
import sharp from 'sharp';
import type { SupervisionOrderDoc } from './supervision-order.types';

// The Word and PDF renderers share this model so both print the same words in the same order.

export interface Fact {
  label: string;
  value: string;
}
/** One table row: a single label/value pair spanning the row, or two side by side. */
export type FactRow = [Fact] | [Fact, Fact];

export interface PreparedPhoto {
  caption: string;
  bytes: Buffer;
  type: 'jpg' | 'png';
  width: number;
  height: number;
}

const EMPTY = '—';
/** Plenty for a half-width print (≈ 8 cm at 500 dpi) while keeping a 12 MP photo out of the file. */
const MAX_PHOTO_PX = 1600;

export function orderTitle(doc: SupervisionOrderDoc): string {
  return `${doc.cityName}城市管理${doc.level === 2 ? '挂牌督办通知单' : '督办单'}`;
}

export function levelLabel(level: SupervisionOrderDoc['level']): string {
  return SUPERVISION_LEVEL_LABELS[level]?.zh ?? String(level);
}

/** The instant as a wall-clock time at the given offset: 2026年11月23日 14:30. */
export function formatDateTime(at: Date, utcOffsetMinutes: number): string {
  const t = shifted(at, utcOffsetMinutes);
  return `${formatDate(at, utcOffsetMinutes)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** 2026年11月23日, the calendar day at the given offset. */
export function formatDate(at: Date, utcOffsetMinutes: number): string {
  const t = shifted(at, utcOffsetMinutes);
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
}

function shifted(at: Date, utcOffsetMinutes: number): Date {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function factRows(doc: SupervisionOrderDoc): FactRow[] {
  const time = (d: Date) => formatDateTime(d, doc.utcOffsetMinutes);
  return [
    [
      { label: '编号', value: doc.number },
      { label: '督办级别', value: levelLabel(doc.level) },
    ],
    [{ label: '责任单位', value: doc.unitName }],
    [{ label: '协办单位', value: doc.coUnitNames.length ? doc.coUnitNames.join('、') : '无' }],
    // Category paths run long (事件 / 街面秩序 / 占道经营), so they get a whole row.
    [{ label: '案卷编号', value: doc.caseNumber }],
    [{ label: '问题类别', value: doc.categoryName }],
    [{ label: '问题地址', value: doc.address?.trim() || EMPTY }],
    [
      { label: '所在网格', value: doc.gridName?.trim() || EMPTY },
      { label: '发现时间', value: time(doc.reportedAt) },
    ],
    [
      { label: '原定期限', value: doc.deadline ? time(doc.deadline) : EMPTY },
      { label: '整改期限', value: `${time(doc.newDeadline)}前` },
    ],
  ];
}

/** The receipt the responsible unit fills in by hand and returns. */
export function receiptRows(doc: SupervisionOrderDoc): FactRow[] {
  return [
    [
      { label: '督办单编号', value: doc.number },
      { label: '案卷编号', value: doc.caseNumber },
    ],
    [{ label: '责任单位', value: doc.unitName }],
    // Whole rows leave room for handwriting.
    [{ label: '签收人', value: '' }],
    [{ label: '签收时间', value: '　　　　年　　月　　日　　时　　分' }],
  ];
}

export function receiptNote(doc: SupervisionOrderDoc): string {
  return `请责任单位签收后将本回执交回${doc.officeName}。`;
}

export function issuedLines(doc: SupervisionOrderDoc): string[] {
  return [doc.officeName, formatDate(doc.issuedAt, doc.utcOffsetMinutes), `签发人：${doc.issuedBy}`];
}

/** Paragraphs of a free text, blank lines dropped. */
export function paragraphsOf(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines : [EMPTY];
}

/** Scales (width, height) to fit inside the box, never enlarging. */
export function fitBox(width: number, height: number, maxWidth: number, maxHeight: number) {
  const k = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: Math.round(width * k), height: Math.round(height * k) };
}

/**
 * Photos as both renderers need them: JPEG or PNG, upright, at most MAX_PHOTO_PX on a side.
 * Word ignores EXIF orientation and pdfkit reads only JPEG/PNG, so anything else is re-encoded.
 */
export function preparePhotos(photos: SupervisionOrderDoc['photos']): Promise<PreparedPhoto[]> {
  return Promise.all(photos.map((p) => preparePhoto(p.caption, p.bytes)));
}

async function preparePhoto(caption: string, bytes: Buffer): Promise<PreparedPhoto> {
  const meta = await sharp(bytes).metadata();
  const { width, height, format } = meta;
  const usable =
    (format === 'jpeg' || format === 'png') &&
    (meta.orientation ?? 1) === 1 &&
    Math.max(width, height) <= MAX_PHOTO_PX;
  if (usable) return { caption, bytes, type: format === 'png' ? 'png' : 'jpg', width, height };
  const out = await sharp(bytes)
    .rotate()
    .resize({ width: MAX_PHOTO_PX, height: MAX_PHOTO_PX, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer({ resolveWithObject: true });
  return { caption, bytes: out.data, type: 'jpg', width: out.info.width, height: out.info.height };
}
