import { describe, expect, it } from 'vitest';
import {
  type ActorFacts,
  type ActorRole,
  allowedActions,
  CASE_ACTION_ORDER,
  type CaseAction,
  type CaseFacts,
  type CaseStatus,
  decide,
  isOpen,
  needsOf,
  type Role,
  STAGE_OF_STATUS,
  type TransitionInput,
  WORKFLOW,
  type WorkflowViolation,
} from './workflow';

const STATUSES: readonly CaseStatus[] = [
  'reported',
  'filed',
  'dispatched',
  'returned',
  'in_progress',
  'feedback',
  'parked',
  'self_handled',
  'closed',
  'voided',
];
const ROLES: readonly ActorRole[] = [
  'admin',
  'office',
  'leader',
  'unit',
  'grid_worker',
  'inspector',
  'public',
];
const CHECKERS: readonly Role[] = ['office', 'inspector', 'grid_worker'];
const APPROVERS: readonly Role[] = ['office', 'leader'];
const SUPERVISABLE: readonly CaseStatus[] = ['dispatched', 'in_progress'];
const UNIT_STAGES: readonly CaseStatus[] = ['dispatched', 'in_progress'];
const PARKABLE: readonly CaseStatus[] = ['filed', 'returned', 'dispatched', 'in_progress'];

/**
 * The expected machine, written out independently of WORKFLOW from the 数字城管 flow
 * (reference/china-standards.md §1.4): from-states, next status ('same' keeps it), roles.
 */
const SPEC: Record<
  CaseAction,
  { from: readonly CaseStatus[]; to: CaseStatus | 'same' | 'resume'; roles: readonly ActorRole[] }
> = {
  verify_report: { from: ['reported'], to: 'same', roles: CHECKERS },
  file: { from: ['reported'], to: 'filed', roles: ['office'] },
  void: { from: ['reported', 'filed'], to: 'voided', roles: ['office'] },
  dispatch: { from: ['filed', 'returned'], to: 'dispatched', roles: ['office'] },
  accept: { from: ['dispatched'], to: 'in_progress', roles: ['unit'] },
  return: { from: ['dispatched'], to: 'returned', roles: ['unit'] },
  submit_feedback: { from: ['in_progress'], to: 'feedback', roles: ['unit'] },
  verify_pass: { from: ['feedback'], to: 'closed', roles: CHECKERS },
  verify_fail: { from: ['feedback'], to: 'in_progress', roles: CHECKERS },
  request_extension: { from: UNIT_STAGES, to: 'same', roles: ['unit'] },
  approve_extension: { from: UNIT_STAGES, to: 'same', roles: APPROVERS },
  deny_extension: { from: UNIT_STAGES, to: 'same', roles: APPROVERS },
  request_park: { from: PARKABLE, to: 'same', roles: ['unit', 'office'] },
  approve_park: { from: PARKABLE, to: 'parked', roles: APPROVERS },
  deny_park: { from: PARKABLE, to: 'same', roles: APPROVERS },
  restore: { from: ['parked'], to: 'resume', roles: ['office'] },
  confirm_self_handled: { from: ['self_handled'], to: 'closed', roles: ['office'] },
  reject_self_handled: { from: ['self_handled'], to: 'filed', roles: ['office'] },
  // The office and leaders by default; a unit only when the supervision policy says so (行业主管).
  supervise: { from: SUPERVISABLE, to: 'same', roles: [...APPROVERS, 'unit'] },
  supervise_listed: { from: SUPERVISABLE, to: 'same', roles: [...APPROVERS, 'unit'] },
  record_accountability: {
    from: STATUSES.filter((s) => s !== 'voided'),
    to: 'same',
    roles: APPROVERS,
  },
  comment: { from: STATUSES, to: 'same', roles: ['office', 'leader', 'unit', 'inspector', 'grid_worker'] },
  // The citizen, through the portal by tracking code, says a closed case is not fixed.
  reopen: { from: ['closed'], to: 'in_progress', roles: ['public'] },
  // 主动认领: a department supervising the trade asks for a filed case; the office decides.
  claim: { from: ['filed'], to: 'same', roles: ['unit'] },
  approve_claim: { from: ['filed'], to: 'same', roles: ['office'] },
  deny_claim: { from: ['filed'], to: 'same', roles: ['office'] },
};
const ACTIONS = Object.keys(SPEC) as CaseAction[];

