/**
 * The case state machine — its only home (DESIGN.md rule 1).
 *
 * A table of (action → from-states, next state, roles, inputs needed, guards). The API runs every
 * transition through `decide` and sends `allowedActions` with each case; the web renders only those.
 * Types are declared structurally here (domain imports no contracts); they equal the contract enums.
 */

export type Role = 'admin' | 'office' | 'leader' | 'unit' | 'grid_worker' | 'inspector';
/**
 * Who acts: a user's role, or 'public' — the citizen acting through the public portal by tracking
 * code (no account). 'public' can take only the actions that name it.
 */
export type ActorRole = Role | 'public';

export type CaseStatus =
  | 'reported'
  | 'filed'
  | 'dispatched'
  | 'returned'
  | 'in_progress'
  | 'feedback'
  | 'parked'
  | 'self_handled'
  | 'closed'
  | 'voided';

export type CaseAction =
  | 'verify_report'
  | 'file'
  | 'void'
  | 'dispatch'
  | 'accept'
  | 'return'
  | 'submit_feedback'
  | 'verify_pass'
  | 'verify_fail'
  | 'request_extension'
  | 'approve_extension'
  | 'deny_extension'
  | 'request_park'
  | 'approve_park'
  | 'deny_park'
  | 'restore'
  | 'confirm_self_handled'
  | 'reject_self_handled'
  | 'supervise'
  | 'supervise_listed'
  | 'record_accountability'
  | 'comment'
  | 'reopen'
  | 'claim'
  | 'approve_claim'
  | 'deny_claim';

/** The rule a refused transition broke; each is an error code of the API. */
export type WorkflowViolation =
  | 'CASE_ACTION_NOT_ALLOWED_IN_STATE'
  | 'CASE_ACTION_FORBIDDEN_ROLE'
  | 'CASE_NOT_YOUR_UNIT'
  | 'CASE_VERIFIER_IS_RECTIFIER'
  | 'CASE_REASON_REQUIRED'
  | 'CASE_AFTER_PHOTO_REQUIRED'
  | 'CASE_DEADLINE_REQUIRED'
  | 'CASE_REQUEST_PENDING'
  | 'CASE_NO_PENDING_REQUEST'
  | 'CASE_ALREADY_SUPERVISED'
  | 'CASE_APPROVER_IS_REQUESTER'
  | 'CASE_NOT_YOUR_TRADE'
  | 'SUPERVISION_DEADLINE_PAST';

/** What the machine needs to know about a case. */
export interface CaseFacts {
  status: CaseStatus;
  leadUnitId: string | null;
  /** Who submitted the last rectification (反馈) or the self-handling; may not verify it. */
  rectifierUserId: string | null;
  pending: 'extension' | 'park' | 'claim' | null;
  /** Who asked for the pending request; they may not approve it themselves. */
  pendingByUserId: string | null;
  supervisionLevel: number;
  /** Status to return to when a parked case is restored. */
  resumeStatus: CaseStatus | null;
  /** The deadline now in force for the unit (处置期限), for extension checks. */
  disposeDeadline: Date | null;
}

export interface ActorFacts {
  userId: string;
  role: ActorRole;
  unitId: string | null;
  /**
   * 行业主管: the actor's unit supervises this case's category (its trade) in a region that holds the
   * case. Such a unit reads the case, comments and may claim it (主动认领); it does not handle it.
   */
  oversees?: boolean;
  /**
   * Whether the API's supervision policy (`maySupervise`) lets this actor 督办 this case; left out,
   * the office and leaders may.
   */
  supervises?: boolean;
}

/** The inputs an action asks for; the web renders exactly these. */
export interface Needs {
  reason: boolean;
  note: boolean;
  afterPhotos: boolean;
  unit: boolean;
  deadline: boolean;
  category: boolean;
}

export interface TransitionInput {
  reason?: string | undefined;
  afterPhotoCount?: number;
  deadline?: Date | undefined;
  /** The instant of the action: a 督办 限期 must lie after it. */
  now?: Date | undefined;
}

