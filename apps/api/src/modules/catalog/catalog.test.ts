import type { Category } from '@chuangcheng/contracts';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/app';
import { userSession } from '../../../test/fixtures';
import { auditLog, catalogVersions, categories, units } from '../../db/schema/index';
import { type CatalogTestApp, createCatalogTestApp } from './catalog.test-helpers';

let c: CatalogTestApp;
let office: Session;
let grid: Session;

beforeAll(async () => {
  c = await createCatalogTestApp(60);
  office = await c.t.login('office');
  grid = await userSession(c.t, 'cat_grid', 'grid_worker');
});
afterAll(() => c.t.close());

const list = async (query = '', session = office) =>
  (await c.call('GET', `/api/catalog/categories${query}`, session)).body as Category[];
const byCode = async (kind: string, code: string) =>
  (await list(`?kind=${kind}`)).find((x) => x.code === code)!;

describe('default catalogue', () => {
  it('loads version 1 with at least 80 小类, departments matched to the demo units', async () => {
    expect(c.loaded).not.toBeNull();
    expect(c.loaded!.unmatched).toEqual([]);
    const all = await list();
    expect(all.filter((x) => x.level === 'minor').length).toBeGreaterThanOrEqual(80);
    const withDept = all.filter((x) => x.departmentName);
    expect(withDept.length).toBeGreaterThan(80);
    for (const x of withDept) expect(x.department?.name).toBe(x.departmentName);
    const [cg] = await c.t.db.select().from(units).where(eq(units.name, '城管局'));
    expect(all.some((x) => x.department?.id === cg!.id)).toBe(true);
  });

  it('is idempotent per city', async () => {
    expect(await c.t.db.transaction((tx) => c.catalog.loadDefaultCatalog(tx, c.cityId))).toBeNull();
    const versions = await c.t.db.select().from(catalogVersions).where(eq(catalogVersions.cityId, c.cityId));
    expect(versions.map((v) => [v.version, v.active])).toEqual([[1, true]]);
  });
});

describe('listing', () => {
  it('lists flat, sorted by kind and code, with a readable path; every role may read', async () => {
    const all = await list('', grid);
    const keys = all.map((x) => `${x.kind}:${x.code}`);
    expect(keys).toEqual([...keys].sort());
    const minor = all.find((x) => x.level === 'minor' && x.kind === 'event')!;
    const major = all.find((x) => x.id === minor.parentId)!;
    expect(minor.path).toBe(`事件 / ${major.name} / ${minor.name}`);
    expect(major.path).toBe(`事件 / ${major.name}`);
  });

  it('fileable=true keeps only enabled 小类/细类 with conditions; kind and q filter', async () => {
    const fileable = await list('?fileable=true');
    expect(fileable.length).toBeGreaterThan(80);
    for (const x of fileable) {
      expect(x.level).not.toBe('major');
      expect(x.conditions.length).toBeGreaterThan(0);
      expect(x.disabled).toBe(false);
    }
    const events = await list('?kind=event');
    expect(events.every((x) => x.kind === 'event')).toBe(true);
    const q = await list(`?q=${encodeURIComponent('井盖')}`);
    expect(q.length).toBeGreaterThan(0);
    expect(q.every((x) => x.path.includes('井盖'))).toBe(true);
  });
});

