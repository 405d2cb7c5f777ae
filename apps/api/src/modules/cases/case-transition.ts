import type { PendingRequest, StageLimits, TransitionRequest } from '@chuangcheng/contracts';
import {
  type CaseAction,
  type CaseClock,
  type CaseFacts,
  type CaseStatus,
  type ClockCalendar,
  computeCounters,
  decide,
  lightAt,
  nextClock,
} from '@chuangcheng/domain';
import type { Db } from '../../db/client';
import type { ActingParty } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { caseEventToCounterEvent } from './case-events';
import type { CaseInsert, CaseRow, CasesRepository, EventRow } from './cases.repository';
import { counterPatch } from './cases.repository';

export function clockOf(r: CaseRow): CaseClock {
  return {
    stage: r.stage as CaseClock['stage'],
    stageStartedAt: r.stageStartedAt,
    stageDeadline: r.stageDeadline,
    yellowAt: r.yellowAt,
    disposeStartedAt: r.disposeStartedAt,
    disposeDeadline: r.disposeDeadline,
    disposeUnit: r.disposeUnit as CaseClock['disposeUnit'],
    pausedRemaining: r.pausedRemaining,
    stageDeadlineEstimated: r.stageDeadlineEstimated,
    disposeDeadlineEstimated: r.disposeDeadlineEstimated,
  };
}

export function clockPatch(c: CaseClock, now: Date): Partial<CaseInsert> {
  return {
    stage: c.stage,
    stageStartedAt: c.stageStartedAt,
    stageDeadline: c.stageDeadline,
    yellowAt: c.yellowAt,
    disposeStartedAt: c.disposeStartedAt,
    disposeDeadline: c.disposeDeadline,
    disposeUnit: c.disposeUnit,
    pausedRemaining: c.pausedRemaining,
    stageDeadlineEstimated: c.stageDeadlineEstimated,
    disposeDeadlineEstimated: c.disposeDeadlineEstimated,
    light: lightAt(c, now),
  };
}

export function factsOf(r: CaseRow): CaseFacts {
  const pending = r.pending as PendingRequest | null;
  return {
    status: r.status as CaseStatus,
    leadUnitId: r.leadUnitId,
    rectifierUserId: r.rectifierUserId,
    pending: pending?.kind ?? null,
    pendingByUserId: pending?.byUserId ?? null,
    supervisionLevel: r.supervisionLevel,
    resumeStatus: (r.resumeStatus as CaseStatus | null) ?? null,
    disposeDeadline: r.disposeDeadline,
  };
}

/** What one transition asks of the caller, beyond the workflow's own checks. */
export interface ApplyInput extends Omit<TransitionRequest, 'photoIds' | 'expectedVersion'> {
  afterPhotoIds: string[];
  photoIds: string[];
  /**
   * For 督办: the supervision policy's answer for this actor and case (`maySupervise`), the issuing
   * office, and whether the caller issues one 督办单 for several cases itself (the register).
   */
  supervision?: { supervises: boolean; officeRegionId: string; deferOrder?: boolean };
}

export interface Applied {
  row: CaseRow;
  event: EventRow;
  from: CaseStatus;
}

/** The action-specific fields of the case row after a transition. */
function actionPatch(
  row: CaseRow,
  actor: ActingParty,
  action: CaseAction,
  input: ApplyInput,
  now: Date,
  to: CaseStatus,
): Partial<CaseInsert> {
  const request = (kind: PendingRequest['kind']): PendingRequest => ({
    kind,
    reason: input.reason ?? '',
    requestedDeadline: input.deadline ?? null,
    byUserId: actor.id ?? '',
    byName: actor.displayName,
    at: now.toISOString(),
    ...(kind === 'claim' ? { unitId: actor.unitId } : {}),
  });
  switch (action) {
    case 'verify_report':
      return { verified: true };
    case 'dispatch':
      return { leadUnitId: input.unitId ?? row.leadUnitId, coUnitIds: input.coUnitIds ?? row.coUnitIds };
    case 'submit_feedback':
      return { rectifierUserId: actor.id, pending: null };
    case 'verify_pass':
    case 'confirm_self_handled':
      return { closedAt: now, pending: null };
    case 'reject_self_handled':
      return { rectifierUserId: null };
    case 'reopen':
      return { closedAt: null };
    case 'request_extension':
      return { pending: request('extension') };
    case 'request_park':
      return { pending: request('park') };
    case 'claim':
      return { pending: request('claim') };
    case 'approve_claim':
    case 'deny_claim':
    case 'approve_extension':
    case 'deny_extension':
    case 'deny_park':
      return { pending: null };
    case 'approve_park':
      return { pending: null, resumeStatus: row.status };
    case 'restore':
      return { resumeStatus: null };
    case 'supervise':
      return { supervisionLevel: 1 };
    case 'supervise_listed':
      return { supervisionLevel: 2 };
    default:
      return to === 'voided' ? { closedAt: now } : {};
  }
}

