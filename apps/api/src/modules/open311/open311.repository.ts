import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  or,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys, caseEvents, cases, photos, units } from '../../db/schema/index';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type RequestRow = typeof cases.$inferSelect;
export type RequestEventRow = typeof caseEvents.$inferSelect;

/** Statuses Open311 calls closed: finished either way (结案 or 作废, incl. merged duplicates). */
export const CLOSED_STATUSES = ['closed', 'voided'] as const;

export interface RequestFilter {
  cityId: string;
  /** Case numbers (service_request_id): when given, the other filters are not applied. */
  numbers?: readonly string[];
  /** Category kind + code pairs (service_code). */
  services?: readonly { kind: string; code: string }[];
  status?: 'open' | 'closed';
  from?: Date;
  to?: Date;
}

const PUBLIC_SOURCES = ['citizen', 'hotline'] as const;

function whereOf(f: RequestFilter): SQL | undefined {
  // Only what the public reported (portal, Open311, hotline) is public: 上级交办, 领导交办, media and
  // staff patrol findings stay inside the government network.
  const where: (SQL | undefined)[] = [eq(cases.cityId, f.cityId), inArray(cases.source, [...PUBLIC_SOURCES])];
  if (f.numbers) return and(...where, inArray(cases.number, [...f.numbers]));
  if (f.services) {
    where.push(
      or(...f.services.map((s) => and(eq(cases.categoryKind, s.kind), eq(cases.categoryCode, s.code)))),
    );
  }
  if (f.status === 'closed') where.push(inArray(cases.status, [...CLOSED_STATUSES]));
  if (f.status === 'open') where.push(notInArray(cases.status, [...CLOSED_STATUSES]));
  if (f.from) where.push(gte(cases.createdAt, f.from));
  if (f.to) where.push(lte(cases.createdAt, f.to));
  return and(...where);
}

/**
 * What Open311 reads and writes of its own: the API keys, and a read model over cases, their events and
 * photos (like the other read models, it reads the tables; cases are written only through the cases
 * module's public intake).
 */
export function createOpen311Repository(db: Db) {
  return {
    // ---- API keys ----
    async insertKey(tx: Db, row: ApiKeyRow): Promise<void> {
      await tx.insert(apiKeys).values(row);
    },
    async keysOf(cityId: string): Promise<ApiKeyRow[]> {
      return db.select().from(apiKeys).where(eq(apiKeys.cityId, cityId)).orderBy(desc(apiKeys.createdAt));
    },
    async keyById(tx: Db, id: string): Promise<ApiKeyRow | undefined> {
      const [r] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
      return r;
    },
    async keyByHash(hash: string): Promise<ApiKeyRow | undefined> {
      const [r] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, hash)).limit(1);
      return r;
    },
    /** Revokes once: a second revoke changes nothing (false). */
    async revokeKey(tx: Db, id: string, at: Date): Promise<ApiKeyRow | undefined> {
      const [r] = await tx
        .update(apiKeys)
        .set({ revokedAt: at })
        .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
        .returning();
      return r;
    },
    async touchKey(id: string, at: Date): Promise<void> {
      await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
    },

    // ---- service requests (cases) ----
    async requests(f: RequestFilter, offset: number, limit: number) {
      const where = whereOf(f);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(cases)
          .where(where)
          .orderBy(desc(cases.createdAt), desc(cases.id))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(cases).where(where),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },
    async requestByNumber(cityId: string, number: string): Promise<RequestRow | undefined> {
      const [r] = await db
        .select()
        .from(cases)
        .where(
          and(eq(cases.cityId, cityId), eq(cases.number, number), inArray(cases.source, [...PUBLIC_SOURCES])),
        )
        .limit(1);
      return r;
    },
    /** The events of several cases in one query, in log order. */
    async events(cityId: string, caseIds: readonly string[]): Promise<RequestEventRow[]> {
      if (caseIds.length === 0) return [];
      return db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.cityId, cityId), inArray(caseEvents.caseId, [...caseIds])))
        .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
    },
    /** Per case, its first 'before' photo that has a metadata-free public copy. */
    async firstPublicPhotos(cityId: string, caseIds: readonly string[]): Promise<Map<string, string>> {
      if (caseIds.length === 0) return new Map();
      const rows = await db
        .select({ id: photos.id, caseId: photos.caseId })
        .from(photos)
        .where(
          and(
            eq(photos.cityId, cityId),
            inArray(photos.caseId, [...caseIds]),
            eq(photos.kind, 'before'),
            isNotNull(photos.publicKey),
          ),
        )
        .orderBy(asc(photos.createdAt), asc(photos.id));
      const out = new Map<string, string>();
      for (const r of rows) if (r.caseId && !out.has(r.caseId)) out.set(r.caseId, r.id);
      return out;
    },
    /** A photo Open311 may serve: a 'before' photo of a case, with a public copy. */
    async publicPhoto(id: string) {
      const [r] = await db
        .select({ id: photos.id })
        .from(photos)
        .where(
          and(
            eq(photos.id, id),
            isNotNull(photos.caseId),
            eq(photos.kind, 'before'),
            isNotNull(photos.publicKey),
          ),
        )
        .limit(1);
      return r;
    },
    async unitNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async caseNumbers(cityId: string, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: cases.id, number: cases.number })
        .from(cases)
        .where(and(eq(cases.cityId, cityId), inArray(cases.id, [...ids])));
      return new Map(rows.map((r) => [r.id, r.number]));
    },
  };
}
export type Open311Repository = ReturnType<typeof createOpen311Repository>;
