import {
  CATEGORY_KIND_LABELS,
  type CaseStatus,
  type CategoryKind,
  PUBLIC_STAGE_LABELS,
  PUBLIC_STAGE_OF,
  publicEventText,
  TIME_UNIT_LABELS,
  type TimeUnit,
} from '@chuangcheng/contracts';
import { CLOSED_STATUSES, type RequestEventRow, type RequestRow } from './open311.repository';

// What leaves the server through Open311: the spec's fields, public-safe. No person's name, phone or
// tracking code (the code lets its holder rate and reopen a case), no internal steps.

/** Category codes repeat across 部件 and 事件 (both have a 0101), so the kind leads the service code. */
const KIND_PREFIX: Record<CategoryKind, string> = { component: 'C', event: 'E' };

export function serviceCodeOf(kind: string, code: string): string {
  return `${KIND_PREFIX[kind as CategoryKind] ?? ''}${code}`;
}

export function parseServiceCode(serviceCode: string): { kind: CategoryKind; code: string } | null {
  const m = /^([CE])([0-9A-Za-z-]{1,32})$/.exec(serviceCode.trim());
  if (!m) return null;
  return { kind: m[1] === 'C' ? 'component' : 'event', code: m[2]! };
}

export interface PublicCategory {
  id: string;
  code: string;
  name: string;
  group: string;
  kind: CategoryKind;
}

export function presentService(c: PublicCategory) {
  const kind = CATEGORY_KIND_LABELS[c.kind].zh;
  return {
    service_code: serviceCodeOf(c.kind, c.code),
    service_name: c.name,
    description: [kind, c.group, c.name].filter(Boolean).join(' / '),
    metadata: false,
    type: 'realtime',
    keywords: [c.name, c.group, kind].filter(Boolean).join(','),
    group: c.group,
  };
}

/** Only the official void reason is public; a reporter's own words (rating, reopen) stay with them. */
const NOTE_TEXT_SHOWN = new Set(['void']);

export interface RequestContext {
  events: readonly RequestEventRow[];
  unitNames: ReadonlyMap<string, string>;
  /** The id of the photo to link as media_url, if any. */
  photoId: string | undefined;
  /** The number of the case this one was merged into. */
  parentNumber: string | undefined;
  /** Absolute base URL of this server (PUBLIC_URL, else the request's origin). */
  base: string;
  extensions: boolean;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function statusNotes(row: RequestRow, ctx: RequestContext): string {
  const stage = PUBLIC_STAGE_OF[row.status as CaseStatus] ?? 'handling';
  const label = PUBLIC_STAGE_LABELS[stage].zh;
  if (row.status !== 'voided')
    return row.lng === null ? `${label}（待定位：按地址在地图上定位后派遣）` : label;
  if (ctx.parentNumber) return `${label}：已并入 ${ctx.parentNumber} 一并办理`;
  const reason = ctx.events.findLast((e) => e.type === 'void')?.note;
  return reason ? `${label}：${reason}` : label;
}

/** The rule the case is handled by: the category's time limit and closing condition (public rules). */
export function serviceNotice(
  row: Pick<RequestRow, 'limitValue' | 'limitUnit' | 'closingCondition'>,
): string | null {
  const parts: string[] = [];
  if (row.limitValue !== null && row.limitUnit) {
    const unit = TIME_UNIT_LABELS[row.limitUnit as TimeUnit]?.zh ?? row.limitUnit;
    parts.push(`处置时限 ${row.limitValue} 个${unit}`);
  }
  if (row.closingCondition) parts.push(`结案标准：${row.closingCondition}`);
  return parts.length ? parts.join('；') : null;
}

function mediaUrl(row: RequestRow, ctx: RequestContext): string | null {
  if (ctx.photoId) return `${ctx.base}/open311/v2/media/${ctx.photoId}.jpg`;
  // The link a client sent with its report (or a media case's article): only web links, never fetched.
  return row.mediaRef && /^https?:\/\//i.test(row.mediaRef) ? row.mediaRef : null;
}

export function presentNotes(
  events: readonly RequestEventRow[],
  unitNames: ReadonlyMap<string, string>,
  source: string,
) {
  return events.flatMap((e) => {
    const unit = e.type === 'dispatch' && e.unitId ? (unitNames.get(e.unitId) ?? null) : null;
    // A case staff filed was not a citizen's report: its first event says so.
    const summary =
      e.type === 'report' && source !== 'citizen' ? '问题已登记' : publicEventText(e.type, unit, 'public');
    if (!summary) return [];
    return [
      {
        datetime: e.at.toISOString(),
        type: e.type,
        summary,
        description: NOTE_TEXT_SHOWN.has(e.type) ? (e.note ?? null) : null,
      },
    ];
  });
}

/** The client's address reference and postcode, kept with the report (its first event), if any. */
function addressRefOf(events: readonly RequestEventRow[]): {
  addressId: string | null;
  zipcode: string | null;
} {
  const payload = events.find((e) => e.type === 'report')?.payload as
    | { addressRef?: { addressId?: unknown; zipcode?: unknown } }
    | null
    | undefined;
  const ref = payload?.addressRef;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return { addressId: str(ref?.addressId), zipcode: str(ref?.zipcode) };
}

/** One service request as the spec's GET requests answers it. */
export function presentRequest(row: RequestRow, ctx: RequestContext) {
  const closed = (CLOSED_STATUSES as readonly string[]).includes(row.status);
  const stage = PUBLIC_STAGE_OF[row.status as CaseStatus];
  const agency = row.leadUnitId && stage !== 'received' ? (ctx.unitNames.get(row.leadUnitId) ?? null) : null;
  const ref = addressRefOf(ctx.events);
  return {
    service_request_id: row.number,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(row, ctx),
    service_name: row.categoryName,
    service_code: serviceCodeOf(row.categoryKind, row.categoryCode),
    description: row.description,
    agency_responsible: agency,
    service_notice: serviceNotice(row),
    requested_datetime: row.createdAt.toISOString(),
    updated_datetime: iso(closed ? (row.closedAt ?? row.updatedAt) : row.updatedAt),
    expected_datetime: iso(row.disposeDeadline),
    address: row.address,
    address_id: ref.addressId,
    zipcode: ref.zipcode,
    // Null while a report that came with an address only awaits placing (待定位).
    lat: row.lat,
    long: row.lng,
    media_url: mediaUrl(row, ctx),
    ...(ctx.extensions ? { notes: presentNotes(ctx.events, ctx.unitNames, row.source) } : {}),
  };
}
export type Open311Request = ReturnType<typeof presentRequest>;
