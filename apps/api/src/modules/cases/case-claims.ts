import { CASE_ACTION_LABELS, type CaseAction, type PendingRequest } from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import type { EffectsDeps } from './case-effects';
import type { ApplyInput } from './case-transition';
import type { CaseRow } from './cases.repository';

/**
 * 主动认领 (claims): a department supervising a case's trade asks for a filed, undispatched case; the
 * office approves — the case is then dispatched to that unit by the ordinary 'dispatch' action, so the
 * event log, the clocks and the counters are those of any dispatch — or refuses with a reason.
 */

/** The dispatch that follows an approved claim: to the claiming unit, keeping the routed co-units. */
export function claimDispatch(before: CaseRow, approval: ApplyInput): ApplyInput | null {
  const claim = before.pending as PendingRequest | null;
  if (claim?.kind !== 'claim' || !claim.unitId) return null;
  const unitId = claim.unitId;
  return {
    action: 'dispatch',
    unitId,
    coUnitIds: before.coUnitIds.filter((u) => u !== unitId),
    note: `同意 ${claim.byName} 的认领申请：${approval.note?.trim() || '派遣至认领单位'}`,
    afterPhotoIds: [],
    photoIds: [],
  };
}

/** Who hears of a claim: the office when it is made, the claimant when it is refused. */
export async function claimNotifications(
  tx: Db,
  deps: EffectsDeps,
  before: CaseRow,
  after: CaseRow,
  action: CaseAction,
): Promise<void> {
  if (action !== 'claim' && action !== 'deny_claim') return;
  const msg = {
    kind: action,
    title: `${after.number} ${CASE_ACTION_LABELS[action].zh}`,
    body: `${after.categoryName}：${after.description.slice(0, 60)}`,
    caseId: after.id,
  };
  if (action === 'claim') {
    await deps.notify.toUsers(
      tx,
      after.cityId,
      await deps.repo.userIds(tx, after, { roles: ['office'] }),
      msg,
    );
    return;
  }
  const claimant = (before.pending as PendingRequest | null)?.byUserId;
  if (claimant) await deps.notify.toUsers(tx, after.cityId, [claimant], msg);
}
