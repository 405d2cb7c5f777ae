import type { SupervisionContent, SupervisionLine } from '@chuangcheng/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  photos,
  regions,
  type SupervisionOrderStep,
  supervisionOrderLines,
  supervisionOrders,
  units,
} from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import { newId } from '../../platform/ids';
import { canSee } from './cases.policy';
import type { CaseRow } from './cases.repository';

/** Photos a 督办单 line carries (the first before-photos of the case). */
const LINE_PHOTOS = 4;
const CHINA_OFFSET_MINUTES = 480;

/** Configured default 限期 of a 督办单, in working days of the city's calendar. */
export interface SupervisionRules {
  /** Proposed on the issuing form. */
  deadlineWorkdays: number;
  /** The automatic overdue 督办 and the escalation of a missed 限期 to 挂牌督办. */
  autoDeadlineWorkdays: number;
}
export const DEFAULT_SUPERVISION_RULES: SupervisionRules = { deadlineWorkdays: 3, autoDeadlineWorkdays: 3 };

/**
 * Who may 督办 this case (the one policy function): the office and leaders, within the scope they may
 * read; and a department supervising the case's trade (行业主管, `oversees`: its unit's trades and region
 * hold the case) — never on a case it handles itself.
 */
export function maySupervise(actor: Actor, row: CaseRow, oversees = false): boolean {
  if (actor.role === 'unit') {
    return (
      oversees &&
      row.leadUnitId !== actor.unitId &&
      !row.coUnitIds.includes(actor.unitId ?? '') &&
      canSee({ ...actor, role: 'office' }, row)
    );
  }
  if (!actor.system && !['office', 'leader'].includes(actor.role)) return false;
  return canSee(actor, row);
}

const isoOf = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The issuing office: a district office numbers and signs its own orders; otherwise the city's. */
export function officeOf(actor: Pick<Actor, 'regionId' | 'cityId'> | null, cityId: string): string {
  return actor?.regionId && actor.regionId !== cityId ? actor.regionId : cityId;
}

async function lineOf(tx: Db, row: CaseRow, unitNames: Map<string, string>): Promise<SupervisionLine> {
  const before = await tx
    .select({ id: photos.id })
    .from(photos)
    .where(and(eq(photos.cityId, row.cityId), eq(photos.caseId, row.id), eq(photos.kind, 'before')))
    .orderBy(asc(photos.createdAt), asc(photos.id))
    .limit(LINE_PHOTOS);
  return {
    kind: 'case',
    refId: row.id,
    refNumber: row.number,
    title: `${row.categoryCode} ${row.categoryName}`,
    description: row.description,
    address: row.address,
    gridName: row.gridCode ? `${row.gridCode} ${row.gridName ?? ''}`.trim() : null,
    coUnitNames: row.coUnitIds.map((id) => unitNames.get(id) ?? '—'),
    reportedAt: isoOf(row.createdAt),
    originalDeadline: isoOf(row.disposeDeadline),
    photos: before.map((p, i) => ({ fileId: p.id, caption: `${row.number} 现场照片 ${i + 1}` })),
  };
}

export interface IssueOrder {
  level: 1 | 2;
  /** 限期: the order's own deadline. */
  deadline: Date;
  requirements: string;
  automatic: boolean;
  by: { id: string | null; name: string };
  officeRegionId: string;
  at: Date;
  note?: string;
}

/**
 * Issues one 督办单 for open cases of one unit: numbered per issuing office per year, its content
 * frozen now (every later print is rendered from it), one line per case. Runs in the caller's
 * transaction, after the cases' own supervise events.
 */
export async function issueSupervisionOrder(
  tx: Db,
  seq: (tx: Db, cityId: string, scope: string) => Promise<number>,
  rows: CaseRow[],
  o: IssueOrder,
): Promise<{ id: string; number: string }> {
  const first = rows[0]!;
  const cityId = first.cityId;
  const unitIds = [...new Set(rows.flatMap((r) => [r.leadUnitId, ...r.coUnitIds]))].filter(
    (x): x is string => !!x,
  );
  const unitRows = unitIds.length
    ? await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))
    : [];
  const unitNames = new Map(unitRows.map((u) => [u.id, u.name]));
  const regionRows = await tx
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(inArray(regions.id, [...new Set([cityId, o.officeRegionId])]));
  const regionName = (id: string) => regionRows.find((r) => r.id === id)?.name ?? '';
  const year = new Date(o.at.getTime() + CHINA_OFFSET_MINUTES * 60_000).getUTCFullYear();
  // The city office keeps the numbering it always had; a district office counts its own.
  const scope =
    o.officeRegionId === cityId ? `supervision:${year}` : `supervision:${o.officeRegionId}:${year}`;
  const n = await seq(tx, cityId, scope);
  const number = `督〔${year}〕${String(n).padStart(4, '0')}号`;
  const lines: SupervisionLine[] = [];
  for (const r of rows) lines.push(await lineOf(tx, r, unitNames));
  const content: SupervisionContent = {
    version: 1,
    cityName: regionName(cityId),
    officeName: `${regionName(o.officeRegionId)}创建工作办公室`,
    number,
    level: o.level,
    automatic: o.automatic,
    unitName: (first.leadUnitId && unitNames.get(first.leadUnitId)) || '—',
    lines,
    deadline: o.deadline.toISOString(),
    requirements: o.requirements,
    issuedAt: o.at.toISOString(),
    issuedBy: o.by.name,
    utcOffsetMinutes: CHINA_OFFSET_MINUTES,
  };
  const id = newId(o.at.getTime());
  const step: SupervisionOrderStep = {
    at: o.at.toISOString(),
    action: 'issue',
    byUserId: o.by.id,
    byName: o.by.name,
    ...(o.note ? { note: o.note } : {}),
  };
  await tx.insert(supervisionOrders).values({
    cityId,
    id,
    caseId: first.id,
    officeRegionId: o.officeRegionId,
    number,
    level: o.level,
    unitId: first.leadUnitId,
    requirements: o.requirements,
    deadline: o.deadline,
    automatic: o.automatic,
    issuedByUserId: o.by.id,
    issuedByName: o.by.name,
    issuedAt: o.at,
    content,
    history: [step],
  });
  await tx
    .insert(supervisionOrderLines)
    .values(rows.map((r, i) => ({ cityId, orderId: id, seq: i + 1, kind: 'case' as const, refId: r.id })));
  return { id, number };
}

/** The 督办单 whose lines name this case, oldest first. */
export async function ordersOfCase(db: Db, cityId: string, caseId: string) {
  return db
    .select({
      id: supervisionOrders.id,
      number: supervisionOrders.number,
      level: supervisionOrders.level,
      issuedAt: supervisionOrders.issuedAt,
      state: supervisionOrders.state,
      deadline: supervisionOrders.deadline,
    })
    .from(supervisionOrderLines)
    .innerJoin(
      supervisionOrders,
      and(
        eq(supervisionOrders.cityId, supervisionOrderLines.cityId),
        eq(supervisionOrders.id, supervisionOrderLines.orderId),
      ),
    )
    .where(
      and(
        eq(supervisionOrderLines.cityId, cityId),
        eq(supervisionOrderLines.kind, 'case'),
        eq(supervisionOrderLines.refId, caseId),
      ),
    )
    .orderBy(asc(supervisionOrders.issuedAt));
}
