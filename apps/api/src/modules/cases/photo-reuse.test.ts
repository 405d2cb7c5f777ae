/**
 * The photo-reuse flag (疑似重复使用) as calibrated (docs/benchmarks.md, "Photo reuse"), on a real
 * database with synthetic street photos: a clearly different after-photo is not flagged, the same photo
 * re-encoded still is; and a verifier who passes a case over flagged after-photos must give a reason,
 * which the event keeps.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { caseView, derive, plainSurface, reshot, shoot, street } from '../../../test/photo-scenes';
import { caseEvents, grids, photos } from '../../db/schema/index';

let t: TestApp;
let office: Session;
let inspector: Session;
let unit: Session; // demo 'unit' = 城管局, the category's department
let categoryId: string;
let point: { lng: number; lat: number };

async function uploaded(session: Session, kind: 'before' | 'after', data: Buffer) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([new Uint8Array(data)], 'p.jpg'));
  const r = await t.call('POST', '/api/photos', { body: form, session });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const act = (session: Session, id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/cases/${id}/transitions`, { session, body });

const ok = async (session: Session, id: string, body: Record<string, unknown>) => {
  const r = await act(session, id, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

async function newCase(before: Buffer) {
  const photo = await uploaded(inspector, 'before', before);
  const r = await t.call('POST', '/api/cases', {
    session: inspector,
    body: {
      source: 'inspector',
      categoryId,
      description: '商铺门前占道经营，堆放垃圾袋',
      lng: point.lng,
      lat: point.lat,
      photoIds: [photo.id],
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** Filed, dispatched to 城管局, accepted, and fed back with this after-photo; returns the case detail. */
async function fedBack(before: Buffer, after: Buffer) {
  const c = await newCase(before);
  await ok(office, c.id, { action: 'file' });
  await ok(office, c.id, { action: 'dispatch' });
  await ok(unit, c.id, { action: 'accept' });
  const photo = await uploaded(unit, 'after', after);
  return ok(unit, c.id, { action: 'submit_feedback', note: '已清理', photoIds: [photo.id] });
}

const afterFlags = (d: any) =>
  d.photos.filter((p: any) => p.kind === 'after').flatMap((p: any) => p.flags.map((f: any) => f.code));

beforeAll(async () => {
  t = await createTestApp();
  const { cityId } = await withDemoCity(t, 60);
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  inspector = await t.login('inspector');
  unit = await t.login('unit');
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: office });
  categoryId = cats.body.find((c: any) => c.department?.name === '城管局').id;
  const [g] = await t.db
    .select()
    .from(grids)
    .where(and(eq(grids.cityId, cityId), isNull(grids.validTo)))
    .orderBy(grids.code)
    .limit(1);
  point = { lng: (g!.minLng + g!.maxLng) / 2, lat: (g!.minLat + g!.maxLat) / 2 };
});
afterAll(() => t?.close());

describe('疑似重复使用 as calibrated', () => {
  const s = street(7);
  const view = caseView(s, 1, 1);

  it('does not flag a clearly different after-photo: the same spot after cleaning, or another plain wall', async () => {
    const before = await shoot(s, view, 640);
    const cleaned = await shoot(s, reshot(view, 2, { cleaned: true }), 640);
    expect(afterFlags(await fedBack(before, cleaned))).toEqual([]);

    // Two different plain walls hash alike by their shading alone (2 bits apart): no longer "similar".
    const wall = await plainSurface(3, 640);
    await newCase(wall); // an earlier case's photo of a wall
    const otherWall = await plainSurface(4, 640);
    const d = await fedBack(await shoot(s, caseView(s, 2, 1), 640), otherWall);
    expect(afterFlags(d)).toEqual([]);
    const [row] = await t.db
      .select({ phash: photos.phash })
      .from(photos)
      .where(eq(photos.id, d.photos.at(-1).id));
    expect(row!.phash).toBeNull(); // too little structure to compare: identical files only
  });

  it('still flags the same photo sent again, re-encoded or re-exposed', async () => {
    const before = await shoot(s, caseView(s, 3, 1), 640);
    const numbers = [(await newCase(before)).number];
    for (const kind of ['reencoded-half-q70', 'darker-25pct'] as const) {
      const again = await newCase(await derive(before, kind));
      // The closest earlier photo is named: the original or a copy already sent.
      expect(again.photos[0].flags).toEqual([
        {
          code: 'REUSED_PHOTO',
          label: '疑似重复使用',
          detail: expect.stringMatching(new RegExp(`^与案卷 (${numbers.join('|')}) 的照片相似$`)),
        },
      ]);
      numbers.push(again.number);
    }
    // A plain wall sent again as the identical file is still caught (by SHA-256).
    const wall = await plainSurface(5, 640);
    await newCase(wall);
    expect((await newCase(Buffer.from(wall))).photos[0].flags.map((f: any) => f.code)).toEqual([
      'REUSED_PHOTO',
    ]);
  });
});

describe('passing a case over a flagged after-photo', () => {
  it('asks for a reason, refuses without one, and keeps it on the event', async () => {
    const s = street(8);
    const before = await shoot(s, caseView(s, 1, 1), 640);
    // The unit sends the before-photo back as its after-photo.
    const fed = await fedBack(before, before);
    expect(afterFlags(fed)).toEqual(['REUSED_PHOTO']);
    const d = (await t.call('GET', `/api/cases/${fed.id}`, { session: office })).body;
    const pass = d.allowedActions.find((a: any) => a.action === 'verify_pass');
    expect(pass.needs.reason).toBe(true);

    for (const reason of [undefined, '   ']) {
      const r = await act(office, d.id, { action: 'verify_pass', expectedVersion: d.version, reason });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('CASE_REASON_REQUIRED');
      expect(r.body.error.message).toBe('处置后照片被标记为疑似不实（疑似重复使用），通过须填写理由');
      expect(r.body.error.details.fields).toEqual([
        { field: 'reason', message: '处置后照片被标记为疑似不实（疑似重复使用），通过须填写理由' },
      ]);
    }
    expect((await t.call('GET', `/api/cases/${d.id}`, { session: office })).body.status).toBe('feedback');

    const reason = '现场复核：摊点已清理，照片为同一角度补拍';
    const closed = await ok(office, d.id, { action: 'verify_pass', expectedVersion: d.version, reason });
    expect(closed.status).toBe('closed');
    const [event] = await t.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, d.id), eq(caseEvents.type, 'verify_pass')));
    expect(event!.payload).toMatchObject({ reason });
    expect(event!.note).toBe(reason);
  });

  it('asks nothing more when the after-photos carry no flag', async () => {
    const s = street(9);
    const view = caseView(s, 1, 1);
    const fed = await fedBack(
      await shoot(s, view, 640),
      await shoot(s, reshot(view, 2, { cleaned: true }), 640),
    );
    expect(afterFlags(fed)).toEqual([]);
    const d = (await t.call('GET', `/api/cases/${fed.id}`, { session: office })).body;
    expect(d.allowedActions.find((a: any) => a.action === 'verify_pass').needs.reason).toBe(false);
    expect((await ok(office, d.id, { action: 'verify_pass', expectedVersion: d.version })).status).toBe(
      'closed',
    );
  });
});
