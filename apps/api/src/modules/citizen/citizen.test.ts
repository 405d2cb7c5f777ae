import { crc32 } from 'node:zlib';
import { and, eq, isNull, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { caseEvents, cases, grids, photos } from '../../db/schema/index';
import { SYSTEM_ACTOR } from '../../platform/actor';

let t: TestApp;
let cityId: string;
let office: Session;
let inspector: Session;
let unit: Session;
let categoryId: string;
let point: { lng: number; lat: number };

const jpeg = (seed = 1, b = 40) =>
  sharp({ create: { width: 80, height: 60, channels: 3, background: { r: seed * 30, g: 120, b } } })
    .withExif({ IFD0: { Make: 'TestCam', Model: 'Phone 1' } })
    .jpeg()
    .toBuffer();

async function publicPhoto(data?: Buffer) {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(data ?? (await jpeg()))], 'a.jpg', { type: 'image/jpeg' }));
  return t.call('POST', '/api/public/photos', { body: form });
}

async function report(extra: Record<string, unknown> = {}) {
  const p = await publicPhoto();
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  return t.call('POST', '/api/public/reports', {
    body: {
      categoryId,
      description: '小区门口垃圾桶满溢，垃圾散落一地',
      lng: point.lng,
      lat: point.lat,
      address: '幸福路 8 号门口',
      phone: '13812345678',
      photos: [{ id: p.body.id, token: p.body.token }],
      ...extra,
    },
  });
}

/** A tiny PNG whose header claims a huge canvas (a decompression bomb's signature). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

const counts = async () => {
  const [c] = await t.db.select({ n: sql<number>`count(*)::int` }).from(cases);
  const [p] = await t.db.select({ n: sql<number>`count(*)::int` }).from(photos);
  return { cases: c!.n, photos: p!.n };
};

const act = (session: Session, id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/cases/${id}/transitions`, { session, body });

let shots = 0;
/** Each upload a picture of its own: one file on two cases is flagged 疑似重复使用 (and passing it takes a reason). */
async function upload(session: Session, kind: 'before' | 'after') {
  const form = new FormData();
  form.set('kind', kind);
  form.set(
    'file',
    new File([new Uint8Array(await jpeg(5, (++shots * 23) % 256))], 'p.jpg', { type: 'image/jpeg' }),
  );
  return t.call('POST', '/api/photos', { body: form, session });
}

/** Sessions idle out when the test clock jumps days ahead: log in again. */
async function freshSessions() {
  office = await t.login('office');
  inspector = await t.login('inspector');
  unit = await t.login('unit');
}

/** Files, dispatches, rectifies and verifies a case through the console, as the office and unit would. */
async function closeThroughTheLoop(caseId: string) {
  await freshSessions();
  let r = await act(office, caseId, { action: 'file' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  r = await act(office, caseId, { action: 'dispatch', unitId: r.body.leadUnit.id });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const unitUser = await t.login('unit');
  if (r.body.leadUnit.name !== '城管局') return null; // the demo 'unit' user is 城管局
  r = await act(unitUser, caseId, { action: 'accept' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const after = await upload(unitUser, 'after');
  r = await act(unitUser, caseId, { action: 'submit_feedback', photoIds: [after.body.id], note: '已清运' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  r = await act(inspector, caseId, { action: 'verify_pass', note: '现场已清理' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_REPORTS_PER_IP_HOUR: '6', PUBLIC_REPORTS_PER_PHONE_DAY: '4' });
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  inspector = await t.login('inspector');
  unit = await t.login('unit');
  const cfg = await t.call('GET', '/api/public/config');
  expect(cfg.status).toBe(200);
  // A class whose department is 城管局, so the demo unit user can take the case.
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: office });
  const cat = cats.body.find((c: any) => c.department?.name === '城管局');
  categoryId = cat.id;
  expect(cfg.body.categories.some((c: any) => c.id === categoryId)).toBe(true);
  const [g] = await t.db
    .select()
    .from(grids)
    .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)))
    .orderBy(grids.code)
    .limit(1);
  point = { lng: (g!.minLng + g!.maxLng) / 2, lat: (g!.minLat + g!.maxLat) / 2 };
});
afterAll(() => t.close());

