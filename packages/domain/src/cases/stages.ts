/**
 * Stage attribution: who held which stage of a case, from when to when, against which deadline, and
 * how it ended — computed from the case's event log only (DESIGN.md rule 3). The API stores the rows
 * (`case_stages`) in the transaction that appends an event; the KPIs count them, so each per-unit
 * figure belongs to the unit whose stage it was and can be explained stage by stage.
 *
 * Stages:
 * - `dispatch` (the office): from filing (or a unit's return, or a rejected self-handling) to the
 *   dispatch or the void;
 * - `dispose` (主办, role 'lead'): one per dispatch, rework and citizen reopen; from then to the
 *   feedback or the return; its deadline is the unit's disposal deadline (处置期限), the accept
 *   deadline (签收期限) is kept beside it;
 * - `dispose` (协办, role 'assist'): one per co-unit of a dispatch, running alongside the lead's stage;
 * - `verify` (核查, the checkers): from a feedback (or a self-handling report) to its verdict.
 *
 * Overdue is a fact of time (`stageOverdueAt`): a closed stage is overdue when it ended after its
 * deadline, an open one when the instant asked about is past it — never because the sweeper ran.
 * A 延期 or 挂账 requested before the deadline makes the wait for the decision not overdue: the
 * deadline becomes the decision time when the decision comes later (or the granted deadline).
 * 挂账 pauses the stage: the parked minutes are counted apart and left out of durations.
 */
import { WORKFLOW } from './workflow';

/** One event as the stages read it (structurally an event row of the API). */
export interface StageEvent {
  seq: number;
  type: string;
  at: Date;
  /** The acting unit, or for a dispatch the unit dispatched to. */
  unitId: string | null;
  /** The status after the event (a self-handled report starts with the office's check). */
  toStatus?: string | null;
  /** deadlineBefore, disposeDeadline, stageDeadline (after the event), unitId, coUnitIds … */
  payload: Record<string, unknown>;
}

export type StageKind = 'dispatch' | 'dispose' | 'verify';
export type StageRole = 'office' | 'lead' | 'assist' | 'checker';
export type StageOutcome =
  | 'dispatched'
  | 'voided'
  | 'fed_back'
  | 'returned'
  | 'passed'
  | 'failed'
  | 'confirmed'
  | 'rejected';

export interface StageRow {
  /** Order within the case (0, 1, …). */
  seq: number;
  kind: StageKind;
  role: StageRole;
  /** The unit holding a dispose stage; null for the office's and the checkers' stages. */
  unitId: string | null;
  /** The event that opened it: file, return, dispatch, verify_fail, reopen, submit_feedback, report … */
  startedBy: string;
  startedAt: Date;
  endedAt: Date | null;
  outcome: StageOutcome | null;
  /** The deadline the stage is judged against (after extensions and decision waits); null = untimed. */
  deadline: Date | null;
  /** Lead stages: the accept deadline (签收期限) and when the unit accepted. */
  acceptDeadline: Date | null;
  acceptedAt: Date | null;
  /** Minutes parked (挂账), and since when while still parked. */
  pausedMinutes: number;
  pausedSince: Date | null;
  /** A 延期/挂账 request made before the deadline and not yet decided: the wait is not overdue. */
  pendingSince: Date | null;
  /** Lead stages: this stage's feedback closed the case (verified, not reopened since). */
  closes: boolean;
}

const date = (v: unknown): Date | null => (typeof v === 'string' && v ? new Date(v) : null);
const later = (a: Date | null, b: Date): Date => (a && a.getTime() > b.getTime() ? a : b);
const minutesBetween = (a: Date, b: Date) => Math.max(0, Math.round((b.getTime() - a.getTime()) / 60000));
const isAction = (type: string) => Object.hasOwn(WORKFLOW, type);

/**
 * The stage deadline in force after event `i`: its own `stageDeadline`, else (logs written before
 * events carried it) the `deadlineBefore` of the next workflow action, which is the same instant.
 */
