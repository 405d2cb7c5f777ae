import { CASE_ACTION_LABELS, type CaseAction } from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import type { ActingParty } from '../../platform/actor';
import { recordAccountability } from '../accountability/index';
import type { NotifyService } from '../notify/index';
import { notifyMergedReporters } from './case-links.service';
import { issueSupervisionOrder } from './case-supervision';
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

const chinaTime = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Tells the unit (and the office, for automatic ones) that a 督办单 was issued, in-app and outbound. */
export async function announceSupervisionOrder(
  tx: Db,
  deps: EffectsDeps,
  rows: CaseRow[],
  order: { number: string; level: 1 | 2; deadline: Date; automatic: boolean },
): Promise<void> {
  const first = rows[0]!;
  const label = order.level === 2 ? '挂牌督办' : order.automatic ? '超期自动督办' : '督办';
  const cases = rows.map((r) => r.number).join('、');
  const due = `限期 ${chinaTime(order.deadline)} 前整改反馈`;
  if (first.leadUnitId) {
    const users = await deps.repo.userIds(tx, first, { unitId: first.leadUnitId });
    const office = order.automatic ? await deps.repo.userIds(tx, first, { roles: OFFICE }) : [];
    await deps.notify.toUsers(tx, first.cityId, [...new Set([...users, ...office])], {
      kind: order.automatic ? 'auto_supervise' : order.level === 2 ? 'supervise_listed' : 'supervise',
      title: `${label}：${order.number}`,
      body: `${cases}：${first.categoryName}，${due}`,
      caseId: first.id,
    });
  }
  await deps.notify.enqueue(tx, first.cityId, {
    title: `${label}：${order.number}`,
    text: `${first.categoryName}：${first.description.slice(0, 80)}\n${due}。`,
    caseNumber: first.number,
    url: deps.publicUrl ? `${deps.publicUrl}/cases/${first.id}` : undefined,
  });
}

/** Notifications and records that follow an action, in the same transaction. */
export async function afterAction(
  tx: Db,
  deps: EffectsDeps,
  applied: Applied,
  actor: ActingParty & { regionPath?: string | null },
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
      // The register issues one order for several cases itself (deferOrder).
      if (input.supervision?.deferOrder || !input.deadline) break;
      const order = {
        level: (action === 'supervise_listed' ? 2 : 1) as 1 | 2,
        deadline: new Date(input.deadline),
        automatic: false,
      };
      const { number } = await issueSupervisionOrder(tx, deps.repo.nextSeq, [row], {
        ...order,
        requirements: input.note?.trim() || '请立即整改，按期反馈整改结果。',
        by: { id: actor.id, name: actor.displayName },
        officeRegionId: input.supervision?.officeRegionId ?? row.cityId,
        at: now,
      });
      await announceSupervisionOrder(tx, deps, [row], { ...order, number });
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
        // A district office may not hold a unit of another district to account through a case either.
        regionPath: actor.regionPath && actor.regionPath !== `/${row.cityId}/` ? actor.regionPath : null,
      });
      break;
    default:
      break;
  }
}
