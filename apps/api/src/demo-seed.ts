import { and, count as countRows, desc, eq, sql } from 'drizzle-orm';
import { createServices } from './app';
import type { Config } from './config/config';
import type { Db } from './db/client';
import {
  assessmentRounds,
  cases,
  categories,
  exposures,
  meta,
  rankingBoards,
  regions,
  routingRules,
  units,
} from './db/schema/index';
import { seedDemoRounds } from './modules/assessments/index';
import { memberActor } from './modules/auth/index';
import { seedDemoCampaign } from './modules/campaigns/index';
import {
  DEMO_CITY,
  type DemoLoadOptions,
  type DemoLoadResult,
  loadDemoCases,
  loadDemoCity,
} from './modules/demo/index';
import { hasAnyCity } from './modules/org/index';
import type { Ctx } from './platform/actor';
import { fixedClock } from './platform/clock';

/** Demo cases spread over the last 14 days (each walks the real workflow, so this is kept small). */
export const DEMO_CASES = 60;

/**
 * The demo after the city, in steps. Each step runs in one transaction that also records it as done
 * in `meta` (`demo:<cityId>:<step>`), so a start killed half-way leaves whole steps only and the next
 * start (or `chuangcheng demo`) runs the missing ones; nothing is made twice.
 */
export const DEMO_STEPS = ['catalog', 'cases', 'board', 'campaign'] as const;
export type DemoStep = (typeof DEMO_STEPS)[number];

export interface DemoSeedHooks {
  /** Called inside each step's transaction once its work is done (a throw rolls the step back). */
  afterStep?: (step: DemoStep) => Promise<void> | void;
}

const stepKey = (cityId: string, step: DemoStep | 'complete') => `demo:${cityId}:${step}`;

async function marked(db: Db, cityId: string, step: DemoStep | 'complete'): Promise<boolean> {
  const [row] = await db
    .select({ key: meta.key })
    .from(meta)
    .where(eq(meta.key, stepKey(cityId, step)));
  return Boolean(row);
}

async function mark(db: Db, cityId: string, step: DemoStep | 'complete'): Promise<void> {
  await db
    .insert(meta)
    .values({ key: stepKey(cityId, step), value: new Date().toISOString() })
    .onConflictDoNothing();
}

/** A step counts as done when recorded, or (a demo loaded before steps were recorded) when its rows exist. */
async function stepDone(tx: Db, cityId: string, step: DemoStep): Promise<boolean> {
  if (await marked(tx, cityId, step)) return true;
  const any = async (
    table:
      | typeof categories
      | typeof cases
      | typeof exposures
      | typeof rankingBoards
      | typeof assessmentRounds,
  ) => ((await tx.select({ n: countRows() }).from(table).where(eq(table.cityId, cityId)))[0]?.n ?? 0) > 0;
  switch (step) {
    case 'catalog':
      return (
        (await any(categories)) &&
        (
          await tx
            .select({ id: routingRules.id })
            .from(routingRules)
            .where(eq(routingRules.cityId, cityId))
            .limit(1)
        ).length > 0
      );
    case 'cases':
      return any(cases);
    case 'board':
      return (await any(exposures)) || (await any(rankingBoards));
    case 'campaign':
      return any(assessmentRounds);
  }
}

/**
 * The closed loop's demo data for a freshly loaded demo city: the default catalogue, two routing
 * rules that show a rule beating the category department, and cases made by the real services on a
 * clock the scenario moves, then one sweep so lights and escalations are current; then the sample
 * standards, a demo campaign and three assessment rounds. Steps already done are skipped.
 */
export async function seedDemoLoop(
  db: Db,
  config: Config,
  cityId: string,
  now: Date,
  count = DEMO_CASES,
  hooks: DemoSeedHooks = {},
): Promise<{ cases: number; steps: DemoStep[] }> {
  let made = 0;
  const ran: DemoStep[] = [];
  for (const step of DEMO_STEPS) {
    await db.transaction(async (tx) => {
      // Two servers starting on one PostgreSQL database: the second waits, then finds the step done.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('chuangcheng:demo'))`);
      if (await stepDone(tx, cityId, step)) return;
      const clock = fixedClock(now);
      // The services run on the step's transaction (theirs become savepoints): all or nothing.
      const services = createServices({ db: tx, clock, config });
      const ctx: Ctx = {
        actor: await memberActor(tx, cityId, 'office'),
        meta: { requestId: 'demo', ip: null },
      };
      if (step === 'catalog') await seedDemoCatalog(tx, services, ctx, cityId);
      if (step === 'cases') {
        made = (await loadDemoCases(tx, services, clock, { cityId, count, now })).cases;
        await services.sweeper.sweep();
      }
      if (step === 'board') await seedDemoBoard(tx, services, ctx, cityId, now);
      if (step === 'campaign') {
        const { campaignId } = await seedDemoCampaign({ campaigns: services.campaigns, cityId, now });
        await seedDemoRounds({ db: tx, assessments: services.assessments, ctx, campaignId, now });
      }
      await hooks.afterStep?.(step);
      await mark(tx, cityId, step);
      ran.push(step);
    });
  }
  return { cases: made, steps: ran };
}

