import {
  SUPERVISION_LEVEL_LABELS,
  SUPERVISION_LINE_KIND_LABELS,
  type SupervisionContent,
} from '@chuangcheng/contracts';
import sharp from 'sharp';
import type { SupervisionOrderDoc, SupervisionOrderDocLine } from './supervision-order.types';

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

/** The order's head: number, level, unit, how many problems, the 限期. */
export function factRows(doc: SupervisionOrderDoc): FactRow[] {
  const time = (d: Date) => formatDateTime(d, doc.utcOffsetMinutes);
  return [
    [
      { label: '编号', value: doc.number },
      { label: '督办级别', value: levelLabel(doc.level) },
    ],
    [{ label: '责任单位', value: doc.unitName }],
    [
      { label: '督办事项', value: `${doc.lines.length}项` },
      { label: '整改限期', value: doc.deadline ? `${time(doc.deadline)}前` : EMPTY },
    ],
  ];
}

/** The heading of one problem: （一）案卷 20261123-0042. */
export function lineHeading(line: SupervisionOrderDocLine, index: number): string {
  return `（${CN_NUMBERS[index] ?? index + 1}）${line.kindLabel} ${line.refNumber}`;
}
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** One problem's facts as they stood at issue. */
export function lineRows(doc: SupervisionOrderDoc, line: SupervisionOrderDocLine): FactRow[] {
  const time = (d: Date | null) => (d ? formatDateTime(d, doc.utcOffsetMinutes) : EMPTY);
  return [
    // Category paths run long (事件 / 街面秩序 / 占道经营), so they get a whole row.
    [{ label: '问题类别', value: line.title }],
    [{ label: '问题地址', value: line.address?.trim() || EMPTY }],
    [
      { label: '所在网格', value: line.gridName?.trim() || EMPTY },
      { label: '发现时间', value: time(line.reportedAt) },
    ],
    [
      { label: '协办单位', value: line.coUnitNames.length ? line.coUnitNames.join('、') : '无' },
      { label: '原定期限', value: time(line.originalDeadline) },
    ],
  ];
}

/** The receipt the responsible unit fills in by hand and returns. */
export function receiptRows(doc: SupervisionOrderDoc): FactRow[] {
  return [
    [
      { label: '督办单编号', value: doc.number },
      { label: '督办事项', value: `${doc.lines.length}项` },
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

/** The printed model of a frozen 督办单 (ISO strings back to instants); photos loaded by the caller. */
export function docOfContent(
  content: SupervisionContent,
  photos: SupervisionOrderDoc['photos'],
): SupervisionOrderDoc {
  const at = (s: string | null) => (s ? new Date(s) : null);
  return {
    cityName: content.cityName,
    officeName: content.officeName,
    number: content.number,
    level: content.level,
    unitName: content.unitName,
    lines: content.lines.map((l) => ({
      kindLabel: SUPERVISION_LINE_KIND_LABELS[l.kind]?.zh ?? l.kind,
      refNumber: l.refNumber,
      title: l.title,
      description: l.description,
      address: l.address,
      gridName: l.gridName,
      coUnitNames: l.coUnitNames,
      reportedAt: at(l.reportedAt),
      originalDeadline: at(l.originalDeadline),
    })),
    deadline: at(content.deadline),
    requirements: content.requirements,
    issuedAt: new Date(content.issuedAt),
    issuedBy: content.issuedBy,
    photos,
    utcOffsetMinutes: content.utcOffsetMinutes,
  };
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
