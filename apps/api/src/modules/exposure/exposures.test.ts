import { and, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { caseDriver, cityFacts, jpeg, type Point } from '../../../test/exposure-helpers';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { auditLog, cases, exposures, photos, regions, users } from '../../db/schema/index';
import { newId } from '../../platform/ids';

let t: TestApp;
let cityId: string;
let office: Session;
let leader: Session;
let inspector: Session;
let unit: Session;
let point: Point;
let pointB: Point;
let drive: ReturnType<typeof caseDriver>;
/** A citizen's report, closed through the loop: the case the office exposes. */
let citizenCaseId: string;

const PHONE = '13812345678';
const REPORTER = '张小明';
const DESCRIPTION = '小区门口垃圾桶满溢，联系人张小明';

const publish = (session: Session, body: Record<string, unknown>) =>
  t.call('POST', '/api/exposures', { session, body });
const publicList = () => t.call('GET', '/api/public/exposures');
const counts = async () => {
  const [e] = await t.db.select({ n: sql<number>`count(*)::int` }).from(exposures);
  const [a] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.entityType, 'exposure'));
  return { exposures: e!.n, audit: a!.n };
};

async function citizenReport(): Promise<string> {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(await jpeg())], 'a.jpg', { type: 'image/jpeg' }));
  const p = await t.call('POST', '/api/public/photos', { body: form });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  const { categoryId } = await cityFacts(t, cityId, office);
  const r = await t.call('POST', '/api/public/reports', {
    body: {
      categoryId,
      description: DESCRIPTION,
      lng: point.lng,
      lat: point.lat,
      address: '幸福路 8 号门口',
      phone: PHONE,
      name: REPORTER,
      photos: [{ id: p.body.id, token: p.body.token }],
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, r.body.trackingCode));
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  leader = await t.login('leader');
  inspector = await t.login('inspector');
  unit = await t.login('unit');
  const facts = await cityFacts(t, cityId, office);
  ({ point, pointB } = facts);
  drive = caseDriver(t, facts.categoryId);
  citizenCaseId = await citizenReport();
  const dispatched = await drive.dispatch(office, citizenCaseId);
  expect(dispatched.leadUnit.name, 'the demo unit user is 城管局').toBe('城管局');
  await drive.close(unit, inspector, citizenCaseId);
});
afterAll(() => t?.close());