type Guard = (c: CaseFacts, a: ActorFacts) => WorkflowViolation | null;

interface Rule {
  from: readonly CaseStatus[];
  /** Next status; null keeps the status; 'resume' goes back to where a parked case was. */
  to: CaseStatus | null | 'resume';
  roles: readonly ActorRole[];
  needs: Partial<Needs>;
  guards?: readonly Guard[];
}

export const OPEN_STATUSES: readonly CaseStatus[] = [
  'reported',
  'filed',
  'dispatched',
  'returned',
  'in_progress',
  'feedback',
  'self_handled',
];
/** 督办 is addressed to the unit holding the case, overdue or not. */
const SUPERVISABLE: readonly CaseStatus[] = ['dispatched', 'in_progress'];
const ALL_BUT_VOID: readonly CaseStatus[] = [...OPEN_STATUSES, 'parked', 'closed'];

const CHECKERS: readonly Role[] = ['office', 'inspector', 'grid_worker'];
const APPROVERS: readonly Role[] = ['office', 'leader'];
/** Roles that can ever 督办; the `supervisor` guard decides for the actor and case. */
const SUPERVISORS: readonly Role[] = ['office', 'leader', 'unit'];

/** Unit users act only on cases whose lead unit (主办) is theirs; other roles are scoped by region. */
const ownUnit: Guard = (c, a) =>
  a.role !== 'unit' || (a.unitId !== null && a.unitId === c.leadUnitId) ? null : 'CASE_NOT_YOUR_UNIT';
/** Comments: the lead unit, or a department supervising the case's trade (行业主管). */
const ownUnitOrTrade: Guard = (c, a) => (a.role === 'unit' && a.oversees ? null : ownUnit(c, a));
/** 主动认领: only a department supervising the case's trade. */
const supervisesTrade: Guard = (_c, a) => (a.oversees ? null : 'CASE_NOT_YOUR_TRADE');
/** A pending claim is decided (approved or refused) before the office dispatches or voids the case. */
const noPendingClaim: Guard = (c) => (c.pending === 'claim' ? 'CASE_REQUEST_PENDING' : null);
const notRectifier: Guard = (c, a) =>
  c.rectifierUserId !== null && c.rectifierUserId === a.userId ? 'CASE_VERIFIER_IS_RECTIFIER' : null;
const noPending: Guard = (c) => (c.pending ? 'CASE_REQUEST_PENDING' : null);
const pendingIs =
  (kind: 'extension' | 'park' | 'claim'): Guard =>
  (c) =>
    c.pending === kind ? null : 'CASE_NO_PENDING_REQUEST';
/** Four eyes: whoever asked for an extension or parking does not decide on it. */
const notRequester: Guard = (c, a) =>
  c.pendingByUserId !== null && c.pendingByUserId === a.userId ? 'CASE_APPROVER_IS_REQUESTER' : null;
/** Who may 督办 is the API's supervision policy; without its answer, the office and leaders. */
const supervisor: Guard = (_c, a) =>
  (a.supervises ?? APPROVERS.includes(a.role as Role)) ? null : 'CASE_ACTION_FORBIDDEN_ROLE';
const levelBelow =
  (level: number): Guard =>
  (c) =>
    c.supervisionLevel < level ? null : 'CASE_ALREADY_SUPERVISED';

