/**
 * The case list and the KPI query at scale: the services (`listCases`, `kpis`) against the equivalent
 * SQL written by hand and sent through the driver on the same connection pool, interleaved per round.
 */
import { KPI_COUNTERS, type KpiDimension, OPEN_CASE_STATUSES } from '@chuangcheng/contracts';
import type { BenchCity, BenchDb } from './bench-db';
import { median } from './report';

export interface QueryCase {
  name: string;
  service: () => Promise<number>;
  raw: () => Promise<number>;
}

export interface QueryResult {
  name: string;
  serviceMs: number;
  rawMs: number;
  ratio: number;
  /** The answer both sides agree on (rows counted or summed), or a mismatch note. */
  answer: string;
}

const DAY = 86_400_000;
/** The city's local date (Asia/Shanghai) of an instant, as the API's date filters take it. */
const cityDate = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
const snake = (k: string) => `n_${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
const SUMS = KPI_COUNTERS.map((k) => `coalesce(sum(${snake(k)}), 0)::bigint as "${k}"`).join(', ');
const WINDOW = `created_at >= ($2::date - interval '8 hours') and created_at < ($3::date - interval '8 hours' + interval '1 day')`;

/** The filter values: the busiest street and the unit with the most overdue cases. */
export async function pickTargets(b: BenchDb, now: Date) {
  const [street] = await b.raw.query<{ id: string; n: number }>(
    'select street_id as id, count(*)::int as n from cases where street_id is not null group by 1 order by 2 desc limit 1',
  );
  const [unit] = await b.raw.query<{ id: string; n: number }>(
    `select lead_unit_id as id, count(*)::int as n from cases
      where status in ('dispatched', 'in_progress') and dispose_deadline < $1 and lead_unit_id is not null
      group by 1 order by 2 desc limit 1`,
    [now],
  );
  return { streetId: street?.id ?? null, unitId: unit?.id ?? null };
}

export function queryCases(
  b: BenchDb,
  city: BenchCity,
  now: Date,
  t: { streetId: string | null; unitId: string | null },
) {
  const { cases, kpis } = city.services;
  const ctx = city.office;
  const from90 = cityDate(now.getTime() - 90 * DAY);
  const fromYear = cityDate(now.getTime() - 365 * DAY);
  const to = cityDate(now.getTime());
  const open = [...OPEN_CASE_STATUSES];
  const page = (extra: Record<string, unknown>) =>
    ({ page: 1, pageSize: 20, sort: '-createdAt', ...extra }) as never;
  const listRaw = async (where: string, params: unknown[], order = 'created_at desc, id desc') => {
    const [rows, [c]] = await Promise.all([
      b.raw.query(`select * from cases where ${where} order by ${order} limit 20 offset 0`, params),
      b.raw.query<{ n: number }>(`select count(*)::int as n from cases where ${where}`, params),
    ]);
    if (rows.length > 20) throw new Error('page too long');
    return c?.n ?? 0;
  };
  const kpiRaw = async (group: string) => {
    const where = `city_id = $1 and ${WINDOW}`;
    const params = [city.cityId, fromYear, to];
    const [rows, [total]] = await Promise.all([
      b.raw.query(`select ${group} as key, ${SUMS} from cases where ${where} group by 1 order by 1`, params),
      b.raw.query<Record<string, string>>(`select ${SUMS} from cases where ${where}`, params),
    ]);
    return rows.length * 1e9 + Number(total?.reported ?? 0);
  };
  /**
   * The unit table from the stage rows as one hand-written statement: each unit's 主办 stages of the
   * window's cases (received cases, dispatches, returns, fed back, overdue), every unit of the city listed.
   */
  const unitRaw = async () => {
    const [r] = await b.raw.query<{ n: number; reported: number }>(
      `with fc as (select city_id, id from cases where city_id = $1 and ${WINDOW}),
        s as (select st.*, (st.deadline is not null and coalesce(st.ended_at, $4) > st.deadline) as od
          from case_stages st join fc on st.city_id = fc.city_id and st.case_id = fc.id
          where st.kind = 'dispose' and st.started_at <= $4),
        g as (select unit_id, count(distinct case_id) filter (where role = 'lead') as reported,
            count(*) filter (where role = 'lead' and started_by = 'dispatch') as dispatches,
            count(*) filter (where role = 'lead' and outcome = 'returned') as returns,
            count(*) filter (where role = 'lead' and (outcome = 'fed_back' or od)) as need_dispose,
            count(*) filter (where role = 'lead' and outcome = 'fed_back' and not od) as on_time
          from s group by 1)
      select (select count(*) from units where city_id = $1)::int as n,
        coalesce((select sum(reported) from g), 0)::int as reported`,
      [city.cityId, fromYear, to, now],
    );
    return (r?.n ?? 0) * 1e9 + (r?.reported ?? 0);
  };
  const kpiService = async (dimension: KpiDimension) => {
    const r = await kpis.kpis(ctx, { dimension, from: fromYear, to });
    return r.rows.length * 1e9 + r.total.counters.reported;
  };
  const list: QueryCase[] = [
    {
      name: `list: open statuses + one street + last 90 days, page 1 of 20, -createdAt`,
      service: async () =>
        (await cases.listCases(ctx, page({ status: open, regionId: t.streetId, from: from90, to }))).total,
      raw: () =>
        listRaw(
          `city_id = $1 and ${WINDOW} and status = any($4) and (district_id = $5 or street_id = $5 or community_id = $5)`,
          [city.cityId, from90, to, open, t.streetId],
        ),
    },
    {
      name: 'list: queue=overdue for one unit, page 1',
      service: async () => (await cases.listCases(ctx, page({ queue: 'overdue', unitId: t.unitId }))).total,
      raw: () =>
        listRaw(
          `city_id = $1 and lead_unit_id = $2 and status in ('dispatched', 'in_progress') and dispose_deadline < $3`,
          [city.cityId, t.unitId, now],
        ),
    },
    {
      name: 'list: no filter (landing page), page 1',
      service: async () => (await cases.listCases(ctx, page({}))).total,
      raw: () => listRaw('city_id = $1', [city.cityId]),
    },
    {
      name: 'kpis: dimension=unit, one year',
      service: () => kpiService('unit'),
      raw: unitRaw,
    },
    {
      name: 'kpis: dimension=month, one year',
      service: () => kpiService('month'),
      raw: () => kpiRaw(`to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM')`),
    },
  ];
  return list;
}

