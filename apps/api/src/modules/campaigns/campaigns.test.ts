import type { Campaign, CampaignTask, Standard, StandardDetail } from '@chuangcheng/contracts';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { download, readXlsx, upload, xlsx } from '../../../test/xlsx';
import { campaigns, campaignTasks, regions, units } from '../../db/schema/index';
import { cityDay } from '../org/index';
import { nextMilestone } from './campaigns.presenter';
import { seedDemoCampaign } from './index';

let t: TestApp;
let office: Session;
let leader: Session;
let unit: Session;
let cityId: string;
let districtId: string;
let county: Standard;
let prov: Standard;

beforeAll(async () => {
  t = await createTestApp();
  const city = await withDemoCity(t, 50);
  cityId = city.cityId;
  districtId = city.districts[0]!.id;
  office = await t.login('office');
  leader = await t.login('leader');
  unit = await t.login('unit');
  await t.call('POST', '/api/standards/samples', { session: office });
  const list = (await t.call('GET', '/api/standards', { session: office })).body.items as Standard[];
  county = list.find((s) => s.code === 'SAMPLE-COUNTY')!;
  prov = list.find((s) => s.code === 'SAMPLE-PROV')!;
});
afterAll(() => t.close());

const body = () => ({
  name: '创卫 2026',
  type: 'sanitary',
  regionId: cityId,
  standardId: county.id,
  startsOn: '2026-01-01',
  endsOn: '2027-06-30',
  phases: [
    { phase: 'attack', startsOn: '2026-01-01', endsOn: '2026-06-30' },
    { phase: 'reach', startsOn: '2026-07-01', endsOn: '2026-12-31' },
  ],
  milestones: [
    { title: '市级暗访', date: '2026-07-15', kind: 'city_secret' },
    { title: '省级技术评估', date: '2026-11-30', kind: 'tech_assessment' },
    { title: '国家暗访', date: '2027-05-15', kind: 'national' },
  ],
});