function stageDeadlineAfter(events: readonly StageEvent[], i: number): Date | null {
  const own = events[i]?.payload;
  if (own && 'stageDeadline' in own) return date(own.stageDeadline);
  for (let j = i + 1; j < events.length; j++) {
    const e = events[j] as StageEvent;
    if (isAction(e.type) && 'deadlineBefore' in e.payload) return date(e.payload.deadlineBefore);
  }
  return null;
}

/** The per-stage rows of one case from its events in order. */
export function stagesOf(events: readonly StageEvent[]): StageRow[] {
  const rows: StageRow[] = [];
  /** The office's or the checkers' stage now open, and the unit stages (lead first) now open. */
  let single: StageRow | null = null;
  let unit: StageRow[] = [];
  let leadUnit: string | null = null;
  let lastLead: StageRow | null = null;

  const open = (
    s: Omit<
      StageRow,
      | 'seq'
      | 'endedAt'
      | 'outcome'
      | 'pausedMinutes'
      | 'pausedSince'
      | 'pendingSince'
      | 'closes'
      | 'acceptDeadline'
      | 'acceptedAt'
    > &
      Partial<StageRow>,
  ) => {
    const row: StageRow = {
      seq: rows.length,
      endedAt: null,
      outcome: null,
      acceptDeadline: null,
      acceptedAt: null,
      pausedMinutes: 0,
      pausedSince: null,
      pendingSince: null,
      closes: false,
      ...s,
    };
    rows.push(row);
    return row;
  };
  const end = (s: StageRow | null, at: Date, outcome: StageOutcome) => {
    if (!s || s.endedAt) return;
    // A request made before the deadline and still waiting: the wait was not overdue.
    if (s.pendingSince && s.deadline) s.deadline = later(s.deadline, at);
    if (s.pausedSince) {
      s.pausedMinutes += minutesBetween(s.pausedSince, at);
      s.pausedSince = null;
    }
    s.pendingSince = null;
    s.endedAt = at;
    s.outcome = outcome;
  };
  const endUnit = (at: Date, outcome: StageOutcome) => {
    for (const s of unit) end(s, at, outcome);
    unit = [];
  };
  /** The stages a request, decision or pause applies to: the unit's while it holds the case. */
  const current = (): StageRow[] => (unit.length ? unit : single ? [single] : []);
  const openUnit = (e: StageEvent, coUnits: readonly string[]) => {
    const deadline = date(e.payload.disposeDeadline);
    const lead = open({
      kind: 'dispose',
      role: 'lead',
      unitId: leadUnit,
      startedBy: e.type,
      startedAt: e.at,
      deadline,
    });
    lastLead = lead;
    unit = [lead];
    for (const u of coUnits) {
      if (u === leadUnit) continue;
      unit.push(
        open({ kind: 'dispose', role: 'assist', unitId: u, startedBy: e.type, startedAt: e.at, deadline }),
      );
    }
  };

  events.forEach((e, i) => {
    const at = e.at;
    switch (e.type) {
      case 'report':
        // Reported as already handled on the spot (自处理): the office's check runs first.
        if (e.toStatus === 'self_handled') {
          single = open({
            kind: 'verify',
            role: 'checker',
            unitId: null,
            startedBy: 'report',
            startedAt: at,
            deadline: stageDeadlineAfter(events, i),
          });
        }
        break;
      case 'file':
      case 'reject_self_handled':
        end(single, at, 'rejected');
        single = open({
          kind: 'dispatch',
          role: 'office',
          unitId: null,
          startedBy: e.type,
          startedAt: at,
          deadline: stageDeadlineAfter(events, i),
        });
        break;
      case 'void':
        end(single, at, 'voided');
        single = null;
        break;
      case 'dispatch': {
        end(single, at, 'dispatched');
        single = null;
        leadUnit = (typeof e.payload.unitId === 'string' ? e.payload.unitId : null) ?? e.unitId;
        const co = Array.isArray(e.payload.coUnitIds) ? (e.payload.coUnitIds as string[]) : [];
        openUnit(e, co);
        const lead = unit[0] as StageRow;
        lead.acceptDeadline = stageDeadlineAfter(events, i);
        break;
      }
      case 'accept':
        if (unit[0] && !unit[0].acceptedAt) unit[0].acceptedAt = at;
        break;
      case 'return':
        endUnit(at, 'returned');
        single = open({
          kind: 'dispatch',
          role: 'office',
          unitId: null,
          startedBy: 'return',
          startedAt: at,
          deadline: stageDeadlineAfter(events, i),
        });
        break;
      case 'submit_feedback':
        endUnit(at, 'fed_back');
        single = open({
          kind: 'verify',
          role: 'checker',
          unitId: null,
          startedBy: 'submit_feedback',
          startedAt: at,
          deadline: stageDeadlineAfter(events, i),
        });
        break;
      case 'verify_pass':
        end(single, at, 'passed');
        single = null;
        if (lastLead?.outcome === 'fed_back') lastLead.closes = true;
        break;
      case 'confirm_self_handled':
        end(single, at, 'confirmed');
        single = null;
        break;
      case 'verify_fail':
        end(single, at, 'failed');
        single = null;
        openUnit(e, []);
        break;
      case 'reopen':
        if (lastLead) lastLead.closes = false;
        openUnit(e, []);
        break;
      case 'request_extension':
      case 'request_park':
        for (const s of current()) {
          if (!s.endedAt && (!s.deadline || at.getTime() <= s.deadline.getTime())) s.pendingSince = at;
        }
        break;
      case 'approve_extension': {
        const granted = date(e.payload.disposeDeadline);
        for (const s of current()) {
          if (granted) s.deadline = granted;
          s.pendingSince = null;
        }
        break;
      }
      case 'deny_extension':
      case 'deny_park':
        for (const s of current()) decided(s, at);
        break;
      case 'approve_park':
        for (const s of current()) {
          decided(s, at);
          s.pausedSince = at;
        }
        break;
      case 'restore': {
        for (const s of current()) {
          if (s.pausedSince) s.pausedMinutes += minutesBetween(s.pausedSince, at);
          s.pausedSince = null;
          // The remaining time becomes a fresh window from now (timers.ts): the new deadline.
          const next = s.kind === 'dispose' ? date(e.payload.disposeDeadline) : stageDeadlineAfter(events, i);
          if (next) s.deadline = next;
        }
        break;
      }
      case 'deadline_recomputed': {
        // A holiday calendar imported later: the deadlines of the stage now running are recomputed.
        const stage = date(e.payload.stageDeadline);
        const dispose = date(e.payload.disposeDeadline);
        for (const s of current()) {
          if (s.kind === 'dispose') {
            if (dispose) s.deadline = dispose;
            if (stage && s.role === 'lead' && !s.acceptedAt) s.acceptDeadline = stage;
          } else if (stage) s.deadline = stage;
        }
        break;
      }
    }
  });
  return rows;
}

/** A decision on a request: if it was asked before the deadline, the wait up to now was not overdue. */
function decided(s: StageRow, at: Date) {
  if (s.pendingSince && s.deadline) s.deadline = later(s.deadline, at);
  s.pendingSince = null;
}

/**
 * Is the stage overdue at `asOf`? Ended: it ended after its deadline. Open: `asOf` is past the
 * deadline, unless a request made in time is waiting for its decision; parked: only if it was parked
 * after its deadline had passed. The KPI SQL (`STAGE_OVERDUE_SQL` in the API) states the same rule.
 */
export function stageOverdueAt(s: StageRow, asOf: Date): boolean {
  if (!s.deadline) return false;
  const d = s.deadline.getTime();
  if (s.endedAt && s.endedAt.getTime() <= asOf.getTime()) return s.endedAt.getTime() > d;
  if (s.pendingSince) return false;
  if (s.pausedSince) return s.pausedSince.getTime() > d;
  return asOf.getTime() > d;
}

/** Working minutes of a stage for 平均处置时长: start to end, parked time left out. */
export function stageMinutes(s: StageRow): number | null {
  if (!s.endedAt) return null;
  return Math.max(0, minutesBetween(s.startedAt, s.endedAt) - s.pausedMinutes);
}