const DEADLINE = new Date('2026-03-10T10:00:00Z');
const LATER = new Date('2026-03-12T10:00:00Z');
const UNIT_A = 'unit-a';
const UNIT_B = 'unit-b';

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    status: 'filed',
    leadUnitId: UNIT_A,
    rectifierUserId: 'someone-else',
    pending: null,
    pendingByUserId: null,
    supervisionLevel: 0,
    resumeStatus: 'in_progress',
    disposeDeadline: DEADLINE,
    ...over,
  };
}

function actor(role: ActorRole, over: Partial<ActorFacts> = {}): ActorFacts {
  return { userId: `${role}-1`, role, unitId: role === 'unit' ? UNIT_A : null, ...over };
}

/** The first role the table names for the action; a claimant supervises the case's trade. */
function actorFor(action: CaseAction): ActorFacts {
  return actor(SPEC[action].roles[0]!, action === 'claim' ? { oversees: true } : {});
}

/** Case facts under which `action` passes its guards (the pending request it answers, etc.). */
function factsFor(action: CaseAction, status: CaseStatus): CaseFacts {
  const pending =
    action === 'approve_extension' || action === 'deny_extension'
      ? 'extension'
      : action === 'approve_park' || action === 'deny_park'
        ? 'park'
        : action === 'approve_claim' || action === 'deny_claim'
          ? 'claim'
          : null;
  return facts({ status, pending });
}

/** Inputs that satisfy every action's needs for these facts. */
function validInput(c: CaseFacts, action?: CaseAction): TransitionInput {
  const base = c.disposeDeadline ?? DEADLINE;
  // An extension asks for later; a supervision's 限期 is its own (any time when no instant is given).
  const shift = action === 'supervise' || action === 'supervise_listed' ? -3_600_000 : 86_400_000;
  return { reason: '情况说明', afterPhotoCount: 2, deadline: new Date(base.getTime() + shift) };
}

function expectViolation(
  c: CaseFacts,
  a: ActorFacts,
  action: CaseAction,
  input: TransitionInput,
  violation: WorkflowViolation,
) {
  expect(decide(c, a, action, input)).toEqual({ ok: false, violation });
}

describe('the workflow table', () => {
  it('has exactly the 26 specified actions, in a stable order', () => {
    expect([...CASE_ACTION_ORDER].sort()).toEqual([...ACTIONS].sort());
    expect(CASE_ACTION_ORDER).toHaveLength(26);
  });

  it.each(ACTIONS)('%s: from-states and roles match the specification', (action) => {
    expect([...WORKFLOW[action].from].sort()).toEqual([...SPEC[action].from].sort());
    expect([...WORKFLOW[action].roles].sort()).toEqual([...SPEC[action].roles].sort());
  });

  it('open statuses are the ones before closing, voiding or parking', () => {
    expect(STATUSES.filter(isOpen)).toEqual([
      'reported',
      'filed',
      'dispatched',
      'returned',
      'in_progress',
      'feedback',
      'self_handled',
    ]);
  });

  it('maps each status to the clock it runs', () => {
    expect(STAGE_OF_STATUS).toEqual({
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
    });
  });
});

