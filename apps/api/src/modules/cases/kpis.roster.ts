import type { KpiDimension, KpiQuery } from '@chuangcheng/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Ctx } from '../../platform/actor';
import { scopeOf } from './cases.policy';
import type { CasesRepository } from './cases.repository';

const ORG_DIMENSIONS: readonly KpiDimension[] = ['unit', 'district', 'street', 'community', 'grid', 'block'];

/** A region path inside every subtree asked for (the reader's, the query's). */
function inSubtrees(pathCol: SQL, ids: readonly string[]): SQL {
  return ids.length
    ? sql.join(
        ids.map((id) => sql`${pathCol} like ${`%/${id}/%`}`),
        sql` and `,
      )
    : sql`true`;
}

/**
 * The names of a KPI table's rows, and the rows it must list even without cases: every unit, region
 * (of the dimension's level), 责任区块 and current grid in the reader's scope and the query's region
 * — names from the org tables, never from the cases (a ranking that drops the zero rows drops the best).
 */
export async function kpiRoster(
  db: Db,
  repo: CasesRepository,
  ctx: Ctx,
  q: KpiQuery,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!ORG_DIMENSIONS.includes(q.dimension)) return out;
  const scope = scopeOf(ctx.actor);
  const cityId = scope.cityId;
  const subtrees = [scope.regionId, q.regionId].filter((x): x is string => !!x);
  let roster: SQL | null = null;
  switch (q.dimension) {
    case 'unit':
      // A unit reader's table holds the units of the cases it reads; others list every unit in scope.
      if (!scope.unitId) {
        roster = sql`select u.id::text as id, u.name from units u where u.city_id = ${cityId}::uuid
          and ${q.unitId ? sql`u.id = ${q.unitId}::uuid` : sql`true`}
          and (${subtrees.length ? sql`u.region_id is not null and exists (select 1 from regions r where r.id = u.region_id and ${inSubtrees(sql`r.path`, subtrees)})` : sql`true`})`;
      }
      break;
    case 'district':
    case 'street':
    case 'community':
      roster = sql`select r.id::text as id, r.name from regions r where r.city_id = ${cityId}::uuid
        and r.level = ${q.dimension} and ${inSubtrees(sql`r.path`, subtrees)}`;
      break;
    case 'grid':
      roster = sql`select g.id::text as id, g.code || ' ' || g.name as name from grids g
        join regions r on r.id = g.community_id
        where g.city_id = ${cityId}::uuid and g.valid_to is null and ${inSubtrees(sql`r.path`, subtrees)}
          and ${q.blockId ? sql`g.block_id = ${q.blockId}::uuid` : sql`true`}`;
      break;
    case 'block':
      roster = sql`select b.id::text as id, b.name from blocks b where b.city_id = ${cityId}::uuid
        and ${q.blockId ? sql`b.id = ${q.blockId}::uuid` : sql`true`}
        and ${
          subtrees.length
            ? sql`exists (select 1 from grids g join regions r on r.id = g.community_id
                where g.block_id = b.id and g.valid_to is null and ${inSubtrees(sql`r.path`, subtrees)})`
            : sql`true`
        }`;
      break;
  }
  if (roster && cityId) {
    const rows = await db.execute(roster);
    for (const r of ((rows as { rows?: unknown[] }).rows ?? rows) as { id: string; name: string }[]) {
      out.set(r.id, r.name);
    }
  }
  // Rows with cases but outside the roster (a grid since retired …): named from the org tables too.
  const missing = keys.filter((k) => !out.has(k) && /^[0-9a-f-]{36}$/.test(k));
  if (missing.length) {
    if (q.dimension === 'grid') {
      const rows = await db.execute(
        sql`select distinct on (id) id::text as id, code || ' ' || name as name from grids
            where id in (${sql.join(
              missing.map((i) => sql`${i}::uuid`),
              sql`, `,
            )}) order by id, valid_from desc`,
      );
      for (const r of ((rows as { rows?: unknown[] }).rows ?? rows) as { id: string; name: string }[]) {
        out.set(r.id, r.name);
      }
    } else {
      const names =
        q.dimension === 'unit'
          ? await repo.names([], missing, [])
          : q.dimension === 'block'
            ? await repo.names([], [], missing)
            : await repo.names(missing, [], []);
      for (const [id, name] of names) out.set(id, name);
    }
  }
  return out;
}
