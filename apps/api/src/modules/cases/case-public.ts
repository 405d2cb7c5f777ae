import { randomBytes } from 'node:crypto';
import type { PublicRating } from '@chuangcheng/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema/index';
import type { ActingParty } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import type { CalendarCache } from './case-calendars';
import { afterAction } from './case-effects';
import { buildNewCase, type IntakeInput } from './case-intake';
import { markRelapse } from './case-links.service';
import { applyAction } from './case-transition';
import type { CasesDeps } from './cases.deps';
import type { CaseRow, CasesRepository } from './cases.repository';

/** Tracking codes: 10 characters without look-alikes (no 0/O, 1/I/L), ~50 bits. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export function newTrackingCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
}

/** The public as a party to the log: a citizen (or an Open311 client) without an account. */
export const publicParty = (name: string): ActingParty => ({
  id: null,
  displayName: name,
  role: 'public',
  unitId: null,
});

/**
 * Cases from the public side (citizen portal, Open311): created without a user, found by tracking
 * code, rated by the reporter, reopened when "not fixed" (the workflow's `reopen`, role 'public').
 */
export function createPublicCases(
  deps: CasesDeps,
  repo: CasesRepository,
  calendars: CalendarCache,
  effects: Parameters<typeof afterAction>[1],
) {
  const { db, clock } = deps;

  async function byPublicKey(cityId: string, key: string): Promise<CaseRow | undefined> {
    const [r] = await db
      .select()
      .from(cases)
      .where(and(eq(cases.cityId, cityId), isNull(cases.reporterUserId), eq(cases.idempotencyKey, key)))
      .limit(1);
    return r;
  }

  return {
    byPublicKey,

    async byTrackingCode(code: string): Promise<CaseRow | undefined> {
      const [r] = await db.select().from(cases).where(eq(cases.trackingCode, code)).limit(1);
      return r;
    },

    /**
     * Files a public report: located, routed and timed like any case, with a tracking code. The photos
     * (already checked by the caller: uploaded anonymously, unattached) are attached in the same
     * transaction. A resent report with the same idempotency key returns the first case.
     */
    async create(
      cityId: string,
      input: IntakeInput,
      opts: { reporterName: string; photoIds: readonly string[] },
    ): Promise<{ row: CaseRow; created: boolean }> {
      if (input.idempotencyKey) {
        const again = await byPublicKey(cityId, input.idempotencyKey);
        if (again) return { row: again, created: false };
      }
      const cal = await calendars.get(cityId);
      const party = publicParty(opts.reporterName);
      const built = await buildNewCase(deps, repo, cal, party, cityId, input, {
        trackingCode: newTrackingCode(),
      });
      try {
        const row = await db.transaction(async (tx) => {
          const photoRows = await deps.photos.byIds(tx, cityId, opts.photoIds);
          if (
            photoRows.length !== new Set(opts.photoIds).size ||
            photoRows.some((p) => p.caseId !== null || p.uploadedBy !== null)
          ) {
            throw new AppError('PHOTO_TOKEN_INVALID');
          }
          // 反弹: the same problem at the same spot soon after a closing is flagged and linked.
          await markRelapse(tx, built);
          const n = await repo.nextSeq(tx, cityId, `case:${built.day}`);
          const r = {
            ...built.row,
            reporterUserId: null,
            number: `${built.day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`,
          } as CaseRow;
          await repo.insert(tx, r);
          await repo.insertEvent(tx, { ...built.event, caseId: r.id, actorUserId: null });
          await deps.photos.attach(tx, cityId, opts.photoIds, r.id);
          await deps.notify.toUsers(tx, cityId, await repo.userIds(tx, r, { roles: ['office'] }), {
            kind: 'public_report',
            title: `${r.number} 新的市民上报`,
            body: `${r.categoryName}：${r.description.slice(0, 60)}`,
            caseId: r.id,
          });
          return r;
        });
        return { row, created: true };
      } catch (e) {
        // Two sends of one report at once: the unique key lets one in; the other answers its case.
        if (input.idempotencyKey && !(e instanceof AppError)) {
          const again = await byPublicKey(cityId, input.idempotencyKey);
          if (again) return { row: again, created: false };
        }
        throw e;
      }
    },

    /**
     * The reporter's answer after closing: recorded once; "not fixed" within the window reopens the
     * case to the unit as rework (counted). Both in one transaction, guarded by the case version.
     */
    async rate(row: CaseRow, rating: PublicRating, reopen: boolean): Promise<CaseRow> {
      const now = clock.now();
      const party = publicParty(row.reporterName ?? '市民');
      return db.transaction(async (tx: Db) => {
        const patch = {
          ratingResolved: rating.resolved,
          ratingScore: rating.score,
          ratingComment: rating.comment ?? null,
          ratedAt: now,
          updatedAt: now,
        };
        if (!(await repo.update(tx, row, patch))) throw new AppError('CASE_CHANGED');
        const events = await repo.events(tx, row.cityId, row.id);
        const stars = `${rating.score} 星`;
        await repo.insertEvent(tx, {
          cityId: row.cityId,
          id: newId(now.getTime()),
          caseId: row.id,
          seq: (events.at(-1)?.seq ?? 0) + 1,
          type: 'rating',
          fromStatus: row.status,
          toStatus: row.status,
          actorUserId: null,
          actorName: party.displayName,
          actorRole: 'public',
          unitId: null,
          note: `${rating.resolved ? '已解决' : '未解决'}，${stars}${rating.comment ? `：${rating.comment}` : ''}`,
          photoIds: [],
          payload: { resolved: rating.resolved, score: rating.score },
          at: now,
        });
        let current = { ...row, ...patch, version: row.version + 1 } as CaseRow;
        if (reopen) {
          const input = {
            action: 'reopen' as const,
            reason: `市民反馈问题未解决${rating.comment ? `：${rating.comment}` : ''}`,
            afterPhotoIds: [],
            photoIds: [],
          };
          const cal = await calendars.get(row.cityId);
          const applied = await applyAction(tx, repo, cal, current, party, 'reopen', input, now);
          await afterAction(tx, effects, applied, party, 'reopen', input, now);
          current = applied.row;
        }
        return current;
      });
    },
  };
}
export type PublicCases = ReturnType<typeof createPublicCases>;
