import type { Role } from '@chuangcheng/contracts';
import { and, count, eq, isNull, like, ne } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  accountabilityRecords,
  auditLog,
  blocks,
  cases,
  grids,
  jobs,
  notifications,
  people,
  rankingBoards,
  rectlists,
  regions,
  revisits,
  units,
} from '../src/db/schema/index';
import { roleAllowed } from '../src/platform/access';
import { systemCtx } from '../src/platform/actor';
import { newId } from '../src/platform/ids';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from './app';
import { seedCampaign } from './evidence-helpers';
import { withDemoCity } from './fixtures';

/**
 * The object-scope world: the demo city (district A, district B, units U1 = 城管局 and U2 = 住建局) and a
 * small second city, each with cases, photos, 督办单, a campaign with a round and evidence, an exposure,
 * a ranking board, a revisit, saved views and notifications; and the scoped actors whose requests the
 * scope matrix sends at the objects they must not reach.
 *
 * Axes: 'district' = an object of district B (for actors scoped to district A), 'unit' = an object of
 * unit U2 (for the unit user of U1), 'city' = an object of the second city (for everyone, including an
 * account of the first city created without region or unit).
 */
export type Axis = 'district' | 'unit' | 'city';

export interface Targets {
  region?: string;
  regionCode?: string;
  regionName?: string;
  /** A street of the region with nothing in it (deletable). */
  regionLeaf?: string;
  community?: string;
  communityCode?: string;
  unit?: string;
  unitName?: string;
  /** A unit nothing refers to (deletable). */
  unitLeaf?: string;
  /** The unit of `person`. */
  personUnit?: string;
  personName?: string;
  blockCode?: string;
  /** A closed case (sampled by 回头看). */
  closedCase?: string;
  person?: string;
  grid?: string;
  gridCode?: string;
  block?: string;
  category?: string;
  catalogVersion?: string;
  routingRule?: string;
  case?: string;
  /** The case's description (numbers repeat across cities; the text does not). */
  caseText?: string;
  photo?: string;
  supervisionOrder?: string;
  savedView?: string;
  notification?: string;
  revisit?: string;
  revisitBatch?: string;
  exposure?: string;
  rankingBoard?: string;
  standard?: string;
  node?: string;
  campaign?: string;
  campaignNode?: string;
  round?: string;
  evidence?: string;
  indicatorLink?: string;
  apiKey?: string;
  /** A background job run started by someone of the other side. */
  job?: string;
  /** A 问责 register entry (its text is unique in the world), its unit's name, the unit. */
  accountability?: string;
  accountabilityText?: string;
  accountabilityUnit?: string;
  accountabilityUnitName?: string;
  /** A 问责情形 of the lists (the city's: a district office may not edit them). */
  accountabilityKind?: string;
  /** A department of the other side with supervised categories (行业主管). */
  tradeUnit?: string;
  /** A 整改清单 batch (uploaded within the other side's district or city) and its unique title. */
  rectlist?: string;
  rectlistTitle?: string;
  user?: string;
  /** A point inside the target's territory (for intake and map/duplicate reads). */
  point?: { lng: number; lat: number };
}

export interface ScopeActor {
  name: string;
  role: Role;
  session: Session;
  axes: Axis[];
}

export interface ScopeWorld {
  t: TestApp;
  city1: string;
  city2: string;
  districtA: { id: string; path: string };
  districtB: { id: string; path: string };
  actors: ScopeActor[];
  /** Objects out of reach, by axis. */
  out: Record<Axis, Targets>;
  /** Objects inside district A / unit U1 (a valid body sometimes needs one: the other side of a link). */
  own: {
    case: string;
    point: { lng: number; lat: number };
    category: string;
    unit: string;
    node: string;
    campaign: string;
    standard: string;
    /** A grid, a unit and a routing rule of district A (moved towards district B by the matrix). */
    grid: string;
    unitA: string;
    rule: string;
  };
}

async function jpeg(seed: number) {
  return sharp({ create: { width: 48, height: 32, channels: 3, background: { r: seed * 17, g: 80, b: 40 } } })
    .jpeg()
    .toBuffer();
}

/** Creates an account (with its city's membership) and logs in. */
async function account(
  t: TestApp,
  username: string,
  role: Role,
  scope: { cityId?: string; regionId?: string; unitId?: string },
): Promise<Session> {
  await t.services.auth.createUser(systemCtx(), {
    username,
    displayName: username,
    role,
    password: TEST_PASSWORD,
    ...scope,
  });
  return t.login(username);
}

