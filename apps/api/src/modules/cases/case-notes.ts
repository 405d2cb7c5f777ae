import type { CaseDetail, Role } from '@chuangcheng/contracts';
import { decide } from '@chuangcheng/domain';
import type { Db } from '../../db/client';
import type { ActingParty, Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import type { CalendarCache } from './case-calendars';
import type { IntakeInput } from './case-intake';
import { factsOf } from './case-transition';
import type { CaseRow, CasesRepository } from './cases.repository';

// Shared by case-links.service.ts and revisits.service.ts.

/** Merging and splitting cases (并案 / 拆分) is the office's call. */
export const CASE_MERGE: readonly Role[] = ['office'];
export const REVISIT_READ: readonly Role[] = ['office', 'leader', 'inspector', 'grid_worker'];
export const REVISIT_CREATE: readonly Role[] = ['office'];
/** Who goes back to the spot and records what they found. */
export const REVISIT_ACT: readonly Role[] = ['office', 'inspector', 'grid_worker'];

/**
 * What these services need of the cases service. Structural, not `CasesService`: cases.service.ts
 * imports this module's relapse check, and importing it back would make a cycle.
 */
export interface CasesPort {
  repo: CasesRepository;
  calendars: CalendarCache;
  load(ctx: Ctx, id: string): Promise<CaseRow>;
  getCase(ctx: Ctx, id: string): Promise<CaseDetail>;
  createCase(ctx: Ctx, input: IntakeInput): Promise<CaseDetail>;
}

const SYSTEM = { id: null, displayName: '系统', role: null, unitId: null } as const;

/**
 * Appends a note to a case's event log — a `comment` event, which the workflow must allow the actor
 * (null = the system) — with a machine-readable payload ({merge}, {split}, {relapseOf}, {revisit}).
 * The status stays; the version moves, so a concurrent change answers 409 CASE_CHANGED.
 */
export async function appendNote(
  tx: Db,
  repo: CasesRepository,
  row: CaseRow,
  by: ActingParty | null,
  note: string,
  payload: Record<string, unknown>,
  now: Date,
  photoIds: readonly string[] = [],
): Promise<CaseRow> {
  if (by) {
    const d = decide(factsOf(row), { userId: by.id ?? '', role: by.role, unitId: by.unitId }, 'comment', {});
    if (!d.ok) throw new AppError(d.violation, { action: 'comment', status: row.status });
  }
  const actor = by ?? SYSTEM;
  const last = (await repo.events(tx, row.cityId, row.id)).at(-1);
  await repo.insertEvent(tx, {
    cityId: row.cityId,
    id: newId(now.getTime()),
    caseId: row.id,
    seq: (last?.seq ?? 0) + 1,
    type: 'comment',
    fromStatus: row.status,
    toStatus: row.status,
    actorUserId: actor.id,
    actorName: actor.displayName,
    actorRole: actor.role,
    unitId: actor.unitId,
    note,
    photoIds: [...photoIds],
    payload,
    at: now,
  });
  if (!(await repo.update(tx, row, { updatedAt: now }))) throw new AppError('CASE_CHANGED');
  return { ...row, version: row.version + 1, updatedAt: now };
}

/** A patch of link fields, optimistic like every case update. */
export async function patchCase(
  tx: Db,
  repo: CasesRepository,
  row: CaseRow,
  patch: Partial<Pick<CaseRow, 'parentCaseId' | 'relapseOfCaseId' | 'trackingCode' | 'reporterUserId'>>,
  now: Date,
): Promise<CaseRow> {
  if (!(await repo.update(tx, row, { ...patch, updatedAt: now }))) throw new AppError('CASE_CHANGED');
  return { ...row, ...patch, version: row.version + 1, updatedAt: now };
}
