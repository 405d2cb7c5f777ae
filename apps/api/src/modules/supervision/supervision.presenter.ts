import type {
  SupervisionContent,
  SupervisionOrderDetail,
  SupervisionOrderSummary,
} from '@chuangcheng/contracts';
import type { LineRow, OrderRow } from './supervision.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** 限期 passed while the unit has not yet answered (已下发 / 已签收). */
export function isOverdue(o: OrderRow, now: Date): boolean {
  return (o.state === 'issued' || o.state === 'signed') && !!o.deadline && o.deadline < now;
}

export function presentSummary(
  o: OrderRow,
  lines: LineRow[],
  unitNames: Map<string, string>,
  now: Date,
): SupervisionOrderSummary {
  const content = o.content as Partial<SupervisionContent>;
  const first = content.lines?.[0];
  return {
    id: o.id,
    number: o.number,
    level: o.level,
    state: o.state,
    automatic: o.automatic,
    migrated: o.migrated,
    unit: o.unitId ? { id: o.unitId, name: unitNames.get(o.unitId) ?? content.unitName ?? '—' } : null,
    lineCount: lines.length,
    firstLine: first ? `${first.refNumber} ${first.title}：${first.description.slice(0, 60)}` : null,
    deadline: iso(o.deadline),
    overdue: isOverdue(o, now),
    issuedAt: o.issuedAt.toISOString(),
    issuedBy: o.issuedByName,
    signedAt: iso(o.signedAt),
    repliedAt: iso(o.repliedAt),
    closedAt: iso(o.closedAt),
  };
}

export function presentDetail(
  o: OrderRow,
  lines: LineRow[],
  unitNames: Map<string, string>,
  now: Date,
  extra: Pick<SupervisionOrderDetail, 'escalatedFrom' | 'allowed'>,
): SupervisionOrderDetail {
  return {
    ...presentSummary(o, lines, unitNames, now),
    content: o.content as SupervisionContent,
    lines: lines.map((l) => ({ kind: l.kind, refId: l.refId })),
    signedBy: o.signedByName,
    reply: o.repliedAt ? { text: o.replyText ?? '', photoIds: o.replyPhotoIds, at: iso(o.repliedAt) } : null,
    escalatedToId: o.escalatedToId,
    history: o.history.map((h) => ({
      at: h.at,
      action: h.action,
      byName: h.byName,
      ...(h.note ? { note: h.note } : {}),
    })),
    ...extra,
  };
}
