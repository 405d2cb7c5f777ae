import { and, eq, isNull } from 'drizzle-orm';
import type { Session, TestApp } from '../../../test/app';
import type { Db } from '../../db/client';
import { campaigns, campaignTasks, grids, standardNodes, standards, units } from '../../db/schema/index';
import { newId } from '../../platform/ids';

/** One node of a test standard: parent by code, rule and params as the standards table holds them. */
export interface TestNode {
  code: string;
  parent?: string;
  title: string;
  points: number;
  rule?: 'manual' | 'deduction' | 'threshold' | 'count' | 'exposure' | 'veto';
  params?: Record<string, unknown>;
  /** Required documents of the archive (台账). */
  evidence?: { title: string; periodicity: string }[];
}

/**
 * A 100-point standard (pass 90 / basic 75): manual, deduction, two metric thresholds (one without a
 * data source), a count rule two levels down and a veto.
 */
export const SMALL_STANDARD: readonly TestNode[] = [
  { code: '1', title: '市容环境', points: 40 },
  { code: '1.1', parent: '1', title: '道路保洁', points: 20 },
  {
    code: '1.2',
    parent: '1',
    title: '占道经营',
    points: 20,
    rule: 'deduction',
    params: { perOccurrence: 5, cap: 20 },
  },
  { code: '2', title: '社会监督', points: 30 },
  {
    code: '2.1',
    parent: '2',
    title: '按期结案率',
    points: 15,
    rule: 'threshold',
    params: { metric: 'on_time_close_rate', target: 90, zeroAt: 50 },
  },
  {
    code: '2.2',
    parent: '2',
    title: '群众满意率',
    points: 15,
    rule: 'threshold',
    params: { metric: 'satisfaction_rate', target: 90 },
  },
  { code: '3', title: '病媒生物防制', points: 30 },
  { code: '3.1', parent: '3', title: '鼠类', points: 30 },
  {
    code: '3.1.1',
    parent: '3.1',
    title: '鼠迹',
    points: 10,
    rule: 'count',
    params: { perOccurrence: 2, allowed: 1 },
  },
  { code: '3.1.2', parent: '3.1', title: '防鼠设施', points: 20 },
  { code: 'V', title: '必备条件', points: 0 },
  { code: 'V.1', parent: 'V', title: '近三年未发生重大传染病疫情', points: 0, rule: 'veto' },
];

/** Writes a standard and a campaign on it straight into the tables (the campaigns module's job in the app). */
export async function insertCampaign(
  db: Db,
  cityId: string,
  opts: {
    nodes?: readonly TestNode[];
    leads?: Record<string, string>;
    name?: string;
    passScore?: number;
    basicScore?: number;
    totalPoints?: number;
  } = {},
): Promise<{ campaignId: string; standardId: string; nodeIds: Map<string, string> }> {
  const nodes = opts.nodes ?? SMALL_STANDARD;
  const standardId = newId();
  const campaignId = newId();
  const nodeIds = new Map(nodes.map((n) => [n.code, newId()]));
  const depth = (n: TestNode): number => (n.parent ? 1 + depth(nodes.find((x) => x.code === n.parent)!) : 0);
  await db.insert(standards).values({
    id: standardId,
    cityId,
    code: `T${standardId.slice(-6)}`,
    name: '测试标准',
    type: 'sanitary',
    totalPoints: opts.totalPoints ?? 100,
    passScore: opts.passScore ?? 90,
    basicScore: opts.basicScore ?? 75,
  });
  for (let i = 0; i < nodes.length; i += 500) {
    await db.insert(standardNodes).values(
      nodes.slice(i, i + 500).map((n, j) => ({
        id: nodeIds.get(n.code)!,
        cityId,
        standardId,
        parentId: n.parent ? nodeIds.get(n.parent)! : null,
        code: n.code,
        title: n.title,
        points: n.points,
        rule: n.rule ?? 'manual',
        params: n.params ?? {},
        evidence: n.evidence ?? [],
        depth: depth(n),
        sort: i + j,
      })),
    );
  }
  await db.insert(campaigns).values({
    id: campaignId,
    cityId,
    regionId: cityId,
    standardId,
    name: opts.name ?? '测试创卫',
    type: 'sanitary',
    passScore: opts.passScore ?? 90,
    basicScore: opts.basicScore ?? 75,
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    milestones: [{ title: '省级技术评估', date: '2026-12-15', kind: 'tech_assessment' }],
  });
  const unitRows = await db.select().from(units).where(eq(units.cityId, cityId));
  for (const [code, unitName] of Object.entries(opts.leads ?? {})) {
    const u = unitRows.find((x) => x.name === unitName);
    if (!u) throw new Error(`no unit ${unitName}`);
    await db.insert(campaignTasks).values({
      id: newId(),
      cityId,
      campaignId,
      nodeId: nodeIds.get(code)!,
      leadUnitId: u.id,
    });
  }
  return { campaignId, standardId, nodeIds };
}

/** The centre of the city's first grid (a point every case can be filed at). */
export async function gridPoint(db: Db, cityId: string): Promise<{ lng: number; lat: number }> {
  const [g] = await db
    .select()
    .from(grids)
    .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)))
    .orderBy(grids.code)
    .limit(1);
  return { lng: (g!.minLng + g!.maxLng) / 2, lat: (g!.minLat + g!.maxLat) / 2 };
}

/** Registers a case as the inspector through the API; returns its id. */
export async function fileCase(
  t: TestApp,
  session: Session,
  body: { categoryId: string; lng: number; lat: number; description?: string },
): Promise<string> {
  const r = await t.call('POST', '/api/cases', {
    session,
    body: { source: 'inspector', description: '人行道上有流动摊贩占道经营', ...body },
  });
  if (r.status !== 201) throw new Error(`case: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}
