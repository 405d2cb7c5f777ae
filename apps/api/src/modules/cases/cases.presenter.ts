import {
  CASE_ACTION_LABELS,
  type CaseDetail,
  type CaseEvent,
  type CaseSummary,
  type PendingRequest,
  type Role,
  SYSTEM_EVENT_LABELS,
  type TimeLimit,
} from '@chuangcheng/contracts';
import { type CaseStatus, maskPhone } from '@chuangcheng/domain';
import type { Actor } from '../../platform/actor';
import { REPORTER_PHONE_FULL } from './cases.policy';
import type { CaseRow, EventRow } from './cases.repository';

type Names = Map<string, string>;
const refOf = (names: Names, id: string | null) => (id ? { id, name: names.get(id) ?? '—' } : null);

/** Ids on a case that need names (regions, units, block). */
export function nameIds(r: CaseRow) {
  return {
    regionIds: [r.communityId, r.streetId, r.districtId].filter((x): x is string => !!x),
    unitIds: [r.leadUnitId, ...r.coUnitIds].filter((x): x is string => !!x),
    blockIds: r.blockId ? [r.blockId] : [],
  };
}

export function presentSummary(r: CaseRow, names: Names): CaseSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status as CaseSummary['status'],
    source: r.source as CaseSummary['source'],
    priority: r.priority as CaseSummary['priority'],
    category: {
      id: r.categoryId,
      code: r.categoryCode,
      name: r.categoryName,
      kind: r.categoryKind as CaseSummary['category']['kind'],
    },
    description: r.description,
    address: r.address,
    lng: r.lng,
    lat: r.lat,
    grid: r.gridId ? { id: r.gridId, code: r.gridCode ?? '', name: r.gridName ?? '' } : null,
    community: refOf(names, r.communityId),
    street: refOf(names, r.streetId),
    district: refOf(names, r.districtId),
    block: refOf(names, r.blockId),
    outOfGrid: r.outOfGrid,
    leadUnit: refOf(names, r.leadUnitId),
    stage: r.stage as CaseSummary['stage'],
    stageDeadline: r.stageDeadline?.toISOString() ?? null,
    disposeDeadline: r.disposeDeadline?.toISOString() ?? null,
    deadlineEstimated: r.stageDeadlineEstimated || r.disposeDeadlineEstimated,
    light: r.light as CaseSummary['light'],
    supervisionLevel: r.supervisionLevel,
    reworkCount: r.nReworks,
    returnCount: r.nReturns,
    pendingRequest: (r.pending as PendingRequest | null)?.kind ?? null,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

function eventLabel(type: string): string {
  return (
    (CASE_ACTION_LABELS as Record<string, { zh: string }>)[type]?.zh ??
    (SYSTEM_EVENT_LABELS as Record<string, { zh: string }>)[type]?.zh ??
    type
  );
}

export function presentEvent(e: EventRow, names: Names): CaseEvent {
  return {
    id: e.id,
    type: e.type,
    label: eventLabel(e.type),
    fromStatus: e.fromStatus as CaseStatus | null,
    toStatus: e.toStatus as CaseStatus | null,
    actorName: e.actorName,
    actorRole: e.actorRole,
    unitName: e.unitId ? (names.get(e.unitId) ?? null) : null,
    note: e.note,
    photoIds: e.photoIds,
    at: e.at.toISOString(),
  };
}

/** The pending request, with the claiming unit's name (主动认领). */
function pendingOf(p: PendingRequest | null, names: Names): PendingRequest | null {
  if (!p) return null;
  return p.unitId ? { ...p, unitName: names.get(p.unitId) ?? null } : p;
}

/** `r.reporterPhone` must be the opened (plain) number: the row stores it sealed (platform/secret-box). */
export function presentDetail(
  actor: Actor,
  r: CaseRow,
  names: Names,
  extra: Pick<CaseDetail, 'photos' | 'events' | 'allowedActions' | 'supervisionOrders' | 'elapsedFraction'>,
): CaseDetail {
  const phoneFull = REPORTER_PHONE_FULL.includes(actor.role as Role);
  return {
    ...presentSummary(r, names),
    ...extra,
    version: r.version,
    owner: r.owner as CaseDetail['owner'],
    severity: r.severity as CaseDetail['severity'],
    condition: r.conditionText
      ? { id: r.conditionId, text: r.conditionText, closingCondition: r.closingCondition ?? '' }
      : null,
    timeLimit:
      r.limitValue !== null && r.limitUnit ? ({ value: r.limitValue, unit: r.limitUnit } as TimeLimit) : null,
    coUnits: r.coUnitIds.map((id) => ({ id, name: names.get(id) ?? '—' })),
    route: (r.route as CaseDetail['route']) ?? null,
    reporterName: r.reporterName,
    reporterPhone: r.reporterPhone ? (phoneFull ? r.reporterPhone : maskPhone(r.reporterPhone)) : null,
    trackingCode: r.trackingCode,
    mediaRef: r.mediaRef,
    parentCaseId: r.parentCaseId,
    relapseOfCaseId: r.relapseOfCaseId,
    rating:
      r.ratedAt && r.ratingResolved !== null
        ? {
            resolved: r.ratingResolved,
            score: r.ratingScore,
            comment: r.ratingComment,
            at: r.ratedAt.toISOString(),
          }
        : null,
    stageStartedAt: r.stageStartedAt?.toISOString() ?? null,
    pending: pendingOf(r.pending as PendingRequest | null, names),
  };
}
