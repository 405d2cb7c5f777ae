import { describe, expect, it } from 'vitest';
import { type StageEvent, stageMinutes, stageOverdueAt, stagesOf } from './stages';

const T0 = Date.parse('2026-03-02T00:00:00Z');
/** An instant `min` minutes after T0. */
const t = (min: number) => new Date(T0 + min * 60_000);
const iso = (min: number | null) => (min === null ? null : t(min).toISOString());

let seq = 0;
function ev(
  type: string,
  atMin: number,
  p: {
    unitId?: string;
    toStatus?: string;
    stageDeadline?: number | null;
    disposeDeadline?: number | null;
    deadlineBefore?: number | null;
    coUnitIds?: string[];
  } = {},
): StageEvent {
  const payload: Record<string, unknown> = {};
  if (p.stageDeadline !== undefined) payload.stageDeadline = iso(p.stageDeadline);
  if (p.disposeDeadline !== undefined) payload.disposeDeadline = iso(p.disposeDeadline);
  if (p.deadlineBefore !== undefined) payload.deadlineBefore = iso(p.deadlineBefore);
  if (p.coUnitIds) payload.coUnitIds = p.coUnitIds;
  if (type === 'dispatch' && p.unitId) payload.unitId = p.unitId;
  return { seq: ++seq, type, at: t(atMin), unitId: p.unitId ?? null, toStatus: p.toStatus ?? null, payload };
}

const DAY = 1440;
const filed = (): StageEvent[] => [ev('report', 0), ev('file', 10, { stageDeadline: 70 })];