function ok<T = any>(r: { status: number; body: any }, what: string): T {
  if (r.status >= 300) throw new Error(`scope world: ${what} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

const squareAt = (lng: number, lat: number, d = 0.004) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng - d, lat - d],
      [lng + d, lat - d],
      [lng + d, lat + d],
      [lng - d, lat + d],
      [lng - d, lat - d],
    ],
  ],
});

export async function buildScopeWorld(): Promise<ScopeWorld> {
  const started = Date.now();
  const mark = (what: string) => {
    if (process.env.SCOPE_WORLD_TIMING) console.log(`scope world: ${what} at ${Date.now() - started} ms`);
  };
  const t = await createTestApp();
  mark('app');
  const { cityId: city1 } = await withDemoCity(t, 60);
  mark('demo city');
  await t.services.catalog.loadDefaultCatalog(t.db, city1);
  const ds = await t.db
    .select()
    .from(regions)
    .where(and(eq(regions.cityId, city1), eq(regions.level, 'district')))
    .orderBy(regions.code);
  const districtA = ds[0]!;
  const districtB = ds[1]!;
  const [u1] = await t.db
    .select()
    .from(units)
    .where(and(eq(units.cityId, city1), eq(units.name, '城管局')));
  const [u2] = await t.db
    .select()
    .from(units)
    .where(and(eq(units.cityId, city1), eq(units.name, '住建局')));
  const U1 = u1!.id;
  const U2 = u2!.id;

  // Builders (not actors of the matrix): a city-wide office, inspector and the unit users.
  const builder1 = await account(t, 'sw_builder1', 'office', { cityId: city1 });
  const unit2Builder = await account(t, 'sw_unit2b', 'unit', { unitId: U2 });

  mark('builders');
  // ---- the second city (the admin creates its root; its own office builds the rest) ----
  const admin = await t.login('admin');
  const c2 = ok(
    await t.call('POST', '/api/regions', {
      session: admin,
      body: { parentId: null, code: '980100', name: '第二市', level: 'city' },
    }),
    'second city',
  );
  const city2: string = c2.id;
  const builder2 = await account(t, 'sw_builder2', 'office', { cityId: city2 });
  const post = async (s: Session, path: string, body: unknown, what = path) =>
    ok(await t.call('POST', path, { session: s, body }), what);
  const d2 = await post(builder2, '/api/regions', {
    parentId: city2,
    code: '980102',
    name: '二市城区',
    level: 'district',
  });
  const s2 = await post(builder2, '/api/regions', {
    parentId: d2.id,
    code: '980102001',
    name: '二市街道',
    level: 'street',
  });
  const cm2 = await post(builder2, '/api/regions', {
    parentId: s2.id,
    code: '980102001001',
    name: '二市社区',
    level: 'community',
  });
  const unit3 = await post(builder2, '/api/units', { code: 'C2CG', name: '二市城管局', kind: 'department' });
  const person3 = await post(builder2, '/api/people', {
    name: '二市张三',
    unitId: unit3.id,
    phone: '13900001111',
  });
  const p2 = { lng: 121.5, lat: 31.2 };
  const grid3 = await post(builder2, '/api/grids', {
    code: '98010200100101',
    name: '二市网格',
    communityId: cm2.id,
    leadUnitId: unit3.id,
    geometry: squareAt(p2.lng, p2.lat),
  });
  const block3 = await post(builder2, '/api/blocks', {
    code: 'C2B1',
    name: '二市区块',
    leadUnitId: unit3.id,
    gridCodes: [grid3.code],
  });
  await t.services.catalog.loadDefaultCatalog(t.db, city2);
  const leaf3 = await post(builder2, '/api/regions', {
    parentId: d2.id,
    code: '980102009',
    name: '二市空街道',
    level: 'street',
  });
  const unitLeaf3 = await post(builder2, '/api/units', {
    code: 'C2LEAF',
    name: '二市空单位',
    kind: 'department',
  });
  const leafB = await post(builder1, '/api/regions', {
    parentId: districtB.id,
    code: `${districtB.code}998`,
    name: '乙区空街道',
    level: 'street',
  });
  const [communityB] = await t.db
    .select()
    .from(regions)
    .where(and(like(regions.path, `${districtB.path}%`), eq(regions.level, 'community')))
    .orderBy(regions.code)
    .limit(1);
  // A 责任区块 whose grids all lie in district B.
  const blockRows = await t.db
    .select({ id: blocks.id, code: blocks.code, path: regions.path })
    .from(blocks)
    .innerJoin(grids, and(eq(grids.blockId, blocks.id), isNull(grids.validTo)))
    .innerJoin(regions, eq(regions.id, grids.communityId))
    .where(eq(blocks.cityId, city1));
  const byBlock = new Map<string, { code: string; paths: string[] }>();
  for (const r of blockRows) {
    const e = byBlock.get(r.id) ?? { code: r.code, paths: [] };
    e.paths.push(r.path);
    byBlock.set(r.id, e);
  }
  const blockB = [...byBlock].find(([, e]) => e.paths.every((x) => x.startsWith(districtB.path)));
  const unit2User = await account(t, 'sw_unit3', 'unit', { unitId: unit3.id });

  // 行业主管, an explicit rule of the scope: U1 (city-wide) supervises 占道经营, so the unit user of U1
  // reads every 占道经营 case of its city, whoever handles it — never one of another trade (U2's caseB,
  // the 'unit' axis) nor the second city's 占道经营 case of the same kind and code (the 'city' axis).
  // U2 and the second city's unit have trades of their own (the configuration is read per city / unit).
  const supervise = async (unitId: string, categoryIds: string[]) =>
    t.services.catalog.trades.putUnitTrades(systemCtx(), unitId, { categoryIds });

  mark('city2');
  // ---- cases ----
  const category = async (s: Session, q: string, dept?: string) => {
    const cats = ok<any[]>(
      await t.call('GET', `/api/catalog/categories?fileable=true&q=${encodeURIComponent(q)}`, { session: s }),
      'categories',
    );
    const c = dept ? cats.find((x) => x.department?.name === dept) : cats[0];
    if (!c) throw new Error(`scope world: no category ${q} ${dept ?? ''}`);
    return c.id as string;
  };
  const catU1 = await category(builder1, '占道经营', '城管局');
  const allCats = ok<any[]>(
    await t.call('GET', '/api/catalog/categories?fileable=true', { session: builder1 }),
    'cats',
  );
  const catU2 = allCats.find((c) => c.department?.name === '住建局')?.id as string;
  const cat3 = await category(builder2, '占道经营');
  const catVersion3 = ok<any[]>(
    await t.call('GET', '/api/catalog/versions', { session: builder2 }),
    'versions',
  )[0].id as string;
  await supervise(U1, [catU1]);
  await supervise(U2, [catU2]);
  await supervise(unit3.id, [cat3]);

  const gridIn = async (d: { path: string }) => {
    const [g] = await t.db
      .select()
      .from(grids)
      .innerJoin(regions, eq(regions.id, grids.communityId))
      .where(and(like(regions.path, `${d.path}%`), isNull(grids.validTo)))
      .orderBy(grids.code)
      .limit(1);
    return g!.grids;
  };
  const gA = await gridIn(districtA);
  const gB = await gridIn(districtB);
  const centre = (g: { minLng: number; maxLng: number; minLat: number; maxLat: number }) => ({
    lng: (g.minLng + g.maxLng) / 2,
    lat: (g.minLat + g.maxLat) / 2,
  });
  const pA = centre(gA);
  const pB = centre(gB);

  let seed = 1;
  const photo = async (s: Session, kind: 'before' | 'after' | 'other' = 'before') => {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', new File([new Uint8Array(await jpeg(seed++))], 'p.jpg', { type: 'image/jpeg' }));
    return ok(await t.call('POST', '/api/photos', { body: form, session: s }), 'photo').id as string;
  };
  const act = async (s: Session, id: string, body: Record<string, unknown>) =>
    post(s, `/api/cases/${id}/transitions`, body, `transition ${body.action}`);
  const newCase = async (s: Session, categoryId: string, p: { lng: number; lat: number }, desc: string) => {
    // (desc is unique in the world: the exports are searched for it)
    const photoId = await photo(s);
    const c = await post(s, '/api/cases', {
      source: 'inspector',
      categoryId,
      description: desc,
      lng: p.lng + 0.0001 * seed,
      lat: p.lat,
      photoIds: [photoId],
    });
    return { id: c.id as string, number: c.number as string, photoId };
  };
  const dispatched = async (
    s: Session,
    categoryId: string,
    p: { lng: number; lat: number },
    desc: string,
  ) => {
    const c = await newCase(s, categoryId, p, desc);
    let r = await act(s, c.id, { action: 'file', note: '立案' });
    r = await act(s, c.id, { action: 'dispatch', expectedVersion: r.version });
    const deadline = new Date(new Date(r.disposeDeadline).getTime() - 3_600_000).toISOString();
    r = await act(s, c.id, { action: 'supervise', note: '限期整改', deadline });
    return { ...c, supervisionOrder: r.supervisionOrders[0].id as string };
  };
  const caseA = await dispatched(builder1, catU1, pA, '甲区人行道占道经营');
  const caseB = await dispatched(builder1, catU2, pB, '乙区工地扬尘未覆盖');
  const case3 = await dispatched(builder2, cat3, p2, '二市占道经营');
  const caseB2 = await newCase(builder1, catU2, pB, '乙区已结案件');
  const case32 = await newCase(builder2, cat3, p2, '二市已结案件');
  const DAY = '2026-11-10';
  for (const id of [caseB2.id, case32.id])
    await t.db
      .update(cases)
      .set({ status: 'closed', closedAt: new Date(`${DAY}T04:00:00Z`), stage: 'none' })
      .where(eq(cases.id, id));
  mark('cases');
  const revisitOf = async (s: Session, caseId: string) => {
    const b = await post(s, '/api/revisits', { from: DAY, to: DAY, percent: 100 });
    const items = ok(await t.call('GET', `/api/revisits?batchId=${b.batchId}`, { session: s }), 'revisits');
    return {
      batch: b.batchId as string,
      revisit: items.items.find((r: any) => r.case.id === caseId)?.id as string,
    };
  };
  const revB = await revisitOf(builder1, caseB2.id);
  const rev3 = await revisitOf(builder2, case32.id);

  mark('revisits');
  // ---- exposure, ranking board, saved views, API keys, routing rules ----
  const exposureB = await post(builder1, '/api/exposures', { caseId: caseB.id, title: '乙区扬尘曝光' });
  const exposure3 = await post(builder2, '/api/exposures', { caseId: case3.id, title: '二市曝光' });
  // A frozen board as the ranking service stores it (its lists need a month of due cases to compute).
  const board3 = { id: newId() };
  await t.db.insert(rankingBoards).values({
    cityId: city2,
    id: board3.id,
    title: '二市红黑榜',
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    payload: { red: [], black: [] },
    createdByName: 'sw_builder2',
    createdAt: t.clock.now(),
  });
  // 整改清单 batches as the import stores them: one uploaded within district B, one in the second city.
  const rectlistOf = async (cityId: string, regionPath: string | null, title: string, uploader: string) => {
    const id = newId();
    await t.db.insert(rectlists).values({
      cityId,
      id,
      number: '整改〔2026〕901号',
      title,
      upperUnit: '省爱卫办',
      regionPath,
      fileName: `${title}.xlsx`,
      fileHash: id,
      uploadedBy: uploader,
      uploadedByUsername: 'sw_builder',
      uploadedByName: 'sw_builder',
      state: 'done',
      rowCount: 0,
      createdAt: t.clock.now(),
    });
    return id;
  };
  const rectlistB = await rectlistOf(city1, districtB.path, '乙区整改清单', builder1.userId);
  const rectlist3 = await rectlistOf(city2, null, '二市整改清单', builder2.userId);
  const viewB = await post(unit2Builder, '/api/saved-views', {
    name: '住建局视图',
    query: { status: 'filed' },
  });
  const view3 = await post(builder2, '/api/saved-views', { name: '二市视图', query: { status: 'filed' } });
  const key3 = await post(builder2, '/api/open311/keys', { name: '二市热线对接' });
  const rule3 = await post(builder2, '/api/routing-rules', {
    priority: 10,
    name: '二市规则',
    leadUnitId: unit3.id,
    categoryIds: [cat3],
  });

  mark('exposure etc');
  // ---- the 问责 register: 住建局 held to account on the district-B case; one in the second city ----
  const accountability = async (s: Session, caseId: string, text: string) => {
    await act(s, caseId, { action: 'record_accountability', reason: text });
    const [e] = await t.db.select().from(accountabilityRecords).where(eq(accountabilityRecords.text, text));
    const kinds = ok<any[]>(await t.call('GET', '/api/accountability-kinds', { session: s }), 'kinds');
    return { id: e!.id, text, unitId: e!.unitId, kind: kinds[0].id as string };
  };
  const accB = await accountability(builder1, caseB.id, '乙区扬尘问责事由');
  const acc3 = await accountability(builder2, case3.id, '二市占道问责事由');
  const ruleA = await post(builder1, '/api/routing-rules', {
    priority: 12,
    name: '甲区规则',
    regionId: districtA.id,
    leadUnitId: U1,
    categoryIds: [catU1],
  });
  const unitA = await post(builder1, '/api/units', {
    code: 'SWA1',
    name: '甲区环卫所',
    kind: 'street',
    regionId: districtA.id,
  });
  const ruleB = await post(builder1, '/api/routing-rules', {
    priority: 11,
    name: '乙区规则',
    regionId: districtB.id,
    leadUnitId: U2,
    categoryIds: [catU2],
  });

  // ---- standards, campaigns, rounds, evidence ----
  const depts = await t.db
    .select()
    .from(units)
    .where(and(eq(units.cityId, city1), eq(units.kind, 'department'), ne(units.id, U1), ne(units.id, U2)));
  const campA = await seedCampaign(t, city1, { a: U1, b: U2, c: depts[0]!.id }, '甲区创卫', districtA.id);
  const campB = await seedCampaign(t, city1, { a: U2, b: U2, c: depts[0]!.id }, '乙区创卫', districtB.id);
  const camp3 = await seedCampaign(t, city2, { a: unit3.id, b: unit3.id, c: unit3.id }, '二市创卫', city2);
  const link3 = await post(builder2, '/api/indicator-links', {
    nodeId: camp3.node['1.1'],
    linkedNodeId: (await seedCampaign(t, city2, { a: unit3.id, b: unit3.id, c: unit3.id }, '二市复审', city2))
      .node['1.1'],
  });
  const round = async (s: Session, campaignId: string) =>
    (
      await post(s, '/api/rounds', {
        campaignId,
        kind: 'self',
        name: '自查',
        heldOn: '2026-11-20',
        derive: false,
      })
    ).id as string;
  const roundB = await round(builder1, campB.campaignId);
  const round3 = await round(builder2, camp3.campaignId);
  const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
  const evidence = async (s: Session, c: { campaignId: string; node: Record<string, string> }) => {
    const form = new FormData();
    const fields = {
      campaignId: c.campaignId,
      nodeId: c.node['1.1']!,
      requirement: '月度保洁检查记录',
      period: '2026-11',
      title: '11月保洁检查记录',
      docDate: '2026-11-05',
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([pdf]), '记录.pdf');
    return ok(await t.call('POST', '/api/evidence', { body: form, session: s }), 'evidence').id as string;
  };
  const evB = await evidence(unit2Builder, campB);
  const ev3 = await evidence(builder2, camp3);

  mark('campaigns');
  // ---- the people and notifications of the other side ----
  const [personB] = await t.db.select().from(people).where(eq(people.unitId, U2)).limit(1);
  const [unitU2User] = await t.db.select().from(units).where(eq(units.id, U2));
  const notificationOf = async (userId: string) =>
    (await t.db.select().from(notifications).where(eq(notifications.userId, userId)).limit(1))[0]?.id;

  // ---- the actors ----
  const actors: ScopeActor[] = [];
  const add = async (name: string, role: Role, scope: Parameters<typeof account>[3], axes: Axis[]) =>
    actors.push({ name, role, session: await account(t, `sw_${name}`, role, scope), axes });
  await add('officeA', 'office', { regionId: districtA.id }, ['district', 'city']);
  await add('leaderA', 'leader', { regionId: districtA.id }, ['district', 'city']);
  await add('inspectorA', 'inspector', { regionId: districtA.id }, ['district', 'city']);
  await add('gridA', 'grid_worker', { regionId: districtA.id }, ['district', 'city']);
  await add('unitU1', 'unit', { unitId: U1 }, ['unit', 'city']);
  await add('cityWide', 'office', { cityId: city1 }, ['city']);

  const jobOf = async (cityId: string, createdBy: string) => {
    const id = newId();
    const now = t.clock.now();
    await t.db.insert(jobs).values({
      id,
      name: 'scope-world.sample',
      cityId,
      createdBy,
      payload: {},
      state: 'succeeded',
      runAt: now,
      createdAt: now,
      finishedAt: now,
      result: { note: '范围测试' },
    });
    return id;
  };
  mark('actors');
  const out: Record<Axis, Targets> = {
    district: {
      rectlist: rectlistB,
      rectlistTitle: '乙区整改清单',
      region: districtB.id,
      regionCode: districtB.code,
      regionName: districtB.name,
      regionLeaf: leafB.id,
      community: communityB!.id,
      communityCode: communityB!.code,
      block: blockB?.[0],
      blockCode: blockB?.[1].code,
      closedCase: caseB2.id,
      routingRule: ruleB.id,
      grid: gB.id,
      gridCode: gB.code,
      case: caseB.id,
      caseText: '乙区工地扬尘未覆盖',
      photo: caseB.photoId,
      supervisionOrder: caseB.supervisionOrder,
      revisit: revB.revisit,
      exposure: exposureB.id,
      campaign: campB.campaignId,
      campaignNode: campB.node['1.1'],
      round: roundB,
      evidence: evB,
      savedView: viewB.id,
      notification: await notificationOf(unit2Builder.userId),
      point: pB,
      accountability: accB.id,
      accountabilityText: accB.text,
      accountabilityUnit: accB.unitId,
      accountabilityUnitName: '住建局',
      accountabilityKind: accB.kind,
    },
    unit: {
      person: personB?.id,
      caseText: '乙区工地扬尘未覆盖',
      personName: personB?.name,
      personUnit: U2,
      closedCase: caseB2.id,
      case: caseB.id,
      photo: caseB.photoId,
      supervisionOrder: caseB.supervisionOrder,
      evidence: evB,
      savedView: viewB.id,
      notification: await notificationOf(unit2Builder.userId),
      job: await jobOf(city1, unit2Builder.userId),
      accountability: accB.id,
      accountabilityText: accB.text,
      accountabilityUnit: accB.unitId,
      accountabilityUnitName: '住建局',
      tradeUnit: U2,
    },
    city: {
      region: d2.id,
      regionCode: d2.code,
      regionName: d2.name,
      regionLeaf: leaf3.id,
      community: cm2.id,
      communityCode: cm2.code,
      unit: unit3.id,
      unitName: unit3.name,
      unitLeaf: unitLeaf3.id,
      person: person3.id,
      personName: person3.name,
      personUnit: unit3.id,
      blockCode: block3.code,
      closedCase: case32.id,
      grid: grid3.id,
      gridCode: grid3.code,
      block: block3.id,
      category: cat3,
      catalogVersion: catVersion3,
      routingRule: rule3.id,
      case: case3.id,
      caseText: '二市占道经营',
      photo: case3.photoId,
      supervisionOrder: case3.supervisionOrder,
      savedView: view3.id,
      notification: await notificationOf(unit2User.userId),
      revisit: rev3.revisit,
      revisitBatch: rev3.batch,
      exposure: exposure3.id,
      rankingBoard: board3.id,
      standard: camp3.standardId,
      node: camp3.node['1.3.1'],
      campaign: camp3.campaignId,
      campaignNode: camp3.node['1.1'],
      round: round3,
      evidence: ev3,
      indicatorLink: link3.id,
      apiKey: key3.id,
      job: await jobOf(city2, builder2.userId),
      accountability: acc3.id,
      accountabilityText: acc3.text,
      accountabilityUnit: acc3.unitId,
      accountabilityUnitName: unit3.name,
      accountabilityKind: acc3.kind,
      user: builder2.userId,
      rectlist: rectlist3,
      rectlistTitle: '二市整改清单',
      point: p2,
      tradeUnit: unit3.id,
    },
  };
  void unitU2User;
  return {
    t,
    city1,
    city2,
    districtA,
    districtB,
    actors,
    out,
    own: {
      case: caseA.id,
      point: pA,
      category: catU1,
      unit: U1,
      node: campA.node['1.1']!,
      campaign: campA.campaignId,
      standard: campA.standardId,
      grid: gA.id,
      unitA: unitA.id,
      rule: ruleA.id,
    },
  };
}

/** Total rows of the audit log: a refused write adds none. */
export async function auditCount(t: TestApp): Promise<number> {
  return Number((await t.db.select({ n: count() }).from(auditLog))[0]!.n);
}

/** The text of every cell of an .xlsx answer (to look for out-of-scope rows in exports). */
export async function xlsxText(data: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const parts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        parts.push(String(cell.text ?? ''));
      });
    }),
  );
  return parts.join('\t');
}

// ---- the registry: how to aim every endpoint at an object out of scope ----------------------------

/** One request of the matrix; `leaks` are ids/names that must not appear in a 2xx answer of a list. */
export interface ScopeRequest {
  path: string;
  body?: unknown;
  form?: () => FormData;
  leaks?: (string | undefined)[];
}

/** Which file of `apps/api/src/http/scope-matrix/` walks the endpoint. */
export type ScopeGroup = 'cases' | 'org' | 'campaigns' | 'misc';

export interface ScopeRule {
  group: ScopeGroup;
  /** A deliberate exception: why the endpoint has no object out of scope to aim at. */
  exempt?: string;
  /** A list or a read whose answer is filtered by scope: a 2xx is fine when it leaks none of `leaks`. */
  list?: boolean;
  /** A read/write in which a 2xx is fine when `check` finds nothing out of scope (e.g. a sample). */
  check?: (w: ScopeWorld, o: Targets, body: any, actor: ScopeActor) => Promise<string | null>;
  /** Builds the request for the targets of one axis, or null when that axis has no such object. */
  req?: (o: Targets, w: ScopeWorld, axis: Axis) => ScopeRequest | ScopeRequest[] | null;
  /**
   * Refusals other than 403/404 that are fine for this endpoint: a body naming an object of another
   * city is refused as bad input on that field (nothing written), or the request finds nothing in reach.
   */
  refusedAs?: { code: string; field?: string }[];
  /** A hole in a module owned by someone else: asserted with it.fails until they fix it. */
  knownHole?: string;
}

const need = (...v: (string | undefined)[]) => v.every((x) => x !== undefined);
const get =
  (tpl: (o: Targets) => string, ...keys: (keyof Targets)[]) =>
  (o: Targets): ScopeRequest | null =>
    need(...keys.map((k) => o[k] as string | undefined)) ? { path: tpl(o) } : null;
const send =
  (tpl: (o: Targets) => string, body: (o: Targets, w: ScopeWorld) => unknown, ...keys: (keyof Targets)[]) =>
  (o: Targets, w: ScopeWorld): ScopeRequest | null =>
    need(...keys.map((k) => o[k] as string | undefined)) ? { path: tpl(o), body: body(o, w) } : null;
const list =
  (tpl: (o: Targets) => string, leaks: (o: Targets) => (string | undefined)[], ...keys: (keyof Targets)[]) =>
  (o: Targets): ScopeRequest | null =>
    need(...keys.map((k) => o[k] as string | undefined)) ? { path: tpl(o), leaks: leaks(o) } : null;
const PUBLIC = 'public citizen/portal endpoint: no account, answers by tracking code or claim token';
const OWN = 'acts only on the caller’s own account, session or uploads (nothing of anyone else is named)';
const ADMIN =
  'system administrators manage every city’s accounts and read the audit chain (no scoped actor holds the role)';
const OWN_CITY =
  'no object in the request: writes into or reads from the caller’s own city only (the city comes from the session)';
const TEMPLATE = 'a blank template (no data)';

const pdfForm = (o: Targets) => () => {
  const form = new FormData();
  const fields = {
    campaignId: o.campaign!,
    nodeId: o.campaignNode!,
    requirement: '月度保洁检查记录',
    period: '2026-11',
    title: '越权上传',
    docDate: '2026-11-05',
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), '越权.pdf');
  return form;
};

export const SCOPE_RULES: Record<string, ScopeRule> = {
  // ---- auth, users, audit ----
  'POST /api/auth/login': { group: 'misc', exempt: PUBLIC },
  'POST /api/auth/logout': { group: 'misc', exempt: OWN },
  'GET /api/auth/me': { group: 'misc', exempt: OWN },
  'POST /api/auth/password': { group: 'misc', exempt: OWN },
  'GET /api/users': { group: 'misc', exempt: ADMIN },
  'POST /api/users': { group: 'misc', exempt: ADMIN },
  'PATCH /api/users/{id}': { group: 'misc', exempt: ADMIN },
  'GET /api/exports/users.xlsx': { group: 'misc', exempt: ADMIN },
  'GET /api/audit': { group: 'misc', exempt: ADMIN },
  'GET /api/audit/security-events': { group: 'misc', exempt: ADMIN },
  'GET /api/settings/portal-city': { group: 'misc', exempt: ADMIN },
  'PUT /api/settings/portal-city': { group: 'misc', exempt: ADMIN },
  'GET /api/jobs': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/jobs',
      (o) => [o.job],
      'job',
    ),
  },
  'GET /api/jobs/{id}': { group: 'misc', req: get((o) => `/api/jobs/${o.job}`, 'job') },

  // ---- regions, units, people, grids, blocks, locate ----
  'GET /api/regions/tree': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/regions/tree',
      (o) => [o.region],
    ),
  },
  'GET /api/regions': {
    group: 'org',
    list: true,
    req: list(
      (o) => `/api/regions?pageSize=500&parentId=${o.region}`,
      (o) => [o.regionLeaf, o.community],
      'region',
    ),
  },
  'GET /api/regions/{id}': { group: 'org', req: get((o) => `/api/regions/${o.region}`, 'region') },
  'POST /api/regions': {
    group: 'org',
    req: send(
      () => '/api/regions',
      (o) => ({ parentId: o.region, code: `${o.regionCode}997`, name: '越权街道', level: 'street' }),
      'region',
    ),
  },
  'PATCH /api/regions/{id}': {
    group: 'org',
    req: send(
      (o) => `/api/regions/${o.regionLeaf}`,
      () => ({ name: '越权改名' }),
      'regionLeaf',
    ),
  },
  'DELETE /api/regions/{id}': { group: 'org', req: get((o) => `/api/regions/${o.regionLeaf}`, 'regionLeaf') },
  'GET /api/units': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/units?pageSize=500',
      (o) => [o.unit, o.unitLeaf],
      'unit',
    ),
  },
  'GET /api/units/{id}': { group: 'org', req: get((o) => `/api/units/${o.unit}`, 'unit') },
  'POST /api/units': {
    group: 'org',
    req: send(
      () => '/api/units',
      (o) => ({ code: 'SWX1', name: '越权单位', kind: 'department', regionId: o.region }),
      'region',
    ),
  },
  'PATCH /api/units/{id}': {
    group: 'org',
    req: (o, w, axis) => [
      ...(o.unitLeaf ? [{ path: `/api/units/${o.unitLeaf}`, body: { name: '越权改名' } }] : []),
      // Moving a unit of one's own district into another.
      ...(axis === 'district' ? [{ path: `/api/units/${w.own.unitA}`, body: { regionId: o.region } }] : []),
    ],
  },
  'DELETE /api/units/{id}': { group: 'org', req: get((o) => `/api/units/${o.unitLeaf}`, 'unitLeaf') },
  'GET /api/people': {
    group: 'org',
    list: true,
    req: list(
      (o) => `/api/people?pageSize=500&unitId=${o.personUnit}`,
      (o) => [o.person],
      'person',
    ),
  },
  'GET /api/people/{id}': { group: 'org', req: get((o) => `/api/people/${o.person}`, 'person') },
  'POST /api/people': {
    group: 'org',
    req: send(
      () => '/api/people',
      (o) => ({ name: '越权人员', unitId: o.personUnit }),
      'personUnit',
    ),
  },
  'PATCH /api/people/{id}': {
    group: 'org',
    req: send(
      (o) => `/api/people/${o.person}`,
      () => ({ title: '越权职务' }),
      'person',
    ),
  },
  'DELETE /api/people/{id}': { group: 'org', req: get((o) => `/api/people/${o.person}`, 'person') },
  'GET /api/grids/geojson': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/grids/geojson',
      (o) => [o.grid],
      'grid',
    ),
  },
  'GET /api/grids': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/grids?pageSize=500',
      (o) => [o.grid],
      'grid',
    ),
  },
  'GET /api/grids/{id}': { group: 'org', req: get((o) => `/api/grids/${o.grid}`, 'grid') },
  'GET /api/grids/{id}/history': { group: 'org', req: get((o) => `/api/grids/${o.grid}/history`, 'grid') },
  'POST /api/grids': {
    group: 'org',
    req: send(
      () => '/api/grids',
      (o) => ({
        code: `${o.communityCode}97`,
        name: '越权网格',
        communityId: o.community,
        geometry: squareAt(o.point!.lng + 0.02, o.point!.lat + 0.02, 0.001),
      }),
      'community',
    ),
  },
  'PATCH /api/grids/{id}': {
    group: 'org',
    req: (o, w, axis) => [
      { path: `/api/grids/${o.grid}`, body: { name: '越权改名' } },
      // Moving a grid of one's own district into another district's community.
      ...(axis === 'district'
        ? [{ path: `/api/grids/${w.own.grid}`, body: { communityId: o.community } }]
        : []),
    ],
  },
  'DELETE /api/grids/{id}': { group: 'org', req: get((o) => `/api/grids/${o.grid}`, 'grid') },
  'GET /api/blocks': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/blocks?pageSize=500',
      (o) => [o.block],
      'block',
    ),
  },
  'GET /api/blocks/{id}': { group: 'org', req: get((o) => `/api/blocks/${o.block}`, 'block') },
  'POST /api/blocks': {
    group: 'org',
    req: send(
      () => '/api/blocks',
      (o, w) => ({ code: 'SWXB1', name: '越权区块', leadUnitId: w.own.unit, gridCodes: [o.gridCode] }),
      'gridCode',
    ),
  },
  'PATCH /api/blocks/{id}': {
    group: 'org',
    req: send(
      (o) => `/api/blocks/${o.block}`,
      () => ({ name: '越权改名' }),
      'block',
    ),
  },
  'DELETE /api/blocks/{id}': { group: 'org', req: get((o) => `/api/blocks/${o.block}`, 'block') },
  'GET /api/locate': {
    group: 'org',
    list: true,
    req: list(
      (o) => `/api/locate?lng=${o.point!.lng}&lat=${o.point!.lat}`,
      (o) => [o.grid, o.gridCode, o.community],
      'point',
      'grid',
    ),
  },
  'GET /api/imports/{kind}/template': { group: 'org', exempt: TEMPLATE },
  'POST /api/imports/{kind}': {
    group: 'org',
    exempt:
      'every imported row is checked against the caller’s region subtree and refused as a row error (org import tests: a region-scoped office stays inside its subtree)',
  },
  'GET /api/exports/regions.xlsx': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/exports/regions.xlsx',
      (o) => [o.regionCode],
      'regionCode',
    ),
  },
  'GET /api/exports/units.xlsx': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/exports/units.xlsx',
      (o) => [o.unitName],
      'unitName',
    ),
  },
  'GET /api/exports/people.xlsx': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/exports/people.xlsx',
      (o) => [o.personName],
      'personName',
    ),
  },
  'GET /api/exports/grids.xlsx': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/exports/grids.xlsx',
      (o) => [o.gridCode],
      'gridCode',
    ),
  },
  'GET /api/exports/blocks.xlsx': {
    group: 'org',
    list: true,
    req: list(
      () => '/api/exports/blocks.xlsx',
      (o) => [o.blockCode],
      'blockCode',
    ),
  },

  // ---- catalogue, routing, calendar ----
  'GET /api/catalog/categories': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/catalog/categories',
      (o) => [o.category],
      'category',
    ),
  },
  'POST /api/catalog/categories': {
    refusedAs: [{ code: 'VALIDATION_FAILED', field: 'parentId' }],
    group: 'misc',
    req: send(
      () => '/api/catalog/categories',
      (o) => ({ parentId: o.category, kind: 'event', code: '99999901', name: '越权类别' }),
      'category',
    ),
  },
  'PATCH /api/catalog/categories/{id}': {
    group: 'misc',
    req: send(
      (o) => `/api/catalog/categories/${o.category}`,
      () => ({ name: '越权改名' }),
      'category',
    ),
  },
  'GET /api/catalog/versions': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/catalog/versions',
      (o) => [o.catalogVersion],
      'catalogVersion',
    ),
  },
  'POST /api/catalog/versions/{id}/activate': {
    group: 'misc',
    req: get((o) => `/api/catalog/versions/${o.catalogVersion}/activate`, 'catalogVersion'),
  },
  'GET /api/imports/catalog/template': { group: 'misc', exempt: TEMPLATE },
  'POST /api/imports/catalog': { group: 'misc', exempt: OWN_CITY },
  'GET /api/exports/catalog.xlsx': { group: 'misc', exempt: OWN_CITY },
  'GET /api/routing-rules': {
    group: 'misc',
    list: true,
    // Rules are the city's dispatch configuration: every catalogue reader of the city reads them all
    // (a district office sees why a case came to it); another city's never.
    req: (o, _w, axis) =>
      axis === 'city' && o.routingRule ? { path: '/api/routing-rules', leaks: [o.routingRule] } : null,
  },
  'GET /api/routing-rules/preview': {
    group: 'misc',
    list: true,
    req: (o, w) =>
      o.point && o.grid
        ? {
            path: `/api/routing-rules/preview?categoryId=${o.category ?? w.own.category}&lng=${o.point.lng}&lat=${o.point.lat}`,
            leaks: [o.grid, o.gridCode, o.community, o.unit],
          }
        : null,
  },
  'POST /api/routing-rules': {
    refusedAs: [{ code: 'VALIDATION_FAILED', field: 'regionId' }],
    group: 'misc',
    req: send(
      () => '/api/routing-rules',
      (o, w) => ({ priority: 99, name: '越权规则', regionId: o.region, leadUnitId: o.unit ?? w.own.unit }),
      'region',
    ),
  },
  'PATCH /api/routing-rules/{id}': {
    group: 'misc',
    req: (o, w, axis) => [
      ...(o.routingRule ? [{ path: `/api/routing-rules/${o.routingRule}`, body: { name: '越权改名' } }] : []),
      // Moving a rule of one's own district into another.
      ...(axis === 'district'
        ? [{ path: `/api/routing-rules/${w.own.rule}`, body: { regionId: o.region } }]
        : []),
    ],
  },
  'DELETE /api/routing-rules/{id}': {
    group: 'misc',
    req: get((o) => `/api/routing-rules/${o.routingRule}`, 'routingRule'),
  },
  // 行业主管: the configuration is the city's (every catalogue reader of the city reads it, a unit user only
  // its own unit's); writing it is for the city-wide office — a district office may not widen a department.
  'GET /api/trades': {
    group: 'misc',
    list: true,
    req: (o) => (o.tradeUnit ? { path: '/api/trades', leaks: [o.tradeUnit] } : null),
  },
  'GET /api/exports/trades.xlsx': {
    group: 'misc',
    list: true,
    req: (o, _w, axis) =>
      o.tradeUnit
        ? { path: '/api/exports/trades.xlsx', leaks: [axis === 'city' ? '二市城管局' : '住建局'] }
        : null,
  },
  'GET /api/units/{id}/trades': {
    group: 'misc',
    req: get((o) => `/api/units/${o.tradeUnit}/trades`, 'tradeUnit'),
  },
  'PUT /api/units/{id}/trades': {
    group: 'misc',
    req: (o, w, axis) => {
      const unitId = o.tradeUnit ?? (axis === 'district' ? w.own.unit : undefined);
      return unitId ? { path: `/api/units/${unitId}/trades`, body: { categoryIds: [w.own.category] } } : null;
    },
  },
  'GET /api/calendar': { group: 'misc', exempt: OWN_CITY },
  'PUT /api/calendar': { group: 'misc', exempt: OWN_CITY },
  'GET /api/calendar/holiday-years': { group: 'misc', exempt: OWN_CITY },
  'GET /api/calendar/holiday-coverage': { group: 'misc', exempt: OWN_CITY },
  'GET /api/calendar/holiday-years/template': { group: 'misc', exempt: TEMPLATE },
  'GET /api/calendar/holiday-years/{year}/export': { group: 'misc', exempt: OWN_CITY },
  'POST /api/calendar/holiday-years/import': { group: 'misc', exempt: OWN_CITY },

  // ---- cases ----
  'GET /api/cases/duplicates': {
    group: 'cases',
    list: true,
    req: (o, w) =>
      o.point && o.case
        ? {
            path: `/api/cases/duplicates?categoryId=${o.category ?? w.own.category}&lng=${o.point.lng}&lat=${o.point.lat}`,
            leaks: [o.case, o.caseText],
          }
        : null,
  },
  'GET /api/cases/hotspots': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/cases/hotspots?from=2026-11-01&to=2026-11-30',
      (o) => [o.case],
      'case',
    ),
  },
  'GET /api/exports/hotspots.xlsx': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/exports/hotspots.xlsx?from=2026-11-01&to=2026-11-30',
      (o) => [o.gridCode],
      'case',
      'gridCode',
    ),
  },
  'POST /api/cases/{id}/merge': {
    group: 'cases',
    req: send(
      (o) => `/api/cases/${o.case}/merge`,
      (_o, w) => ({ parentId: w.own.case }),
      'case',
    ),
  },
  'POST /api/cases/{id}/split': {
    group: 'cases',
    req: send(
      (o) => `/api/cases/${o.case}/split`,
      () => ({}),
      'case',
    ),
  },
  'GET /api/cases/{id}/children': {
    group: 'cases',
    req: get((o) => `/api/cases/${o.case}/children`, 'case'),
  },
  'POST /api/revisits': {
    refusedAs: [{ code: 'REVISIT_NO_CASES' }],
    group: 'cases',
    req: (o) =>
      o.closedCase
        ? { path: '/api/revisits', body: { from: '2026-11-10', to: '2026-11-10', percent: 100 } }
        : null,
    // Sampling is scoped: a batch may be made, but never of cases out of the actor's reach.
    check: async (w, o, body) => {
      const rows = await w.t.db.select().from(revisits).where(eq(revisits.batchId, body.batchId));
      return rows.some((r) => r.caseId === o.closedCase)
        ? `batch ${body.batchId} sampled ${o.closedCase}`
        : null;
    },
  },
  'GET /api/revisits': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/revisits?pageSize=200',
      (o) => [o.revisit, o.closedCase],
      'closedCase',
    ),
  },
  'GET /api/revisits/batches': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/revisits/batches',
      (o) => [o.revisitBatch],
      'revisitBatch',
    ),
  },
  'POST /api/revisits/{id}/result': {
    group: 'cases',
    req: send(
      (o) => `/api/revisits/${o.revisit}/result`,
      () => ({ ok: true, note: '越权' }),
      'revisit',
    ),
  },
  'POST /api/photos': { group: 'cases', exempt: OWN },
  'GET /api/photos/{id}/file': { group: 'cases', req: get((o) => `/api/photos/${o.photo}/file`, 'photo') },
  'GET /api/photos/{id}/thumb': { group: 'cases', req: get((o) => `/api/photos/${o.photo}/thumb`, 'photo') },
  'POST /api/cases': {
    refusedAs: [{ code: 'OUT_OF_CITY', field: 'lng' }],
    group: 'cases',
    req: send(
      () => '/api/cases',
      (o, w) => ({
        source: 'inspector',
        categoryId: o.category ?? w.own.category,
        description: '越权登记的案件',
        lng: o.point!.lng,
        lat: o.point!.lat,
      }),
      'point',
    ),
  },
  'GET /api/cases': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/cases?pageSize=200',
      (o) => [o.case, o.closedCase],
      'case',
    ),
  },
  'GET /api/cases/counts': {
    group: 'cases',
    list: true,
    req: (o) => (o.case ? { path: '/api/cases/counts' } : null),
    // The queue counts are the totals of the same queues in the (scoped) list.
    check: async (w, _o, body, actor) => {
      const wrong: string[] = [];
      for (const [queue, n] of Object.entries(body as Record<string, number>)) {
        const r = await w.t.call('GET', `/api/cases?queue=${queue}&pageSize=1`, { session: actor.session });
        if (r.body?.total !== n) wrong.push(`${queue}: ${n} counted, ${r.body?.total} listed`);
      }
      return wrong.length ? wrong.join('; ') : null;
    },
  },
  'GET /api/cases/map': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/cases/map',
      (o) => [o.case],
      'case',
    ),
  },
  'GET /api/exports/cases.xlsx': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/exports/cases.xlsx',
      (o) => [o.caseText],
      'caseText',
    ),
  },
  'GET /api/cases/{id}': { group: 'cases', req: get((o) => `/api/cases/${o.case}`, 'case') },
  'POST /api/cases/{id}/transitions': {
    group: 'cases',
    req: send(
      (o) => `/api/cases/${o.case}/transitions`,
      () => ({ action: 'comment', note: '越权评论' }),
      'case',
    ),
  },
  'GET /api/supervision-orders/{id}/docx': {
    group: 'cases',
    req: get((o) => `/api/supervision-orders/${o.supervisionOrder}/docx`, 'supervisionOrder'),
  },
  'GET /api/supervision-orders/{id}/pdf': {
    group: 'cases',
    req: get((o) => `/api/supervision-orders/${o.supervisionOrder}/pdf`, 'supervisionOrder'),
  },
  // The 督办单 register: an order is read by whoever reads one of its cases' regions (a unit only its
  // own orders); only the order's unit signs and replies.
  'GET /api/supervision-orders': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/supervision-orders?pageSize=200',
      (o) => [o.supervisionOrder],
      'supervisionOrder',
    ),
  },
  'GET /api/exports/supervision-orders.xlsx': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/exports/supervision-orders.xlsx',
      (o) => [o.caseText],
      'supervisionOrder',
      'caseText',
    ),
  },
  'GET /api/supervision-orders/defaults': { group: 'cases', exempt: OWN_CITY },
  'POST /api/supervision-orders': {
    group: 'cases',
    req: send(
      () => '/api/supervision-orders',
      (o) => ({
        caseIds: [o.case],
        level: 1,
        deadline: '2027-06-30T02:00:00.000Z',
        requirements: '越权督办',
      }),
      'case',
    ),
  },
  'GET /api/supervision-orders/{id}': {
    group: 'cases',
    req: get((o) => `/api/supervision-orders/${o.supervisionOrder}`, 'supervisionOrder'),
  },
  'GET /api/supervision-orders/{id}/photos/{photoId}': {
    group: 'cases',
    req: get(
      (o) => `/api/supervision-orders/${o.supervisionOrder}/photos/${o.photo}`,
      'supervisionOrder',
      'photo',
    ),
  },
  'POST /api/supervision-orders/{id}/sign': {
    group: 'cases',
    req: send(
      (o) => `/api/supervision-orders/${o.supervisionOrder}/sign`,
      () => ({}),
      'supervisionOrder',
    ),
  },
  'POST /api/supervision-orders/{id}/reply': {
    group: 'cases',
    req: send(
      (o) => `/api/supervision-orders/${o.supervisionOrder}/reply`,
      () => ({ text: '越权回复' }),
      'supervisionOrder',
    ),
  },
  'POST /api/supervision-orders/{id}/close': {
    group: 'cases',
    req: send(
      (o) => `/api/supervision-orders/${o.supervisionOrder}/close`,
      () => ({ note: '越权办结' }),
      'supervisionOrder',
    ),
  },
  'GET /api/kpis': {
    group: 'cases',
    list: true,
    req: (o) => (o.region ? { path: '/api/kpis?dimension=district', leaks: [o.region, o.regionName] } : null),
  },
  'GET /api/kpis/cases': {
    group: 'cases',
    list: true,
    req: (o) =>
      o.region && o.case
        ? {
            path: `/api/kpis/cases?dimension=district&key=${o.region}&counter=reported`,
            leaks: [o.case],
          }
        : null,
  },
  'GET /api/exports/kpis.xlsx': {
    group: 'cases',
    list: true,
    req: (o) =>
      o.region ? { path: '/api/exports/kpis.xlsx?dimension=district', leaks: [o.regionName] } : null,
  },
  'GET /api/saved-views': {
    group: 'cases',
    list: true,
    req: list(
      () => '/api/saved-views',
      (o) => [o.savedView],
      'savedView',
    ),
  },
  'POST /api/saved-views': { group: 'cases', exempt: OWN },
  'DELETE /api/saved-views/{id}': {
    group: 'cases',
    req: get((o) => `/api/saved-views/${o.savedView}`, 'savedView'),
  },

  // ---- notifications, citizens, Open311 keys, 曝光台 / 红黑榜 ----
  'GET /api/notifications': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/notifications',
      (o) => [o.notification],
      'notification',
    ),
  },
  'POST /api/notifications/read-all': { group: 'misc', exempt: OWN },
  'POST /api/notifications/{id}/read': {
    group: 'misc',
    req: get((o) => `/api/notifications/${o.notification}/read`, 'notification'),
    check: async (w, o) => {
      const [n] = await w.t.db.select().from(notifications).where(eq(notifications.id, o.notification!));
      return n?.readAt ? `notification ${o.notification} marked read` : null;
    },
  },
  'GET /api/public/config': { group: 'misc', exempt: PUBLIC },
  'POST /api/public/photos': { group: 'misc', exempt: PUBLIC },
  'GET /api/public/photos/{id}/thumb': { group: 'misc', exempt: PUBLIC },
  'POST /api/public/reports': { group: 'misc', exempt: PUBLIC },
  'GET /api/public/reports/{code}': { group: 'misc', exempt: PUBLIC },
  'GET /api/public/reports/{code}/photos/{photoId}': { group: 'misc', exempt: PUBLIC },
  'POST /api/public/reports/{code}/rating': { group: 'misc', exempt: PUBLIC },
  'GET /api/public/exposures': { group: 'misc', exempt: PUBLIC },
  'GET /api/public/exposures/{id}/photos/{photoId}': { group: 'misc', exempt: PUBLIC },
  'GET /api/public/ranking-boards': { group: 'misc', exempt: PUBLIC },
  'GET /api/public/ranking-boards/{id}': { group: 'misc', exempt: PUBLIC },
  'GET /api/open311/keys': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/open311/keys',
      (o) => [o.apiKey],
      'apiKey',
    ),
  },
  'POST /api/open311/keys': { group: 'misc', exempt: OWN_CITY },
  'POST /api/open311/keys/{id}/revoke': {
    group: 'misc',
    req: get((o) => `/api/open311/keys/${o.apiKey}/revoke`, 'apiKey'),
  },
  'GET /api/exposures': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/exposures?pageSize=200',
      (o) => [o.exposure],
      'exposure',
    ),
  },
  'POST /api/exposures': {
    group: 'misc',
    req: send(
      () => '/api/exposures',
      (o) => ({ caseId: o.case, title: '越权曝光' }),
      'case',
    ),
  },
  'POST /api/exposures/{id}/withdraw': {
    group: 'misc',
    req: get((o) => `/api/exposures/${o.exposure}/withdraw`, 'exposure'),
  },
  'GET /api/imports/rectlists/template': { group: 'misc', exempt: TEMPLATE },
  'POST /api/imports/rectlists': {
    group: 'misc',
    exempt:
      'names no object: each row’s place is checked against the uploader’s district and city (rows elsewhere are row errors and nothing is written — rectlists.test.ts, scope)',
  },
  'GET /api/rectlists': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/rectlists?pageSize=200',
      (o) => [o.rectlist, o.rectlistTitle],
      'rectlist',
    ),
  },
  'GET /api/rectlists/{id}': { group: 'misc', req: get((o) => `/api/rectlists/${o.rectlist}`, 'rectlist') },
  'GET /api/rectlists/{id}/export.xlsx': {
    group: 'misc',
    req: get((o) => `/api/rectlists/${o.rectlist}/export.xlsx`, 'rectlist'),
  },
  'GET /api/ranking-boards/preview': { group: 'misc', exempt: OWN_CITY },
  'GET /api/ranking-boards': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/ranking-boards',
      (o) => [o.rankingBoard],
      'rankingBoard',
    ),
  },
  'POST /api/ranking-boards': { group: 'misc', exempt: OWN_CITY },
  'POST /api/ranking-boards/{id}/publish': {
    group: 'misc',
    req: get((o) => `/api/ranking-boards/${o.rankingBoard}/publish`, 'rankingBoard'),
  },
  'POST /api/ranking-boards/{id}/unpublish': {
    group: 'misc',
    req: get((o) => `/api/ranking-boards/${o.rankingBoard}/unpublish`, 'rankingBoard'),
  },

  // ---- the 问责 register: entries lie where their unit (a city-level unit: their case) lies; a unit reads
  // its own; the 情形/方式 lists are the city's, edited by the city-wide office only ----
  'GET /api/accountability-kinds': {
    group: 'misc',
    list: true,
    req: (o, _w, axis) =>
      axis === 'city' ? { path: '/api/accountability-kinds', leaks: [o.accountabilityKind] } : null,
  },
  'POST /api/accountability-kinds': {
    group: 'misc',
    req: (_o, _w, axis) =>
      axis === 'district'
        ? { path: '/api/accountability-kinds', body: { type: 'situation', name: '范围测试情形' } }
        : null,
  },
  'PATCH /api/accountability-kinds/{id}': {
    group: 'misc',
    req: send(
      (o) => `/api/accountability-kinds/${o.accountabilityKind}`,
      () => ({ active: false }),
      'accountabilityKind',
    ),
  },
  'DELETE /api/accountability-kinds/{id}': {
    group: 'misc',
    req: get((o) => `/api/accountability-kinds/${o.accountabilityKind}`, 'accountabilityKind'),
  },
  'GET /api/accountability': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/accountability?pageSize=200',
      (o) => [o.accountability, o.accountabilityText],
      'accountability',
    ),
  },
  'POST /api/accountability': {
    group: 'misc',
    req: send(
      () => '/api/accountability',
      (o) => ({
        unitId: o.accountabilityUnit,
        situationId: o.accountabilityKind ?? newId(),
        methodId: newId(),
        text: '范围测试问责',
        caseIds: [o.case],
      }),
      'accountabilityUnit',
      'case',
    ),
    // The linked case is another district's or city's: refused on that field, nothing written.
    refusedAs: [{ code: 'ACCOUNTABILITY_LINK_INVALID', field: 'caseIds' }],
  },
  'GET /api/accountability/counts': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/accountability/counts',
      (o) => [o.accountabilityUnitName],
      'accountabilityUnitName',
    ),
  },
  'GET /api/accountability/{id}': {
    group: 'misc',
    req: get((o) => `/api/accountability/${o.accountability}`, 'accountability'),
  },
  'GET /api/exports/accountability.xlsx': {
    group: 'misc',
    list: true,
    req: list(
      () => '/api/exports/accountability.xlsx',
      (o) => [o.accountabilityText],
      'accountabilityText',
    ),
  },

  // ---- standards, campaigns, rounds, evidence ----
  'GET /api/standards': {
    group: 'campaigns',
    list: true,
    req: list(
      () => '/api/standards',
      (o) => [o.standard],
      'standard',
    ),
  },
  'POST /api/standards': { group: 'campaigns', exempt: OWN_CITY },
  'POST /api/standards/samples': { group: 'campaigns', exempt: OWN_CITY },
  'GET /api/standards/{id}': {
    group: 'campaigns',
    req: get((o) => `/api/standards/${o.standard}`, 'standard'),
  },
  'PATCH /api/standards/{id}': {
    group: 'campaigns',
    req: send(
      (o) => `/api/standards/${o.standard}`,
      () => ({ name: '越权改名' }),
      'standard',
    ),
  },
  'DELETE /api/standards/{id}': {
    group: 'campaigns',
    req: get((o) => `/api/standards/${o.standard}`, 'standard'),
  },
  'POST /api/standards/{id}/nodes': {
    group: 'campaigns',
    req: send(
      (o) => `/api/standards/${o.standard}/nodes`,
      () => ({ code: '9', title: '越权指标', points: 0 }),
      'standard',
    ),
  },
  'PATCH /api/standard-nodes/{id}': {
    group: 'campaigns',
    req: send(
      (o) => `/api/standard-nodes/${o.node}`,
      () => ({ title: '越权改名' }),
      'node',
    ),
  },
  'DELETE /api/standard-nodes/{id}': {
    group: 'campaigns',
    req: get((o) => `/api/standard-nodes/${o.node}`, 'node'),
  },
  'GET /api/standards/{id}/export': {
    group: 'campaigns',
    req: get((o) => `/api/standards/${o.standard}/export`, 'standard'),
  },
  'GET /api/imports/standards/template': { group: 'campaigns', exempt: TEMPLATE },
  'POST /api/imports/standards': { group: 'campaigns', exempt: OWN_CITY },
  'GET /api/campaigns': {
    group: 'campaigns',
    list: true,
    req: list(
      () => '/api/campaigns',
      (o) => [o.campaign],
      'campaign',
    ),
  },
  'POST /api/campaigns': {
    refusedAs: [{ code: 'VALIDATION_FAILED', field: 'standardId' }],
    group: 'campaigns',
    req: send(
      () => '/api/campaigns',
      (o, w) => ({
        name: '越权活动',
        type: 'sanitary',
        regionId: o.region,
        standardId: o.standard ?? w.own.standard,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      }),
      'region',
    ),
  },
  'GET /api/campaigns/{id}': {
    group: 'campaigns',
    req: get((o) => `/api/campaigns/${o.campaign}`, 'campaign'),
  },
  'PATCH /api/campaigns/{id}': {
    group: 'campaigns',
    req: (o, w, axis) => [
      ...(o.campaign ? [{ path: `/api/campaigns/${o.campaign}`, body: { name: '越权改名' } }] : []),
      // Moving a campaign of one's own district into another.
      ...(axis === 'district'
        ? [{ path: `/api/campaigns/${w.own.campaign}`, body: { regionId: o.region } }]
        : []),
    ],
  },
  'DELETE /api/campaigns/{id}': {
    group: 'campaigns',
    req: get((o) => `/api/campaigns/${o.campaign}`, 'campaign'),
  },
  'GET /api/campaigns/{id}/tasks': {
    group: 'campaigns',
    req: get((o) => `/api/campaigns/${o.campaign}/tasks`, 'campaign'),
  },
  'PUT /api/campaigns/{id}/tasks': {
    group: 'campaigns',
    req: send(
      (o) => `/api/campaigns/${o.campaign}/tasks`,
      (o, w) => ({ nodeId: o.campaignNode, leadUnitId: o.unit ?? w.own.unit }),
      'campaign',
    ),
  },
  'GET /api/campaigns/{id}/tasks/export': {
    group: 'campaigns',
    req: get((o) => `/api/campaigns/${o.campaign}/tasks/export`, 'campaign'),
  },
  'POST /api/campaigns/{id}/tasks/import': {
    group: 'campaigns',
    req: (o) =>
      o.campaign
        ? {
            path: `/api/campaigns/${o.campaign}/tasks/import`,
            form: () => {
              const f = new FormData();
              f.append('file', new Blob([Buffer.from('PK')]), '任务分解表.xlsx');
              return f;
            },
          }
        : null,
  },
  'GET /api/indicator-links': {
    group: 'campaigns',
    list: true,
    req: list(
      () => '/api/indicator-links',
      (o) => [o.indicatorLink],
      'indicatorLink',
    ),
  },
  'POST /api/indicator-links': {
    refusedAs: [{ code: 'VALIDATION_FAILED', field: 'linkedNodeId' }],
    group: 'campaigns',
    req: send(
      () => '/api/indicator-links',
      (o, w) => ({ nodeId: w.own.node, linkedNodeId: o.campaignNode }),
      'standard',
      'campaignNode',
    ),
  },
  'DELETE /api/indicator-links/{id}': {
    group: 'campaigns',
    req: get((o) => `/api/indicator-links/${o.indicatorLink}`, 'indicatorLink'),
  },
  'POST /api/evidence': {
    group: 'campaigns',
    req: (o) => (o.campaign ? { path: '/api/evidence', form: pdfForm(o) } : null),
  },
  'GET /api/evidence': {
    group: 'campaigns',
    list: true,
    req: list(
      (o) => `/api/evidence?campaignId=${o.campaign}`,
      (o) => [o.evidence],
      'campaign',
      'evidence',
    ),
  },
  'GET /api/evidence/{id}/file': {
    group: 'campaigns',
    req: get((o) => `/api/evidence/${o.evidence}/file`, 'evidence'),
  },
  'DELETE /api/evidence/{id}': {
    group: 'campaigns',
    req: get((o) => `/api/evidence/${o.evidence}`, 'evidence'),
  },
  'POST /api/evidence/{id}/review': {
    group: 'campaigns',
    req: send(
      (o) => `/api/evidence/${o.evidence}/review`,
      () => ({ action: 'return', reason: '越权退回' }),
      'evidence',
    ),
  },
  'GET /api/campaigns/{id}/evidence/reviews': {
    group: 'campaigns',
    list: true,
    req: list(
      (o) => `/api/campaigns/${o.campaign}/evidence/reviews`,
      (o) => [o.evidence],
      'campaign',
      'evidence',
    ),
  },
  'GET /api/campaigns/{id}/evidence/slots': {
    group: 'campaigns',
    req: get((o) => `/api/campaigns/${o.campaign}/evidence/slots`, 'campaign'),
  },
  'GET /api/campaigns/{id}/evidence/completeness': {
    group: 'campaigns',
    req: get((o) => `/api/campaigns/${o.campaign}/evidence/completeness`, 'campaign'),
  },
  'GET /api/campaigns/{id}/evidence/export': {
    group: 'campaigns',
    req: get((o) => `/api/campaigns/${o.campaign}/evidence/export`, 'campaign'),
  },
  'GET /api/rounds': {
    group: 'campaigns',
    list: true,
    req: list(
      (o) => `/api/rounds?campaignId=${o.campaign}`,
      (o) => [o.round],
      'campaign',
      'round',
    ),
  },
  'POST /api/rounds': {
    group: 'campaigns',
    req: send(
      () => '/api/rounds',
      (o) => ({
        campaignId: o.campaign,
        kind: 'self',
        name: '越权测评',
        heldOn: '2026-11-21',
        derive: false,
      }),
      'campaign',
    ),
  },
  'GET /api/rounds/{id}': { group: 'campaigns', req: get((o) => `/api/rounds/${o.round}`, 'round') },
  'PUT /api/rounds/{id}/scores': {
    group: 'campaigns',
    req: send(
      (o) => `/api/rounds/${o.round}/scores`,
      (o) => ({ entries: [{ nodeId: o.campaignNode, score: 1 }] }),
      'round',
    ),
  },
  'POST /api/rounds/{id}/recompute': {
    group: 'campaigns',
    req: get((o) => `/api/rounds/${o.round}/recompute`, 'round'),
  },
  'POST /api/rounds/{id}/close': {
    group: 'campaigns',
    req: get((o) => `/api/rounds/${o.round}/close`, 'round'),
  },
  'DELETE /api/rounds/{id}': { group: 'campaigns', req: get((o) => `/api/rounds/${o.round}`, 'round') },
  'GET /api/rounds/{id}/lost-points': {
    group: 'campaigns',
    req: get((o) => `/api/rounds/${o.round}/lost-points`, 'round'),
  },
  'GET /api/rounds/{id}/export': {
    group: 'campaigns',
    req: get((o) => `/api/rounds/${o.round}/export`, 'round'),
  },
  'GET /api/rounds/{id}/photos/{photoId}/file': {
    group: 'campaigns',
    req: get((o) => `/api/rounds/${o.round}/photos/${o.photo}/file`, 'round', 'photo'),
  },
  'GET /api/rounds/{id}/photos/{photoId}/thumb': {
    group: 'campaigns',
    req: get((o) => `/api/rounds/${o.round}/photos/${o.photo}/thumb`, 'round', 'photo'),
  },
  'POST /api/rounds/{id}/cases': {
    group: 'campaigns',
    req: send(
      (o) => `/api/rounds/${o.round}/cases`,
      (o, w) => ({
        nodeId: o.campaignNode,
        categoryId: o.category ?? w.own.category,
        lng: o.point!.lng,
        lat: o.point!.lat,
        description: '越权立案',
      }),
      'round',
      'point',
    ),
  },
  'POST /api/campaigns/{id}/indicators/{nodeId}/cases': {
    group: 'campaigns',
    req: (o, w) =>
      o.campaign
        ? {
            path: `/api/campaigns/${o.campaign}/indicators/${o.campaignNode}/cases`,
            body: { caseId: o.case ?? w.own.case },
          }
        : null,
  },
  'DELETE /api/campaigns/{id}/indicators/{nodeId}/cases/{caseId}': {
    group: 'campaigns',
    req: (o, w) =>
      o.campaign
        ? { path: `/api/campaigns/${o.campaign}/indicators/${o.campaignNode}/cases/${o.case ?? w.own.case}` }
        : null,
  },
  'GET /api/campaigns/{id}/readiness': {
    group: 'campaigns',
    req: get((o) => `/api/campaigns/${o.campaign}/readiness`, 'campaign'),
  },
};

// ---- the walk ------------------------------------------------------------------------------------

function refusedAsAllowed(rule: ScopeRule, text: string): boolean {
  let error: { code?: string; details?: { fields?: { field: string }[] } } | undefined;
  try {
    error = JSON.parse(text).error;
  } catch {
    return false;
  }
  return (rule.refusedAs ?? []).some(
    (r) =>
      r.code === error?.code && (!r.field || (error.details?.fields ?? []).some((f) => f.field === r.field)),
  );
}

/** The registry key of an endpoint: 'GET /api/cases/{id}'. */
export const ruleKey = (e: { method: string; path: string }) => `${e.method.toUpperCase()} ${e.path}`;

async function answerText(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('spreadsheetml')) return xlsxText(await res.arrayBuffer());
  return res.text();
}

/**
 * Sends the rule's request as every actor whose role the endpoint admits, on each of the actor's axes,
 * and answers what went wrong: a 2xx on an object out of scope (or a list leaking one), any answer
 * but 403/404, or a refused write that still changed something (audit rows, or the rule's check).
 */
export async function probe(
  w: ScopeWorld,
  key: string,
  rule: ScopeRule,
): Promise<{ sent: number; failures: string[] }> {
  const endpoint = w.t.endpoints.find((e) => ruleKey(e) === key);
  if (!endpoint) return { sent: 0, failures: [`${key}: no such endpoint`] };
  const method = endpoint.method.toUpperCase();
  const failures: string[] = [];
  let sent = 0;
  for (const actor of w.actors) {
    if (!roleAllowed(endpoint.access, actor.role)) continue;
    for (const axis of actor.axes) {
      const o = w.out[axis];
      const made = rule.req?.(o, w, axis);
      for (const r of made ? [made].flat() : []) {
        sent++;
        const before = await auditCount(w.t);
        const headers: Record<string, string> = {
          cookie: `cc_session=${actor.session.token}`,
          'x-csrf-token': actor.session.csrf,
        };
        let body: string | FormData | undefined;
        if (r.form) body = r.form();
        else if (r.body !== undefined) {
          body = JSON.stringify(r.body);
          headers['content-type'] = 'application/json';
        }
        const res = await w.t.app.request(r.path, { method, headers, body });
        const text = await answerText(res);
        const where = `${actor.name} → ${axis}: ${method} ${r.path} → ${res.status}`;
        const changed = (await auditCount(w.t)) !== before;
        if (res.status >= 200 && res.status < 300) {
          if (!rule.list && !rule.check) {
            failures.push(`${where} (object out of scope answered)`);
            continue;
          }
          const leaked = (r.leaks ?? []).filter((id): id is string => !!id && text.includes(id));
          if (leaked.length) failures.push(`${where} leaks ${leaked.join(', ')}`);
          if (rule.check) {
            let parsed: unknown = null;
            try {
              parsed = JSON.parse(text);
            } catch {}
            const bad = await rule.check(w, o, parsed, actor);
            if (bad) failures.push(`${where}: ${bad}`);
          }
          if (!rule.list && !rule.check && changed) failures.push(`${where} wrote the audit log`);
        } else {
          if (res.status !== 403 && res.status !== 404 && !refusedAsAllowed(rule, text))
            failures.push(`${where} ${text.slice(0, 200)}`);
          if (changed) failures.push(`${where} refused but wrote the audit log`);
          if (rule.check && method !== 'GET') {
            const bad = await rule.check(w, o, null, actor).catch(() => null);
            if (bad) failures.push(`${where} refused but ${bad}`);
          }
        }
      }
    }
  }
  const eligible = w.actors.some((a) => roleAllowed(endpoint.access, a.role));
  if (eligible && sent === 0) failures.push(`${key}: no request sent (the world lacks its target objects)`);
  return { sent, failures };
}

/**
 * The tests of one group: the world is built once, then one test per endpoint of the group (a known
 * hole in someone else's module is expected to fail until its owner closes it).
 */
export function scopeSuite(group: ScopeGroup): { world: () => ScopeWorld } {
  let w: ScopeWorld;
  beforeAll(async () => {
    w = await buildScopeWorld();
  }, 300_000);
  afterAll(() => w?.t.close());
  for (const [key, rule] of Object.entries(SCOPE_RULES)) {
    if (rule.group !== group || rule.exempt) continue;
    const test = rule.knownHole ? it.fails : it;
    test(`${key}${rule.knownHole ? ` — known hole: ${rule.knownHole}` : ''}`, async () => {
      const { failures } = await probe(w, key, rule);
      expect(failures).toEqual([]);
    });
  }
  return { world: () => w };
}