export interface EnsureDemoOptions
  extends Pick<DemoLoadOptions, 'grids' | 'seed' | 'password' | 'audit' | 'onProgress'> {
  now: Date;
  /** Demo cases to make (DEMO_CASES by default). */
  cases?: number;
  /**
   * Start-up loads the demo only into an empty database (and finishes an interrupted one); the
   * `demo` command loads it next to other cities too, and refuses when it is already complete.
   */
  onlyIntoEmpty: boolean;
  hooks?: DemoSeedHooks;
}

export interface EnsureDemoResult {
  /** The city as loaded now; null when an interrupted demo was finished. */
  loaded: DemoLoadResult | null;
  cityId: string;
  cases: number;
  steps: DemoStep[];
}

/**
 * Loads the demo city and its data, or finishes a demo whose loading was interrupted (a kill during
 * the first start): the city is one transaction, then each step of `seedDemoLoop` is one; the demo is
 * recorded complete (`demo:<cityId>:complete`) when every step is done. Null when nothing was to do.
 */
export async function ensureDemo(
  db: Db,
  config: Config,
  opts: EnsureDemoOptions,
): Promise<EnsureDemoResult | null> {
  const [existing] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(and(eq(regions.code, DEMO_CITY.code), eq(regions.level, 'city')));
  let loaded: DemoLoadResult | null = null;
  if (existing && (await marked(db, existing.id, 'complete'))) {
    if (opts.onlyIntoEmpty) return null;
    await loadDemoCity(db, opts); // refuses: the demo city exists
  }
  if (!existing) {
    if (opts.onlyIntoEmpty && (await hasAnyCity(db))) return null;
    loaded = await loadDemoCity(db, opts);
  }
  const cityId = existing?.id ?? loaded!.cityId;
  const r = await seedDemoLoop(db, config, cityId, opts.now, opts.cases ?? DEMO_CASES, opts.hooks);
  await mark(db, cityId, 'complete');
  return { loaded, cityId, ...r };
}

/** The default catalogue and two routing rules (each made once: a rule is matched by its name). */
async function seedDemoCatalog(
  tx: Db,
  services: ReturnType<typeof createServices>,
  ctx: Ctx,
  cityId: string,
): Promise<void> {
  const [hasCatalog] = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.cityId, cityId))
    .limit(1);
  if (!hasCatalog) await services.catalog.loadDefaultCatalog(tx, cityId);
  const existingRules = new Set(
    (
      await tx.select({ name: routingRules.name }).from(routingRules).where(eq(routingRules.cityId, cityId))
    ).map((r) => r.name),
  );
  const unitByName = async (name: string) =>
    (
      await tx
        .select()
        .from(units)
        .where(and(eq(units.cityId, cityId), eq(units.name, name)))
    )[0];
  const catByName = async (name: string) =>
    (
      await tx
        .select()
        .from(categories)
        .where(and(eq(categories.cityId, cityId), eq(categories.name, name)))
    )[0];
  const [district] = await tx
    .select()
    .from(regions)
    .where(and(eq(regions.cityId, cityId), eq(regions.level, 'district')))
    .orderBy(regions.code)
    .limit(1);
  const market = await unitByName('市场监管局');
  const cityAdmin = await unitByName('城管局');
  const stalls = await catByName('占道经营');
  const garbage = await catByName('暴露垃圾');
  const stallsRule = district ? `${district.name}占道经营由城管局主办、市场监管局协办` : '';
  if (district && market && cityAdmin && stalls && !existingRules.has(stallsRule)) {
    await services.catalog.createRule(ctx, {
      priority: 10,
      name: stallsRule,
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
  const garbageRule = '媒体曝光的暴露垃圾：城管局 4 紧急工作时内处置';
  if (garbage && cityAdmin && !existingRules.has(garbageRule)) {
    await services.catalog.createRule(ctx, {
      priority: 20,
      name: garbageRule,
      enabled: true,
      categoryIds: [garbage.id],
      sources: ['media'],
      owners: [],
      leadUnitId: cityAdmin.id,
      coUnitIds: [],
      limits: { dispose: { value: 4, unit: 'urgent_hours' } },
    });
  }
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