describe('decide: happy path and rework', () => {
  it('runs reported → filed → dispatched → in_progress → feedback → closed with the right roles', () => {
    let c = facts({ status: 'reported', leadUnitId: null, rectifierUserId: null, disposeDeadline: null });
    const step = (a: ActorFacts, action: CaseAction, input: TransitionInput, to: CaseStatus) => {
      const d = decide(c, a, action, input);
      expect(d).toEqual({ ok: true, to });
      c = { ...c, status: to };
    };
    step(actor('grid_worker'), 'verify_report', {}, 'reported');
    step(actor('office'), 'file', {}, 'filed');
    step(actor('office'), 'dispatch', {}, 'dispatched');
    c = { ...c, leadUnitId: UNIT_A, disposeDeadline: DEADLINE };
    step(actor('unit'), 'accept', {}, 'in_progress');
    step(actor('unit'), 'submit_feedback', { afterPhotoCount: 1 }, 'feedback');
    c = { ...c, rectifierUserId: 'unit-1' };
    step(actor('inspector'), 'verify_pass', {}, 'closed');
  });

  it('loops feedback → verify_fail → in_progress → feedback → verify_pass (返工)', () => {
    let c = facts({ status: 'feedback', rectifierUserId: 'unit-1' });
    expect(decide(c, actor('inspector'), 'verify_fail', { reason: '未清理干净' })).toEqual({
      ok: true,
      to: 'in_progress',
    });
    c = { ...c, status: 'in_progress' };
    expect(decide(c, actor('unit'), 'submit_feedback', { afterPhotoCount: 3 })).toEqual({
      ok: true,
      to: 'feedback',
    });
    c = { ...c, status: 'feedback' };
    expect(decide(c, actor('grid_worker'), 'verify_pass', {})).toEqual({ ok: true, to: 'closed' });
  });

  it('a unit may return a dispatched case and the office re-dispatches it', () => {
    const c = facts({ status: 'dispatched' });
    expect(decide(c, actor('unit'), 'return', { reason: '不属于本单位职责' })).toEqual({
      ok: true,
      to: 'returned',
    });
    expect(decide({ ...c, status: 'returned' }, actor('office'), 'dispatch')).toEqual({
      ok: true,
      to: 'dispatched',
    });
  });

  it('self-handling (自处理) is confirmed to closed or rejected back to filed by the office', () => {
    const c = facts({ status: 'self_handled', rectifierUserId: 'inspector-1' });
    expect(decide(c, actor('office'), 'confirm_self_handled')).toEqual({ ok: true, to: 'closed' });
    expect(decide(c, actor('office'), 'reject_self_handled', { reason: '照片不清' })).toEqual({
      ok: true,
      to: 'filed',
    });
  });
});

describe('decide: every action from every status', () => {
  const cases = STATUSES.flatMap((status) => ACTIONS.map((action) => [status, action] as const));

  it.each(cases)('%s × %s: allowed exactly when the table says so', (status, action) => {
    const spec = SPEC[action];
    const c = factsFor(action, status);
    const a = actorFor(action);
    const d = decide(c, a, action, validInput(c, action));
    if (spec.from.includes(status)) {
      const to = spec.to === 'same' ? status : spec.to === 'resume' ? c.resumeStatus : spec.to;
      expect(d).toEqual({ ok: true, to });
    } else {
      expect(d).toEqual({ ok: false, violation: 'CASE_ACTION_NOT_ALLOWED_IN_STATE' });
    }
  });

  it('checks the state before the role', () => {
    expectViolation(
      facts({ status: 'closed' }),
      actor('admin'),
      'dispatch',
      {},
      'CASE_ACTION_NOT_ALLOWED_IN_STATE',
    );
  });

  it('only comment is possible on a voided case', () => {
    const c = facts({ status: 'voided' });
    for (const role of ROLES) {
      const actions = allowedActions(c, actor(role)).map((x) => x.action);
      expect(actions).toEqual(role === 'admin' || role === 'public' ? [] : ['comment']);
    }
  });
});

