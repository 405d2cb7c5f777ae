/**
 * A generated 1000-point standard with N checkpoints (categories → items → checkpoints) and a campaign on
 * it, plus indicator ↔ case links spread over its deduction/count checkpoints — the assessments benchmark's data.
 */
import type { ScoreEntry } from '@chuangcheng/contracts';
import { campaigns, standardNodes, standards } from '../../apps/api/src/db/schema/index';
import { newId } from '../../apps/api/src/platform/ids';
import type { BenchDb } from './bench-db';
import { mulberry32 } from './lattice';

type Rule = 'manual' | 'deduction' | 'threshold' | 'count' | 'veto';
const METRICS = ['on_time_close_rate', 'close_rate', 'on_time_dispose_rate', 'rework_rate'] as const;

export interface GeneratedStandard {
  standardId: string;
  campaignId: string;
  checkpoints: number;
  /** Leaves whose occurrences are linked cases. */
  caseLeafIds: string[];
  manualLeafIds: string[];
  byRule: Record<Rule, number>;
}

/**
 * 10 categories × items of 10 checkpoints; checkpoint rules cycle (deduction 4, manual 3, count 1,
 * threshold 1 on a KPI, and one veto per 100); points split evenly so the tree sums to 1000.
 */
export async function generateStandard(
  b: BenchDb,
  cityId: string,
  checkpoints: number,
  seed: number,
): Promise<GeneratedStandard> {
  const rnd = mulberry32(seed);
  const standardId = newId();
  const campaignId = newId();
  const categories = 10;
  const perItem = 10;
  const items = Math.ceil(checkpoints / perItem);
  const rows: (typeof standardNodes.$inferInsert)[] = [];
  const byRule: Record<Rule, number> = { manual: 0, deduction: 0, threshold: 0, count: 0, veto: 0 };
  const caseLeafIds: string[] = [];
  const manualLeafIds: string[] = [];
  const catIds = Array.from({ length: categories }, () => newId());
  for (const [c, id] of catIds.entries())
    rows.push(node(id, null, `${c + 1}`, `类别 ${c + 1}`, 0, 'manual', {}, 0, c));
  let made = 0;
  for (let i = 0; i < items; i++) {
    const cat = i % categories;
    const itemId = newId();
    const itemCode = `${cat + 1}.${Math.floor(i / categories) + 1}`;
    rows.push(node(itemId, catIds[cat]!, itemCode, `项目 ${itemCode}`, 0, 'manual', {}, 1, i));
    for (let k = 0; k < perItem && made < checkpoints; k++, made++) {
      const id = newId();
      const rule: Rule =
        made % 100 === 99
          ? 'veto'
          : (
              [
                'deduction',
                'manual',
                'deduction',
                'count',
                'manual',
                'deduction',
                'threshold',
                'manual',
                'deduction',
                'deduction',
              ] as const
            )[k]!;
      byRule[rule]++;
      const params =
        rule === 'deduction'
          ? { perOccurrence: 0.5 }
          : rule === 'count'
            ? { perOccurrence: 0.5, allowed: 1 }
            : rule === 'threshold'
              ? { metric: METRICS[Math.floor(rnd() * METRICS.length)]!, target: 90, zeroAt: 60 }
              : {};
      if (rule === 'deduction' || rule === 'count') caseLeafIds.push(id);
      if (rule === 'manual') manualLeafIds.push(id);
      rows.push(
        node(id, itemId, `${itemCode}.${k + 1}`, `考核点 ${itemCode}.${k + 1}`, 0, rule, params, 2, k),
      );
    }
  }
  // Points: 1000 over the scored checkpoints, rolled up into items and categories.
  const scored = rows.filter((r) => r.depth === 2 && r.rule !== 'veto');
  const each = Math.floor((1000 / scored.length) * 100) / 100;
  let rest = Math.round((1000 - each * scored.length) * 100) / 100;
  for (const r of scored) {
    const extra = rest > 0 ? Math.min(rest, 0.01) : 0;
    rest = Math.round((rest - extra) * 100) / 100;
    r.points = Math.round((each + extra) * 100) / 100;
  }
  const sumBy = new Map<string, number>();
  for (const r of rows.filter((x) => x.depth === 2))
    sumBy.set(r.parentId!, (sumBy.get(r.parentId!) ?? 0) + (r.points ?? 0));
  for (const r of rows.filter((x) => x.depth === 1)) r.points = round(sumBy.get(r.id) ?? 0);
  for (const r of rows.filter((x) => x.depth === 1))
    sumBy.set(r.parentId!, (sumBy.get(r.parentId!) ?? 0) + (r.points ?? 0));
  for (const r of rows.filter((x) => x.depth === 0)) r.points = round(sumBy.get(r.id) ?? 0);

  await b.db.insert(standards).values({
    id: standardId,
    cityId,
    code: 'BENCH1000',
    name: `基准测试标准（${checkpoints} 个考核点）`,
    type: 'sanitary',
    totalPoints: 1000,
    passScore: 900,
    basicScore: 750,
  });
  for (let i = 0; i < rows.length; i += 500) {
    await b.db
      .insert(standardNodes)
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, cityId, standardId })));
  }
  await b.db.insert(campaigns).values({
    id: campaignId,
    cityId,
    regionId: cityId,
    standardId,
    name: '基准测试创卫',
    type: 'sanitary',
    passScore: 900,
    basicScore: 750,
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
  });
  return { standardId, campaignId, checkpoints: made, caseLeafIds, manualLeafIds, byRule };
}

const round = (x: number) => Math.round(x * 100) / 100;

function node(
  id: string,
  parentId: string | null,
  code: string,
  title: string,
  points: number,
  rule: Rule,
  params: Record<string, unknown>,
  depth: number,
  sort: number,
): typeof standardNodes.$inferInsert & { cityId: string; standardId: string } {
  return { id, parentId, code, title, points, rule, params, depth, sort, cityId: '', standardId: '' };
}

/** Links every case of the city to one deduction/count checkpoint (spread by a hash of the case id). */
export async function linkAllCases(b: BenchDb, cityId: string, g: GeneratedStandard): Promise<number> {
  await b.raw.query(
    `insert into indicator_cases (city_id, campaign_id, node_id, case_id, created_at)
     select c.city_id, $2::uuid, ($3::uuid[])[1 + abs(hashtext(c.id::text)) % $4::int], c.id, now()
     from cases c where c.city_id = $1::uuid`,
    [cityId, g.campaignId, g.caseLeafIds, g.caseLeafIds.length],
  );
  await b.raw.exec('analyze indicator_cases; analyze cases;');
  const [r] = await b.raw.query<{ n: string }>(
    'select count(*)::text as n from indicator_cases where campaign_id = $1',
    [g.campaignId],
  );
  return Number(r?.n ?? 0);
}

/** An assessor's entries for every manual checkpoint (deterministic scores). */
export function manualEntries(g: GeneratedStandard, pointsOf: ReadonlyMap<string, number>): ScoreEntry[] {
  return g.manualLeafIds.map((nodeId, i) => ({
    nodeId,
    score: round((pointsOf.get(nodeId) ?? 0) * (0.6 + ((i * 7) % 5) / 10)),
    photoIds: [],
  }));
}

/** The baseline: the raw aggregate counting open linked cases per node of the campaign. */
export const RAW_OPEN_LINKED_SQL = `select ic.node_id, count(*) filter (where c.status not in ('closed', 'voided')) as open, count(*) as linked
  from indicator_cases ic join cases c on c.city_id = ic.city_id and c.id = ic.case_id
  where ic.city_id = $1 and ic.campaign_id = $2
  group by ic.node_id`;