/**
 * The disposal deadline an action sets explicitly (extension granted; never a 督办 限期, which is the
 * 督办单's own), or at dispatch
 * the rectification deadline an upper level set (整改期限) while it still lies ahead.
 */
function explicitDeadline(row: CaseRow, action: CaseAction, input: ApplyInput, now?: Date): Date | null {
  if (action === 'dispatch') {
    return row.rectifyBy && now && row.rectifyBy.getTime() > now.getTime() ? row.rectifyBy : null;
  }
  if (action === 'approve_extension') {
    const asked = (row.pending as PendingRequest | null)?.requestedDeadline;
    const granted = input.deadline ?? asked;
    return granted ? new Date(granted) : null;
  }
  return null;
}

/**
 * Runs one action on a case inside `tx`: the workflow decides, the clock moves, the row is updated
 * only if nobody changed it meanwhile (409 CASE_CHANGED otherwise), the event is appended (the stage
 * rows rewritten with it) and the counters are recomputed from the whole log.
 */
export async function applyAction(
  tx: Db,
  repo: CasesRepository,
  cal: ClockCalendar,
  row: CaseRow,
  actor: ActingParty,
  action: CaseAction,
  input: ApplyInput,
  now: Date,
): Promise<Applied> {
  const from = row.status as CaseStatus;
  const decision = decide(
    factsOf(row),
    {
      userId: actor.id ?? '',
      role: actor.role,
      unitId: actor.unitId,
      oversees: actor.role === 'unit' && (await repo.oversees(tx, actor.unitId, row)),
      ...(input.supervision ? { supervises: input.supervision.supervises } : {}),
    },
    action,
    {
      reason: input.reason,
      afterPhotoCount: input.afterPhotoIds.length,
      deadline: input.deadline ? new Date(input.deadline) : undefined,
      now,
    },
  );
  if (!decision.ok && decision.violation === 'SUPERVISION_DEADLINE_PAST') {
    throw new AppError(decision.violation, {
      action,
      ...fieldDetails('deadline', '督办限期须晚于当前时间，请选择将来的时间'),
    });
  }
  if (!decision.ok) throw new AppError(decision.violation, { action, status: from });
  if ((action === 'dispatch' || action === 'record_accountability') && !(input.unitId ?? row.leadUnitId)) {
    throw new AppError('CASE_UNIT_REQUIRED', fieldDetails('unitId', '请选择主办单位'));
  }
  if (action === 'approve_extension') {
    const granted = explicitDeadline(row, action, input);
    if (!granted || (row.disposeDeadline && granted.getTime() <= row.disposeDeadline.getTime())) {
      throw new AppError('CASE_DEADLINE_REQUIRED', fieldDetails('deadline', '批准的新期限须晚于当前期限'));
    }
  }
  const to = decision.to;
  const clock = nextClock(cal, clockOf(row), {
    to,
    action,
    now,
    limits: row.stageLimits as StageLimits,
    newDisposeDeadline: explicitDeadline(row, action, input, now),
  });
  const events = await repo.events(tx, row.cityId, row.id);
  const event: EventRow = {
    cityId: row.cityId,
    id: newId(now.getTime()),
    caseId: row.id,
    seq: (events.at(-1)?.seq ?? 0) + 1,
    type: action,
    fromStatus: from,
    toStatus: to,
    actorUserId: actor.id,
    actorName: actor.displayName,
    actorRole: actor.role,
    // 派遣 and 问责 name the unit they concern (shown on the timeline); other events the actor's unit.
    unitId:
      action === 'dispatch' || action === 'record_accountability'
        ? (input.unitId ?? row.leadUnitId)
        : actor.unitId,
    note: input.note ?? input.reason ?? null,
    photoIds: [...input.afterPhotoIds, ...input.photoIds],
    payload: {
      deadlineBefore: row.stageDeadline?.toISOString() ?? null,
      disposeDeadline: clock.disposeDeadline?.toISOString() ?? null,
      // The stage deadline after the event, and a dispatch's co-units: what the stage rows read.
      stageDeadline: clock.stageDeadline?.toISOString() ?? null,
      ...(action === 'dispatch' ? { coUnitIds: input.coUnitIds ?? row.coUnitIds } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.deadline ? { deadline: input.deadline } : {}),
      ...(input.unitId ? { unitId: input.unitId } : {}),
    },
    at: now,
  };
  const counters = computeCounters([...events, event].map(caseEventToCounterEvent));
  const patch: Partial<CaseInsert> = {
    ...clockPatch(clock, now),
    ...actionPatch(row, actor, action, input, now, to),
    ...counterPatch(counters),
    status: to,
    updatedAt: now,
  };
  if (!(await repo.update(tx, row, patch))) throw new AppError('CASE_CHANGED');
  await repo.insertEvent(tx, event);
  return { row: { ...row, ...patch, version: row.version + 1 } as CaseRow, event, from };
}