describe('decide: roles and units', () => {
  const wrongRoles = ACTIONS.flatMap((action) =>
    ROLES.filter((r) => !SPEC[action].roles.includes(r)).map((role) => [action, role] as const),
  );

  it.each(wrongRoles)('%s by %s → CASE_ACTION_FORBIDDEN_ROLE', (action, role) => {
    const c = factsFor(action, SPEC[action].from[0]!);
    expectViolation(c, actor(role), action, validInput(c, action), 'CASE_ACTION_FORBIDDEN_ROLE');
  });

  it('the admin account takes no case action at all', () => {
    for (const status of STATUSES) expect(allowedActions(facts({ status }), actor('admin'))).toEqual([]);
  });

  const unitActions: readonly [CaseAction, CaseStatus][] = [
    ['accept', 'dispatched'],
    ['return', 'dispatched'],
    ['submit_feedback', 'in_progress'],
    ['request_extension', 'in_progress'],
    ['request_park', 'in_progress'],
    ['comment', 'closed'],
  ];

  it.each(unitActions)('%s by a user of another unit → CASE_NOT_YOUR_UNIT', (action, status) => {
    const c = facts({ status });
    const input = validInput(c, action);
    expectViolation(c, actor('unit', { unitId: UNIT_B }), action, input, 'CASE_NOT_YOUR_UNIT');
    expectViolation(c, actor('unit', { unitId: null }), action, input, 'CASE_NOT_YOUR_UNIT');
    expectViolation({ ...c, leadUnitId: null }, actor('unit'), action, input, 'CASE_NOT_YOUR_UNIT');
    expect(decide(c, actor('unit'), action, input).ok).toBe(true);
  });

  it('the unit check does not bind other roles (they are scoped by region)', () => {
    const c = facts({ status: 'in_progress', leadUnitId: UNIT_B });
    expect(decide(c, actor('office'), 'request_park', { reason: '需协调' }).ok).toBe(true);
    expect(decide(c, actor('leader'), 'comment').ok).toBe(true);
  });

  it('checks the unit before the inputs', () => {
    const c = facts({ status: 'in_progress' });
    expectViolation(c, actor('unit', { unitId: UNIT_B }), 'submit_feedback', {}, 'CASE_NOT_YOUR_UNIT');
  });
});

describe('decide: verifier is not the rectifier', () => {
  it.each(['verify_pass', 'verify_fail'] as const)(
    '%s by whoever submitted the feedback is refused',
    (action) => {
      for (const role of CHECKERS) {
        const a = actor(role);
        const c = facts({ status: 'feedback', rectifierUserId: a.userId });
        expectViolation(c, a, action, { reason: '复核' }, 'CASE_VERIFIER_IS_RECTIFIER');
        expect(decide({ ...c, rectifierUserId: 'unit-1' }, a, action, { reason: '复核' }).ok).toBe(true);
        expect(decide({ ...c, rectifierUserId: null }, a, action, { reason: '复核' }).ok).toBe(true);
      }
    },
  );

  it('confirm_self_handled by the office user who self-handled is refused', () => {
    const c = facts({ status: 'self_handled', rectifierUserId: 'office-1' });
    expectViolation(c, actor('office'), 'confirm_self_handled', {}, 'CASE_VERIFIER_IS_RECTIFIER');
    expect(decide(c, actor('office', { userId: 'office-2' }), 'confirm_self_handled').ok).toBe(true);
  });
});

