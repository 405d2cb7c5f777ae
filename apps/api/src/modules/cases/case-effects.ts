import { CASE_ACTION_LABELS, type CaseAction } from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import { supervisionOrders } from '../../db/schema/index';
import type { ActingParty } from '../../platform/actor';
import { newId } from '../../platform/ids';
import { recordAccountability } from '../accountability/index';
import type { NotifyService } from '../notify/index';
import { notifyMergedReporters } from './case-links.service';
import type { Applied, ApplyInput } from './case-transition';
import type { CaseRow, CasesRepository } from './cases.repository';

const OFFICE = ['office'];
const CHECKERS = ['office', 'inspector'];
const APPROVERS = ['office', 'leader'];

export interface EffectsDeps {
  repo: CasesRepository;
  notify: NotifyService;
  publicUrl: string;
}

/** Issues a 督办单 (numbered per city per year) for a supervised case. */
export async function issueSupervisionOrder(
  tx: Db,
  deps: EffectsDeps,
  row: CaseRow,
  o: {
    level: number;
    requirements: string;
    deadline: Date | null;
    automatic: boolean;
    by: { id: string | null; name: string };
    at: Date;
  },
): Promise<string> {
  const year = new Date(o.at.getTime() + 8 * 3_600_000).getUTCFullYear();
  const n = await deps.repo.nextSeq(tx, row.cityId, `supervision:${year}`);
  const number = `督〔${year}〕${String(n).padStart(4, '0')}号`;
  await tx.insert(supervisionOrders).values({
    cityId: row.cityId,
    id: newId(o.at.getTime()),
    caseId: row.id,
    number,
    level: o.level,
    unitId: row.leadUnitId,
    requirements: o.requirements,
    deadline: o.deadline,
    automatic: o.automatic,
    issuedByUserId: o.by.id,
    issuedByName: o.by.name,
    issuedAt: o.at,
  });
  return number;
}

/** Notifications and records that follow an action, in the same transaction. */
export async function afterAction(
  tx: Db,
  deps: EffectsDeps,
  applied: Applied,
  actor: ActingParty,
  action: CaseAction,
  input: ApplyInput,
  now: Date,
): Promise<void> {
  const { row } = applied;
  const label = CASE_ACTION_LABELS[action].zh;
  const title = `${row.number} ${label}`;
  const body = `${row.categoryName}：${row.description.slice(0, 60)}`;
  const msg = { kind: action, title, body, caseId: row.id };
  const users = (f: { unitId?: string; roles?: string[] }) => deps.repo.userIds(tx, row, f);
  const toUnit = async () =>
    row.leadUnitId
      ? deps.notify.toUsers(tx, row.cityId, await users({ unitId: row.leadUnitId }), msg)
      : undefined;
  switch (action) {
    case 'reopen':
      await deps.notify.toUsers(tx, row.cityId, await users({ roles: OFFICE }), msg);
      await toUnit();
      break;
    case 'dispatch':
    case 'verify_fail':
    case 'approve_extension':
    case 'deny_extension':
    case 'approve_park':
    case 'deny_park':
      await toUnit();
      break;
    case 'return':
    case 'request_park':
      await deps.notify.toUsers(tx, row.cityId, await users({ roles: OFFICE }), msg);
      break;
    case 'request_extension':
      await deps.notify.toUsers(tx, row.cityId, await users({ roles: APPROVERS }), msg);
      break;
    case 'submit_feedback':
      await deps.notify.toUsers(tx, row.cityId, await users({ roles: CHECKERS }), msg);
      break;
    case 'verify_pass':
      if (row.reporterUserId) await deps.notify.toUsers(tx, row.cityId, [row.reporterUserId], msg);
      await notifyMergedReporters(tx, deps, row, msg);
      break;
    case 'confirm_self_handled':
      await notifyMergedReporters(tx, deps, row, msg);
      break;
    case 'supervise':
    case 'supervise_listed': {
      const number = await issueSupervisionOrder(tx, deps, row, {
        level: row.supervisionLevel,
        requirements: input.note ?? '请立即整改，按期反馈整改结果。',
        deadline: row.disposeDeadline,
        automatic: false,
        by: { id: actor.id, name: actor.displayName },
        at: now,
      });
      await toUnit();
      await deps.notify.enqueue(tx, row.cityId, {
        title: `${label}：${number}`,
        text: `${body}\n责任单位须于 ${row.disposeDeadline?.toISOString() ?? '—'} 前整改反馈。`,
        caseNumber: row.number,
        url: deps.publicUrl ? `${deps.publicUrl}/cases/${row.id}` : undefined,
      });
      break;
    }
    case 'record_accountability':
      // The case is in the recorder's scope (the transition loaded it); the entry joins the register.
      await recordAccountability(tx, {
        cityId: row.cityId,
        unitId: input.unitId ?? row.leadUnitId ?? '',
        text: input.reason ?? '',
        fromCaseId: row.id,
        caseIds: [row.id],
        details: input.accountability ?? {},
        by: { id: actor.id, name: actor.displayName },
        at: now,
        regionPath: null,
      });
      break;
    default:
      break;
  }
}