describe('create and update', () => {
  let parent: Category;

  beforeAll(async () => {
    parent = (await list('?kind=event')).find((x) => x.level === 'minor')!;
  });

  it('creates a 细类 under a 小类, audited', async () => {
    const r = await c.call('POST', '/api/catalog/categories', office, {
      parentId: parent.id,
      kind: 'event',
      code: `${parent.code}91`,
      name: '测试细类',
      severity: 'high',
      conditions: [
        { text: '出现即立案', timeLimit: { value: 4, unit: 'work_hours' }, closingCondition: '清除' },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ level: 'detail', parentId: parent.id, severity: 'high' });
    expect(r.body.path).toBe(`${parent.path} / 测试细类`);
    expect(r.body.conditions[0].timeLimit).toEqual({ value: 4, unit: 'work_hours' });
    const [a] = await c.t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'category'), eq(auditLog.entityId, r.body.id)));
    expect(a!.n).toBe(1);
  });

  it('refuses a code outside the parent, a duplicate, a level below 细类, a foreign department', async () => {
    const base = { parentId: parent.id, kind: 'event', name: '错误', conditions: [] };
    const outside = await c.call('POST', '/api/catalog/categories', office, { ...base, code: '9999' });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.fields[0].field).toBe('code');
    const dup = await c.call('POST', '/api/catalog/categories', office, {
      ...base,
      code: `${parent.code}91`,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_CODE');
    const detail = await byCode('event', `${parent.code}91`);
    const deep = await c.call('POST', '/api/catalog/categories', office, {
      ...base,
      parentId: detail.id,
      code: `${detail.code}1`,
    });
    expect(deep.status).toBe(400);
    expect(deep.body.error.details.fields[0].field).toBe('parentId');
    const dept = await c.call('POST', '/api/catalog/categories', office, {
      ...base,
      code: `${parent.code}92`,
      departmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(dept.status).toBe(400);
    expect(dept.body.error.details.fields[0].field).toBe('departmentId');
    const kind = await c.call('POST', '/api/catalog/categories', office, {
      ...base,
      kind: 'component',
      code: `${parent.code}93`,
    });
    expect(kind.status).toBe(400);
    const bad = await c.call('POST', '/api/catalog/categories', office, { ...base, code: 'x1' });
    expect(bad.status).toBe(400);
    expect((await c.call('POST', '/api/catalog/categories', grid, { ...base, code: '0199' })).status).toBe(
      403,
    );
  });

  it('updates name, department and conditions; a disabled class is no longer fileable', async () => {
    const detail = await byCode('event', `${parent.code}91`);
    const [unit] = await c.t.db.select().from(units).where(eq(units.name, '住建局'));
    const r = await c.call('PATCH', `/api/catalog/categories/${detail.id}`, office, {
      name: '改名细类',
      departmentId: unit!.id,
      conditions: [
        { text: '条件一', timeLimit: { value: 1, unit: 'work_days' }, closingCondition: '恢复' },
        { text: '条件二', timeLimit: { value: 2, unit: 'natural_days' }, closingCondition: '恢复' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.name).toBe('改名细类');
    expect(r.body.department).toEqual({ id: unit!.id, name: '住建局' });
    expect(r.body.conditions.map((x: { text: string }) => x.text)).toEqual(['条件一', '条件二']);
    expect((await list('?fileable=true')).some((x) => x.id === detail.id)).toBe(true);
    const off = await c.call('PATCH', `/api/catalog/categories/${detail.id}`, office, { disabled: true });
    expect(off.body.disabled).toBe(true);
    expect((await list('?fileable=true')).some((x) => x.id === detail.id)).toBe(false);
    const missing = await c.call(
      'PATCH',
      '/api/catalog/categories/00000000-0000-4000-8000-000000000000',
      office,
      {
        name: 'x',
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('CATEGORY_NOT_FOUND');
  });
});

describe('lookups for cases', () => {
  it('resolves a fileable category with its path and first (or chosen) condition', async () => {
    const minor = (await list('?fileable=true&kind=event')).find((x) => x.conditions.length > 1)!;
    const s = await c.catalog.resolveCategory(c.cityId, minor.id);
    expect(s).toMatchObject({ id: minor.id, code: minor.code, kind: 'event', pathText: minor.path });
    expect(s.path[0]).toBe(minor.id);
    expect(s.path[1]).toBe(minor.parentId);
    expect(s.condition.id).toBe(minor.conditions[0]!.id);
    const second = await c.catalog.resolveCategory(c.cityId, minor.id, minor.conditions[1]!.id);
    expect(second.condition.limit).toEqual(minor.conditions[1]!.timeLimit);
  });

  it('throws CATEGORY_NOT_FOUND, CATEGORY_NOT_FILEABLE and CONDITION_NOT_FOUND', async () => {
    const major = (await list()).find((x) => x.level === 'major')!;
    const minor = (await list('?fileable=true'))[0]!;
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code: string }) => e.code,
      );
    expect(await code(c.catalog.resolveCategory(c.cityId, major.id))).toBe('CATEGORY_NOT_FILEABLE');
    expect(await code(c.catalog.resolveCategory(c.cityId, minor.id, minor.parentId!))).toBe(
      'CONDITION_NOT_FOUND',
    );
    expect(await code(c.catalog.resolveCategory(c.cityId, '00000000-0000-4000-8000-000000000000'))).toBe(
      'CATEGORY_NOT_FOUND',
    );
    const [other] = await c.t.db.select().from(categories).limit(1);
    expect(await code(c.catalog.resolveCategory('00000000-0000-4000-8000-000000000001', other!.id))).toBe(
      'CATEGORY_NOT_FOUND',
    );
  });
});