describe('citizen portal (随手拍)', () => {
  it('serves the city, its extent and the categories without a login', async () => {
    const r = await t.call('GET', '/api/public/config');
    expect(r.body.cityName).toBeTruthy();
    expect(r.body.bounds.minLng).toBeLessThan(r.body.bounds.maxLng);
    expect(r.body.categories.length).toBeGreaterThan(80);
    expect(r.body.categories[0]).not.toHaveProperty('department');
  });

  it('files a report with a tracking code, routed like any case, the phone sealed and masked', async () => {
    const r = await report();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, r.body.trackingCode));
    expect(row!.source).toBe('citizen');
    expect(row!.reporterUserId).toBeNull();
    expect(row!.leadUnitId).not.toBeNull();
    // Sealed at rest: the number is not in the row; the office sees it, the unit sees it masked.
    expect(row!.reporterPhone).not.toContain('13812345678');
    expect(row!.reporterPhone).toMatch(/^enc:v1:/);
    const asOffice = await t.call('GET', `/api/cases/${row!.id}`, { session: office });
    expect(asOffice.body.reporterPhone).toBe('13812345678');
    expect(asOffice.body.trackingCode).toBe(r.body.trackingCode);
    const [evt] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row!.id));
    expect(evt!.actorRole).toBe('public');

    const track = await t.call('GET', `/api/public/reports/${r.body.trackingCode.toLowerCase()}`);
    expect(track.status).toBe(200);
    expect(track.body.stageLabel).toBe('已受理');
    expect(track.body.timeline[0].label).toBe('已受理您的反映');
    expect(JSON.stringify(track.body)).not.toContain('1381234');
    expect(track.body.beforePhotos).toHaveLength(1);
    const img = await t.app.request(track.body.beforePhotos[0].url);
    expect(img.status).toBe(200);
    const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
    expect(meta.exif, 'the public copy carries no EXIF').toBeUndefined();
  });

  it('creates a resent report once (idempotency key)', async () => {
    const key = 'resend-0001-abcdef';
    const a = await report({ idempotencyKey: key });
    const b = await report({ idempotencyKey: key });
    expect(a.status).toBe(201);
    expect(b.body.trackingCode).toBe(a.body.trackingCode);
    const rows = await t.db.select().from(cases).where(eq(cases.idempotencyKey, key));
    expect(rows).toHaveLength(1);
  });

  it('refuses bad input with Chinese field messages and writes nothing', async () => {
    const before = await counts();
    const p = await publicPhoto();
    const bad = async (body: Record<string, unknown>) =>
      t.call('POST', '/api/public/reports', {
        body: {
          categoryId,
          description: '路灯不亮',
          lng: point.lng,
          lat: point.lat,
          photos: [{ id: p.body.id, token: p.body.token }],
          ...body,
        },
      });
    const noLocation = await bad({ lng: undefined, lat: undefined });
    expect(noLocation.status).toBe(400);
    expect(noLocation.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(noLocation.body.error.details)).toContain('lng');
    const outside = await bad({ lng: point.lng + 3 });
    expect(outside.body.error.code).toBe('OUT_OF_CITY');
    expect(outside.body.error.message).toContain('不在本市范围');
    const noPhoto = await bad({ photos: [] });
    expect(JSON.stringify(noPhoto.body.error.details)).toContain('请至少拍摄或上传一张照片');
    const forged = await bad({ photos: [{ id: p.body.id, token: 'AAAAAAAAAAAAAAAAAAAAAA' }] });
    expect(forged.body.error.code).toBe('PHOTO_TOKEN_INVALID');
    const badPhone = await bad({ phone: '12345' });
    expect(JSON.stringify(badPhone.body.error.details)).toContain('手机号码格式不正确');
    const unknownCategory = await bad({ categoryId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownCategory.status).toBe(404);
    // A non-image, a broken JPEG and a decompression bomb.
    const text = await publicPhoto(Buffer.from('hello, not an image'));
    expect(text.status).toBe(400);
    expect(text.body.error.code).toBe('INVALID_IMAGE');
    const broken = (await jpeg()).subarray(0, 200);
    expect((await publicPhoto(Buffer.from(broken))).body.error.code).toBe('INVALID_IMAGE');
    const b = await publicPhoto(await pngClaiming(100_000, 100_000));
    expect(b.status).toBe(413);
    expect(b.body.error.code).toBe('IMAGE_TOO_LARGE');
    const after = await counts();
    expect(after.cases).toBe(before.cases);
    expect(after.photos).toBe(before.photos + 1); // only the one good upload of this test
    const none = await t.call('GET', '/api/public/reports/ZZZZZZZZZZ');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('查询码不存在');
    const malformed = await t.call('GET', '/api/public/reports/<script>');
    expect(malformed.status).toBe(400);
  });

  it('closes, takes a rating once, and "not fixed" within 7 days reopens the case as rework', async () => {
    const r = await report({ phone: undefined });
    const code = r.body.trackingCode;
    const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, code));
    const early = await t.call('POST', `/api/public/reports/${code}/rating`, {
      body: { resolved: true, score: 5 },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('RATING_NOT_ALLOWED');
    const closed = await closeThroughTheLoop(row!.id);
    expect(closed, 'the category routes to 城管局').not.toBeNull();
    const track = await t.call('GET', `/api/public/reports/${code}`);
    expect(track.body.stageLabel).toBe('已办结');
    expect(track.body.canRate).toBe(true);
    expect(track.body.afterPhotos).toHaveLength(1);
    expect(track.body.timeline.map((e: any) => e.label)).toContain('核查通过，已办结');
    expect(JSON.stringify(track.body.timeline)).not.toContain('督查'); // no staff names or roles

    t.clock.advance(2 * 86_400_000);
    const rated = await t.call('POST', `/api/public/reports/${code}/rating`, {
      body: { resolved: false, score: 1, comment: '垃圾又堆起来了' },
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body.stageLabel).toBe('处理中');
    const [reopened] = await t.db.select().from(cases).where(eq(cases.trackingCode, code));
    expect(reopened!.status).toBe('in_progress');
    expect(reopened!.nReworks).toBe(1);
    expect(reopened!.nClosed).toBe(0);
    expect(reopened!.closedAt).toBeNull();
    expect(reopened!.disposeDeadline!.getTime()).toBeGreaterThan(t.clock.now().getTime());
    const again = await t.call('POST', `/api/public/reports/${code}/rating`, {
      body: { resolved: true, score: 5 },
    });
    expect(again.status).toBe(409);
    // The unit sees it back in its inbox.
    await freshSessions();
    const inbox = await t.call('GET', `/api/cases/${row!.id}`, { session: unit });
    expect(inbox.body.status).toBe('in_progress');
    expect(inbox.body.events.at(-1).type).toBe('reopen');
  });

  it('after 7 days "not fixed" is recorded but does not reopen', async () => {
    const r = await report({ phone: undefined });
    const code = r.body.trackingCode;
    const [row] = await t.db.select().from(cases).where(eq(cases.trackingCode, code));
    await closeThroughTheLoop(row!.id);
    t.clock.advance(8 * 86_400_000);
    const rated = await t.call('POST', `/api/public/reports/${code}/rating`, {
      body: { resolved: false, score: 2 },
    });
    expect(rated.status).toBe(200);
    expect(rated.body.stageLabel).toBe('已办结');
    expect(rated.body.rating).toEqual({ resolved: false, score: 2, comment: null });
    // 群众满意率 reads the ratings: two so far (1 and 2 stars), neither satisfied.
    const ctx = { actor: { ...SYSTEM_ACTOR, cityId }, meta: { requestId: null, ip: null } };
    const s = await t.services.kpis.satisfaction(ctx, {});
    expect(s).toEqual({ rated: 2, satisfied: 0, rate: 0 });
  });

  it('limits reports per phone and per IP with a clear message', async () => {
    t.clock.advance(2 * 3_600_000); // a fresh hour window
    const phone = '13900001111';
    const statuses: number[] = [];
    let last: any;
    for (let i = 0; i < 5; i++) {
      last = await report({ phone });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 4)).toEqual([201, 201, 201, 201]);
    expect(statuses[4]).toBe(429);
    expect(last.body.error.code).toBe('RATE_LIMITED');
    expect(last.body.error.message).toContain('同一手机号每天最多提交 4 条');
    // Per IP (6 an hour here): the 5 above count; two more without a phone → the second is refused.
    const sixth = await report({ phone: undefined });
    expect(sixth.status).toBe(201);
    const seventh = await report({ phone: undefined });
    expect(seventh.status).toBe(429);
    expect(seventh.body.error.message).toContain('同一网络每小时最多提交 6 条');
    expect(seventh.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    // The server keeps serving.
    expect((await t.call('GET', '/api/public/config')).status).toBe(200);
  });
});

