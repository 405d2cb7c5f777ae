import { computeCounters } from '@chuangcheng/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { caseEvents, cases, grids, units } from '../../db/schema/index';
import { caseEventToCounterEvent } from './case-events';
import { COUNTER_COLUMNS } from './cases.repository';

let t: TestApp;
let cityId: string;
let office: Session;
let inspector: Session;
let leader: Session;
let cityUnit: Session; // demo 'unit' = 城管局
let otherUnit: Session;
let categoryId: string; // a class whose department is 城管局
let point: { lng: number; lat: number; gridId: string };

async function jpeg(seed = 1) {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed * 20, g: 90, b: 60 } } })
    .jpeg()
    .toBuffer();
}

async function upload(session: Session, kind: 'before' | 'after', data?: Buffer) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([new Uint8Array(data ?? (await jpeg()))], 'p.jpg', { type: 'image/jpeg' }));
  return t.call('POST', '/api/photos', { body: form, session });
}

async function newCase(session: Session, extra: Record<string, unknown> = {}) {
  const photo = await upload(session, 'before');
  expect(photo.status, JSON.stringify(photo.body)).toBe(201);
  const r = await t.call('POST', '/api/cases', {
    session,
    body: {
      source: 'inspector',
      categoryId,
      description: '人行道上有流动摊贩占道经营',
      lng: point.lng,
      lat: point.lat,
      photoIds: [photo.body.id],
      ...extra,
    },
  });
  return r;
}

