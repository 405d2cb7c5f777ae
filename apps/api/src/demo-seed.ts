import { and, desc, eq } from 'drizzle-orm';
import { createServices } from './app';
import type { Config } from './config/config';
import type { Db } from './db/client';
import { cases, categories, regions, units, users } from './db/schema/index';
import { seedDemoRounds } from './modules/assessments/index';
import { seedDemoCampaign } from './modules/campaigns/index';
import { loadDemoCases } from './modules/demo/index';
import type { Ctx } from './platform/actor';
import { fixedClock } from './platform/clock';

/** Demo cases spread over the last 14 days (each walks the real workflow, so this is kept small). */
export const DEMO_CASES = 60;

/**
 * The closed loop's demo data for a freshly loaded demo city: the default catalogue, two routing
 * rules that show a rule beating the category department, and cases made by the real services on a
 * clock the scenario moves, then one sweep so lights and escalations are current; then the sample
 * standards, a demo campaign and three assessment rounds.
 */
export async function seedDemoLoop(
  db: Db,
  config: Config,
  cityId: string,
  now: Date,
  count = DEMO_CASES,
): Promise<{ cases: number }> {
  const clock = fixedClock(now);
  const services = createServices({ db, clock, config });
  await db.transaction((tx) => services.catalog.loadDefaultCatalog(tx, cityId));
  const [office] = await db
    .select()
    .from(users)
    .where(and(eq(users.cityId, cityId), eq(users.username, 'office')));
  if (!office) return { cases: 0 };
  const ctx: Ctx = {
    actor: { ...office, regionPath: null },
    meta: { requestId: 'demo', ip: null },
  };
  const unitByName = async (name: string) =>
    (
      await db
        .select()
        .from(units)
        .where(and(eq(units.cityId, cityId), eq(units.name, name)))
    )[0];
  const catByName = async (name: string) =>
    (
      await db
        .select()
        .from(categories)
        .where(and(eq(categories.cityId, cityId), eq(categories.name, name)))
    )[0];
  const [district] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.cityId, cityId), eq(regions.level, 'district')))
    .orderBy(regions.code)
    .limit(1);
  const market = await unitByName('市场监管局');
  const cityAdmin = await unitByName('城管局');
  const stalls = await catByName('占道经营');
  const garbage = await catByName('暴露垃圾');
  if (district && market && cityAdmin && stalls) {
    await services.catalog.createRule(ctx, {
      priority: 10,
      name: `${district.name}占道经营由城管局主办、市场监管局协办`,
      enabled: true,
      categoryIds: [stalls.id],
      regionId: district.id,
      sources: [],
      owners: [],
      leadUnitId: cityAdmin.id,
      coUnitIds: [market.id],
      limits: { accept: { value: 1, unit: 'work_hours' } },
    });
  }
  if (garbage && cityAdmin) {
    await services.catalog.createRule(ctx, {
      priority: 20,
      name: '媒体曝光的暴露垃圾：城管局 4 紧急工作时内处置',
      enabled: true,
      categoryIds: [garbage.id],
      sources: ['media'],
      owners: [],
      leadUnitId: cityAdmin.id,
      coUnitIds: [],
      limits: { dispose: { value: 4, unit: 'urgent_hours' } },
    });
  }
  const made = await loadDemoCases(db, services, clock, { cityId, count, now });
  await services.sweeper.sweep();
  await seedDemoBoard(db, services, ctx, cityId, now);
  // The campaign side: sample standards, a 创卫 campaign with its 任务分解表 (issue 5).
  const { campaignId } = await seedDemoCampaign({ campaigns: services.campaigns, cityId, now });
  await seedDemoRounds({ db, assessments: services.assessments, ctx, campaignId, now });
  return made;
}

/** The public side's demo: two closed cases on the 曝光台 and a published 红黑榜 of the last 14 days. */
async function seedDemoBoard(
  db: Db,
  services: ReturnType<typeof createServices>,
  ctx: Ctx,
  cityId: string,
  now: Date,
): Promise<void> {
  const closed = await db
    .select({ id: cases.id, categoryName: cases.categoryName })
    .from(cases)
    .where(and(eq(cases.cityId, cityId), eq(cases.status, 'closed')))
    .orderBy(desc(cases.closedAt))
    .limit(2);
  for (const c of closed) {
    await services.exposure.publish(ctx, {
      caseId: c.id,
      title: `${c.categoryName}问题已整改到位`,
      comment: '群众反映、限时整改、复查销号，欢迎继续监督。',
    });
  }
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const period = { from: day(now.getTime() - 14 * 86_400_000), to: day(now.getTime()), k: 3, minCases: 1 };
  const preview = await services.exposure.preview(ctx, period);
  if (preview.red.length + preview.black.length === 0) return;
  const board = await services.exposure.createBoard(ctx, {
    ...period,
    title: '近两周责任单位红黑榜（演示）',
  });
  await services.exposure.publishBoard(ctx, board.id);
}