describe('decide: inputs', () => {
  const reasonActions = ACTIONS.filter((a) => needsOf(a).reason);

  it('asks a reason exactly for the refusing and exceptional actions', () => {
    expect([...reasonActions].sort()).toEqual(
      [
        'void',
        'return',
        'verify_fail',
        'request_extension',
        'deny_extension',
        'request_park',
        'deny_park',
        'reject_self_handled',
        'record_accountability',
        'reopen',
        'claim',
        'deny_claim',
      ].sort(),
    );
  });

  it.each(reasonActions)('%s without a reason (empty, blank, 全角空格) → CASE_REASON_REQUIRED', (action) => {
    const c = factsFor(action, SPEC[action].from[0]!);
    const a = actorFor(action);
    const input = validInput(c, action);
    for (const reason of [undefined, '', '   ', '\n\t ', '\u3000\u3000']) {
      expectViolation(c, a, action, { ...input, reason }, 'CASE_REASON_REQUIRED');
    }
    expect(decide(c, a, action, { ...input, reason: ' 理由 ' }).ok).toBe(true);
  });

  it.each(ACTIONS.filter((a) => !needsOf(a).reason))('%s needs no reason', (action) => {
    const c = factsFor(action, SPEC[action].from[0]!);
    const input = { ...validInput(c, action), reason: undefined };
    expect(decide(c, actorFor(action), action, input).ok).toBe(true);
  });

  it('feedback without an after-photo → CASE_AFTER_PHOTO_REQUIRED', () => {
    const c = facts({ status: 'in_progress' });
    expectViolation(c, actor('unit'), 'submit_feedback', {}, 'CASE_AFTER_PHOTO_REQUIRED');
    expectViolation(c, actor('unit'), 'submit_feedback', { afterPhotoCount: 0 }, 'CASE_AFTER_PHOTO_REQUIRED');
    expect(decide(c, actor('unit'), 'submit_feedback', { afterPhotoCount: 1 })).toEqual({
      ok: true,
      to: 'feedback',
    });
    expect(ACTIONS.filter((a) => needsOf(a).afterPhotos)).toEqual(['submit_feedback']);
  });

  it('an extension needs a deadline later than the disposal deadline in force', () => {
    const c = facts({ status: 'in_progress', disposeDeadline: DEADLINE });
    const ask = (deadline: Date | undefined) =>
      decide(c, actor('unit'), 'request_extension', { reason: '材料未到', deadline });
    expect(ask(undefined)).toEqual({ ok: false, violation: 'CASE_DEADLINE_REQUIRED' });
    expect(ask(new Date(DEADLINE.getTime()))).toEqual({ ok: false, violation: 'CASE_DEADLINE_REQUIRED' });
    expect(ask(new Date(DEADLINE.getTime() - 3_600_000))).toEqual({
      ok: false,
      violation: 'CASE_DEADLINE_REQUIRED',
    });
    expect(ask(new Date(DEADLINE.getTime() + 1))).toEqual({ ok: true, to: 'in_progress' });
  });

  it('with no disposal deadline in force any extension deadline will do, but one is still required', () => {
    const c = facts({ status: 'dispatched', disposeDeadline: null });
    expect(decide(c, actor('unit'), 'request_extension', { reason: 'x', deadline: LATER }).ok).toBe(true);
    expectViolation(c, actor('unit'), 'request_extension', { reason: 'x' }, 'CASE_DEADLINE_REQUIRED');
  });

  it('checks the reason before the deadline', () => {
    const c = facts({ status: 'in_progress' });
    expectViolation(c, actor('unit'), 'request_extension', {}, 'CASE_REASON_REQUIRED');
  });

  it('declares the inputs each action asks for (what the web renders)', () => {
    expect(needsOf('submit_feedback')).toEqual({
      reason: false,
      note: true,
      afterPhotos: true,
      unit: false,
      deadline: false,
      category: false,
    });
    expect(needsOf('dispatch').unit).toBe(true);
    expect(needsOf('record_accountability').unit).toBe(true);
    expect(ACTIONS.filter((a) => needsOf(a).deadline).sort()).toEqual(
      ['request_extension', 'supervise', 'supervise_listed'].sort(),
    );
  });

  it('a supervision needs its own 限期: any future time, also past the case deadline (overdue case)', () => {
    const c = facts({ status: 'in_progress' });
    const now = new Date(LATER.getTime() - 3_600_000); // the case deadline has passed
    expectViolation(c, actor('leader'), 'supervise', { now }, 'CASE_DEADLINE_REQUIRED');
    expect(decide(c, actor('leader'), 'supervise', { deadline: LATER, now }).ok).toBe(true);
    expect(decide(c, actor('leader'), 'supervise_listed', { deadline: LATER, now }).ok).toBe(true);
    expectViolation(
      c,
      actor('leader'),
      'supervise',
      { deadline: DEADLINE, now },
      'SUPERVISION_DEADLINE_PAST',
    );
    expectViolation(c, actor('leader'), 'supervise', { deadline: now, now }, 'SUPERVISION_DEADLINE_PAST');
  });

  it("who may 督办 is the supervision policy's answer; without it, the office and leaders", () => {
    const c = facts({ status: 'in_progress' });
    const input = { deadline: LATER };
    expectViolation(c, actor('unit'), 'supervise', input, 'CASE_ACTION_FORBIDDEN_ROLE');
    expect(decide(c, actor('unit', { supervises: true }), 'supervise', input).ok).toBe(true);
    expectViolation(
      c,
      actor('leader', { supervises: false }),
      'supervise',
      input,
      'CASE_ACTION_FORBIDDEN_ROLE',
    );
    expectViolation(
      c,
      actor('inspector', { supervises: true }),
      'supervise',
      input,
      'CASE_ACTION_FORBIDDEN_ROLE',
    );
  });

  it('whoever asked for an extension or parking does not approve or deny it', () => {
    for (const [pending, actions] of [
      ['extension', ['approve_extension', 'deny_extension']],
      ['park', ['approve_park', 'deny_park']],
    ] as const) {
      const c = facts({ status: 'in_progress', pending, pendingByUserId: 'office-1' });
      for (const action of actions) {
        expectViolation(
          c,
          { ...actor('office'), userId: 'office-1' },
          action,
          { reason: 'x' },
          'CASE_APPROVER_IS_REQUESTER',
        );
        expect(decide(c, { ...actor('office'), userId: 'office-2' }, action, { reason: 'x' }).ok).toBe(true);
      }
    }
  });
});

