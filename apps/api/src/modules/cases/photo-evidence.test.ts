/**
 * Evidence checks on photos (issue 4 §2) on a real database: EXIF time and GPS, the upright thumbnail and
 * the metadata-free public copy, the page-captured fields, the 疑似不实 flags a transition stores (taken
 * before the dispatch, too far from the case, reused from another case), and refusals that store nothing.
 */
import { readdirSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { and, count, eq, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { grids, photos } from '../../db/schema/index';

const T0 = '2026-11-23T02:00:00Z'; // the test clock: Monday 10:00 in the city
const HOUR = 3_600_000;

let t: TestApp;
let cityId: string;
let office: Session;
let inspector: Session;
let unit: Session; // demo 'unit' = 城管局, the category's department
let categoryId: string;
let point: { lng: number; lat: number };

/** A smooth random picture (a coarse random field, upscaled): distinct seeds hash far apart. */
async function picture(seed: number, width = 400, height = 300) {
  let s = seed * 2654435761;
  const rnd = () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s >>> 24;
  };
  const coarse = Buffer.from(Array.from({ length: 16 * 12 * 3 }, rnd));
  return sharp(coarse, { raw: { width: 16, height: 12, channels: 3 } }).resize(width, height, {
    kernel: 'cubic',
    fit: 'fill',
  });
}
const jpeg = async (seed: number) => (await picture(seed)).jpeg().toBuffer();

/** `metres` north of the case's point. */
const north = (metres: number) => ({ lng: point.lng, lat: point.lat + metres / 111_195 });

async function upload(
  session: Session,
  kind: 'before' | 'after',
  data: Buffer,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('kind', kind);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new File([new Uint8Array(data)], 'p.jpg'));
  return t.call('POST', '/api/photos', { body: form, session });
}

