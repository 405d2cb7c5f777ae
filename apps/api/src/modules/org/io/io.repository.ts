import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { blocks, grids, gridUnits, gridWorkers, people, regions, units } from '../../../db/schema/index';

/** Keys per IN (…) list and rows per multi-row statement: far below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;
/**
 * PGlite pays a large fixed cost per statement, so writes go in multi-row statements. 500 rows of the
 * widest table (grids, 17 columns) is 8,500 parameters.
 */
export const BATCH_ROWS = 500;

async function chunked<T, R>(items: readonly T[], fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const unique = [...new Set(items)];
  const out: R[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await fn(unique.slice(i, i + CHUNK))));
  return out;
}

export type UnitInsert = typeof units.$inferInsert;
export type PersonInsert = typeof people.$inferInsert;
export type GridInsert = typeof grids.$inferInsert;
export type CurrentGrid = Awaited<ReturnType<IoRepository['currentGridsByCodes']>>[number];
/** Unit columns an import may overwrite (absent optional columns are left alone). */
export type UnitSettable =
  | 'name'
  | 'kind'
  | 'parentId'
  | 'regionId'
  | 'contactName'
  | 'contactPhone'
  | 'address';

type SqlType = 'uuid' | 'text' | 'text[]' | 'timestamptz';
export interface ValuesColumn {
  name: string;
  type: SqlType;
}

/** A PostgreSQL array literal; passed as one text parameter and cast, since drizzle expands JS arrays to lists. */
export const pgTextArray = (values: readonly string[]): string =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;

/**
 * UPDATE … FROM (VALUES …): one statement per batch instead of one per row. `rows[i][0]` is the id,
 * the rest follow `cols`; every value is cast so the VALUES list has the target column types.
 */
async function updateMany(
  tx: Db,
  table: 'people' | 'grids',
  cols: readonly ValuesColumn[],
  rows: readonly unknown[][],
) {
  if (cols.length === 0) return;
  const all: ValuesColumn[] = [{ name: 'id', type: 'uuid' }, ...cols];
  const set = sql.join(
    cols.map((c) => sql`${sql.identifier(c.name)} = v.${sql.identifier(c.name)}`),
    sql`, `,
  );
  const names = sql.join(
    all.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const values = sql.join(
      rows.slice(i, i + BATCH_ROWS).map(
        (r) =>
          sql`(${sql.join(
            all.map((c, j) => sql`${r[j] ?? null}::${sql.raw(c.type)}`),
            sql`, `,
          )})`,
      ),
      sql`, `,
    );
    await tx.execute(
      sql`update ${sql.identifier(table)} as t set ${set} from (values ${values}) as v(${names}) where t.id = v.id`,
    );
  }
}

async function insertBatches<T>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
  onBatch?: (n: number) => void,
) {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = rows.slice(i, i + BATCH_ROWS);
    await insert(batch);
    onBatch?.(batch.length);
  }
}