describe('decide: pending requests', () => {
  it('a second request while one is pending → CASE_REQUEST_PENDING', () => {
    for (const pending of ['extension', 'park'] as const) {
      const c = facts({ status: 'in_progress', pending });
      const input = validInput(c);
      expectViolation(c, actor('unit'), 'request_extension', input, 'CASE_REQUEST_PENDING');
      expectViolation(c, actor('unit'), 'request_park', input, 'CASE_REQUEST_PENDING');
      expectViolation(c, actor('office'), 'request_park', input, 'CASE_REQUEST_PENDING');
      expectViolation({ ...c, status: 'dispatched' }, actor('unit'), 'return', input, 'CASE_REQUEST_PENDING');
    }
  });

  it('approving or denying with nothing (or something else) pending → CASE_NO_PENDING_REQUEST', () => {
    const input = { reason: '不同意' };
    for (const pending of [null, 'park'] as const) {
      const c = facts({ status: 'in_progress', pending });
      expectViolation(c, actor('office'), 'approve_extension', input, 'CASE_NO_PENDING_REQUEST');
      expectViolation(c, actor('leader'), 'deny_extension', input, 'CASE_NO_PENDING_REQUEST');
    }
    for (const pending of [null, 'extension'] as const) {
      const c = facts({ status: 'in_progress', pending });
      expectViolation(c, actor('office'), 'approve_park', input, 'CASE_NO_PENDING_REQUEST');
      expectViolation(c, actor('leader'), 'deny_park', input, 'CASE_NO_PENDING_REQUEST');
    }
  });

  it('the matching pending request can be approved or denied; status moves only on approve_park', () => {
    const ext = facts({ status: 'dispatched', pending: 'extension' });
    expect(decide(ext, actor('leader'), 'approve_extension')).toEqual({ ok: true, to: 'dispatched' });
    expect(decide(ext, actor('office'), 'deny_extension', { reason: '理由不足' })).toEqual({
      ok: true,
      to: 'dispatched',
    });
    const park = facts({ status: 'returned', pending: 'park' });
    expect(decide(park, actor('office'), 'approve_park')).toEqual({ ok: true, to: 'parked' });
    expect(decide(park, actor('leader'), 'deny_park', { reason: '可以处置' })).toEqual({
      ok: true,
      to: 'returned',
    });
  });

  it('checks the unit before the pending request', () => {
    const c = facts({ status: 'in_progress', pending: 'extension' });
    expectViolation(
      c,
      actor('unit', { unitId: UNIT_B }),
      'request_park',
      validInput(c),
      'CASE_NOT_YOUR_UNIT',
    );
  });
});

