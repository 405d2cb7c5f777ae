import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { expect } from 'vitest';
import { units } from '../src/db/schema/index';
import type { Session, TestApp } from './app';
import { type GridPoint, gridPoints } from './fixtures';

/** A small JPEG carrying EXIF (camera make and model) that the public copy must not. */
export const jpeg = (seed = 1) =>
  sharp({
    create: {
      width: 80,
      height: 60,
      channels: 3,
      background: { r: (seed * 30) % 256, g: 120, b: (40 + Math.floor((seed * 30) / 256) * 50) % 256 },
    },
  })
    .withExif({ IFD0: { Make: 'TestCam', Model: 'Phone 1' } })
    .jpeg()
    .toBuffer();

export type Point = { lng: number; lat: number; districtId: string };

/** The demo city's facts the tests need: a 城管局 category, points in two districts, unit ids by name. */
export async function cityFacts(t: TestApp, cityId: string, office: Session) {
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: office });
  const category = cats.body.find((c: { department?: { name: string } }) => c.department?.name === '城管局');
  expect(category, 'a 城管局 class named 占道经营 in the default catalogue').toBeTruthy();
  const current = await gridPoints(t, cityId);
  const pointOf = (g: GridPoint): Point => ({ lng: g.lng, lat: g.lat, districtId: g.districtId });
  const point = pointOf(current[0]!);
  const other = current.find((g) => g.districtId !== point.districtId);
  expect(other, 'the demo city has grids in two districts').toBeTruthy();
  const cityUnits = await t.db.select().from(units).where(eq(units.cityId, cityId));
  const unitId = (name: string) => {
    const u = cityUnits.find((x) => x.name === name);
    expect(u, `unit ${name}`).toBeTruthy();
    return u!.id;
  };
  return { categoryId: category.id as string, point, pointB: pointOf(other!), unitId, units: cityUnits };
}

/** Drives cases through the console as the office, a unit and the inspector would. */
export function caseDriver(t: TestApp, categoryId: string) {
  async function upload(session: Session, kind: 'before' | 'after', seed = 1) {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', new File([new Uint8Array(await jpeg(seed))], 'p.jpg', { type: 'image/jpeg' }));
    const r = await t.call('POST', '/api/photos', { body: form, session });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }

  async function act(session: Session, id: string, body: Record<string, unknown>) {
    const r = await t.call('POST', `/api/cases/${id}/transitions`, { session, body });
    expect(r.status, `${body.action}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  }

  /** A case reported by the inspector (status reported). */
  async function report(session: Session, where: Point, description = '人行道上有流动摊贩占道经营') {
    const photoId = await upload(session, 'before');
    const r = await t.call('POST', '/api/cases', {
      session,
      body: {
        source: 'inspector',
        categoryId,
        description,
        lng: where.lng,
        lat: where.lat,
        photoIds: [photoId],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }

  /** Filed and dispatched by the office (to `unitId`, else to the routed unit). */
  async function dispatch(office: Session, id: string, unitId?: string) {
    const filed = await act(office, id, { action: 'file' });
    return act(office, id, { action: 'dispatch', unitId: unitId ?? filed.leadUnit.id });
  }

  /**
   * Accepted, rectified (with an after-photo of its own: the same file on two cases would rightly be
   * flagged 疑似重复使用) by the unit and verified by the inspector.
   */
  let afterSeed = 4;
  async function close(unit: Session, inspector: Session, id: string) {
    await act(unit, id, { action: 'accept' });
    const after = await upload(unit, 'after', afterSeed++);
    await act(unit, id, { action: 'submit_feedback', photoIds: [after], note: '已清理' });
    return act(inspector, id, { action: 'verify_pass', note: '现场已清理' });
  }

  return { upload, act, report, dispatch, close };
}