export const WORKFLOW: Readonly<Record<CaseAction, Rule>> = {
  verify_report: { from: ['reported'], to: null, roles: CHECKERS, needs: { note: true } },
  file: { from: ['reported'], to: 'filed', roles: ['office'], needs: { note: true } },
  void: {
    from: ['reported', 'filed'],
    to: 'voided',
    roles: ['office'],
    needs: { reason: true },
    guards: [noPendingClaim],
  },
  // From 'returned' this is the office's arbitration: it re-dispatches, to the same unit or another.
  dispatch: {
    from: ['filed', 'returned'],
    to: 'dispatched',
    roles: ['office'],
    needs: { unit: true, note: true },
    guards: [noPendingClaim],
  },
  accept: { from: ['dispatched'], to: 'in_progress', roles: ['unit'], needs: {}, guards: [ownUnit] },
  return: {
    from: ['dispatched'],
    to: 'returned',
    roles: ['unit'],
    needs: { reason: true },
    guards: [ownUnit, noPending],
  },
  submit_feedback: {
    from: ['in_progress'],
    to: 'feedback',
    roles: ['unit'],
    needs: { afterPhotos: true, note: true },
    guards: [ownUnit],
  },
  verify_pass: {
    from: ['feedback'],
    to: 'closed',
    roles: CHECKERS,
    needs: { note: true },
    guards: [notRectifier],
  },
  verify_fail: {
    from: ['feedback'],
    to: 'in_progress',
    roles: CHECKERS,
    needs: { reason: true },
    guards: [notRectifier],
  },
  request_extension: {
    from: ['dispatched', 'in_progress'],
    to: null,
    roles: ['unit'],
    needs: { reason: true, deadline: true },
    guards: [ownUnit, noPending],
  },
  approve_extension: {
    from: ['dispatched', 'in_progress'],
    to: null,
    roles: APPROVERS,
    needs: { note: true },
    guards: [pendingIs('extension'), notRequester],
  },
  deny_extension: {
    from: ['dispatched', 'in_progress'],
    to: null,
    roles: APPROVERS,
    needs: { reason: true },
    guards: [pendingIs('extension'), notRequester],
  },
  request_park: {
    from: ['filed', 'returned', 'dispatched', 'in_progress'],
    to: null,
    roles: ['unit', 'office'],
    needs: { reason: true },
    guards: [ownUnit, noPending],
  },
  approve_park: {
    from: ['filed', 'returned', 'dispatched', 'in_progress'],
    to: 'parked',
    roles: APPROVERS,
    needs: { note: true },
    guards: [pendingIs('park'), notRequester],
  },
  deny_park: {
    from: ['filed', 'returned', 'dispatched', 'in_progress'],
    to: null,
    roles: APPROVERS,
    needs: { reason: true },
    guards: [pendingIs('park'), notRequester],
  },
  restore: { from: ['parked'], to: 'resume', roles: ['office'], needs: { note: true } },
  confirm_self_handled: {
    from: ['self_handled'],
    to: 'closed',
    roles: ['office'],
    needs: { note: true },
    guards: [notRectifier],
  },
  reject_self_handled: { from: ['self_handled'], to: 'filed', roles: ['office'], needs: { reason: true } },
  // A 督办单 has its own 限期 and never moves the case's deadlines; 督办 may repeat (several orders
  // per case) until the case is 挂牌督办.
  supervise: {
    from: SUPERVISABLE,
    to: null,
    roles: SUPERVISORS,
    needs: { note: true, deadline: true },
    guards: [supervisor, levelBelow(2)],
  },
  supervise_listed: {
    from: SUPERVISABLE,
    to: null,
    roles: SUPERVISORS,
    needs: { note: true, deadline: true },
    guards: [supervisor, levelBelow(2)],
  },
  record_accountability: {
    from: ALL_BUT_VOID,
    to: null,
    roles: APPROVERS,
    needs: { reason: true, unit: true },
  },
  /**
   * The citizen answers "not fixed" after closing (the service checks the 7-day window): back to the
   * unit as rework, counted like a failed verification.
   */
  reopen: { from: ['closed'], to: 'in_progress', roles: ['public'], needs: { reason: true } },
  comment: {
    from: [...ALL_BUT_VOID, 'voided'],
    to: null,
    roles: ['office', 'leader', 'unit', 'inspector', 'grid_worker'],
    needs: { note: true },
    guards: [ownUnitOrTrade],
  },
  /**
   * 主动认领: a department supervising the case's trade asks for a filed, undispatched case. The office
   * approves (the service then dispatches the case to that unit through the ordinary 'dispatch') or
   * refuses with a reason.
   */
  claim: {
    from: ['filed'],
    to: null,
    roles: ['unit'],
    needs: { reason: true },
    guards: [supervisesTrade, noPending],
  },
  approve_claim: {
    from: ['filed'],
    to: null,
    roles: ['office'],
    needs: { note: true },
    guards: [pendingIs('claim'), notRequester],
  },
  deny_claim: {
    from: ['filed'],
    to: null,
    roles: ['office'],
    needs: { reason: true },
    guards: [pendingIs('claim'), notRequester],
  },
};