describe('曝光台 (exposure board)', () => {
  let exposureId: string;

  it('publishes a closed case; the public board shows it without staff or reporter data', async () => {
    const before = await counts();
    const r = await publish(office, {
      caseId: citizenCaseId,
      title: '  幸福路垃圾满溢  ',
      comment: '城管局当日清运到位，予以表扬',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    exposureId = r.body.id;
    expect(r.body).toMatchObject({
      caseId: citizenCaseId,
      title: '幸福路垃圾满溢',
      caseStatus: 'closed',
      unitName: '城管局',
      withdrawnAt: null,
    });
    expect(await counts()).toEqual({ exposures: before.exposures + 1, audit: before.audit + 1 });

    const list = await publicList();
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const item = list.body.items[0];
    expect(item).toMatchObject({
      id: exposureId,
      title: '幸福路垃圾满溢',
      comment: '城管局当日清运到位，予以表扬',
      address: '幸福路 8 号门口',
      unitName: '城管局',
      stage: 'done',
      stageLabel: '已办结',
    });
    expect(item.category).toBeTruthy();
    expect(item.beforePhotos).toHaveLength(1);
    expect(item.afterPhotos).toHaveLength(1);
    // No staff names, no phones, no reporter data, no internal numbers.
    const [row] = await t.db.select().from(cases).where(eq(cases.id, citizenCaseId));
    const staff = await t.db.select({ name: users.displayName }).from(users);
    const text = JSON.stringify(list.body);
    for (const secret of [PHONE, '1381234', REPORTER, DESCRIPTION, row!.trackingCode!, row!.number]) {
      expect(text).not.toContain(secret);
    }
    for (const s of staff) expect(text).not.toContain(s.name);
    for (const key of ['publishedByName', 'reporterPhone', 'reporterName', 'caseId', 'description']) {
      expect(item).not.toHaveProperty(key);
    }

    // The photos are the metadata-free public copies.
    for (const url of [item.beforePhotos[0].url, item.afterPhotos[0].url]) {
      const img = await t.app.request(url);
      expect(img.status, url).toBe(200);
      expect(img.headers.get('content-type')).toBe('image/jpeg');
      const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
      expect(meta.exif, 'the public copy carries no EXIF').toBeUndefined();
    }
  });

  it('serves only photos of the exposed case', async () => {
    const other = await drive.report(inspector, point);
    const [p] = await t.db.select().from(photos).where(eq(photos.caseId, other));
    const r = await t.call('GET', `/api/public/exposures/${exposureId}/photos/${p!.id}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('PHOTO_NOT_FOUND');
    const unknown = await t.call('GET', `/api/public/exposures/${newId()}/photos/${p!.id}`);
    expect(unknown.body.error.code).toBe('EXPOSURE_NOT_FOUND');
  });

  it('refuses to expose the same case twice while it is on the board', async () => {
    const before = await counts();
    const again = await publish(leader, { caseId: citizenCaseId, title: '再次曝光' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EXPOSURE_EXISTS');
    expect(again.body.error.message).toContain('已在曝光台');
    expect(await counts()).toEqual(before);
  });

  it('withdraws: gone from the public board and its photos; listed as withdrawn for the office', async () => {
    const item = (await publicList()).body.items[0];
    const r = await t.call('POST', `/api/exposures/${exposureId}/withdraw`, { session: leader });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.withdrawnAt).toBeTruthy();
    expect((await publicList()).body).toMatchObject({ total: 0, items: [] });
    expect((await t.app.request(item.beforePhotos[0].url)).status).toBe(404);
    const twice = await t.call('POST', `/api/exposures/${exposureId}/withdraw`, { session: office });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('EXPOSURE_WITHDRAWN');

    const all = await t.call('GET', '/api/exposures', { session: office });
    expect(all.body.items.map((e: any) => [e.id, !!e.withdrawnAt])).toEqual([[exposureId, true]]);
    expect(all.body.items[0].publishedByName).toBeTruthy();
    const active = await t.call('GET', '/api/exposures?state=active', { session: office });
    expect(active.body.total).toBe(0);
    const byCase = await t.call('GET', `/api/exposures?caseId=${citizenCaseId}`, { session: office });
    expect(byCase.body.total).toBe(1);
  });

  it('publishes a withdrawn case again (same record, new text)', async () => {
    const r = await publish(leader, { caseId: citizenCaseId, title: '幸福路垃圾满溢（复查）' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.id).toBe(exposureId);
    expect(r.body.comment).toBeNull();
    const list = await publicList();
    expect(list.body.items.map((e: any) => e.title)).toEqual(['幸福路垃圾满溢（复查）']);
  });

  it('shows an open case with its public status and only before-photos', async () => {
    const id = await drive.report(inspector, point);
    await drive.dispatch(office, id);
    const r = await publish(office, { caseId: id, title: '占道经营' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const item = (await publicList()).body.items.find((e: any) => e.id === r.body.id);
    expect(item).toMatchObject({ stage: 'handling', stageLabel: '处理中', afterPhotos: [] });
    expect(item.beforePhotos).toHaveLength(1);
  });

  it('refuses bad input with Chinese codes and messages, writing nothing', async () => {
    const before = await counts();
    const unknown = await publish(office, { caseId: newId(), title: '不存在' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('CASE_NOT_FOUND');
    expect(unknown.body.error.details.fields[0].field).toBe('caseId');

    const empty = await publish(office, { caseId: citizenCaseId, title: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(empty.body.error.details)).toContain('请填写曝光标题');

    const noCase = await publish(office, { caseId: 'abc', title: 'x' });
    expect(noCase.status).toBe(400);
    expect(JSON.stringify(noCase.body.error.details)).toContain('请选择要曝光的案件');

    const long = await publish(office, { caseId: citizenCaseId, title: '长'.repeat(61) });
    expect(JSON.stringify(long.body.error.details)).toContain('标题不超过 60 个字');

    const unfiled = await drive.report(inspector, point);
    const notYet = await publish(office, { caseId: unfiled, title: '未立案' });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('EXPOSURE_CASE_NOT_ELIGIBLE');
    expect(notYet.body.error.message).toContain('待立案或已作废');

    const missing = await t.call('POST', `/api/exposures/${newId()}/withdraw`, { session: office });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('EXPOSURE_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('refuses another city’s and an out-of-scope case', async () => {
    const before = await counts();
    const otherCity = newId();
    await t.db.insert(regions).values({
      id: otherCity,
      cityId: otherCity,
      parentId: null,
      code: '999900',
      name: '他市',
      level: 'city',
      path: `/${otherCity}/`,
    });
    const stranger = await userSession(t, 'other_office', 'office', { regionId: otherCity });
    const foreign = await publish(stranger, { caseId: citizenCaseId, title: '他市曝光' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('FORBIDDEN_SCOPE');
    const theirs = await t.call('GET', '/api/exposures', { session: stranger });
    expect(theirs.body.total).toBe(0);
    const [e] = await t.db.select().from(exposures).where(eq(exposures.caseId, citizenCaseId));
    const withdraw = await t.call('POST', `/api/exposures/${e!.id}/withdraw`, { session: stranger });
    expect(withdraw.status).toBe(404);

    // An office scoped to another district than the case's.
    expect(pointB.districtId).not.toBe(point.districtId);
    const districtOffice = await userSession(t, 'office_b', 'office', { regionId: pointB.districtId });
    const outside = await publish(districtOffice, { caseId: citizenCaseId, title: '越权曝光' });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('FORBIDDEN_SCOPE');
    const listed = await t.call('GET', '/api/exposures', { session: districtOffice });
    expect(listed.body.total).toBe(0);
    expect(await counts()).toEqual(before);
    // The city's public board is unchanged by the other city.
    expect((await publicList()).body.total).toBe(2);
  });

  it('lets only the office and leaders in (403 for other roles, 401 without a login)', async () => {
    const grid = await t.login('grid');
    for (const session of [unit, inspector, grid]) {
      for (const r of [
        await publish(session, { caseId: citizenCaseId, title: 'x' }),
        await t.call('GET', '/api/exposures', { session }),
        await t.call('POST', `/api/exposures/${newId()}/withdraw`, { session }),
      ]) {
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('FORBIDDEN_ROLE');
      }
    }
    const anonymous = await t.call('POST', '/api/exposures', { body: { caseId: citizenCaseId, title: 'x' } });
    expect(anonymous.status).toBe(401);
    const [n] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(exposures)
      .where(and(eq(exposures.cityId, cityId), eq(exposures.title, 'x')));
    expect(n!.n).toBe(0);
  });

  it('pages the public board', async () => {
    const r = await t.call('GET', '/api/public/exposures?page=2&pageSize=1');
    expect(r.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(r.body.items).toHaveLength(1);
    const bad = await t.call('GET', '/api/public/exposures?pageSize=500');
    expect(bad.status).toBe(400);
  });
});
