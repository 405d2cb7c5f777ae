import { createHash } from 'node:crypto';
import type { AuditEntry, auditListQuerySchema, Page } from '@chuangcheng/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import { offsetOf, pageResult } from '../../platform/pagination';
import { type AuditRow, createAuditRepository } from './audit.repository';

/** Installation-level events (no city) live in their own chain. */
export const GLOBAL_CHAIN = '00000000-0000-0000-0000-000000000000';
const GENESIS = '0'.repeat(64);

export interface AuditInput {
  cityId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Keys sorted at every level, so the hash does not depend on how jsonb reorders keys. */
function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function hashRow(r: Omit<AuditRow, 'hash'>): string {
  const { at, ...rest } = r;
  return createHash('sha256')
    .update(canonical({ ...rest, at: new Date(at).toISOString() }))
    .digest('hex');
}

/** JSON round-trip: what jsonb stores is what we hash (Dates become ISO strings, undefined disappears). */
const plain = (v: unknown): unknown => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));

function lockKeyOf(cityId: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${cityId.replace(/-/g, '').slice(0, 16)}`));
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  rows: number;
  broken: { cityId: string; seq: number; reason: string }[];
}

export function createAuditService(deps: { db: Db; clock: Clock }) {
  const repo = createAuditRepository();

  return {
    /** Appends one entry to its city's hash chain, inside the caller's transaction. */
    async record(tx: Db, ctx: Ctx, input: AuditInput): Promise<void> {
      const cityId = input.cityId ?? GLOBAL_CHAIN;
      await repo.lockChain(tx, lockKeyOf(cityId));
      const last = await repo.last(tx, cityId);
      const row: Omit<AuditRow, 'hash'> = {
        cityId,
        seq: (last?.seq ?? 0) + 1,
        at: deps.clock.now(),
        actorId: ctx.actor.id,
        actorName: ctx.actor.displayName,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId ?? null,
        before: plain(input.before),
        after: plain(input.after),
        requestId: ctx.meta.requestId,
        ip: ctx.meta.ip,
        prevHash: last?.hash ?? GENESIS,
      };
      await repo.insert(tx, { ...row, hash: hashRow(row) });
    },

    /** The audit hook of a bulk load (demo city): one entry for the whole load, in its transaction. */
    bulkLoadHook(ctx: Ctx, action: string) {
      return (tx: Db, e: { cityId: string; counts: Record<string, number> }) =>
        this.record(tx, ctx, {
          cityId: e.cityId,
          action,
          entityType: 'city',
          entityId: e.cityId,
          after: e.counts,
        });
    },

    /** Recomputes every chain; a changed, removed or inserted row breaks it at that row. */
    async verify(onProgress?: (rows: number) => void): Promise<VerifyResult> {
      const result: VerifyResult = { ok: true, chains: 0, rows: 0, broken: [] };
      for (const cityId of await repo.chains(deps.db)) {
        result.chains++;
        let prev = GENESIS;
        let expectSeq = 1;
        let after = 0;
        for (;;) {
          const rows = await repo.chunk(deps.db, cityId, after, 2000);
          if (rows.length === 0) break;
          for (const r of rows) {
            const { hash, ...rest } = r;
            const reason =
              r.seq !== expectSeq
                ? `序号不连续：期望 ${expectSeq}，实际 ${r.seq}（有记录被删除或插入）`
                : r.prevHash !== prev
                  ? '前序哈希不符（链被改动）'
                  : hashRow(rest) !== hash
                    ? '内容哈希不符（记录被篡改）'
                    : null;
            if (reason) result.broken.push({ cityId, seq: r.seq, reason });
            prev = hash;
            expectSeq = r.seq + 1;
            after = r.seq;
            result.rows++;
          }
          onProgress?.(result.rows);
        }
      }
      result.ok = result.broken.length === 0;
      return result;
    },

    /** Pages through the log of the actor's city (admins only). */
    async list(ctx: Ctx, q: z.infer<typeof auditListQuerySchema>): Promise<Page<AuditEntry>> {
      requireRole(ctx.actor, ['admin']);
      const { rows, total } = await repo.list(
        deps.db,
        { cityId: ctx.actor.cityId, action: q.action, entityType: q.entityType, actorId: q.actorId },
        offsetOf(q),
        q.pageSize,
      );
      return pageResult(rows.map(presentAudit), total, q);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

function presentAudit(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
    ip: r.ip,
  };
}
