/**
 * The citizen portal's city is an installation setting: adding a second city (even one with a lower
 * region code) never moves the portal; the system administrator chooses it, audited; nobody else may.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { auditLog, regions } from '../../db/schema/index';
import { newId } from '../../platform/ids';

let t: TestApp;
let cityId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 50));
});
afterAll(() => t?.close());

const portalCityName = async () => {
  const r = await t.call('GET', '/api/public/config');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.cityName as string;
};

describe('the portal city', () => {
  it('stays on the first city when a city with a lower code is added', async () => {
    expect(await portalCityName()).toBe('示范市');
    const id = newId();
    await t.db.insert(regions).values({
      id,
      cityId: id,
      parentId: null,
      code: '110100',
      name: '首都市',
      level: 'city',
      path: `/${id}/`,
    });
    expect(await portalCityName()).toBe('示范市');
    const board = await t.call('GET', '/api/public/exposures');
    expect(board.status).toBeLessThan(500);
  });

  it('is chosen by the system administrator only, audited', async () => {
    const office = await userSession(t, 'portal_office', 'office', { cityId });
    const [other] = await t.db
      .select()
      .from(regions)
      .where(and(eq(regions.level, 'city'), eq(regions.code, '110100')));
    const denied = await t.call('PUT', '/api/settings/portal-city', {
      session: office,
      body: { cityId: other!.id },
    });
    expect(denied.status).toBe(403);
    expect(await portalCityName()).toBe('示范市');

    const admin = await t.login('admin');
    const bad = await t.call('PUT', '/api/settings/portal-city', {
      session: admin,
      body: { cityId: newId() },
    });
    expect(bad.status).toBe(404);
    expect(bad.body.error.details.fields[0].field).toBe('cityId');

    const set = await t.call('PUT', '/api/settings/portal-city', {
      session: admin,
      body: { cityId: other!.id },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.name).toBe('首都市');
    expect(await portalCityName()).toBe('首都市');
    const read = await t.call('GET', '/api/settings/portal-city', { session: admin });
    expect(read.body.id).toBe(other!.id);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'portal_city'));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.after).toMatchObject({ cityId: other!.id });
  });
});