/** Bulk look-ups and multi-row writes of the org import; the single-record paths stay in the org repositories. */
export function createIoRepository(db: Db) {
  return {
    async cities() {
      return db
        .select({ id: regions.id, code: regions.code, name: regions.name })
        .from(regions)
        .where(eq(regions.level, 'city'));
    },
    async regionsByCodes(codes: readonly string[]) {
      return chunked(codes, (c) =>
        db
          .select({
            id: regions.id,
            cityId: regions.cityId,
            code: regions.code,
            name: regions.name,
            level: regions.level,
            path: regions.path,
          })
          .from(regions)
          .where(inArray(regions.code, c)),
      );
    },
    async regionsByIds(ids: readonly string[]) {
      return chunked(ids, (c) =>
        db
          .select({ id: regions.id, code: regions.code, name: regions.name })
          .from(regions)
          .where(inArray(regions.id, c)),
      );
    },
    async unitsByCodes(cityId: string, codes: readonly string[]) {
      return chunked(codes, (c) =>
        db
          .select({
            id: units.id,
            code: units.code,
            kind: units.kind,
            parentId: units.parentId,
            regionPath: regions.path,
          })
          .from(units)
          .leftJoin(regions, eq(regions.id, units.regionId))
          .where(and(eq(units.cityId, cityId), inArray(units.code, c))),
      );
    },
    async unitsByIds(ids: readonly string[]) {
      return chunked(ids, (c) =>
        db
          .select({ id: units.id, code: units.code, name: units.name })
          .from(units)
          .where(inArray(units.id, c)),
      );
    },
    async peopleOfUnits(unitIds: readonly string[]) {
      return chunked(unitIds, (c) =>
        db
          .select({ id: people.id, unitId: people.unitId, name: people.name })
          .from(people)
          .where(inArray(people.unitId, c)),
      );
    },
    async blocksByCodes(cityId: string, codes: readonly string[]) {
      return chunked(codes, (c) =>
        db
          .select({ id: blocks.id, code: blocks.code })
          .from(blocks)
          .where(and(eq(blocks.cityId, cityId), inArray(blocks.code, c))),
      );
    },
    /**
     * Where each block lies (the 责任区块 scope rule): the community paths of its current grids, else its
     * lead unit's region path (null: a city-level unit).
     */
    async blockPlaces(blockIds: readonly string[]): Promise<Map<string, (string | null)[]>> {
      const out = new Map<string, (string | null)[]>();
      if (blockIds.length === 0) return out;
      const rows = await db
        .selectDistinct({ blockId: grids.blockId, path: regions.path })
        .from(grids)
        .innerJoin(regions, eq(regions.id, grids.communityId))
        .where(and(inArray(grids.blockId, [...blockIds]), isNull(grids.validTo)));
      for (const r of rows) if (r.blockId) out.set(r.blockId, [...(out.get(r.blockId) ?? []), r.path]);
      const gridless = blockIds.filter((id) => !out.has(id));
      if (gridless.length) {
        const leads = await db
          .select({ id: blocks.id, path: regions.path })
          .from(blocks)
          .leftJoin(units, eq(units.id, blocks.leadUnitId))
          .leftJoin(regions, eq(regions.id, units.regionId))
          .where(inArray(blocks.id, gridless));
        for (const l of leads) out.set(l.id, [l.path]);
      }
      return out;
    },
    async currentGridsByCodes(cityId: string, codes: readonly string[]) {
      return chunked(codes, (c) =>
        db
          .select({
            id: grids.id,
            code: grids.code,
            name: grids.name,
            communityId: grids.communityId,
            communityPath: regions.path,
            blockId: grids.blockId,
            leadUnitId: grids.leadUnitId,
            leaderId: grids.leaderId,
            geometry: grids.geometry,
          })
          .from(grids)
          .innerJoin(regions, eq(regions.id, grids.communityId))
          .where(and(eq(grids.cityId, cityId), inArray(grids.code, c), isNull(grids.validTo))),
      );
    },
    async members(gridIds: readonly string[]) {
      const [u, w] = [
        await chunked(gridIds, (c) => db.select().from(gridUnits).where(inArray(gridUnits.gridId, c))),
        await chunked(gridIds, (c) => db.select().from(gridWorkers).where(inArray(gridWorkers.gridId, c))),
      ];
      return { units: u, workers: w };
    },

    /** Insert-or-update by (city, code) in one statement per batch; `update` lists the columns an existing unit takes. */
    async upsertUnits(
      tx: Db,
      rows: readonly UnitInsert[],
      update: readonly UnitSettable[],
      onBatch?: (n: number) => void,
    ) {
      const set: Partial<Record<UnitSettable | 'updatedAt', SQL>> = { updatedAt: sql`excluded.updated_at` };
      for (const k of update) set[k] = sql`excluded.${sql.identifier(units[k].name)}`;
      await insertBatches(
        rows,
        (b) =>
          tx
            .insert(units)
            .values(b)
            .onConflictDoUpdate({ target: [units.cityId, units.code], set }),
        onBatch,
      );
    },
    async insertPeople(tx: Db, rows: readonly PersonInsert[], onBatch?: (n: number) => void) {
      await insertBatches(rows, (b) => tx.insert(people).values(b), onBatch);
    },
    async updatePeople(tx: Db, cols: readonly ValuesColumn[], rows: readonly unknown[][]) {
      await updateMany(tx, 'people', cols, rows);
    },
    async updateGrids(tx: Db, cols: readonly ValuesColumn[], rows: readonly unknown[][]) {
      await updateMany(tx, 'grids', cols, rows);
    },
    /** Closes the current versions (valid_to = day) before their successors are inserted: one open version per code. */
    async closeGrids(tx: Db, ids: readonly string[], day: string, at: Date) {
      await chunked(ids, async (c) => {
        await tx.update(grids).set({ validTo: day, updatedAt: at }).where(inArray(grids.id, c));
        return [];
      });
    },
    async insertGrids(tx: Db, rows: readonly GridInsert[], onBatch?: (n: number) => void) {
      await insertBatches(rows, (b) => tx.insert(grids).values(b), onBatch);
    },
    /** Replaces the member units of these grids (delete + multi-row insert). */
    async replaceGridUnits(
      tx: Db,
      gridIds: readonly string[],
      pairs: readonly { gridId: string; unitId: string }[],
    ) {
      await chunked(gridIds, async (c) => {
        await tx.delete(gridUnits).where(inArray(gridUnits.gridId, c));
        return [];
      });
      await insertBatches(pairs, (b) => tx.insert(gridUnits).values(b));
    },
    async insertGridMembers(
      tx: Db,
      unitPairs: readonly { gridId: string; unitId: string }[],
      workerPairs: readonly { gridId: string; personId: string }[],
    ) {
      await insertBatches(unitPairs, (b) => tx.insert(gridUnits).values(b));
      await insertBatches(workerPairs, (b) => tx.insert(gridWorkers).values(b));
    },
  };
}

export type IoRepository = ReturnType<typeof createIoRepository>;
