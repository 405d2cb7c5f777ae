/**
 * Notifications follow scope: a new report, a return, a feedback, an extension request and the automatic
 * 督办 reach only the accounts whose scope holds the case (city-wide, or the case's district / street /
 * community; unit accounts only for the case's units) — and no notification names a case its reader
 * cannot open.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { gridPoints, userSession, withDemoCity } from '../../../test/fixtures';
import { notifications, units } from '../../db/schema/index';

const T0 = '2026-11-23T02:00:00Z'; // Monday 10:00 in the city
const ACCOUNTS = [
  'office',
  'leader',
  'inspector',
  'unit',
  'office_a',
  'office_b',
  'leader_b',
  'insp_b',
  'zjj',
];

let t: TestApp;
let cityId: string;
const s: Record<string, Session> = {};
let categoryId: string;
let pointA: { lng: number; lat: number };

async function loginAll() {
  for (const u of ACCOUNTS) s[u] = await t.login(u);
}

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  const current = await gridPoints(t, cityId);
  const a = current[0]!;
  const districtA = a.districtId;
  const districtB = current.find((g) => g.districtId !== districtA)!.districtId;
  pointA = { lng: a.lng, lat: a.lat };
  const [zjj] = await t.db
    .select()
    .from(units)
    .where(and(eq(units.cityId, cityId), eq(units.name, '住建局')));
  await userSession(t, 'office_a', 'office', { regionId: districtA });
  await userSession(t, 'office_b', 'office', { regionId: districtB });
  await userSession(t, 'leader_b', 'leader', { regionId: districtB });
  await userSession(t, 'insp_b', 'inspector', { regionId: districtB });
  await userSession(t, 'zjj', 'unit', { unitId: zjj!.id });
  t.clock.set(new Date(T0));
  await loginAll();
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', {
    session: s.office!,
  });
  categoryId = cats.body.find((c: any) => c.department?.name === '城管局').id;
});
afterAll(() => t?.close());

const act = async (who: string, id: string, body: Record<string, unknown>) => {
  const r = await t.call('POST', `/api/cases/${id}/transitions`, { session: s[who]!, body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

/** Who received a notification about the case, by account name. */
async function recipients(caseId: string, kind?: string) {
  const names = new Set<string>();
  for (const u of ACCOUNTS) {
    const r = await t.call('GET', '/api/notifications', { session: s[u]! });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const items: { caseId: string | null; kind: string }[] = r.body.items ?? r.body;
    if (items.some((n) => n.caseId === caseId && (!kind || n.kind === kind))) names.add(u);
  }
  return names;
}

async function caseInA(extra: Record<string, unknown> = {}) {
  const r = await t.call('POST', '/api/cases', {
    session: s.inspector!,
    body: { source: 'inspector', categoryId, description: '人行道上有流动摊贩占道经营', ...pointA, ...extra },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('notifications reach only the accounts whose scope holds the case', () => {
  it('a return by the unit reaches the city office and district A, never district B', async () => {
    const c = await caseInA();
    await act('office', c.id, { action: 'file' });
    await act('office', c.id, { action: 'dispatch' });
    const toUnit = await recipients(c.id, 'dispatch');
    expect(toUnit.has('unit')).toBe(true);
    expect(toUnit.has('zjj')).toBe(false);
    await act('unit', c.id, { action: 'return', reason: '不属于本单位职责范围' });
    const got = await recipients(c.id, 'return');
    expect(got.has('office')).toBe(true);
    expect(got.has('office_a')).toBe(true);
    expect(got.has('office_b')).toBe(false);
  });

  it('feedback and an extension request stay out of district B', async () => {
    const c = await caseInA();
    await act('office', c.id, { action: 'file' });
    await act('office', c.id, { action: 'dispatch' });
    await t.login('unit').then((x) => (s.unit = x));
    const accepted = await act('unit', c.id, { action: 'accept' });
    const deadline = new Date(new Date(accepted.disposeDeadline).getTime() + 48 * 3_600_000).toISOString();
    await act('unit', c.id, { action: 'request_extension', reason: '需协调产权单位', deadline });
    const ext = await recipients(c.id, 'request_extension');
    expect(ext.has('leader')).toBe(true);
    expect(ext.has('leader_b')).toBe(false);
    expect(ext.has('office_b')).toBe(false);
  });

  it('no account holds a notification naming a case it cannot open', async () => {
    for (const u of ACCOUNTS) {
      const rows = await t.db
        .select({ caseId: notifications.caseId })
        .from(notifications)
        .where(eq(notifications.userId, s[u]!.userId));
      for (const { caseId } of rows) {
        if (!caseId) continue;
        const r = await t.call('GET', `/api/cases/${caseId}`, { session: s[u]! });
        expect(r.status, `${u} was told about case ${caseId}`).toBe(200);
      }
    }
  });
});
