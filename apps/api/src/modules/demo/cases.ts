import type { CaseSource, CreateCase, TransitionRequest } from '@chuangcheng/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '../../db/client';
import { grids, memberships, units, users } from '../../db/schema/index';
import type { Actor, Ctx } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { memberActor } from '../auth/index';
import type { CasesService, PhotosService } from '../cases/index';
import { createRng } from './random';

/** The services the scenario drives (built on a clock the scenario moves). */
export interface DemoCaseServices {
  cases: CasesService;
  photos: PhotosService;
  catalog: {
    listCategories(
      ctx: Ctx,
      q: { fileable?: 'true' | 'false' },
    ): Promise<{ id: string; name: string; conditions: unknown[] }[]>;
  };
}

export interface DemoCasesOptions {
  cityId: string;
  count: number;
  /** The scenario's "now": cases spread over the 14 days before it. */
  now: Date;
  seed?: number;
}

const HOUR = 3_600_000;
/** The campaign classes the seeds talk about most; the scenario prefers them. */
const FAVOURITES = [
  '暴露垃圾',
  '占道经营',
  '乱贴乱画',
  '卫生死角',
  '乱停车',
  '垃圾满溢',
  '餐饮油烟',
  '公厕',
  '病媒',
  '建筑工地',
];
const SOURCES: CaseSource[] = [
  'inspector',
  'grid_worker',
  'grid_worker',
  'hotline',
  'citizen',
  'media',
  'upper',
];

const ctxOf = (actor: Actor): Ctx => ({ actor, meta: { requestId: 'demo', ip: null } });

/**
 * Demo cases made by the real services, not by INSERTs: each case walks its own timeline (report,
 * file, dispatch, accept, rectify, verify, sometimes return, rework, extension or void) with the clock
 * set to each step's time, so routes, deadlines, lights, events and counters are all genuine.
 */