describe('decide: park and restore (挂账)', () => {
  it.each(['filed', 'returned', 'dispatched', 'in_progress'] as const)(
    'a case parked from %s is restored to that status',
    (from) => {
      const requested = facts({ status: from, pending: null });
      expect(decide(requested, actor('office'), 'request_park', { reason: '涉及拆迁' }).ok).toBe(true);
      const approved = decide({ ...requested, pending: 'park' }, actor('leader'), 'approve_park');
      expect(approved).toEqual({ ok: true, to: 'parked' });
      const parked = facts({ status: 'parked', resumeStatus: from });
      expect(decide(parked, actor('office'), 'restore')).toEqual({ ok: true, to: from });
    },
  );

  it('restores to filed when the resume status was not recorded', () => {
    expect(decide(facts({ status: 'parked', resumeStatus: null }), actor('office'), 'restore')).toEqual({
      ok: true,
      to: 'filed',
    });
  });

  it('only the office restores', () => {
    expectViolation(
      facts({ status: 'parked' }),
      actor('leader'),
      'restore',
      {},
      'CASE_ACTION_FORBIDDEN_ROLE',
    );
  });
});

describe('decide: supervision levels (督办 → 挂牌督办)', () => {
  const d = (action: 'supervise' | 'supervise_listed', level: number) =>
    decide(facts({ status: 'in_progress', supervisionLevel: level }), actor('leader'), action, {
      deadline: DEADLINE,
    });

  it('督办 may be issued again (several orders per case) until the case is 挂牌督办', () => {
    expect(d('supervise', 0)).toEqual({ ok: true, to: 'in_progress' });
    expect(d('supervise', 1)).toEqual({ ok: true, to: 'in_progress' });
    expect(d('supervise_listed', 1)).toEqual({ ok: true, to: 'in_progress' });
  });

  it('挂牌督办 is the top level: nothing more', () => {
    expect(d('supervise', 2)).toEqual({ ok: false, violation: 'CASE_ALREADY_SUPERVISED' });
    expect(d('supervise_listed', 2)).toEqual({ ok: false, violation: 'CASE_ALREADY_SUPERVISED' });
  });

  it('a case can be listed (挂牌) directly without a prior 督办', () => {
    expect(d('supervise_listed', 0)).toEqual({ ok: true, to: 'in_progress' });
  });

  it('is not possible on a case waiting for verification or closed', () => {
    for (const status of ['reported', 'feedback', 'self_handled', 'closed', 'voided'] as const) {
      const c = facts({ status });
      expectViolation(
        c,
        actor('leader'),
        'supervise',
        { deadline: LATER },
        'CASE_ACTION_NOT_ALLOWED_IN_STATE',
      );
    }
  });
});

describe('allowedActions', () => {
  it('equals the actions decide accepts with valid inputs, over statuses × roles × units × rectifiers × requests × levels', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const status of STATUSES)
      for (const role of ROLES)
        for (const actorUnit of [UNIT_A, UNIT_B, null])
          for (const leadUnitId of [UNIT_A, null])
            for (const rectifier of ['self', 'other', null] as const)
              for (const pending of [null, 'extension', 'park', 'claim'] as const)
                for (const supervisionLevel of [0, 1, 2])
                  for (const disposeDeadline of [DEADLINE, null]) {
                    const a = actor(role, { unitId: actorUnit, oversees: checked % 2 === 1 });
                    const c = facts({
                      status,
                      leadUnitId,
                      rectifierUserId: rectifier === 'self' ? a.userId : rectifier,
                      pending,
                      supervisionLevel,
                      resumeStatus: 'dispatched',
                      disposeDeadline,
                    });
                    const allowed = allowedActions(c, a);
                    const listed = allowed.map((x) => x.action);
                    const accepted = CASE_ACTION_ORDER.filter((x) => decide(c, a, x, validInput(c, x)).ok);
                    checked++;
                    if (listed.join() !== accepted.join()) {
                      mismatches.push(`${status}/${role}/${actorUnit}/${leadUnitId}/${rectifier}/${pending}`);
                    }
                    for (const x of allowed) {
                      if (JSON.stringify(x.needs) !== JSON.stringify(needsOf(x.action))) {
                        mismatches.push(`needs of ${x.action}`);
                      }
                    }
                  }
    expect(checked).toBe(10 * ROLES.length * 3 * 2 * 3 * 4 * 3 * 2);
    expect(mismatches).toEqual([]);
  });

  it('lists what a unit may do on its own accepted case', () => {
    const c = facts({ status: 'in_progress' });
    expect(allowedActions(c, actor('unit')).map((x) => x.action)).toEqual([
      'submit_feedback',
      'request_extension',
      'request_park',
      'comment',
    ]);
    expect(allowedActions(c, actor('unit', { unitId: UNIT_B }))).toEqual([]);
  });

  it('lists the approvals once a request is pending and drops the new requests', () => {
    const c = facts({ status: 'in_progress', pending: 'extension', supervisionLevel: 1 });
    expect(allowedActions(c, actor('leader')).map((x) => x.action)).toEqual([
      'approve_extension',
      'deny_extension',
      'supervise',
      'supervise_listed',
      'record_accountability',
      'comment',
    ]);
    expect(allowedActions(c, actor('unit')).map((x) => x.action)).toEqual(['submit_feedback', 'comment']);
  });
});

