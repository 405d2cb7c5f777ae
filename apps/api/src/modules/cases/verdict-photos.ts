import { PHOTO_FLAG_LABELS } from '@chuangcheng/contracts';
import type { CaseAction } from '@chuangcheng/domain';
import type { Db } from '../../db/client';
import { AppError, fieldDetails } from '../../platform/app-error';
import type { EventRow } from './cases.repository';
import type { PhotoRow } from './photos.service';

/**
 * Passing a rectification whose after-photos carry a 疑似不实 flag (reused, taken before the dispatch,
 * away from the case) is the verifier's call, never blocked, but it takes a reason, kept on the event.
 */
const PASSING: ReadonlySet<CaseAction> = new Set(['verify_pass', 'confirm_self_handled']);

/** The after-photos a verdict judges: those of the last 处置反馈, or those a self-handled case was reported with. */
function judgedPhotoIds(events: readonly Pick<EventRow, 'type' | 'photoIds'>[]): string[] {
  const feedback = events.findLast((e) => e.type === 'submit_feedback');
  return (feedback ?? events[0])?.photoIds ?? [];
}

/** The judged after-photos that carry a flag. */
export function flaggedAfterPhotos(
  events: readonly Pick<EventRow, 'type' | 'photoIds'>[],
  photos: readonly PhotoRow[],
): PhotoRow[] {
  const ids = new Set(judgedPhotoIds(events));
  return photos.filter((p) => ids.has(p.id) && p.kind === 'after' && (p.flags ?? []).length > 0);
}

/** Whether passing this case asks for a reason (the detail's `needs.reason` of the passing verdicts). */
export const passNeedsReason = (action: CaseAction, flagged: readonly PhotoRow[]): boolean =>
  PASSING.has(action) && flagged.length > 0;

/** Refuses a passing verdict on flagged after-photos without a reason: 400 CASE_REASON_REQUIRED on `reason`. */
export async function requireReasonForFlaggedPass(
  tx: Db,
  events: readonly EventRow[],
  photosByIds: (tx: Db, ids: readonly string[]) => Promise<PhotoRow[]>,
  action: CaseAction,
  reason: string | undefined,
): Promise<void> {
  if (!PASSING.has(action) || reason?.trim()) return;
  const flagged = flaggedAfterPhotos(events, await photosByIds(tx, judgedPhotoIds(events)));
  if (flagged.length === 0) return;
  const labels = [
    ...new Set(
      flagged.flatMap((p) =>
        (p.flags ?? []).map((f) => PHOTO_FLAG_LABELS[f.code as keyof typeof PHOTO_FLAG_LABELS]?.zh ?? f.code),
      ),
    ),
  ];
  const message = `处置后照片被标记为疑似不实（${labels.join('、')}），通过须填写理由`;
  throw new AppError('CASE_REASON_REQUIRED', fieldDetails('reason', message), message);
}