describe('citizen portal: merged reports and relapse', () => {
  beforeEach(async () => {
    t.clock.advance(2 * 3_600_000); // a fresh hour of the per-IP report limit
    await freshSessions();
  });

  it('a report merged into another case follows that case under its own code', async () => {
    const a = await report({ phone: undefined, description: '同一处垃圾堆放（第一位市民）' });
    const b = await report({ phone: undefined, description: '同一处垃圾堆放（第二位市民）' });
    const [pa] = await t.db.select().from(cases).where(eq(cases.trackingCode, a.body.trackingCode));
    const [pb] = await t.db.select().from(cases).where(eq(cases.trackingCode, b.body.trackingCode));
    const merged = await t.call('POST', `/api/cases/${pb!.id}/merge`, {
      session: office,
      body: { parentId: pa!.id, note: '同一问题' },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    await act(office, pa!.id, { action: 'file' });
    const track = await t.call('GET', `/api/public/reports/${b.body.trackingCode}`);
    expect(track.status).toBe(200);
    expect(track.body.trackingCode).toBe(b.body.trackingCode);
    expect(track.body.description).toBe('同一处垃圾堆放（第二位市民）');
    expect(track.body.stageLabel).toBe('已受理'); // the parent is filed, not yet dispatched
    expect(track.body.timeline.map((e: any) => e.label)).toContain(
      `同一问题已合并至案件 ${pa!.number} 统一办理`,
    );
    expect(track.body.canRate).toBe(false);
  });

  it('a citizen report at the spot of a case closed days ago is flagged 反弹', async () => {
    // ~90 m from the other tests' reports, so only this pair shares the spot.
    const spot = { lng: point.lng + 0.001, lat: point.lat };
    const first = await report({ phone: undefined, ...spot });
    const [c1] = await t.db.select().from(cases).where(eq(cases.trackingCode, first.body.trackingCode));
    await closeThroughTheLoop(c1!.id);
    t.clock.advance(3 * 86_400_000);
    const again = await report({
      phone: undefined,
      description: '又堆起来了',
      lng: spot.lng + 0.0001,
      lat: spot.lat,
    });
    const [c2] = await t.db.select().from(cases).where(eq(cases.trackingCode, again.body.trackingCode));
    expect(c2!.relapseOfCaseId).toBe(c1!.id);
  });
});
