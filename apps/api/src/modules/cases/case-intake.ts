import { type CreateCase, SOURCE_DEFAULT_PRIORITY, type StageLimits } from '@chuangcheng/contracts';
import {
  type CaseStatus,
  type ClockCalendar,
  computeCounters,
  NO_CLOCK,
  nextClock,
} from '@chuangcheng/domain';
import type { ActingParty } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { cityDay } from '../org/index';
import { caseEventToCounterEvent } from './case-events';
import { clockPatch } from './case-transition';
import type { CasesDeps } from './cases.deps';
import { type CaseRow, type CasesRepository, counterPatch, type EventRow } from './cases.repository';

/** How far outside the city's grids a point may lie and still be filed (属地兜底), in degrees (~5 km). */
const CITY_MARGIN_DEG = 0.05;

/** A phone as stored: sealed, with its keyed hash for per-phone limits. */
export function sealedPhone(deps: Pick<CasesDeps, 'secrets'>, phone: string | undefined) {
  if (!phone) return { reporterPhone: null, reporterPhoneHash: null };
  return {
    reporterPhone: deps.secrets.seal(phone),
    reporterPhoneHash: deps.secrets.hash(phone.replace(/\D/g, '')),
  };
}

/**
 * What intake files: the contract's input, except that a report from the public side may come with an
 * address only (no point): it is filed unplaced (待定位) and routed to the city's office to be placed.
 */
export type IntakeInput = Omit<CreateCase, 'lng' | 'lat'> & {
  lng: number | null;
  lat: number | null;
  /** An Open311 client's own address reference and postcode, kept in the first event's payload. */
  addressRef?: { addressId?: string | undefined; zipcode?: string | undefined };
  /** An upper level's rectification deadline (整改清单): the disposal deadline when dispatched. */
  rectifyBy?: Date | null;
};

/**
 * The new case row and its first event, before numbering: the category snapshot, the location
 * (grid, community, street, district, block), the route and its explanation, and the first clock.
 */
export async function buildNewCase(
  deps: CasesDeps,
  repo: CasesRepository,
  cal: ClockCalendar,
  actor: ActingParty,
  cityId: string,
  input: IntakeInput,
  opts: { trackingCode?: string } = {},
): Promise<{ row: Omit<CaseRow, 'number'>; event: EventRow; day: string }> {
  const extent = await repo.cityExtent(cityId);
  if (
    extent &&
    input.lng !== null &&
    input.lat !== null &&
    (input.lng < extent.minLng - CITY_MARGIN_DEG ||
      input.lng > extent.maxLng + CITY_MARGIN_DEG ||
      input.lat < extent.minLat - CITY_MARGIN_DEG ||
      input.lat > extent.maxLat + CITY_MARGIN_DEG)
  ) {
    throw new AppError('OUT_OF_CITY', { fields: [{ field: 'lng', message: '位置不在本市范围内' }] });
  }
  if (input.selfHandled && (input.photoIds.length === 0 || input.afterPhotoIds.length === 0)) {
    throw new AppError(
      'CASE_BEFORE_PHOTO_REQUIRED',
      fieldDetails('afterPhotoIds', '自处理须上传处置前和处置后照片'),
    );
  }
  const category = await deps.catalog.resolveCategory(cityId, input.categoryId, input.conditionId);
  const routed = await deps.catalog.routeCase(cityId, {
    category,
    lng: input.lng,
    lat: input.lat,
    source: input.source,
    owner: input.owner,
  });
  const now = deps.clock.now();
  const status: CaseStatus = input.selfHandled ? 'self_handled' : 'reported';
  const limits: StageLimits = {
    ...routed.limits,
    dispose: routed.limits.dispose ?? category.condition.limit,
  };
  const clock = nextClock(cal, NO_CLOCK, { to: status, action: 'report', now, limits });
  const id = newId(now.getTime());
  const event: EventRow = {
    cityId,
    id: newId(now.getTime()),
    caseId: id,
    seq: 1,
    type: 'report',
    fromStatus: null,
    toStatus: status,
    actorUserId: actor.id,
    actorName: actor.displayName,
    actorRole: actor.role,
    unitId: actor.unitId,
    note: input.selfHandled ? '现场自处理' : null,
    photoIds: [...input.photoIds, ...input.afterPhotoIds],
    payload: {
      deadlineBefore: null,
      disposeDeadline: null,
      stageDeadline: clock.stageDeadline?.toISOString() ?? null,
      source: input.source,
      route: routed.route.text,
      ...(input.addressRef ? { addressRef: input.addressRef } : {}),
    },
    at: now,
  };
  const row: Omit<CaseRow, 'number'> = {
    cityId,
    id,
    status,
    source: input.source,
    version: 1,
    categoryId: category.id,
    categoryCode: category.code,
    categoryName: category.name,
    categoryKind: category.kind,
    categoryPath: category.path,
    severity: category.severity,
    conditionId: category.condition.id,
    conditionText: category.condition.text,
    closingCondition: category.condition.closing,
    limitValue: category.condition.limit.value,
    limitUnit: category.condition.limit.unit,
    description: input.description,
    address: input.address ?? null,
    lng: input.lng,
    lat: input.lat,
    owner: input.owner,
    gridId: routed.grid?.id ?? null,
    gridCode: routed.grid?.code ?? null,
    gridName: routed.grid?.name ?? null,
    communityId: routed.regions.communityId,
    streetId: routed.regions.streetId,
    districtId: routed.regions.districtId,
    blockId: routed.grid?.blockId ?? null,
    outOfGrid: routed.outOfGrid,
    leadUnitId: routed.leadUnitId,
    coUnitIds: routed.coUnitIds,
    route: routed.route,
    stageLimits: limits,
    reporterUserId: actor.id,
    reporterName: input.reporterName ?? actor.displayName,
    ...sealedPhone(deps, input.reporterPhone),
    trackingCode: opts.trackingCode ?? null,
    rectifyBy: input.rectifyBy ?? null,
    priority: input.priority ?? SOURCE_DEFAULT_PRIORITY[input.source],
    mediaRef: input.mediaRef ?? null,
    parentCaseId: null,
    relapseOfCaseId: null,
    ratingResolved: null,
    ratingScore: null,
    ratingComment: null,
    ratedAt: null,
    idempotencyKey: input.idempotencyKey ?? null,
    verified: actor.role === 'inspector' || actor.role === 'grid_worker',
    rectifierUserId: input.selfHandled ? actor.id : null,
    pending: null,
    resumeStatus: null,
    supervisionLevel: 0,
    autoSupervisedAt: null,
    overdueAt: null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    ...(clockPatch(clock, now) as Pick<
      CaseRow,
      | 'stage'
      | 'stageStartedAt'
      | 'stageDeadline'
      | 'yellowAt'
      | 'light'
      | 'disposeStartedAt'
      | 'disposeDeadline'
      | 'disposeUnit'
      | 'pausedRemaining'
      | 'stageDeadlineEstimated'
      | 'disposeDeadlineEstimated'
    >),
    ...(counterPatch(computeCounters([caseEventToCounterEvent(event)])) as Pick<
      CaseRow,
      `n${string}` & keyof CaseRow
    >),
  } as Omit<CaseRow, 'number'>;
  return { row, event, day: cityDay(now) };
}
