import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { download, type SeededCampaign, sample, seedCampaign, upload } from '../../../test/evidence-helpers';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { evidenceFiles, regions, units } from '../../db/schema/index';
import { newId } from '../../platform/ids';

// The archive answers exactly as its campaign does: a district office (leader, inspector) of district A
// opens neither the campaign of district B nor its 台账 — list, download, upload, delete, slots,
// completeness, the 迎检资料包 — and a user of another city opens nothing of this one.

let t: TestApp;
let office: Session;
let officeA: Session;
let officeB: Session;
let leaderA: Session;
let inspectorA: Session;
let stranger: Session;
let c: SeededCampaign;
let fileId: string;

const rows = async () =>
  Number(
    (
      await t.db.select({ n: count() }).from(evidenceFiles).where(eq(evidenceFiles.campaignId, c.campaignId))
    )[0]!.n,
  );

const monthly = async (s: Session, text: string) =>
  upload(t, s, {
    campaignId: c.campaignId,
    nodeId: c.node['1.1']!,
    requirement: '月度保洁检查记录',
    period: '2026-11',
    title: '11月保洁检查记录',
    docDate: '2026-11-05',
    name: '记录.pdf',
    data: await sample.pdf(text),
  });

beforeAll(async () => {
  t = await createTestApp();
  const { cityId, districts } = await withDemoCity(t, 60);
  const [a, b] = districts.filter((d) => d.cityId === cityId).sort((x, y) => x.code.localeCompare(y.code));
  const depts = await t.db
    .select()
    .from(units)
    .where(and(eq(units.cityId, cityId), eq(units.kind, 'department')));
  c = await seedCampaign(
    t,
    cityId,
    { a: depts[0]!.id, b: depts[1]!.id, c: depts[2]!.id },
    '乙区2026年卫生区复审',
    b!.id,
  );
  const otherCity = newId();
  await t.db.insert(regions).values({
    id: otherCity,
    cityId: otherCity,
    parentId: null,
    code: '999700',
    name: '他市',
    level: 'city',
    path: `/${otherCity}/`,
  });
  office = await t.login('office');
  officeA = await userSession(t, 'ev-office-a', 'office', { regionId: a!.id });
  officeB = await userSession(t, 'ev-office-b', 'office', { regionId: b!.id });
  leaderA = await userSession(t, 'ev-leader-a', 'leader', { regionId: a!.id });
  inspectorA = await userSession(t, 'ev-inspector-a', 'inspector', { regionId: a!.id });
  stranger = await userSession(t, 'ev-office-x', 'office', { regionId: otherCity });
  const up = await monthly(office, 'b-1');
  expect(up.status).toBe(201);
  fileId = up.body.id;
});
afterAll(() => t.close());

describe('evidence scope = campaign scope', () => {
  it('the campaign of district B: its own district and the city office open it, district A does not', async () => {
    for (const s of [office, officeB]) {
      expect((await t.call('GET', `/api/campaigns/${c.campaignId}`, { session: s })).status).toBe(200);
      const list = await t.call('GET', `/api/evidence?campaignId=${c.campaignId}`, { session: s });
      expect(list.status).toBe(200);
      expect(list.body.items.map((f: { id: string }) => f.id)).toContain(fileId);
      expect((await download(t, s, `/api/evidence/${fileId}/file`)).status).toBe(200);
    }
    // The campaign itself answers 403 to district A and to the other city: so does its archive.
    for (const s of [officeA, stranger]) {
      const r = await t.call('GET', `/api/campaigns/${c.campaignId}`, { session: s });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN_SCOPE');
    }
  });

  it('reads of another district’s (or city’s) archive are refused: list, download, slots, completeness, package', async () => {
    for (const s of [officeA, leaderA, inspectorA, stranger]) {
      for (const path of [
        `/api/evidence?campaignId=${c.campaignId}`,
        `/api/campaigns/${c.campaignId}/evidence/slots?asOf=2026-11-30`,
        `/api/campaigns/${c.campaignId}/evidence/completeness?asOf=2026-11-30`,
      ]) {
        const r = await t.call('GET', path, { session: s });
        expect(r.status, path).toBe(403);
        expect(r.body.error.code).toBe('FORBIDDEN_SCOPE');
        expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
      for (const path of [`/api/evidence/${fileId}/file`, `/api/campaigns/${c.campaignId}/evidence/export`]) {
        const r = await download(t, s, path);
        expect(r.status, path).toBe(403);
        expect(r.headers.get('content-type')).toMatch(/json/);
      }
    }
  });

  it('writes to another district’s (or city’s) archive are refused and change nothing', async () => {
    const before = await rows();
    for (const s of [officeA, stranger]) {
      const up = await monthly(s, `intruder-${s.userId}`);
      expect(up.status).toBe(403);
      expect(up.body.error.code).toBe('FORBIDDEN_SCOPE');
      const del = await t.call('DELETE', `/api/evidence/${fileId}`, { session: s });
      expect(del.status).toBe(403);
      expect(del.body.error.code).toBe('FORBIDDEN_SCOPE');
    }
    expect(await rows()).toBe(before);
    expect((await download(t, office, `/api/evidence/${fileId}/file`)).status).toBe(200);
  });

  it('district B’s own office files into, packs and deletes from its campaign', async () => {
    const up = await monthly(officeB, 'b-2');
    expect(up.status).toBe(201);
    const pkg = await download(t, officeB, `/api/campaigns/${c.campaignId}/evidence/export`);
    expect(pkg.status).toBe(200);
    expect(pkg.headers.get('content-type')).toBe('application/zip');
    const del = await t.call('DELETE', `/api/evidence/${up.body.id}`, { session: officeB });
    expect(del.status).toBe(200);
  });
});
