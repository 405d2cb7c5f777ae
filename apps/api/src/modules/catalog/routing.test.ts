import type { Category } from '@chuangcheng/contracts';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/app';
import { auditLog, grids, regions, units } from '../../db/schema/index';
import { type CatalogTestApp, createCatalogTestApp } from './catalog.test-helpers';

let c: CatalogTestApp;
let office: Session;
/** A point inside a grid, that grid, its street, and a point in a grid of another street. */
let here: {
  lng: number;
  lat: number;
  gridId: string;
  leadUnitId: string;
  streetId: string;
  streetName: string;
};
let elsewhere: { lng: number; lat: number };
let withDept: Category;
let noDept: Category;
const unitId = async (name: string) => (await c.t.db.select().from(units).where(eq(units.name, name)))[0]!.id;

async function gridPoints() {
  const rows = await c.t.db
    .select({ g: grids, street: regions.parentId })
    .from(grids)
    .innerJoin(regions, eq(regions.id, grids.communityId))
    .where(isNull(grids.validTo))
    .orderBy(grids.code);
  const points = [];
  for (const { g, street } of rows) {
    const lng = (g.minLng + g.maxLng) / 2;
    const lat = (g.minLat + g.maxLat) / 2;
    if ((await c.t.services.org.locate.locateGridId(lng, lat)) === g.id)
      points.push({ g, street: street!, lng, lat });
  }
  return points;
}

beforeAll(async () => {
  c = await createCatalogTestApp(60);
  office = await c.t.login('office');
  const points = await gridPoints();
  const a = points.find((p) => p.g.leadUnitId)!;
  const b = points.find((p) => p.street !== a.street)!;
  const [street] = await c.t.db.select().from(regions).where(eq(regions.id, a.street));
  here = {
    lng: a.lng,
    lat: a.lat,
    gridId: a.g.id,
    leadUnitId: a.g.leadUnitId!,
    streetId: a.street,
    streetName: street!.name,
  };
  elsewhere = { lng: b.lng, lat: b.lat };
  const fileable = (await c.call('GET', '/api/catalog/categories?fileable=true&kind=event', office))
    .body as Category[];
  withDept = fileable.find((x) => x.department?.name === '城管局')!;
  const created = await c.call('POST', '/api/catalog/categories', office, {
    parentId: withDept.parentId,
    kind: 'event',
    code: `${withDept.code.slice(0, 2)}98`,
    name: '无主管部门的小类',
    conditions: [
      { text: '出现即立案', timeLimit: { value: 3, unit: 'work_days' }, closingCondition: '处置完毕' },
    ],
  });
  expect(created.status).toBe(201);
  noDept = created.body;
});
afterAll(() => c.t.close());

const preview = async (cat: Category, p: { lng: number; lat: number }, source = 'inspector') =>
  (
    await c.call(
      'GET',
      `/api/routing-rules/preview?categoryId=${cat.id}&lng=${p.lng}&lat=${p.lat}&source=${source}&owner=public`,
      office,
    )
  ).body;

describe('routing without rules', () => {
  it('the category department (行业管理) beats the grid lead unit', async () => {
    const r = await preview(withDept, here);
    expect(r.route).toMatchObject({ kind: 'category', ruleId: null });
    expect(r.route.text).toBe('无匹配规则，按类别主管部门（行业管理）→ 城管局');
    expect(r.leadUnit).toEqual({ id: await unitId('城管局'), name: '城管局' });
    expect(r.grid.id).toBe(here.gridId);
    expect(r.outOfGrid).toBe(false);
    expect(r.limits).toEqual({ dispose: withDept.conditions[0]!.timeLimit });
  });

  it('a category without department goes to the grid lead unit (属地兜底)', async () => {
    const r = await preview(noDept, here);
    const [lead] = await c.t.db.select().from(units).where(eq(units.id, here.leadUnitId));
    expect(r.route.kind).toBe('grid');
    expect(r.leadUnit.id).toBe(here.leadUnitId);
    expect(r.route.text).toBe(`无匹配规则且类别无主管部门，按网格牵头单位（属地兜底）→ ${lead!.name}`);
    expect(r.limits).toEqual({ dispose: { value: 3, unit: 'work_days' } });
  });

  it('a point outside every grid goes to the campaign office, flagged outOfGrid', async () => {
    const r = await preview(noDept, { lng: 10, lat: 10 });
    expect(r).toMatchObject({ outOfGrid: true, grid: null, leadUnit: { id: await unitId('市创卫办') } });
    expect(r.route).toMatchObject({ kind: 'region', text: '点位不在任何网格内，由属地兜底 → 市创卫办' });
    const dept = await preview(withDept, { lng: 10, lat: 10 });
    expect(dept).toMatchObject({ outOfGrid: true, route: { kind: 'category' } });
    expect(dept.route.text).toContain('点位不在任何网格内');
  });

  it('answers CATEGORY_NOT_FILEABLE for a 大类 and 400 for a bad point', async () => {
    const major = (await c.call('GET', '/api/catalog/categories', office)).body.find(
      (x: Category) => x.level === 'major',
    );
    const r = await c.call('GET', `/api/routing-rules/preview?categoryId=${major.id}&lng=1&lat=1`, office);
    expect(r.body.error.code).toBe('CATEGORY_NOT_FILEABLE');
    const bad = await c.call(
      'GET',
      `/api/routing-rules/preview?categoryId=${major.id}&lng=500&lat=1`,
      office,
    );
    expect(bad.status).toBe(400);
  });
});

