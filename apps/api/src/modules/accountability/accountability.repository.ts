import type { AccountabilityFilter, AccountabilityKindType } from '@chuangcheng/contracts';
import { and, asc, count, desc, eq, gte, inArray, isNull, like, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  accountabilityKinds,
  accountabilityRecords,
  cases,
  meta,
  regions,
  supervisionOrders,
  units,
} from '../../db/schema/index';
import { newId } from '../../platform/ids';
import { DEFAULT_KINDS } from './accountability.policy';

export type AccountabilityRow = typeof accountabilityRecords.$inferSelect;
export type AccountabilityInsert = typeof accountabilityRecords.$inferInsert;
export type KindRow = typeof accountabilityKinds.$inferSelect;

/** Where the register is read from: the city, the reader's region subtree, a unit reader's own unit. */
export interface RegisterScope {
  cityId: string;
  regionPath: string | null;
  unitId: string | null;
}

/** The filters of the list, the counts and the export, with a region already resolved to its path. */
export type RegisterFilter = Omit<AccountabilityFilter, 'regionId'> & {
  regionPath?: string;
  unitIds?: readonly string[];
};

/** The names an entry's presenter needs. */
export interface Names {
  units: Map<string, string>;
  kinds: Map<string, string>;
  cases: Map<string, string>;
  orders: Map<string, string>;
}

const SEEDED = (cityId: string) => `accountability-kinds:${cityId}`;
const r = accountabilityRecords;