async function uploaded(session: Session, kind: 'before' | 'after', data: Buffer, fields = {}) {
  const r = await upload(session, kind, data, fields);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const act = async (session: Session, id: string, body: Record<string, unknown>) => {
  const r = await t.call('POST', `/api/cases/${id}/transitions`, { session, body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

async function newCase(beforeData: Buffer) {
  const before = await uploaded(inspector, 'before', beforeData);
  const r = await t.call('POST', '/api/cases', {
    session: inspector,
    body: {
      source: 'inspector',
      categoryId,
      description: '人行道上有流动摊贩占道经营',
      lng: point.lng,
      lat: point.lat,
      photoIds: [before.id],
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** A case filed, dispatched (at T0) and accepted by 城管局. */
async function inProgress(seed: number) {
  const c = await newCase(await jpeg(seed));
  await act(office, c.id, { action: 'file' });
  await act(office, c.id, { action: 'dispatch' });
  return act(unit, c.id, { action: 'accept' });
}

/** The unit's 处置反馈 with these after-photos; returns the after-photos as the case detail shows them. */
async function feedback(caseId: string, photoIds: string[]) {
  const d = await act(unit, caseId, { action: 'submit_feedback', note: '已清理', photoIds });
  return d.photos.filter((p: any) => p.kind === 'after' && photoIds.includes(p.id));
}

const codes = (p: any) => p.flags.map((f: any) => f.code);

function filesIn(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}
const stored = async () => ({
  rows: (await t.db.select({ n: count() }).from(photos))[0]!.n,
  files: filesIn(t.config.filesDir),
});

/** A PNG whose header claims width × height pixels (valid signature and CRC, one empty IDAT). */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  t = await createTestApp({ PHOTO_MAX_MB: '1', PHOTO_MAX_MEGAPIXELS: '4' });
  ({ cityId } = await withDemoCity(t, 60));
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
  expect(t.clock.now().toISOString()).toBe(new Date(T0).toISOString());
});
afterAll(() => t?.close());

describe('photo intake', () => {
  it('reads EXIF time and GPS, stores an upright thumbnail and a public copy without any metadata', async () => {
    const gps = north(20);
    const deg = (x: number) => {
      const d = Math.floor(x);
      const m = Math.floor((x - d) * 60);
      return `${d}/1 ${m}/1 ${Math.round(((x - d) * 60 - m) * 60 * 10_000)}/10000`;
    };
    // A portrait shot stored sideways (orientation 6), as phones do; 09:30 local time, no offset tag.
    const data = await (await picture(101))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: 'TestPhone', Model: 'X1' },
        IFD2: { DateTimeOriginal: '2026:11:23 09:30:00' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: deg(gps.lat),
          GPSLongitudeRef: 'E',
          GPSLongitude: deg(gps.lng),
        },
      })
      .toBuffer();
    const original = await sharp(data).metadata();
    expect(original.orientation).toBe(6);
    expect(original.exif).toBeDefined();

    const p = await uploaded(inspector, 'before', data);
    expect(p).toMatchObject({
      width: 300,
      height: 400,
      takenAt: '2026-11-23T01:30:00.000Z', // read in the city's zone (UTC+8)
      capturedAt: null,
      hasLocation: true,
      flags: [],
    });
    expect(p).not.toHaveProperty('exifLat');
    const [row] = await t.db.select().from(photos).where(eq(photos.id, p.id));
    expect(row!.exifLat).toBeCloseTo(gps.lat, 5);
    expect(row!.exifLng).toBeCloseTo(gps.lng, 5);
    expect(row!.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(row!.publicKey).toMatch(/\.public\.jpg$/);

    const pub = await t.services.photos.publicFile(p.id);
    expect(pub.contentType).toBe('image/jpeg');
    const pm = await sharp(pub.data).metadata();
    expect(pm).toMatchObject({ format: 'jpeg', width: 300, height: 400 });
    expect([pm.exif, pm.xmp, pm.icc, pm.iptc, pm.orientation]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(pub.data.includes('TestPhone')).toBe(false);

    const thumb = await t.app.request(p.thumbUrl, { headers: { cookie: `cc_session=${inspector.token}` } });
    expect(thumb.status).toBe(200);
    const tm = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(tm).toMatchObject({ width: 240, height: 320 });
    expect(tm.exif).toBeUndefined();
    // The original stays as uploaded (evidence), EXIF and all.
    const back = await t.services.photos.read(row!.storageKey);
    expect(Buffer.compare(back, data)).toBe(0);
  });

  it('takes the page-captured time and place, and names a bad field in Chinese', async () => {
    const at = new Date(Date.parse(T0) - HOUR).toISOString();
    const p = await uploaded(inspector, 'before', await jpeg(102), {
      capturedAt: at,
      capturedLng: String(point.lng),
      capturedLat: String(point.lat),
    });
    expect(p).toMatchObject({ capturedAt: at, takenAt: null, hasLocation: true });

    const before = await stored();
    for (const [fields, field] of [
      [{ capturedAt: '昨天下午' }, 'capturedAt'],
      [{ capturedAt: '2026-11-23 10:00' }, 'capturedAt'],
      [{ capturedLng: 'abc', capturedLat: '36.6' }, 'capturedLng'],
      [{ capturedLng: '117', capturedLat: '91' }, 'capturedLat'],
      [{ capturedLng: '117' }, 'capturedLat'],
    ] as const) {
      const r = await upload(inspector, 'before', await jpeg(103), fields);
      expect(r.status, JSON.stringify(fields)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.details.fields[0].field).toBe(field);
      expect(r.body.error.details.fields[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a broken file, a non-image, an over-size file and a decompression bomb, storing nothing', async () => {
    const good = await jpeg(104);
    const cases: [string, Buffer, number, string][] = [
      ['truncated JPEG', good.subarray(0, Math.floor(good.length / 2)), 400, 'INVALID_IMAGE'],
      ['text', Buffer.from('这不是图片，只是一段文字。'.repeat(50)), 400, 'INVALID_IMAGE'],
      ['GIF', await sharp(good).gif().toBuffer(), 400, 'INVALID_IMAGE'],
      // Random bytes behind a JPEG marker, over PHOTO_MAX_MB (1 MB here): refused before decoding.
      [
        '1.5 MB file',
        Buffer.concat([good.subarray(0, 4), Buffer.alloc(1_500_000, 7)]),
        413,
        'IMAGE_TOO_LARGE',
      ],
      ['PNG claiming 100000 × 100000 pixels', pngClaiming(100_000, 100_000), 413, 'IMAGE_TOO_LARGE'],
    ];
    const before = await stored();
    expect(before.files).toBeGreaterThan(0);
    for (const [name, data, status, code] of cases) {
      const r = await upload(inspector, 'before', data);
      expect(r.status, name).toBe(status);
      expect(r.body.error.code, name).toBe(code);
      expect(r.body.error.message, name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await stored()).toEqual(before);
  });
});

describe('疑似不实 flags', () => {
  it('flags an after-photo captured 300 m from the case (TOO_FAR), not one on the spot', async () => {
    const c = await inProgress(201);
    const far = await uploaded(unit, 'after', await jpeg(202), {
      capturedLng: String(north(300).lng),
      capturedLat: String(north(300).lat),
    });
    const near = await uploaded(unit, 'after', await jpeg(203), {
      capturedLng: String(north(40).lng),
      capturedLat: String(north(40).lat),
    });
    expect(far.flags).toEqual([]); // flags come when a case takes the photo
    const after = await feedback(c.id, [far.id, near.id]);
    const farShown = after.find((p: any) => p.id === far.id);
    expect(farShown.flags).toEqual([
      {
        code: 'TOO_FAR',
        label: '拍摄位置偏离',
        detail: expect.stringMatching(/^拍摄位置距案件位置 30\d 米/),
      },
    ]);
    expect(after.find((p: any) => p.id === near.id).flags).toEqual([]);
    // The case detail the verifier opens shows the same.
    const d = await t.call('GET', `/api/cases/${c.id}`, { session: office });
    expect(codes(d.body.photos.find((p: any) => p.id === far.id))).toEqual(['TOO_FAR']);
  });

  it('flags an after-photo taken before the dispatch, by the page time or by EXIF', async () => {
    const c = await inProgress(301);
    const byPage = await uploaded(unit, 'after', await jpeg(302), {
      capturedAt: new Date(Date.parse(T0) - 2 * HOUR).toISOString(),
    });
    const byExif = await uploaded(
      unit,
      'after',
      await (await picture(303))
        .jpeg()
        .withExifMerge({ IFD2: { DateTimeOriginal: '2026:11:22 18:00:00', OffsetTimeOriginal: '+08:00' } })
        .toBuffer(),
    );
    const later = await uploaded(unit, 'after', await jpeg(304), {
      capturedAt: new Date(Date.parse(T0) + HOUR).toISOString(),
    });
    const after = await feedback(c.id, [byPage.id, byExif.id, later.id]);
    const flagOf = (id: string) => after.find((p: any) => p.id === id).flags;
    expect(flagOf(byPage.id)).toEqual([
      {
        code: 'TAKEN_BEFORE_DISPATCH',
        label: '拍摄时间早于派遣',
        detail: '拍摄时间早于派遣时间：拍摄于 2026-11-23 08:00（拍摄时页面记录），派遣于 2026-11-23 10:00',
      },
    ]);
    expect(flagOf(byExif.id)[0].detail).toBe(
      '拍摄时间早于派遣时间：拍摄于 2026-11-22 18:00（照片记录），派遣于 2026-11-23 10:00',
    );
    expect(flagOf(later.id)).toEqual([]);
  });

  it("flags a photo reused from another case (same file or re-encoded), and an after-photo equal to the case's own before-photo", async () => {
    const shot = await jpeg(401);
    const first = await newCase(shot);
    expect(first.photos[0].flags).toEqual([]);

    const again = await newCase(shot);
    expect(again.photos[0].flags).toEqual([
      { code: 'REUSED_PHOTO', label: '疑似重复使用', detail: `与案卷 ${first.number} 的照片完全相同` },
    ]);

    // Smaller and at a lower quality: another file, the same picture.
    const reencoded = await sharp(shot).resize(320, 240).jpeg({ quality: 55 }).toBuffer();
    const similar = await newCase(reencoded);
    expect(similar.photos[0].flags).toEqual([
      {
        code: 'REUSED_PHOTO',
        label: '疑似重复使用',
        detail: expect.stringMatching(/^与案卷 \d{8}-\d{4} 的照片/),
      },
    ]);
    const unrelated = await newCase(await jpeg(402));
    expect(unrelated.photos[0].flags).toEqual([]);
    // Flat pictures all hash alike (~0000…): they match only an identical file, never "similar".
    const flat = (r: number) =>
      sharp({ create: { width: 200, height: 150, channels: 3, background: { r, g: 90, b: 60 } } })
        .jpeg()
        .toBuffer();
    expect((await newCase(await flat(10))).photos[0].flags).toEqual([]);
    expect((await newCase(await flat(200))).photos[0].flags).toEqual([]);

    // The unit sends back the before-photo as its after-photo (nothing was done).
    const c = await inProgress(403);
    const own = await uploaded(unit, 'after', await jpeg(403));
    const [shown] = await feedback(c.id, [own.id]);
    expect(shown.flags).toEqual([
      { code: 'REUSED_PHOTO', label: '疑似重复使用', detail: '与本案卷处置前的照片完全相同' },
    ]);

    // Flags never block: the case moved on to verification.
    const d = await t.call('GET', `/api/cases/${c.id}`, { session: office });
    expect(d.body.status).toBe('feedback');
  });
});