const act = (session: Session, id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/cases/${id}/transitions`, { session, body });

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  inspector = await t.login('inspector');
  leader = await t.login('leader');
  cityUnit = await t.login('unit');
  const [other] = await t.db.select().from(units).where(eq(units.name, '住建局'));
  otherUnit = await userSession(t, 'zjj', 'unit', { unitId: other!.id });
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: office });
  const cat = cats.body.find((c: any) => c.department?.name === '城管局');
  expect(cat, 'a 城管局 class named 占道经营 in the default catalogue').toBeTruthy();
  categoryId = cat.id;
  const [g] = await t.db
    .select()
    .from(grids)
    .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)))
    .orderBy(grids.code)
    .limit(1);
  point = { lng: (g!.minLng + g!.maxLng) / 2, lat: (g!.minLat + g!.maxLat) / 2, gridId: g!.id };
});
afterAll(() => t.close());

describe('the closed loop', () => {
  it('files, routes, dispatches, rectifies, fails verification, reworks, passes and closes', async () => {
    const created = await newCase(inspector);
    expect(created.status).toBe(201);
    const c = created.body;
    expect(c.status).toBe('reported');
    expect(c.number).toMatch(/^20261123-\d{4}$/);
    expect(c.grid?.id).toBe(point.gridId);
    expect(c.leadUnit?.name).toBe('城管局');
    expect(c.route.kind).toBe('category');
    expect(c.route.text).toContain('城管局');
    // The inspector may confirm or comment, never file.
    expect(c.allowedActions.map((a: any) => a.action)).toEqual(['verify_report', 'comment']);
    const officeView = await t.call('GET', `/api/cases/${c.id}`, { session: office });
    expect(officeView.body.allowedActions.map((a: any) => a.action)).toEqual(
      expect.arrayContaining(['file', 'void', 'comment']),
    );

    let r = await act(office, c.id, { action: 'file', note: '立案' });
    expect(r.status).toBe(200);
    r = await act(office, c.id, { action: 'dispatch', expectedVersion: r.body.version });
    expect(r.body.status).toBe('dispatched');
    expect(r.body.disposeDeadline).toBeTruthy();
    expect(r.body.light).toBe('green');

    // Another unit may not touch it; the 城管局 user accepts.
    expect((await act(otherUnit, c.id, { action: 'accept' })).status).toBe(403);
    r = await act(cityUnit, c.id, { action: 'accept' });
    expect(r.body.status).toBe('in_progress');

    const noPhoto = await act(cityUnit, c.id, { action: 'submit_feedback', note: '已清理' });
    expect(noPhoto.status).toBe(400);
    expect(noPhoto.body.error.code).toBe('CASE_AFTER_PHOTO_REQUIRED');
    // Pictures of their own: the before-photo sent back would be flagged, and passing it takes a reason.
    const after = await upload(cityUnit, 'after', await jpeg(2));
    r = await act(cityUnit, c.id, { action: 'submit_feedback', note: '已清理', photoIds: [after.body.id] });
    expect(r.body.status).toBe('feedback');
    expect(r.body.photos.map((p: any) => p.kind).sort()).toEqual(['after', 'before']);

    const unitVerifies = await act(cityUnit, c.id, { action: 'verify_pass' });
    expect(unitVerifies.status).toBe(403);
    expect(unitVerifies.body.error.code).toBe('CASE_ACTION_FORBIDDEN_ROLE');
    const noReason = await act(inspector, c.id, { action: 'verify_fail' });
    expect(noReason.body.error.code).toBe('CASE_REASON_REQUIRED');
    r = await act(inspector, c.id, { action: 'verify_fail', reason: '仍有摊位' });
    expect(r.body.status).toBe('in_progress');
    expect(r.body.reworkCount).toBe(1);

    const again = await upload(cityUnit, 'after', await jpeg(3));
    await act(cityUnit, c.id, { action: 'submit_feedback', note: '已返工', photoIds: [again.body.id] });
    r = await act(inspector, c.id, { action: 'verify_pass', note: '整改到位' });
    expect(r.body.status).toBe('closed');
    expect(r.body.closedAt).toBeTruthy();
    expect(r.body.events.map((e: any) => e.type)).toEqual([
      'report',
      'file',
      'dispatch',
      'accept',
      'submit_feedback',
      'verify_fail',
      'submit_feedback',
      'verify_pass',
    ]);

    const k = await t.call('GET', '/api/kpis?dimension=unit', { session: office });
    const row = k.body.rows.find((x: any) => x.name === '城管局');
    expect(row.counters).toMatchObject({ closed: 1, reworks: 1, feedbacks: 2, needClose: 1 });
    expect(row.rates.closeRate).toBe(1);
    expect(row.rates.reworkRate).toBe(0.5);
  });

  it('one of two simultaneous actions wins; the other gets 409 CASE_CHANGED and nothing changes twice', async () => {
    const c = (await newCase(inspector)).body;
    const filed = await act(office, c.id, { action: 'file' });
    const v = filed.body.version;
    const [a, b] = await Promise.all([
      act(office, c.id, { action: 'dispatch', expectedVersion: v }),
      act(office, c.id, { action: 'void', reason: '重复', expectedVersion: v }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((x) => x.status === 409)!.body.error.code).toBe('CASE_CHANGED');
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
    expect(events.length).toBe(3);
  });

  it('refuses illegal transitions with the rule that was broken, changing nothing', async () => {
    const c = (await newCase(inspector)).body;
    const wrong = await act(cityUnit, c.id, { action: 'accept' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('CASE_ACTION_NOT_ALLOWED_IN_STATE');
    const voidNoReason = await act(office, c.id, { action: 'void' });
    expect(voidNoReason.body.error.code).toBe('CASE_REASON_REQUIRED');
    const stale = await act(office, c.id, { action: 'file', expectedVersion: 99 });
    expect(stale.body.error.code).toBe('CASE_CHANGED');
    const unknown = await act(office, c.id, { action: 'fly' });
    expect(unknown.status).toBe(400);
    const after = await t.call('GET', `/api/cases/${c.id}`, { session: office });
    expect(after.body.version).toBe(1);
    expect(after.body.status).toBe('reported');
  });

  it('files a point outside every grid to the office (属地兜底) and refuses a point far outside the city', async () => {
    const [ext] = await t.db
      .select({ maxLng: sql<number>`max(${grids.maxLng})`, maxLat: sql<number>`max(${grids.maxLat})` })
      .from(grids);
    const outside = await newCase(inspector, { lng: ext!.maxLng + 0.01, lat: ext!.maxLat + 0.01 });
    expect(outside.status).toBe(201);
    expect(outside.body.outOfGrid).toBe(true);
    expect(outside.body.grid).toBeNull();
    const far = await newCase(inspector, { lng: ext!.maxLng + 2, lat: ext!.maxLat });
    expect(far.status).toBe(400);
    expect(far.body.error.code).toBe('OUT_OF_CITY');
  });

  it('a retried submission with the same idempotency key creates the case once', async () => {
    const key = 'retry-key-0001';
    const a = await newCase(inspector, { idempotencyKey: key });
    const photo = await upload(inspector, 'before');
    const b = await t.call('POST', '/api/cases', {
      session: inspector,
      body: {
        source: 'inspector',
        categoryId,
        description: '重复提交',
        ...point,
        gridId: undefined,
        photoIds: [photo.body.id],
        idempotencyKey: key,
      },
    });
    expect(b.body.id).toBe(a.body.id);
  });

  it('escalates an overdue case to 督办 exactly once and issues a 督办单 (Word and PDF)', async () => {
    const c = (await newCase(inspector)).body;
    await act(office, c.id, { action: 'file' });
    const d = await act(office, c.id, { action: 'dispatch' });
    t.clock.set(new Date(new Date(d.body.disposeDeadline).getTime() + 60_000));
    const first = await t.services.sweeper.sweep();
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const second = await t.services.sweeper.sweep();
    expect(second.escalated).toBe(0);
    // Sessions idle out when the clock jumps: log in again at the new time.
    office = await t.login('office');
    cityUnit = await t.login('unit');
    const r = await t.call('GET', `/api/cases/${c.id}`, { session: office });
    expect(r.body.light).toBe('red');
    expect(r.body.supervisionLevel).toBe(1);
    expect(r.body.events.filter((e: any) => e.type === 'auto_supervise')).toHaveLength(1);
    expect(r.body.supervisionOrders).toHaveLength(1);
    const order = r.body.supervisionOrders[0];
    expect(order.number).toMatch(/^督〔2026〕\d{4}号$/);
    const docx = await t.app.request(`/api/supervision-orders/${order.id}/docx`, {
      headers: { cookie: `cc_session=${office.token}` },
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const pdf = await t.app.request(`/api/supervision-orders/${order.id}/pdf`, {
      headers: { cookie: `cc_session=${office.token}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const notes = await t.call('GET', '/api/notifications', { session: cityUnit });
    expect(notes.body.items.some((n: any) => n.kind === 'auto_supervise' && n.caseId === c.id)).toBe(true);
    t.clock.set('2026-11-23T02:00:00Z');
    office = await t.login('office');
    cityUnit = await t.login('unit');
    inspector = await t.login('inspector');
    otherUnit = await t.login('zjj');
  });

  it('materialised counters equal a recomputation from the event log, for every case', async () => {
    const rows = await t.db.select().from(cases);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const events = await t.db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.cityId, row.cityId), eq(caseEvents.caseId, row.id)))
        .orderBy(caseEvents.seq);
      const fromLog = computeCounters(events.map(caseEventToCounterEvent));
      const stored = Object.fromEntries(
        Object.entries(COUNTER_COLUMNS).map(([k, col]) => [
          k,
          (row as any)[col.name === undefined ? k : camel(col.name)],
        ]),
      );
      expect(stored, row.number).toEqual(fromLog);
    }
  });

  it('refuses a file that is not an image, with a Chinese message', async () => {
    const r = await upload(inspector, 'before', Buffer.from('not an image at all'));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_IMAGE');
    expect(r.body.error.message).toContain('图片');
  });

  it('lists the unit inbox and the verification queue within scope', async () => {
    const inbox = await t.call('GET', '/api/cases?queue=to_accept', { session: otherUnit });
    expect(inbox.status).toBe(200);
    for (const c of inbox.body.items) expect(c.leadUnit?.name).toBe('住建局');
    const counts = await t.call('GET', '/api/cases/counts', { session: office });
    expect(counts.body).toMatchObject({ to_file: expect.any(Number), overdue: expect.any(Number) });
    void leader;
  });
});

function camel(snake: string) {
  return snake.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
}