describe('stagesOf: who held which stage', () => {
  it('a unit that let its deadline pass and then returned keeps its overdue; the next unit starts its own clock', () => {
    const s = stagesOf([
      ...filed(),
      ev('dispatch', 30, { unitId: 'A', stageDeadline: 150, disposeDeadline: 2 * DAY }),
      ev('return', 3 * DAY, { unitId: 'A', stageDeadline: 3 * DAY + 60 }),
      ev('dispatch', 3 * DAY + 30, { unitId: 'B', stageDeadline: 3 * DAY + 150, disposeDeadline: 5 * DAY }),
      ev('accept', 3 * DAY + 40, { unitId: 'B' }),
      ev('submit_feedback', 4 * DAY, { unitId: 'B', stageDeadline: 4 * DAY + 240 }),
      ev('verify_pass', 4 * DAY + 60),
    ]);
    expect(s.map((x) => [x.kind, x.role, x.unitId, x.startedBy, x.outcome])).toEqual([
      ['dispatch', 'office', null, 'file', 'dispatched'],
      ['dispose', 'lead', 'A', 'dispatch', 'returned'],
      ['dispatch', 'office', null, 'return', 'dispatched'],
      ['dispose', 'lead', 'B', 'dispatch', 'fed_back'],
      ['verify', 'checker', null, 'submit_feedback', 'passed'],
    ]);
    const [, a, , b] = s;
    const later = t(10 * DAY);
    expect(stageOverdueAt(a!, later)).toBe(true);
    expect(stageOverdueAt(b!, later)).toBe(false);
    expect(b!.deadline).toEqual(t(5 * DAY));
    expect(b!.acceptDeadline).toEqual(t(3 * DAY + 150));
    expect(b!.acceptedAt).toEqual(t(3 * DAY + 40));
    expect(b!.closes).toBe(true);
    expect(a!.closes).toBe(false);
  });

  it('a case filed and voided before any dispatch has no unit stage', () => {
    const s = stagesOf([...filed(), ev('void', 40)]);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ kind: 'dispatch', role: 'office', outcome: 'voided', unitId: null });
  });

  it('a filed case waiting past the dispatch limit is an overdue office stage, open', () => {
    const [s] = stagesOf(filed());
    expect(s!.endedAt).toBeNull();
    expect(stageOverdueAt(s!, t(60))).toBe(false);
    expect(stageOverdueAt(s!, t(71))).toBe(true);
  });

  it('an open stage is overdue by time alone; the sweeper’s events change nothing', () => {
    const log = [
      ...filed(),
      ev('dispatch', 30, { unitId: 'A', stageDeadline: 150, disposeDeadline: 2 * DAY }),
    ];
    const swept = [
      ...log,
      ev('overdue', 2 * DAY + 5, { disposeDeadline: 2 * DAY }),
      ev('auto_supervise', 2 * DAY + 5, { disposeDeadline: 2 * DAY }),
    ];
    expect(stagesOf(swept)).toEqual(stagesOf(log));
    const lead = stagesOf(log)[1]!;
    expect(stageOverdueAt(lead, t(2 * DAY - 1))).toBe(false);
    expect(stageOverdueAt(lead, t(2 * DAY + 1))).toBe(true);
  });

  it('an extension asked before the deadline and granted after it: the wait is not overdue', () => {
    const s = stagesOf([
      ...filed(),
      ev('dispatch', 30, { unitId: 'A', stageDeadline: 150, disposeDeadline: 2 * DAY }),
      ev('accept', 60, { unitId: 'A' }),
      ev('request_extension', 2 * DAY - 60, { unitId: 'A' }),
    ]);
    const waiting = s[1]!;
    expect(waiting.pendingSince).toEqual(t(2 * DAY - 60));
    expect(stageOverdueAt(waiting, t(3 * DAY))).toBe(false);

    const granted = stagesOf([
      ...filed(),
      ev('dispatch', 30, { unitId: 'A', stageDeadline: 150, disposeDeadline: 2 * DAY }),
      ev('accept', 60, { unitId: 'A' }),
      ev('request_extension', 2 * DAY - 60, { unitId: 'A' }),
      ev('approve_extension', 3 * DAY, { disposeDeadline: 6 * DAY }),
      ev('submit_feedback', 5 * DAY, { unitId: 'A' }),
    ])[1]!;
    expect(granted.deadline).toEqual(t(6 * DAY));
    expect(stageOverdueAt(granted, t(9 * DAY))).toBe(false);
  });

  it('an extension refused after the deadline: overdue only from the refusal', () => {
    const base = [
      ...filed(),
      ev('dispatch', 30, { unitId: 'A', stageDeadline: 150, disposeDeadline: 2 * DAY }),
      ev('request_extension', 2 * DAY - 60, { unitId: 'A' }),
      ev('deny_extension', 3 * DAY),
    ];
    const lead = stagesOf(base)[1]!;
    expect(lead.deadline).toEqual(t(3 * DAY));
    expect(lead.pendingSince).toBeNull();
    expect(stageOverdueAt(lead, t(3 * DAY - 1))).toBe(false);
    expect(stageOverdueAt(lead, t(3 * DAY + 1))).toBe(true);
  });

  it('a request made after the deadline does not stop the overdue', () => {
    const lead = stagesOf([
      ...filed(),
      ev('dispatch', 30, { unitId: 'A', stageDeadline: 150, disposeDeadline: 2 * DAY }),
      ev('request_park', 2 * DAY + 60, { unitId: 'A' }),
    ])[1]!;
    expect(lead.pendingSince).toBeNull();
    expect(stageOverdueAt(lead, t(2 * DAY + 120))).toBe(true);
  });

  it('parked (挂账) time is paused, counted apart and left out of the duration', () => {
    const s = stagesOf([
      ...filed(),
      ev('dispatch', 0, { unitId: 'A', stageDeadline: 120, disposeDeadline: 2 * DAY }),
      ev('accept', 60, { unitId: 'A' }),
      ev('request_park', 120, { unitId: 'A' }),
      ev('approve_park', 180),
      ev('restore', 180 + 10 * DAY, { disposeDeadline: 12 * DAY }),
      ev('submit_feedback', 11 * DAY, { unitId: 'A' }),
    ]);
    const lead = s[1]!;
    expect(lead.pausedMinutes).toBe(10 * DAY);
    expect(lead.deadline).toEqual(t(12 * DAY));
    expect(stageOverdueAt(lead, t(20 * DAY))).toBe(false);
    expect(stageMinutes(lead)).toBe(11 * DAY - 10 * DAY);
    // While parked the stage is not overdue, though its old deadline has passed.
    const parked = stagesOf([
      ...filed(),
      ev('dispatch', 0, { unitId: 'A', stageDeadline: 120, disposeDeadline: 2 * DAY }),
      ev('request_park', 120, { unitId: 'A' }),
      ev('approve_park', 180),
    ])[1]!;
    expect(parked.pausedSince).toEqual(t(180));
    expect(stageOverdueAt(parked, t(5 * DAY))).toBe(false);
  });

  it('co-units (协办) get their own stages beside the lead’s, ended with it', () => {
    const s = stagesOf([
      ...filed(),
      ev('dispatch', 30, { unitId: 'A', coUnitIds: ['A', 'C', 'D'], disposeDeadline: 2 * DAY }),
      ev('submit_feedback', DAY, { unitId: 'A' }),
    ]);
    const unitStages = s.filter((x) => x.kind === 'dispose');
    expect(unitStages.map((x) => [x.role, x.unitId, x.outcome])).toEqual([
      ['lead', 'A', 'fed_back'],
      ['assist', 'C', 'fed_back'],
      ['assist', 'D', 'fed_back'],
    ]);
  });

  it('rework and a citizen’s reopen are new stages of the lead unit with their own clocks', () => {
    const s = stagesOf([
      ...filed(),
      ev('dispatch', 30, { unitId: 'A', disposeDeadline: 2 * DAY }),
      ev('submit_feedback', DAY, { unitId: 'A' }),
      ev('verify_fail', DAY + 60, { disposeDeadline: 3 * DAY }),
      ev('submit_feedback', 2 * DAY, { unitId: 'A' }),
      ev('verify_pass', 2 * DAY + 60),
      ev('reopen', 4 * DAY, { disposeDeadline: 6 * DAY }),
    ]);
    const leads = s.filter((x) => x.role === 'lead');
    expect(leads.map((x) => [x.unitId, x.startedBy, x.outcome, x.closes])).toEqual([
      ['A', 'dispatch', 'fed_back', false],
      ['A', 'verify_fail', 'fed_back', false],
      ['A', 'reopen', null, false],
    ]);
    expect(leads[2]!.deadline).toEqual(t(6 * DAY));
  });

  it('deadline_recomputed replaces the running stage’s deadlines', () => {
    const s = stagesOf([
      ...filed(),
      ev('dispatch', 30, { unitId: 'A', stageDeadline: 150, disposeDeadline: 2 * DAY }),
      ev('deadline_recomputed', 40, { stageDeadline: 200, disposeDeadline: 3 * DAY }),
    ]);
    expect(s[1]).toMatchObject({ deadline: t(3 * DAY), acceptDeadline: t(200) });
    const office = stagesOf([...filed(), ev('deadline_recomputed', 20, { stageDeadline: 500 })]);
    expect(office[0]!.deadline).toEqual(t(500));
  });

  it('a self-handled report starts with the office’s check; a rejection sends it to dispatch', () => {
    const s = stagesOf([
      ev('report', 0, { toStatus: 'self_handled', stageDeadline: 240 }),
      ev('reject_self_handled', 60, { stageDeadline: 120 }),
    ]);
    expect(s.map((x) => [x.kind, x.startedBy, x.outcome, x.deadline])).toEqual([
      ['verify', 'report', 'rejected', t(240)],
      ['dispatch', 'reject_self_handled', null, t(120)],
    ]);
  });

  it('logs written before events carried stageDeadline read it from the next action', () => {
    const s = stagesOf([
      ev('report', 0),
      ev('file', 10),
      ev('comment', 15),
      ev('dispatch', 30, { unitId: 'A', deadlineBefore: 70, disposeDeadline: 2 * DAY }),
      ev('accept', 40, { deadlineBefore: 150 }),
    ]);
    expect(s[0]!.deadline).toEqual(t(70));
    expect(s[1]!.acceptDeadline).toEqual(t(150));
  });
});