export const CASE_ACTION_ORDER = Object.keys(WORKFLOW) as CaseAction[];

const NO_NEEDS: Needs = {
  reason: false,
  note: false,
  afterPhotos: false,
  unit: false,
  deadline: false,
  category: false,
};

export function needsOf(action: CaseAction): Needs {
  return { ...NO_NEEDS, ...WORKFLOW[action].needs };
}

export type Decision = { ok: true; to: CaseStatus } | { ok: false; violation: WorkflowViolation };

function nextStatus(rule: Rule, c: CaseFacts): CaseStatus {
  if (rule.to === null) return c.status;
  if (rule.to === 'resume') return c.resumeStatus ?? 'filed';
  return rule.to;
}

/** Checks state, role and the case facts (not the inputs): may this actor take this action now? */
function permitted(c: CaseFacts, a: ActorFacts, action: CaseAction): WorkflowViolation | null {
  const rule = WORKFLOW[action];
  if (!rule.from.includes(c.status)) return 'CASE_ACTION_NOT_ALLOWED_IN_STATE';
  if (!rule.roles.includes(a.role)) return 'CASE_ACTION_FORBIDDEN_ROLE';
  for (const guard of rule.guards ?? []) {
    const v = guard(c, a);
    if (v) return v;
  }
  return null;
}

/** Checks the inputs the action needs. */
function inputsOk(c: CaseFacts, action: CaseAction, input: TransitionInput): WorkflowViolation | null {
  const needs = needsOf(action);
  if (needs.reason && !input.reason?.trim()) return 'CASE_REASON_REQUIRED';
  if (needs.afterPhotos && (input.afterPhotoCount ?? 0) < 1) return 'CASE_AFTER_PHOTO_REQUIRED';
  const current = c.disposeDeadline;
  if (action === 'request_extension') {
    if (!input.deadline || (current && input.deadline.getTime() <= current.getTime())) {
      return 'CASE_DEADLINE_REQUIRED';
    }
  }
  // The 限期 is the order's own and any future time: an overdue case can be supervised too.
  if (action === 'supervise' || action === 'supervise_listed') {
    if (!input.deadline) return 'CASE_DEADLINE_REQUIRED';
    if (input.now && input.deadline.getTime() <= input.now.getTime()) return 'SUPERVISION_DEADLINE_PAST';
  }
  return null;
}

/** Decides one transition: the next status, or the rule it breaks (state, role, unit, verifier, inputs). */
export function decide(
  c: CaseFacts,
  a: ActorFacts,
  action: CaseAction,
  input: TransitionInput = {},
): Decision {
  const violation = permitted(c, a, action) ?? inputsOk(c, action, input);
  if (violation) return { ok: false, violation };
  return { ok: true, to: nextStatus(WORKFLOW[action], c) };
}

/** The actions this actor may take on this case now, with the inputs each asks for. */
export function allowedActions(c: CaseFacts, a: ActorFacts): { action: CaseAction; needs: Needs }[] {
  return CASE_ACTION_ORDER.filter((action) => permitted(c, a, action) === null).map((action) => ({
    action,
    needs: needsOf(action),
  }));
}

/** The timer stage each status runs (签收, 处置, 核查 …); 'none' means no clock. */
export type Stage = 'dispatch' | 'accept' | 'dispose' | 'verify' | 'none';
export const STAGE_OF_STATUS: Readonly<Record<CaseStatus, Stage>> = {
  reported: 'none',
  filed: 'dispatch',
  returned: 'dispatch',
  dispatched: 'accept',
  in_progress: 'dispose',
  feedback: 'verify',
  parked: 'none',
  self_handled: 'verify',
  closed: 'none',
  voided: 'none',
};

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
