import { ROLES, type Role } from '@chuangcheng/contracts';
import { and, eq, like, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { userSession, withDemoCity } from '../../test/fixtures';
import { blocks, grids, people, regions, units } from '../db/schema/index';
import { roleAllowed } from '../platform/access';

/**
 * Walks every declared endpoint × every role (and anonymous): a role outside the endpoint's access list
 * gets 403 FORBIDDEN_ROLE before anything else happens; a role inside never does, and nothing is a 500.
 * Then the scope rules: region subtrees, own unit, other cities.
 */
let t: TestApp;
const sessions = new Map<Role, Session>();
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const { districts } = await withDemoCity(t, 60);
  const [g] = await t.db.select().from(grids).limit(1);
  const [u] = await t.db.select().from(units).limit(1);
  const [p] = await t.db.select().from(people).limit(1);
  const [b] = await t.db.select().from(blocks).limit(1);
  ids = {
    grid: g!.id,
    unit: u!.id,
    person: p!.id,
    block: b!.id,
    region: districts[0]!.id,
    user: '00000000-0000-4000-8000-000000000000',
  };
  for (const role of ROLES) sessions.set(role, await userSession(t, `m_${role}`, role));
});
afterAll(() => t.close());

function concretePath(path: string): string {
  const entity = path.split('/')[2] ?? '';
  const byEntity: Record<string, string> = {
    grids: ids.grid!,
    units: ids.unit!,
    people: ids.person!,
    blocks: ids.block!,
    regions: ids.region!,
    users: ids.user!,
  };
  return path
    .replace('{id}', byEntity[entity] ?? ids.user!)
    .replace('{kind}', 'units')
    .replace('{entity}', 'units');
}

describe('endpoint × role matrix', () => {
  it('declares access on every endpoint', () => {
    expect(t.endpoints.length).toBeGreaterThan(30);
    for (const e of t.endpoints) expect(e.access).toBeDefined();
  });

  it('anonymous callers get 401 on everything not public', async () => {
    for (const e of t.endpoints) {
      if (e.access === 'public') continue;
      const r = await t.call(e.method.toUpperCase(), concretePath(e.path), {
        body: e.method === 'get' ? undefined : {},
      });
      expect(r.status, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it('each role is allowed exactly what the endpoint declares', async () => {
    const failures: string[] = [];
    for (const e of t.endpoints) {
      if (e.path === '/api/auth/logout') continue; // would end the session the rest of the walk uses
      for (const role of ROLES) {
        const r = await t.call(e.method.toUpperCase(), concretePath(e.path), {
          session: sessions.get(role)!,
          body: e.method === 'get' ? undefined : {},
        });
        const allowed = roleAllowed(e.access, role);
        const denied = r.status === 403 && r.body?.error?.code === 'FORBIDDEN_ROLE';
        if (allowed === denied || r.status >= 500)
          failures.push(`${role} ${e.method} ${e.path} → ${r.status} ${r.body?.error?.code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('scopes', () => {
  let districtA: { id: string; path: string };
  let districtB: { id: string; path: string };
  let scoped: Session;

  beforeAll(async () => {
    const ds = await t.db.select().from(regions).where(eq(regions.level, 'district')).orderBy(regions.code);
    districtA = ds[0]!;
    districtB = ds[1]!;
    scoped = await userSession(t, 'office_a', 'office', { regionId: districtA.id });
  });

  async function gridIn(d: { path: string }) {
    const [g] = await t.db
      .select({ id: grids.id })
      .from(grids)
      .innerJoin(regions, eq(regions.id, grids.communityId))
      .where(like(regions.path, `${d.path}%`))
      .limit(1);
    return g!.id;
  }

  it('a district office lists only its own grids and cannot open another district’s', async () => {
    const list = await t.call('GET', '/api/grids?pageSize=500', { session: scoped });
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    for (const g of list.body.items) expect(g.district.id).toBe(districtA.id);
    expect((await t.call('GET', `/api/grids/${await gridIn(districtA)}`, { session: scoped })).status).toBe(
      200,
    );
    const other = await t.call('GET', `/api/grids/${await gridIn(districtB)}`, { session: scoped });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN_SCOPE');
    const patch = await t.call('PATCH', `/api/grids/${await gridIn(districtB)}`, {
      session: scoped,
      body: { name: '越权修改' },
    });
    expect(patch.status).toBe(403);
    const geo = await t.call('GET', '/api/grids/geojson', { session: scoped });
    expect(geo.body.features.length).toBe(list.body.total);
  });

  it('a district office sees its subtree of regions only', async () => {
    const tree = await t.call('GET', '/api/regions/tree', { session: scoped });
    expect(tree.status).toBe(200);
    expect(tree.body.some((r: { id: string }) => r.id === districtB.id)).toBe(false);
    expect(tree.body.some((r: { id: string }) => r.id === districtA.id)).toBe(true);
    const create = await t.call('POST', '/api/regions', {
      session: scoped,
      body: {
        parentId: districtB.id,
        code: `${(await t.db.select().from(regions).where(eq(regions.id, districtB.id)))[0]!.code}999`,
        name: '越权街道',
        level: 'street',
      },
    });
    expect(create.status).toBe(403);
  });

  it('a unit user sees only the people of its own unit', async () => {
    const [unitA] = await t.db.select().from(units).where(eq(units.kind, 'department')).limit(1);
    const [other] = await t.db.select().from(people).where(ne(people.unitId, unitA!.id)).limit(1);
    const s = await userSession(t, 'unit_a', 'unit', { unitId: unitA!.id });
    const list = await t.call('GET', '/api/people?pageSize=500', { session: s });
    expect(list.status).toBe(200);
    for (const p of list.body.items) expect(p.unitId).toBe(unitA!.id);
    expect((await t.call('GET', `/api/people/${other!.id}`, { session: s })).status).toBe(403);
    expect((await t.call('GET', `/api/people?unitId=${other!.unitId}`, { session: s })).status).toBe(403);
  });

  it('phones are masked for roles that do not need them', async () => {
    const [p] = await t.db
      .select()
      .from(people)
      .where(and(ne(people.phone, '')))
      .limit(1);
    const full = await t.call('GET', `/api/people/${p!.id}`, { session: sessions.get('office')! });
    expect(full.body.phone).toBe(p!.phone);
    const masked = await t.call('GET', `/api/people/${p!.id}`, { session: sessions.get('leader')! });
    expect(masked.body.phone).not.toBe(p!.phone);
    expect(masked.body.phone).toMatch(/\*{4}/);
  });

  it('a user of another city sees nothing of this one', async () => {
    const admin = sessions.get('admin')!;
    const city2 = await t.call('POST', '/api/regions', {
      session: admin,
      body: { parentId: null, code: '980100', name: '第二市', level: 'city' },
    });
    expect(city2.status).toBe(201);
    const s = await userSession(t, 'office_city2', 'office', { regionId: city2.body.id });
    const list = await t.call('GET', '/api/grids', { session: s });
    expect(list.body.total).toBe(0);
    expect((await t.call('GET', `/api/grids/${ids.grid}`, { session: s })).status).toBe(403);
    expect((await t.call('GET', `/api/units/${ids.unit}`, { session: s })).status).toBe(403);
    const loc = await t.call('GET', '/api/locate?lng=117.02&lat=36.65', { session: s });
    expect(loc.body.grid).toBeNull();
  });
});