describe('主动认领 (claims) and 行业主管 comments', () => {
  const supervising = actor('unit', { unitId: UNIT_B, oversees: true });
  const filed = facts({ status: 'filed', leadUnitId: UNIT_A });

  it('a department supervising the trade claims a filed case with a reason; others may not', () => {
    expect(decide(filed, supervising, 'claim', { reason: '属本局监管的餐饮单位' })).toEqual({
      ok: true,
      to: 'filed',
    });
    expectViolation(filed, supervising, 'claim', { reason: ' ' }, 'CASE_REASON_REQUIRED');
    expectViolation(
      filed,
      actor('unit', { unitId: UNIT_B }),
      'claim',
      { reason: 'x' },
      'CASE_NOT_YOUR_TRADE',
    );
    expectViolation(filed, actor('office'), 'claim', { reason: 'x' }, 'CASE_ACTION_FORBIDDEN_ROLE');
    for (const status of ['reported', 'returned', 'dispatched', 'in_progress', 'closed'] as const) {
      expectViolation(
        facts({ status }),
        supervising,
        'claim',
        { reason: 'x' },
        'CASE_ACTION_NOT_ALLOWED_IN_STATE',
      );
    }
  });

  it('one pending request at a time; the office decides it before dispatching or voiding', () => {
    const claimed = facts({ status: 'filed', pending: 'claim', pendingByUserId: 'unit-1' });
    expectViolation(claimed, supervising, 'claim', { reason: 'x' }, 'CASE_REQUEST_PENDING');
    expectViolation(claimed, actor('office'), 'dispatch', {}, 'CASE_REQUEST_PENDING');
    expectViolation(claimed, actor('office'), 'void', { reason: 'x' }, 'CASE_REQUEST_PENDING');
    expect(decide(claimed, actor('office'), 'approve_claim')).toEqual({ ok: true, to: 'filed' });
    expect(decide(claimed, actor('office'), 'deny_claim', { reason: '由属地处理' }).ok).toBe(true);
    expectViolation(claimed, actor('leader'), 'approve_claim', {}, 'CASE_ACTION_FORBIDDEN_ROLE');
    expectViolation(filed, actor('office'), 'approve_claim', {}, 'CASE_NO_PENDING_REQUEST');
    const parked = facts({ status: 'filed', pending: 'park', pendingByUserId: 'office-2' });
    expectViolation(parked, actor('office'), 'approve_claim', {}, 'CASE_NO_PENDING_REQUEST');
    expect(decide(parked, actor('office'), 'dispatch').ok).toBe(true);
  });

  it('a supervising department reads and comments, but does not handle the case', () => {
    const inHand = facts({ status: 'in_progress', leadUnitId: UNIT_A });
    expect(allowedActions(inHand, supervising).map((x) => x.action)).toEqual(['comment']);
    expect(allowedActions(inHand, actor('unit', { unitId: UNIT_B }))).toEqual([]);
    expect(allowedActions(filed, supervising).map((x) => x.action)).toEqual(['comment', 'claim']);
  });
});