export async function loadDemoCases(
  db: Db,
  services: DemoCaseServices,
  clock: Clock & { set(d: Date): void },
  opts: DemoCasesOptions,
): Promise<{ cases: number }> {
  const rng = createRng(opts.seed ?? 20261123, 'cases');
  const members = await db
    .select({ username: users.username })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.cityId, opts.cityId));
  const actors = new Map<string, Actor>();
  for (const m of members) actors.set(m.username, await memberActor(db, opts.cityId, m.username));
  const actorOf = (username: string): Actor => {
    const a = actors.get(username);
    if (!a) throw new Error(`demo user ${username} missing`);
    return a;
  };
  const people = [...actors.values()];
  const office = actorOf('office');
  const inspector = actorOf('inspector');
  const leader = actorOf('leader');
  const unitNames = new Map(
    (
      await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.cityId, opts.cityId))
    ).map((u) => [u.id, u.name]),
  );
  // Units without a demo login act through a clerk made up for the scenario (named, never a login).
  const unitActor = (unitId: string): Actor =>
    people.find((p) => p.unitId === unitId && p.role === 'unit')
      ? actorOf(people.find((p) => p.unitId === unitId && p.role === 'unit')!.username)
      : {
          id: newId(),
          username: 'demo-clerk',
          displayName: `${unitNames.get(unitId) ?? ''}经办人`,
          role: 'unit',
          cityId: opts.cityId,
          regionId: null,
          regionPath: null,
          unitId,
        };

  const all = await services.catalog.listCategories(ctxOf(office), { fileable: 'true' });
  const favourites = all.filter((c) => FAVOURITES.some((f) => c.name.includes(f)));
  const cells = await db
    .select({
      minLng: grids.minLng,
      minLat: grids.minLat,
      maxLng: grids.maxLng,
      maxLat: grids.maxLat,
      communityId: grids.communityId,
    })
    .from(grids)
    .where(and(eq(grids.cityId, opts.cityId), isNull(grids.validTo)))
    .orderBy(sql`${grids.code}`);
  if (all.length === 0 || cells.length === 0) return { cases: 0 };
  // The grid worker reports in the community they patrol (their scope): its cells, else any.
  const gridRegion = actors.get('grid')?.regionId;
  const patrol = cells.filter((c) => c.communityId === gridRegion);
  // Each photo its own scene (the evidence checks flag a picture reused from another case).
  const photo = (kind: 'before' | 'after') => {
    const shapes = Array.from({ length: 7 }, () => {
      const [x, y, w, h] = [rng.int(560), rng.int(400), 40 + rng.int(200), 30 + rng.int(160)];
      const shade = kind === 'before' ? 60 + rng.int(120) : 140 + rng.int(100);
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="rgb(${shade},${shade - 20},${shade - 40})"/>`;
    }).join('');
    const bg = kind === 'before' ? '#7d8c6e' : '#a9c1a0';
    return sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="${bg}"/>${shapes}</svg>`,
      ),
    )
      .jpeg({ quality: 70 })
      .toBuffer();
  };

  let made = 0;
  const span = 14 * 24 * HOUR;
  for (let i = 0; i < opts.count; i++) {
    let t = opts.now.getTime() - span + Math.floor((span * i) / opts.count) + rng.int(HOUR);
    const at = (dt: number) => {
      t += dt;
      clock.set(new Date(t));
      return t < opts.now.getTime();
    };
    at(0);
    const anyCell = rng.pick(cells);
    const category = rng.float() < 0.7 && favourites.length ? rng.pick(favourites) : rng.pick(all);
    const source = rng.pick(SOURCES);
    const cell = source === 'grid_worker' && patrol.length ? patrol[i % patrol.length]! : anyCell;
    const reporter = source === 'grid_worker' ? actorOf('grid') : source === 'inspector' ? inspector : office;
    const before = await services.photos.upload(ctxOf(reporter), 'before', await photo('before'));
    const input: CreateCase = {
      source,
      categoryId: category.id,
      description: `${category.name}：${rng.pick(['主干道旁', '小区门口', '背街小巷内', '农贸市场周边', '学校附近', '公交站旁'])}发现问题，请尽快处理。`,
      lng: cell.minLng + (cell.maxLng - cell.minLng) * rng.range(0.3, 0.7),
      lat: cell.minLat + (cell.maxLat - cell.minLat) * rng.range(0.3, 0.7),
      owner: 'public',
      photoIds: [before.id],
      selfHandled: false,
      afterPhotoIds: [],
      fileNow: false,
    };
    let c = await services.cases.createCase(ctxOf(reporter), input);
    made++;
    const act = async (actor: Actor, req: Omit<TransitionRequest, 'photoIds'> & { photoIds?: string[] }) => {
      c = await services.cases.transition(ctxOf(actor), c.id, { photoIds: [], ...req });
    };
    const roll = rng.float();
    if (!at(HOUR * rng.range(0.2, 2))) continue;
    if (roll < 0.05) {
      await act(office, { action: 'void', reason: '经核实不属于城市管理问题' });
      continue;
    }
    if (roll < 0.12) continue; // still waiting for 立案
    await act(office, { action: 'file', note: '符合立案条件' });
    if (!at(HOUR * rng.range(0.1, 1.5))) continue;
    await act(office, { action: 'dispatch', note: '按派遣规则派遣' });
    if (!c.leadUnit) continue;
    const unit = unitActor(c.leadUnit.id);
    if (!at(HOUR * rng.range(0.2, 3))) continue;
    if (roll < 0.17) {
      await act(unit, { action: 'return', reason: '不属于本单位职责范围，请重新派遣' });
      continue;
    }
    if (roll < 0.22) continue; // not yet accepted
    await act(unit, { action: 'accept' });
    if (roll < 0.26 && at(HOUR * 2)) {
      await act(unit, {
        action: 'request_extension',
        reason: '需协调产权单位，申请延期',
        deadline: new Date(t + 5 * 24 * HOUR).toISOString(),
      });
      if (at(HOUR)) await act(leader, { action: 'approve_extension', note: '同意延期' });
    }
    // Most units fix within the limit; some are late, some never report back (the sweeper escalates).
    if (roll > 0.9) continue;
    // Time to the deadline in force, scaled: most finish within it, one in four overruns.
    const left = c.disposeDeadline ? Math.max(HOUR, new Date(c.disposeDeadline).getTime() - t) : 24 * HOUR;
    if (!at(left * rng.range(0.2, roll > 0.75 ? 1.8 : 0.95))) continue;
    const after = await services.photos.upload(ctxOf(unit), 'after', await photo('after'));
    await act(unit, { action: 'submit_feedback', note: '已整改完毕', photoIds: [after.id] });
    if (!at(HOUR * rng.range(0.5, 6))) continue;
    if (roll < 0.4) {
      await act(inspector, { action: 'verify_fail', reason: '现场复查仍有残留，请彻底清理' });
      if (!at(HOUR * rng.range(2, 20))) continue;
      const again = await services.photos.upload(ctxOf(unit), 'after', await photo('after'));
      await act(unit, { action: 'submit_feedback', note: '已返工整改', photoIds: [again.id] });
      if (!at(HOUR * rng.range(0.5, 4))) continue;
    }
    await act(inspector, { action: 'verify_pass', note: '现场核查已整改到位' });
  }
  clock.set(opts.now);
  return { cases: made };
}