describe('routing rules', () => {
  let ruleId: string;

  it('a matching rule beats the category department, with its limits and co-units', async () => {
    const r = await c.call('POST', '/api/routing-rules', office, {
      priority: 3,
      name: '南湖片区专项',
      categoryIds: [withDept.id],
      regionId: here.streetId,
      leadUnitId: await unitId('市场监管局'),
      coUnitIds: [await unitId('城管局'), await unitId('市场监管局')],
      limits: { dispose: { value: 1, unit: 'work_hours' }, dispatch: { value: 30, unit: 'urgent_hours' } },
    });
    expect(r.status).toBe(201);
    expect(r.body.categories).toEqual([{ id: withDept.id, name: withDept.name }]);
    expect(r.body.region).toEqual({ id: here.streetId, name: here.streetName });
    ruleId = r.body.id;
    const p = await preview(withDept, here);
    expect(p.route).toMatchObject({ kind: 'rule', ruleId, rulePriority: 3 });
    expect(p.route.text).toBe(`规则 3：${withDept.name} · ${here.streetName} → 市场监管局`);
    expect(p.leadUnit.name).toBe('市场监管局');
    expect(p.coUnits).toEqual([{ id: await unitId('城管局'), name: '城管局' }]);
    expect(p.limits).toEqual({
      dispose: { value: 1, unit: 'work_hours' },
      dispatch: { value: 30, unit: 'urgent_hours' },
    });
    expect((await preview(withDept, elsewhere)).route.kind).toBe('category');
    expect((await preview(withDept, here, 'citizen')).route.kind).toBe('rule');
  });

  it('lists by priority, updates, refuses foreign references field by field, deletes — audited', async () => {
    const lead = await unitId('城管局');
    const second = await c.call('POST', '/api/routing-rules', office, {
      priority: 1,
      name: '全市',
      leadUnitId: lead,
      enabled: false,
    });
    expect(second.status).toBe(201);
    let page = (await c.call('GET', '/api/routing-rules', office)).body;
    expect(page.items.map((x: { priority: number }) => x.priority)).toEqual([1, 3]);
    const moved = await c.call('PATCH', `/api/routing-rules/${second.body.id}`, office, { priority: 9 });
    expect(moved.body.priority).toBe(9);
    page = (await c.call('GET', '/api/routing-rules', office)).body;
    expect(page.items.map((x: { name: string }) => x.name)).toEqual(['南湖片区专项', '全市']);
    const zero = '00000000-0000-4000-8000-000000000000';
    const bad = await c.call('POST', '/api/routing-rules', office, {
      priority: 5,
      name: '坏引用',
      categoryIds: [zero],
      regionId: zero,
      blockId: zero,
      leadUnitId: zero,
      coUnitIds: [zero],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'categoryIds',
      'regionId',
      'blockId',
      'leadUnitId',
      'coUnitIds',
    ]);
    const grid = await c.t.login('grid');
    expect(
      (await c.call('POST', '/api/routing-rules', grid, { priority: 1, name: 'x', leadUnitId: lead })).status,
    ).toBe(403);
    expect((await c.call('GET', '/api/routing-rules', grid)).status).toBe(403);
    expect((await c.call('DELETE', `/api/routing-rules/${second.body.id}`, office)).body).toEqual({
      ok: true,
    });
    const gone = await c.call('PATCH', `/api/routing-rules/${second.body.id}`, office, { priority: 2 });
    expect(gone.body.error.code).toBe('ROUTING_RULE_NOT_FOUND');
    const audits = await c.t.db.select().from(auditLog).where(eq(auditLog.entityType, 'routing_rule'));
    expect(audits.map((a) => a.action)).toEqual(['create', 'create', 'update', 'delete']);
  });

  it('keeps matching after the catalogue is re-imported as a new version (by kind and code)', async () => {
    const file = await c.download(office, '/api/exports/catalog.xlsx');
    const imported = await c.upload(office, '/api/imports/catalog', { name: 'again.xlsx', data: file.data });
    expect(imported.body.version).toBe(2);
    const fresh = (await c.call('GET', '/api/catalog/categories?kind=event', office)).body.find(
      (x: Category) => x.code === withDept.code,
    );
    expect(fresh.id).not.toBe(withDept.id);
    const p = await preview(fresh, here);
    expect(p.route).toMatchObject({ kind: 'rule', ruleId });
  });

  it('routeCase gives the cases module ids: grid, regions, lead and co-units', async () => {
    const current = (await c.call('GET', '/api/catalog/categories?kind=event', office)).body.find(
      (x: Category) => x.code === noDept.code,
    );
    const snapshot = await c.catalog.resolveCategory(c.cityId, current.id);
    const r = await c.catalog.routeCase(c.cityId, {
      category: snapshot,
      ...here,
      source: 'grid_worker',
      owner: 'public',
    });
    const [g] = await c.t.db
      .select()
      .from(grids)
      .where(and(eq(grids.id, here.gridId), ne(grids.code, '')));
    expect(r.grid).toMatchObject({ id: g!.id, code: g!.code, communityId: g!.communityId });
    expect(r.regions.streetId).toBe(here.streetId);
    expect(r.regions.districtId).not.toBeNull();
    expect(r).toMatchObject({ leadUnitId: here.leadUnitId, coUnitIds: [], outOfGrid: false });
  });
});