/** The register's tables; reads units, regions, cases and 督办单 for names and scope (a read model on them). */
export function createAccountabilityRepository(db: Db) {
  function where(s: RegisterScope, f: RegisterFilter): SQL {
    const w: SQL[] = [eq(r.cityId, s.cityId)];
    if (s.regionPath) w.push(like(r.scopePath, `${s.regionPath}%`));
    if (s.unitId) w.push(eq(r.unitId, s.unitId));
    if (f.regionPath) w.push(like(r.scopePath, `${f.regionPath}%`));
    if (f.unitId) w.push(eq(r.unitId, f.unitId));
    if (f.unitIds) w.push(f.unitIds.length ? inArray(r.unitId, [...f.unitIds]) : sql`false`);
    if (f.situationId)
      w.push(f.situationId === 'none' ? isNull(r.situationId) : eq(r.situationId, f.situationId));
    if (f.methodId) w.push(f.methodId === 'none' ? isNull(r.methodId) : eq(r.methodId, f.methodId));
    if (f.caseId) w.push(sql`${r.caseIds} @> array[${f.caseId}]::uuid[]`);
    if (f.from) w.push(gte(r.decidedOn, f.from));
    if (f.to) w.push(lte(r.decidedOn, f.to));
    return and(...w)!;
  }

  return {
    /** Seeds the city's 情形 and 方式 once (remembered in meta, so deleting them all does not re-seed). */
    async ensureKinds(tx: Db, cityId: string, now: Date): Promise<void> {
      const [done] = await tx
        .select()
        .from(meta)
        .where(eq(meta.key, SEEDED(cityId)))
        .limit(1);
      if (done) return;
      const rows = (Object.keys(DEFAULT_KINDS) as AccountabilityKindType[]).flatMap((type) =>
        DEFAULT_KINDS[type].map((k, i) => ({
          cityId,
          id: newId(now.getTime()),
          type,
          name: k.name,
          description: k.description,
          sortOrder: (i + 1) * 10,
          active: true,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await tx.insert(accountabilityKinds).values(rows).onConflictDoNothing();
      await tx
        .insert(meta)
        .values({ key: SEEDED(cityId), value: now.toISOString() })
        .onConflictDoNothing();
    },

    async kinds(tx: Db, cityId: string): Promise<(KindRow & { usedBy: number })[]> {
      const rows = await tx
        .select()
        .from(accountabilityKinds)
        .where(eq(accountabilityKinds.cityId, cityId))
        .orderBy(
          asc(accountabilityKinds.type),
          asc(accountabilityKinds.sortOrder),
          asc(accountabilityKinds.name),
        );
      const by = (col: 'situationId' | 'methodId') =>
        tx
          .select({ id: r[col], n: count() })
          .from(r)
          .where(and(eq(r.cityId, cityId), sql`${r[col]} is not null`))
          .groupBy(r[col]);
      const used = [...(await by('situationId')), ...(await by('methodId'))];
      const n = new Map(used.map((u) => [u.id as string, Number(u.n)]));
      return rows.map((k) => ({ ...k, usedBy: n.get(k.id) ?? 0 }));
    },

    async kind(tx: Db, cityId: string, id: string): Promise<KindRow | undefined> {
      const [k] = await tx
        .select()
        .from(accountabilityKinds)
        .where(and(eq(accountabilityKinds.cityId, cityId), eq(accountabilityKinds.id, id)));
      return k;
    },

    async kindByName(tx: Db, cityId: string, type: AccountabilityKindType, name: string) {
      const [k] = await tx
        .select()
        .from(accountabilityKinds)
        .where(
          and(
            eq(accountabilityKinds.cityId, cityId),
            eq(accountabilityKinds.type, type),
            eq(accountabilityKinds.name, name),
          ),
        );
      return k;
    },

    async kindUse(tx: Db, cityId: string, id: string): Promise<number> {
      const [u] = await tx
        .select({ n: count() })
        .from(r)
        .where(and(eq(r.cityId, cityId), sql`(${r.situationId} = ${id} or ${r.methodId} = ${id})`));
      return Number(u?.n ?? 0);
    },

    async insertKind(tx: Db, row: KindRow): Promise<void> {
      await tx.insert(accountabilityKinds).values(row);
    },

    async updateKind(tx: Db, cityId: string, id: string, patch: Partial<KindRow>): Promise<void> {
      await tx
        .update(accountabilityKinds)
        .set(patch)
        .where(and(eq(accountabilityKinds.cityId, cityId), eq(accountabilityKinds.id, id)));
    },

    async deleteKind(tx: Db, cityId: string, id: string): Promise<void> {
      await tx
        .delete(accountabilityKinds)
        .where(and(eq(accountabilityKinds.cityId, cityId), eq(accountabilityKinds.id, id)));
    },

    /** The unit (of the city) and its region's path. */
    async unit(tx: Db, cityId: string, id: string) {
      const [u] = await tx
        .select({ id: units.id, name: units.name, regionPath: regions.path })
        .from(units)
        .leftJoin(regions, eq(regions.id, units.regionId))
        .where(and(eq(units.cityId, cityId), eq(units.id, id)));
      return u;
    },

    async regionPath(cityId: string, id: string): Promise<string | null> {
      const [g] = await db
        .select({ path: regions.path })
        .from(regions)
        .where(and(eq(regions.cityId, cityId), eq(regions.id, id)));
      return g?.path ?? null;
    },

    /** The cases of the city with the path of their most specific region. */
    async cases(tx: Db, cityId: string, ids: readonly string[]) {
      if (ids.length === 0) return [];
      return tx
        .select({ id: cases.id, number: cases.number, regionPath: regions.path })
        .from(cases)
        .leftJoin(
          regions,
          eq(regions.id, sql`coalesce(${cases.communityId}, ${cases.streetId}, ${cases.districtId})`),
        )
        .where(and(eq(cases.cityId, cityId), inArray(cases.id, [...ids])));
    },

    async orders(tx: Db, cityId: string, ids: readonly string[]) {
      if (ids.length === 0) return [];
      return tx
        .select({
          id: supervisionOrders.id,
          number: supervisionOrders.number,
          unitId: supervisionOrders.unitId,
        })
        .from(supervisionOrders)
        .where(and(eq(supervisionOrders.cityId, cityId), inArray(supervisionOrders.id, [...ids])));
    },

    async insert(tx: Db, row: AccountabilityInsert): Promise<void> {
      await tx.insert(r).values(row);
    },

    async byId(cityIdOrNull: string | null, id: string): Promise<AccountabilityRow | undefined> {
      const [row] = await db
        .select()
        .from(r)
        .where(cityIdOrNull ? and(eq(r.cityId, cityIdOrNull), eq(r.id, id)) : eq(r.id, id));
      return row;
    },

    async list(s: RegisterScope, f: RegisterFilter, offset: number, limit: number) {
      const w = where(s, f);
      const [rows, [t]] = await Promise.all([
        db.select().from(r).where(w).orderBy(desc(r.decidedOn), desc(r.at)).offset(offset).limit(limit),
        db.select({ n: count() }).from(r).where(w),
      ]);
      return { rows, total: Number(t?.n ?? 0) };
    },

    /** Entries per unit × 情形 × 方式 (null = 未分类). */
    async counts(s: RegisterScope, f: RegisterFilter) {
      const rows = await db
        .select({ unitId: r.unitId, situationId: r.situationId, methodId: r.methodId, n: count() })
        .from(r)
        .where(where(s, f))
        .groupBy(r.unitId, r.situationId, r.methodId);
      return rows.map((x) => ({ ...x, n: Number(x.n) }));
    },

    /** Names of the units, 情形/方式, cases and 督办单 the rows refer to. */
    async names(
      cityId: string,
      ids: { units: string[]; kinds: string[]; cases: string[]; orders: string[] },
    ): Promise<Names> {
      const uniq = (a: string[]) => [...new Set(a)];
      const [u, k, c, o] = await Promise.all([
        ids.units.length
          ? db
              .select({ id: units.id, name: units.name })
              .from(units)
              .where(and(eq(units.cityId, cityId), inArray(units.id, uniq(ids.units))))
          : [],
        ids.kinds.length
          ? db
              .select({ id: accountabilityKinds.id, name: accountabilityKinds.name })
              .from(accountabilityKinds)
              .where(
                and(eq(accountabilityKinds.cityId, cityId), inArray(accountabilityKinds.id, uniq(ids.kinds))),
              )
          : [],
        ids.cases.length
          ? db
              .select({ id: cases.id, name: cases.number })
              .from(cases)
              .where(and(eq(cases.cityId, cityId), inArray(cases.id, uniq(ids.cases))))
          : [],
        ids.orders.length
          ? db
              .select({ id: supervisionOrders.id, name: supervisionOrders.number })
              .from(supervisionOrders)
              .where(
                and(eq(supervisionOrders.cityId, cityId), inArray(supervisionOrders.id, uniq(ids.orders))),
              )
          : [],
      ]);
      const m = (rows: { id: string; name: string }[]) => new Map(rows.map((x) => [x.id, x.name]));
      return { units: m(u), kinds: m(k), cases: m(c), orders: m(o) };
    },
  };
}
export type AccountabilityRepository = ReturnType<typeof createAccountabilityRepository>;