/** Warm-up twice, then `rounds` rounds alternating which side goes first; medians and median ratio. */
export async function runQueries(list: QueryCase[], rounds: number): Promise<QueryResult[]> {
  const out: QueryResult[] = [];
  for (const q of list) {
    const answers = new Set<number>();
    for (let i = 0; i < 2; i++) {
      answers.add(await q.service());
      answers.add(await q.raw());
    }
    const s: number[] = [];
    const r: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const runS = async () => {
        const t0 = performance.now();
        answers.add(await q.service());
        s.push(performance.now() - t0);
      };
      const runR = async () => {
        const t0 = performance.now();
        answers.add(await q.raw());
        r.push(performance.now() - t0);
      };
      if (i % 2 === 0) {
        await runS();
        await runR();
      } else {
        await runR();
        await runS();
      }
      ratios.push(s.at(-1)! / r.at(-1)!);
    }
    const [a] = [...answers];
    const answer =
      answers.size !== 1
        ? `MISMATCH: ${[...answers].join(' / ')}`
        : a! >= 1e9
          ? `${Math.floor(a! / 1e9)} groups, ${a! % 1e9} cases`
          : `${a} cases`;
    out.push({ name: q.name, serviceMs: median(s), rawMs: median(r), ratio: median(ratios), answer });
    console.error(
      `  ${q.name}: service ${median(s).toFixed(1)} ms, raw ${median(r).toFixed(1)} ms, ${answer}`,
    );
  }
  return out;
}
