import {
  CASE_SOURCE_LABELS,
  KPI_COUNTERS,
  type KpiCounters,
  type KpiDimension,
  type KpiQuery,
  type KpiResult,
  type KpiRow,
} from '@chuangcheng/contracts';
import { ratesOf } from '@chuangcheng/domain';
import { and, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema/index';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { KPI_READ, scopeOf } from './cases.policy';
import { type CasesRepository, COUNTER_COLUMNS, caseFilters } from './cases.repository';

/** The grouping column of each dimension (period dimensions group by the city-local date). */
function groupExpr(d: KpiDimension): SQL {
  switch (d) {
    case 'unit':
      return sql`${cases.leadUnitId}::text`;
    case 'district':
      return sql`${cases.districtId}::text`;
    case 'street':
      return sql`${cases.streetId}::text`;
    case 'community':
      return sql`${cases.communityId}::text`;
    case 'grid':
      return sql`${cases.gridId}::text`;
    case 'block':
      return sql`${cases.blockId}::text`;
    case 'category':
      return sql`${cases.categoryCode} || ' ' || ${cases.categoryName}`;
    case 'source':
      return sql`${cases.source}`;
    case 'month':
      return sql`to_char(${cases.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
    case 'day':
      return sql`to_char(${cases.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  }
}

const sums = sql.join(
  KPI_COUNTERS.map((k) => sql`coalesce(sum(${COUNTER_COLUMNS[k]}), 0)::bigint as ${sql.identifier(k)}`),
  sql`, `,
);

function toCounters(r: Record<string, unknown>): KpiCounters {
  return Object.fromEntries(KPI_COUNTERS.map((k) => [k, Number(r[k] ?? 0)])) as KpiCounters;
}

const row = (key: string, name: string, counters: KpiCounters): KpiRow => ({
  key,
  name,
  counters,
  rates: ratesOf(counters),
});

/**
 * KPIs with the standard definitions, summed from the per-case counters (which the workflow keeps
 * equal to a recomputation from the event log). Sliced by one dimension, filtered like the case list.
 */
export function createKpisService(deps: { db: Db; repo: CasesRepository }) {
  async function names(d: KpiDimension, keys: string[]): Promise<Map<string, string>> {
    const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
    if (['unit', 'district', 'street', 'community', 'block'].includes(d)) {
      return d === 'unit'
        ? deps.repo.names([], ids, [])
        : d === 'block'
          ? deps.repo.names([], [], ids)
          : deps.repo.names(ids, [], []);
    }
    if (d === 'grid' && ids.length) {
      const rows = await deps.db.execute<{ id: string; name: string }>(
        sql`select distinct on (grid_id) grid_id::text as id, grid_code || ' ' || coalesce(grid_name, '') as name from cases where grid_id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      );
      return new Map(rowsOf<{ id: string; name: string }>(rows).map((r) => [r.id, r.name]));
    }
    if (d === 'source') {
      return new Map(
        keys.map((k) => [k, (CASE_SOURCE_LABELS as Record<string, { zh: string }>)[k]?.zh ?? k]),
      );
    }
    return new Map(keys.map((k) => [k, k]));
  }

  return {
    /**
     * 群众满意率 from the reporters' ratings (citizen portal): cases of the filter that were rated,
     * and those rated 3 stars or more (满意 + 基本满意). null rate when nobody rated.
     */
    async satisfaction(ctx: Ctx, q: Omit<KpiQuery, 'dimension'>) {
      requireRole(ctx.actor, KPI_READ);
      const where = and(...caseFilters(scopeOf(ctx.actor), q), sql`${cases.ratedAt} is not null`);
      const [r] = rowsOf<{ rated: number; satisfied: number }>(
        await deps.db.execute(
          sql`select count(*)::int as rated, count(*) filter (where ${cases.ratingScore} >= 3)::int as satisfied
              from ${cases} where ${where}`,
        ),
      );
      const rated = Number(r?.rated ?? 0);
      const satisfied = Number(r?.satisfied ?? 0);
      return { rated, satisfied, rate: rated > 0 ? satisfied / rated : null };
    },

    async kpis(ctx: Ctx, q: KpiQuery): Promise<KpiResult> {
      requireRole(ctx.actor, KPI_READ);
      const where = and(...caseFilters(scopeOf(ctx.actor), q));
      const g = groupExpr(q.dimension);
      const [grouped, totals] = await Promise.all([
        deps.db.execute<Record<string, unknown>>(
          sql`select ${g} as key, ${sums} from ${cases} where ${where ?? sql`true`} group by 1 order by 1`,
        ),
        deps.db.execute<Record<string, unknown>>(
          sql`select ${sums} from ${cases} where ${where ?? sql`true`}`,
        ),
      ]);
      const rows = rowsOf<Record<string, unknown>>(grouped);
      const n = await names(
        q.dimension,
        rows.map((r) => String(r.key ?? '')),
      );
      return {
        dimension: q.dimension,
        total: row('total', '合计', toCounters(rowsOf<Record<string, unknown>>(totals)[0] ?? {})),
        rows: rows.map((r) => {
          const key = r.key === null || r.key === undefined ? '' : String(r.key);
          return row(key, key ? (n.get(key) ?? key) : '（未指定）', toCounters(r));
        }),
      };
    },
  };
}

/** node-postgres returns { rows }, PGlite returns { rows } too; normalise the driver's result. */
function rowsOf<T>(r: unknown): T[] {
  return ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];
}

export type KpisService = ReturnType<typeof createKpisService>;