describe('calendar', () => {
  it('serves the default, stores a patch (dates sorted, unique), audited', async () => {
    const grid = await c.t.login('grid');
    const d = await c.call('GET', '/api/calendar', grid);
    expect(d.status).toBe(200);
    expect(d.body.utcOffsetMinutes).toBe(480);
    expect(d.body.officeHours[0]).toEqual({ start: '08:30', end: '12:00' });
    expect(d.body.holidays).toContain('2026-10-01');
    const r = await c.call('PUT', '/api/calendar', office, {
      holidays: ['2027-10-02', '2027-10-01', '2027-10-01'],
      makeupWorkdays: ['2027-09-26'],
      holidayYears: [2027],
    });
    expect(r.status).toBe(200);
    expect(r.body.holidays).toEqual(['2027-10-01', '2027-10-02']);
    expect(r.body.officeHours).toEqual(d.body.officeHours);
    expect((await c.catalog.calendarData(c.cityId)).holidays).toEqual(['2027-10-01', '2027-10-02']);
    expect((await c.t.db.select().from(auditLog).where(eq(auditLog.entityType, 'calendar'))).length).toBe(1);
    expect((await c.call('PUT', '/api/calendar', grid, { holidays: [] })).status).toBe(403);
  });

  it('refuses overlapping or reversed office hours and a day that is both off and on', async () => {
    const overlap = await c.call('PUT', '/api/calendar', office, {
      officeHours: [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:30' },
      ],
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.details.fields[0].field).toBe('officeHours.1');
    const reversed = await c.call('PUT', '/api/calendar', office, {
      officeHours: [{ start: '17:00', end: '09:00' }],
    });
    expect(reversed.body.error.details.fields[0].field).toBe('officeHours.0');
    const both = await c.call('PUT', '/api/calendar', office, { makeupWorkdays: ['2027-10-01'] });
    expect(both.body.error.details.fields[0].field).toBe('makeupWorkdays');
    const format = await c.call('PUT', '/api/calendar', office, {
      officeHours: [{ start: '8:30', end: '12:00' }],
    });
    expect(format.status).toBe(400);
    expect((await c.call('GET', '/api/calendar', office)).body.holidays).toEqual([
      '2027-10-01',
      '2027-10-02',
    ]);
  });
});
