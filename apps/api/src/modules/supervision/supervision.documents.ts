import {
  SUPERVISION_LEVEL_LABELS,
  SUPERVISION_ORDER_STATE_LABELS,
  type SupervisionContent,
  type SupervisionListQuery,
} from '@chuangcheng/contracts';
import type { DownloadFile } from '../../http/download';
import type { Ctx } from '../../platform/actor';
import { buildSheet, type Column } from '../../platform/xlsx';
import type { PhotosService } from '../cases/index';
import { cityDay } from '../org/index';
import { docOfContent, renderSupervisionOrderDocx, renderSupervisionOrderPdf } from '../reports/index';
import type { SupervisionService } from './supervision.service';

const EXPORT_LIMIT = 500;
const cnTime = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

type Col =
  | 'number'
  | 'level'
  | 'state'
  | 'unit'
  | 'lines'
  | 'firstLine'
  | 'deadline'
  | 'overdue'
  | 'issuedBy'
  | 'issuedAt'
  | 'signedAt'
  | 'repliedAt'
  | 'closedAt'
  | 'source';
const COLUMNS: readonly Column<Col>[] = [
  { key: 'number', header: '督办单编号', width: 18, text: true },
  { key: 'level', header: '督办级别', width: 10 },
  { key: 'state', header: '状态', width: 10 },
  { key: 'unit', header: '责任单位', width: 20 },
  { key: 'lines', header: '督办事项数', width: 10 },
  { key: 'firstLine', header: '督办事项（首项）', width: 36 },
  { key: 'deadline', header: '整改限期', width: 18 },
  { key: 'overdue', header: '限期已过未回复', width: 14 },
  { key: 'issuedBy', header: '签发人', width: 10 },
  { key: 'issuedAt', header: '签发时间', width: 18 },
  { key: 'signedAt', header: '签收时间', width: 18 },
  { key: 'repliedAt', header: '回复时间', width: 18 },
  { key: 'closedAt', header: '办结时间', width: 18 },
  { key: 'source', header: '来源', width: 16 },
];

/** The 督办单 in Word and PDF, rendered only from its frozen content; the register as Excel. */
export function createSupervisionDocuments(deps: {
  supervision: SupervisionService;
  photos: PhotosService;
  now: () => Date;
}) {
  async function photosOf(content: SupervisionContent) {
    const out: { caption: string; bytes: Buffer }[] = [];
    for (const line of content.lines) {
      for (const p of line.photos) {
        try {
          const row = await deps.photos.row(p.fileId);
          out.push({ caption: p.caption, bytes: Buffer.from(await deps.photos.read(row.storageKey)) });
        } catch {
          // A photo removed from storage leaves the rest of the document intact.
        }
      }
    }
    return out;
  }

  return {
    async document(ctx: Ctx, id: string, format: 'docx' | 'pdf'): Promise<DownloadFile> {
      const row = await deps.supervision.load(ctx, id);
      const content = row.content as SupervisionContent;
      const doc = docOfContent(content, await photosOf(content));
      const data =
        format === 'docx' ? await renderSupervisionOrderDocx(doc) : await renderSupervisionOrderPdf(doc);
      const ascii = `supervision-${row.number.replace(/[^0-9]/g, '')}.${format}`;
      return { data, fileName: `督办单-${row.number}.${format}`, asciiName: ascii };
    },

    async exportRegister(
      ctx: Ctx,
      q: Omit<SupervisionListQuery, 'page' | 'pageSize'>,
    ): Promise<DownloadFile> {
      const cells: Partial<Record<Col, string | number>>[] = [];
      for (let page = 1; ; page++) {
        const r = await deps.supervision.list(ctx, { ...q, page, pageSize: EXPORT_LIMIT });
        for (const o of r.items) {
          cells.push({
            number: o.number,
            level: SUPERVISION_LEVEL_LABELS[o.level]?.zh ?? String(o.level),
            state: SUPERVISION_ORDER_STATE_LABELS[o.state].zh,
            unit: o.unit?.name ?? '',
            lines: o.lineCount,
            firstLine: o.firstLine ?? '',
            deadline: cnTime(o.deadline),
            overdue: o.overdue ? '是' : '',
            issuedBy: o.issuedBy,
            issuedAt: cnTime(o.issuedAt),
            signedAt: cnTime(o.signedAt),
            repliedAt: cnTime(o.repliedAt),
            closedAt: cnTime(o.closedAt),
            source: [o.automatic ? '系统自动' : '人工签发', o.migrated ? '登记簿启用前' : '']
              .filter(Boolean)
              .join('，'),
          });
        }
        if (page * EXPORT_LIMIT >= r.total) break;
      }
      const data = await buildSheet({ sheet: '督办单登记簿', columns: COLUMNS }, cells);
      const stamp = cityDay(deps.now()).replaceAll('-', '');
      return { data, fileName: `督办单登记簿-${stamp}.xlsx`, asciiName: `supervision-orders-${stamp}.xlsx` };
    },
  };
}

export type SupervisionDocuments = ReturnType<typeof createSupervisionDocuments>;