describe('campaigns', () => {
  let id: string;

  it('creates a campaign with the standard thresholds and a countdown in city time', async () => {
    const res = await t.call('POST', '/api/campaigns', { session: office, body: body() });
    expect(res.status).toBe(201);
    const c = res.body as Campaign;
    id = c.id;
    expect(c).toMatchObject({
      passScore: 900,
      basicScore: 750,
      totalPoints: 1000,
      standardSample: true,
      currentPhase: 'reach',
    });
    // clock: 2026-11-23T02:00Z = 2026-11-23 in Asia/Shanghai
    expect(c.nextMilestone).toMatchObject({ title: '省级技术评估', daysLeft: 7 });
    // 2026-11-30T17:00Z is already 12-01 in Shanghai: the next one is then the national visit.
    expect(nextMilestone(c.milestones, cityDay(new Date('2026-11-30T17:00:00Z')))).toMatchObject({
      title: '国家暗访',
      daysLeft: 165,
    });
    const list = (await t.call('GET', '/api/campaigns?q=创卫', { session: unit })).body;
    expect(list.total).toBe(1);
  });

  it('rejects unordered dates, phases outside the campaign, thresholds over the total, foreign refs', async () => {
    const before = Number((await t.db.select({ n: count() }).from(campaigns))[0]!.n);
    const cases: [Record<string, unknown>, string][] = [
      [{ endsOn: '2025-12-31' }, 'endsOn'],
      [{ phases: [{ phase: 'attack', startsOn: '2025-12-01', endsOn: '2026-02-01' }] }, 'phases.0'],
      [{ passScore: 1200 }, 'passScore'],
      [{ passScore: 800, basicScore: 850 }, 'basicScore'],
      [{ standardId: '00000000-0000-4000-8000-000000000009' }, 'standardId'],
      [{ regionId: '00000000-0000-4000-8000-000000000009' }, 'regionId'],
    ];
    for (const [patch, field] of cases) {
      const res = await t.call('POST', '/api/campaigns', { session: office, body: { ...body(), ...patch } });
      expect(res.status, field).toBe(400);
      expect(res.body.error.details.fields[0].field).toBe(field);
    }
    expect((await t.call('POST', '/api/campaigns', { session: leader, body: body() })).status).toBe(403);
    expect(Number((await t.db.select({ n: count() }).from(campaigns))[0]!.n)).toBe(before);
  });

  it('keeps region-scoped users inside their subtree', async () => {
    const district = await userSession(t, 'district_office', 'office', { regionId: districtId });
    const outside = await t.call('POST', '/api/campaigns', { session: district, body: body() });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('FORBIDDEN_SCOPE');
    const inside = await t.call('POST', '/api/campaigns', {
      session: district,
      body: { ...body(), name: '区创卫', regionId: districtId },
    });
    expect(inside.status).toBe(201);
    expect(inside.body.regionName).toBeTruthy();
    const seen = (await t.call('GET', '/api/campaigns', { session: district })).body.items as Campaign[];
    expect(seen.map((c) => c.name)).toEqual(['区创卫']);
    expect((await t.call('GET', `/api/campaigns/${id}`, { session: district })).status).toBe(403);
    expect((await t.call('DELETE', `/api/campaigns/${inside.body.id}`, { session: district })).status).toBe(
      200,
    );
  });

  it('updates a campaign and refuses to delete its standard', async () => {
    const res = await t.call('PATCH', `/api/campaigns/${id}`, {
      session: office,
      body: { passScore: 880, name: '创卫攻坚' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ passScore: 880, name: '创卫攻坚' });
    const bad = await t.call('PATCH', `/api/campaigns/${id}`, { session: office, body: { basicScore: 890 } });
    expect(bad.body.error.details.fields[0].field).toBe('basicScore');
    const del = await t.call('DELETE', `/api/standards/${county.id}`, { session: office });
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('IN_USE');
  });

  describe('任务分解表', () => {
    const tasks = async (s: Session) =>
      (await t.call('GET', `/api/campaigns/${id}/tasks`, { session: s })).body as CampaignTask[];
    const unitNamed = async (name: string) =>
      (await t.db.select().from(units).where(eq(units.name, name)))[0]!;

    it('lists every node, assigns one, masks phones for roles that do not call', async () => {
      const all = await tasks(office);
      expect(all.length).toBe(county.nodeCount);
      expect(all.every((r) => r.leadUnitId === null)).toBe(true);
      const node = all.find((r) => r.nodeCode === '3.1.1')!;
      const lead = await unitNamed('城管局');
      const co = await unitNamed('住建局');
      const put = await t.call('PUT', `/api/campaigns/${id}/tasks`, {
        session: office,
        body: {
          nodeId: node.nodeId,
          leadUnitId: lead.id,
          coUnitIds: [co.id],
          leaderName: '副市长 王某',
          ownerName: '李四',
          ownerPhone: '13812345678',
        },
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({
        leadUnitName: '城管局',
        coUnitNames: ['住建局'],
        ownerPhone: '13812345678',
      });
      expect((await tasks(leader)).find((r) => r.nodeId === node.nodeId)!.ownerPhone).toBe('138****5678');
      expect((await tasks(unit)).length).toBe(all.length);
      expect(
        (
          await t.call('PUT', `/api/campaigns/${id}/tasks`, {
            session: unit,
            body: { nodeId: node.nodeId, leadUnitId: null },
          })
        ).status,
      ).toBe(403);
      const foreign = await t.call('PUT', `/api/campaigns/${id}/tasks`, {
        session: office,
        body: { nodeId: node.nodeId, leadUnitId: '00000000-0000-4000-8000-000000000009' },
      });
      expect(foreign.body.error.details.fields[0].field).toBe('leadUnitId');

      const svc = t.services.campaigns;
      expect(await svc.nodeIdsOfUnit(cityId, id, co.id)).toContain(node.nodeId);
      const rows = await svc.tasksOf(cityId, id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ leadUnitName: '城管局', coUnitNames: ['住建局'] });
    });

    it('exports the table with unit drop-downs and imports it back; bad rows write nothing', async () => {
      const file = await download(t, office, `/api/campaigns/${id}/tasks/export`);
      expect(file.status).toBe(200);
      const book = await readXlsx(file.data);
      expect(book.sheets).toEqual(['任务分解表', '单位列表', '说明']);
      const header = book.rows('任务分解表')[0]!.map((h) => h.replace('*', ''));
      expect(header).toEqual([
        '指标编码',
        '指标名称',
        '牵头单位',
        '配合单位',
        '挂钩领导',
        '具体负责人',
        '联系电话',
      ]);
      expect(
        book
          .rows('任务分解表')
          .find((r) => r[0] === '3.1.1')!
          .slice(2),
      ).toEqual(['城管局', '住建局', '副市长 王某', '李四', '13812345678']);

      const ws = book.wb.getWorksheet('任务分解表')!;
      ws.eachRow((row, n) => {
        if (row.getCell(1).value === '3.1.2') row.getCell(3).value = '市场监管局';
        if (row.getCell(1).value === '7.1') {
          row.getCell(3).value = '市场监管局';
          row.getCell(4).value = '卫健委、教育局';
        }
        void n;
      });
      const edited = new Uint8Array((await book.wb.xlsx.writeBuffer()) as ArrayBuffer);
      const ok = await upload(t, office, `/api/campaigns/${id}/tasks/import`, edited);
      expect(ok.status).toBe(200);
      expect(ok.body.rows).toBe(county.nodeCount);
      const after = await tasks(office);
      expect(after.find((r) => r.nodeCode === '7.1')).toMatchObject({
        leadUnitName: '市场监管局',
        coUnitNames: ['卫健委', '教育局'],
      });
      expect(after.find((r) => r.nodeCode === '3.1.1')).toMatchObject({
        leadUnitName: '城管局',
        ownerPhone: '13812345678',
      });

      const snapshot = await t.db.select().from(campaignTasks);
      const bad = await upload(
        t,
        office,
        `/api/campaigns/${id}/tasks/import`,
        await xlsx(
          ['指标编码', '指标名称', '牵头单位', '配合单位'],
          [
            ['1.1', null, '火星局', null],
            ['99.9', null, '城管局', null],
            ['1.2', null, '城管局', '住建局、月球办'],
            ['1.2', null, '城管局', null],
          ],
        ),
      );
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.rows).toEqual([
        expect.objectContaining({ row: 2, column: '牵头单位' }),
        expect.objectContaining({ row: 3, column: '指标编码' }),
        expect.objectContaining({ row: 4, column: '配合单位' }),
        expect.objectContaining({ row: 5, column: '指标编码' }),
      ]);
      expect(await t.db.select().from(campaignTasks)).toEqual(snapshot);
    });
  });

  it('links indicators of two standards, read from either side', async () => {
    const c = (await t.call('GET', `/api/standards/${county.id}`, { session: office }))
      .body as StandardDetail;
    const p = (await t.call('GET', `/api/standards/${prov.id}`, { session: office })).body as StandardDetail;
    const a = c.nodes.find((n) => n.code === '10.2')!;
    const b = p.nodes.find((n) => n.code === '3.2')!;
    const res = await t.call('POST', '/api/indicator-links', {
      session: office,
      body: { nodeId: a.id, linkedNodeId: b.id, note: '满意率' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ nodeCode: '10.2', linkedNodeCode: '3.2', linkedStandardName: p.name });
    const fromProv = (await t.call('GET', `/api/indicator-links?standardId=${prov.id}`, { session: leader }))
      .body;
    expect(fromProv).toEqual([
      expect.objectContaining({ nodeId: b.id, linkedNodeId: a.id, standardName: p.name }),
    ]);
    const same = await t.call('POST', '/api/indicator-links', {
      session: office,
      body: { nodeId: a.id, linkedNodeId: c.nodes[1]!.id },
    });
    expect(same.status).toBe(400);
    const dup = await t.call('POST', '/api/indicator-links', {
      session: office,
      body: { nodeId: b.id, linkedNodeId: a.id },
    });
    expect(dup.status).toBe(400);
    expect(await t.services.campaigns.linkedNodeIds(cityId, b.id)).toEqual([a.id]);
    expect((await t.call('DELETE', `/api/indicator-links/${res.body.id}`, { session: office })).status).toBe(
      200,
    );
    expect((await t.call('GET', '/api/indicator-links', { session: office })).body).toEqual([]);
  });

  it('seeds the demo campaign once, with a 任务分解表', async () => {
    const first = await seedDemoCampaign({ campaigns: t.services.campaigns, cityId, now: t.clock.now() });
    expect(first.tasks).toBeGreaterThan(50);
    const again = await seedDemoCampaign({ campaigns: t.services.campaigns, cityId, now: t.clock.now() });
    expect(again).toEqual({ campaignId: first.campaignId, tasks: 0 });
    const c = (await t.call('GET', `/api/campaigns/${first.campaignId}`, { session: office }))
      .body as Campaign;
    expect(c.milestones.map((m) => m.date)).toEqual(['2026-07-15', '2026-11-30', '2027-05-15']);
    expect(c.nextMilestone?.title).toBe('省级技术评估');
    const rows = (await t.call('GET', `/api/campaigns/${first.campaignId}/tasks`, { session: office }))
      .body as CampaignTask[];
    const assigned = rows.filter((r) => r.leadUnitId);
    expect(assigned.length).toBe(first.tasks);
    expect(assigned.every((r) => r.leaderName && r.ownerName)).toBe(true);
    const [city] = await t.db.select().from(regions).where(eq(regions.id, cityId));
    expect(c.regionName).toBe(city!.name);
  });

  it('deletes a campaign with its tasks', async () => {
    expect((await t.call('DELETE', `/api/campaigns/${id}`, { session: office })).status).toBe(200);
    expect((await t.call('GET', `/api/campaigns/${id}`, { session: office })).status).toBe(404);
    const left = await t.db.select().from(campaignTasks).where(eq(campaignTasks.campaignId, id));
    expect(left).toEqual([]);
  });
});
