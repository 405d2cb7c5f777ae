import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { type GridPoint, gridPoints, userSession, withDemoCity } from '../../../test/fixtures';
import { download, readXlsx, upload, xlsx } from '../../../test/io-helpers';
import { cases, memberships, rectlistRows, rectlists } from '../../db/schema/index';

// 整改清单 import: every row validated first (nothing written on any bad row, every problem listed),
// then a job files each row as a routed case of source 上级交办; the batch keeps its cases' progress.

const HEADER = [
  '序号',
  '问题位置/地址',
  '网格编码',
  '经度',
  '纬度',
  '问题类别',
  '问题描述',
  '整改期限',
  '交办单位/来源说明',
  '备注',
];
const PATH = '/api/imports/rectlists';

let t: TestApp;
let cityId: string;
let office: Session;
let points: GridPoint[];
let districtA: string;
let districtB: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  points = await gridPoints(t, cityId);
  districtA = points[0]!.districtId;
  districtB = points.find((p) => p.districtId !== districtA)!.districtId;
});
afterAll(() => t.close());

const inA = () => points.filter((p) => p.districtId === districtA);
const inB = () => points.filter((p) => p.districtId === districtB);

/** A row of the template, in header order. */
function row(r: {
  seq?: string;
  address?: string;
  grid?: string;
  lng?: number | string;
  lat?: number | string;
  category?: string;
  description?: string;
  by?: string;
  assignedBy?: string;
  remark?: string;
}) {
  return [
    r.seq ?? null,
    r.address ?? null,
    r.grid ?? null,
    r.lng ?? null,
    r.lat ?? null,
    r.category ?? '占道经营',
    r.description ?? '人行道上有流动摊贩占道经营',
    r.by ?? null,
    r.assignedBy ?? null,
    r.remark ?? null,
  ];
}

async function send(
  s: Session,
  data: Uint8Array,
  fields: Record<string, string> = {},
  name = '整改清单.xlsx',
) {
  return upload(t, s, PATH, { name, data }, { upperUnit: '省爱卫办', inspectedOn: '2026-11-20', ...fields });
}

async function caseCount() {
  return (await t.db.select({ id: cases.id }).from(cases).where(eq(cases.source, 'upper'))).length;
}

describe('整改清单 template and validation', () => {
  it('the template has the columns and a 说明 sheet', async () => {
    const r = await download(t, office, `${PATH}/template`);
    expect(r.status).toBe(200);
    const book = await readXlsx(r.data);
    expect(book.sheets).toEqual(['整改清单', '说明']);
    expect(book.rows('整改清单')[0]!.map((h) => h.replace('*', ''))).toEqual(HEADER);
  });

  it('one bad row → nothing written, and every bad row is listed (行/列/原因)', async () => {
    const [p0, p1] = inA();
    const file = await xlsx(
      [...HEADER, '暗访组'],
      [
        row({ seq: '1', lng: p0!.lng, lat: p0!.lat }), // good
        row({ seq: '2', category: '不存在的类别', lng: p0!.lng, lat: p0!.lat }),
        row({ seq: '3' }), // no location at all
        row({ seq: '4', lng: p1!.lng }), // longitude without latitude
        row({ seq: '5', grid: '99999999999999' }),
        row({ seq: '6', address: '人民路 1 号', by: '2026-11-01' }), // deadline already past
        row({ seq: '7', address: '人民路 2 号', by: '明天' }),
        row({ seq: '8', address: '人民路 3 号', description: '' }),
        row({ seq: '9', grid: p1!.grid.code, lng: p0!.lng, lat: p0!.lat }), // point in another grid
      ],
    );
    const before = await caseCount();
    const r = await send(office, file);
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.error?.code).toBe('IMPORT_INVALID');
    const issues = r.body.error!.details!.rows!;
    const at = (row: number, column: string) => issues.find((i) => i.row === row && i.column === column);
    expect(at(1, '暗访组')?.message).toContain('不是模板中的列');
    expect(at(3, '问题类别')?.message).toContain('不存在的类别');
    expect(at(4, '问题位置/地址')?.message).toContain('至少填写一项');
    expect(at(5, '纬度')?.message).toContain('同时填写');
    expect(at(6, '网格编码')?.message).toContain('99999999999999');
    expect(at(7, '整改期限')?.message).toContain('早于今天');
    expect(at(8, '整改期限')?.message).toContain('不是有效日期');
    expect(at(9, '问题描述')?.message).toBe('必填');
    expect(at(10, '网格编码')?.message).toContain('不一致');
    expect(issues.some((i) => i.row === 2)).toBe(false);
    expect(await t.db.select().from(rectlists)).toHaveLength(0);
    expect(await t.db.select().from(rectlistRows)).toHaveLength(0);
    expect(await caseCount()).toBe(before);
  });

  it('a unit user may not import (403), an empty upper unit is a field error', async () => {
    const unit = await userSession(t, 'rl_unit', 'unit', { unitId: points[0]!.grid.leadUnitId ?? undefined });
    const file = await xlsx(HEADER, [row({ address: '人民路 1 号' })]);
    expect((await send(unit, file)).status).toBe(403);
    const r = await send(office, file, { upperUnit: '' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('upperUnit');
  });
});

describe('a valid 整改清单 becomes routed cases through the job', () => {
  let batchId: string;
  let firstFile: Uint8Array;

  it('files each row as a case of source 上级交办, routed, with 整改期限 as the disposal deadline', async () => {
    const [p0, p1, p2] = inA();
    const file = await xlsx(HEADER, [
      row({
        seq: '1',
        address: '解放路 5 号',
        lng: p0!.lng,
        lat: p0!.lat,
        by: '2026-12-05',
        assignedBy: '第二暗访组',
      }),
      row({
        seq: '2',
        grid: p1!.grid.code,
        by: '2026/12/10',
        description: '垃圾桶满溢未及时清运',
        category: 'E0502',
      }),
      row({ seq: '3', address: '幸福路 8 号（无坐标）', remark: '夜间复查' }),
      row({ seq: '4', grid: p2!.grid.code, lng: p2!.lng, lat: p2!.lat }),
    ]);
    firstFile = file;
    const r = await send(office, file, { title: '11月暗访整改清单' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const b = r.body as unknown as {
      id: string;
      number: string;
      state: string;
      rowCount: number;
      jobId: string;
    };
    expect(b).toMatchObject({ state: 'queued', rowCount: 4 });
    expect(b.number).toMatch(/^整改〔2026〕\d{3}号$/);
    expect(b.jobId).toBeTruthy();
    batchId = b.id;

    // The job layer runs it; the run's progress is readable, and so is the batch's.
    await t.services.jobs.start();
    const end = Date.now() + 30_000;
    let detail: any;
    for (;;) {
      detail = (await t.call('GET', `/api/rectlists/${batchId}`, { session: office })).body;
      if (detail.state === 'done' || Date.now() > end) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    await t.services.jobs.stop();
    expect(detail).toMatchObject({
      state: 'done',
      rowCount: 4,
      createdCount: 4,
      failedCount: 0,
      closedCount: 0,
    });
    const job = await t.call('GET', `/api/jobs/${b.jobId}`, { session: office });
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ state: 'succeeded' });

    const [r1, r2, r3, r4] = detail.rows;
    for (const x of detail.rows) expect(x.case, JSON.stringify(x)).not.toBeNull();
    expect(r1.case).toMatchObject({ status: 'dispatched' });
    expect(r1.case.route).not.toBe('');
    // 2026-12-05 in the city: the unit has until the end of that day.
    expect(r1.case.disposeDeadline).toBe(new Date('2026-12-05T23:59:59+08:00').toISOString());
    expect(r2.case.status).toBe('dispatched');
    expect(r2.case.disposeDeadline).toBe(new Date('2026-12-10T23:59:59+08:00').toISOString());
    expect(r3.case.status).toBe('reported');
    expect(r3.case.route).toContain('待定位');
    expect(r4.case.status).toBe('dispatched');

    const [c1] = await t.db.select().from(cases).where(eq(cases.id, r1.case.id));
    expect(c1).toMatchObject({
      source: 'upper',
      reporterName: '第二暗访组',
      address: '解放路 5 号',
      gridId: p0!.gridId,
    });
    const [c2] = await t.db.select().from(cases).where(eq(cases.id, r2.case.id));
    expect(c2).toMatchObject({
      gridId: p1!.gridId,
      categoryCode: '0502',
      categoryKind: 'event',
      reporterName: '省爱卫办',
    });
    const [c3] = await t.db.select().from(cases).where(eq(cases.id, r3.case.id));
    expect(c3).toMatchObject({
      lng: null,
      lat: null,
      description: '人行道上有流动摊贩占道经营（备注：夜间复查）',
    });
    expect(c3!.rectifyBy).toBeNull();
  });

  it('the same file again is warned (409) and imported only when confirmed', async () => {
    const first = (await t.db.select().from(rectlists).where(eq(rectlists.id, batchId)))[0]!;
    const again = await upload(
      t,
      office,
      PATH,
      { name: '另存.xlsx', data: firstFile },
      { upperUnit: '省爱卫办' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('RECTLIST_DUPLICATE');
    expect(again.body.error?.message).toContain(first.number);
    expect(await t.db.select().from(rectlists)).toHaveLength(1);
    const confirmed = await upload(
      t,
      office,
      PATH,
      { name: '另存.xlsx', data: firstFile },
      { upperUnit: '省爱卫办', confirmDuplicate: 'true' },
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
  });

  it('lists the batch and exports each problem with its case and status (.xlsx)', async () => {
    const list = await t.call('GET', '/api/rectlists', { session: office });
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: any) => b.id)).toContain(batchId);
    const x = await download(t, office, `/api/rectlists/${batchId}/export.xlsx`);
    expect(x.status).toBe(200);
    const sheet = (await readXlsx(x.data)).rows('整改情况');
    expect(sheet[0]).toContain('案件编号');
    expect(sheet).toHaveLength(5);
    const detail = (await t.call('GET', `/api/rectlists/${batchId}`, { session: office })).body;
    expect(sheet[1]).toContain(detail.rows[0].case.number);
    expect(sheet[1]).toContain('待签收');
    expect(sheet[3]).toContain('待立案');
  });
});

describe('restart safety', () => {
  it('a batch interrupted midway resumes without duplicates (also a case filed just before a crash)', async () => {
    const pts = inA().slice(3, 8);
    const file = await xlsx(
      HEADER,
      pts.map((p, i) =>
        row({ seq: String(i + 1), lng: p.lng, lat: p.lat, description: `重启测试问题 ${i + 1}` }),
      ),
    );
    const r = await send(office, file, { title: '重启测试' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = (r.body as unknown as { id: string }).id;

    // First run: stopped after two rows (the runner's signal aborts, as on shutdown).
    const abort = new AbortController();
    let seen = 0;
    await expect(
      t.services.rectlists.runBatch(cityId, id, {
        signal: abort.signal,
        progress: async () => {
          if (++seen === 2) abort.abort();
        },
      }),
    ).rejects.toThrow(/中止/);
    let b = (await t.db.select().from(rectlists).where(eq(rectlists.id, id)))[0]!;
    expect(b).toMatchObject({ state: 'running', createdCount: 2 });

    // A crash between filing row 4's case and recording it: the case exists, the row does not know it.
    const rows = await t.db
      .select()
      .from(rectlistRows)
      .where(eq(rectlistRows.batchId, id))
      .orderBy(rectlistRows.row);
    const third = rows[2]!;
    const officeActor = await (await import('../auth/index')).memberActor(t.db, cityId, 'office');
    const d = third.data as { categoryId: string; description: string; lng: number; lat: number };
    const pre = await t.services.cases.createCase(
      { actor: officeActor, meta: { requestId: null, ip: null } },
      {
        source: 'upper',
        categoryId: d.categoryId,
        description: d.description,
        lng: d.lng,
        lat: d.lat,
        owner: 'public',
        photoIds: [],
        selfHandled: false,
        afterPhotoIds: [],
        fileNow: true,
        idempotencyKey: `rl-${id}-${third.row}`,
      },
    );

    // The resumed run (as the job layer re-runs it after a restart) finishes the rest once.
    const counts = await t.services.rectlists.runBatch(cityId, id);
    expect(counts).toEqual({ created: 5, failed: 0 });
    b = (await t.db.select().from(rectlists).where(eq(rectlists.id, id)))[0]!;
    expect(b).toMatchObject({ state: 'done', createdCount: 5, failedCount: 0 });
    const filed = await t.db.select().from(cases).where(like(cases.description, '重启测试问题%'));
    expect(filed).toHaveLength(5);
    const after = await t.db
      .select()
      .from(rectlistRows)
      .where(eq(rectlistRows.batchId, id))
      .orderBy(rectlistRows.row);
    expect(after[2]!.caseId).toBe(pre.id);
    expect(new Set(after.map((x) => x.caseId)).size).toBe(5);
    // Running a finished batch again changes nothing.
    await t.services.rectlists.runBatch(cityId, id);
    expect(await t.db.select().from(cases).where(like(cases.description, '重启测试问题%'))).toHaveLength(5);
  });

  it('a batch whose uploader is no longer an office member ends failed, with the reason, filing nothing', async () => {
    const temp = await userSession(t, 'rl_office_tmp', 'office');
    const p = inA()[9]!;
    const r = await send(
      temp,
      await xlsx(HEADER, [row({ seq: '1', lng: p.lng, lat: p.lat, description: '上传人已离开的问题' })]),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = (r.body as unknown as { id: string }).id;
    await t.db.delete(memberships).where(eq(memberships.userId, temp.userId));
    await t.services.rectlists.runBatch(cityId, id);
    const [b] = await t.db.select().from(rectlists).where(eq(rectlists.id, id));
    expect(b).toMatchObject({ state: 'failed', createdCount: 0 });
    expect(b!.error).toContain('rl_office_tmp');
    expect(await t.db.select().from(cases).where(like(cases.description, '上传人已离开%'))).toHaveLength(0);
  });
});

describe('scope', () => {
  it('a district office imports rows of its district only, and sees only its own district’s batches', async () => {
    const officeA = await userSession(t, 'rl_office_a', 'office', { regionId: districtA });
    const officeB = await userSession(t, 'rl_office_b', 'office', { regionId: districtB });
    const a = inA()[10]!;
    const bPt = inB()[0]!;
    const bad = await xlsx(HEADER, [
      row({ seq: '1', lng: a.lng, lat: a.lat }),
      row({ seq: '2', lng: bPt.lng, lat: bPt.lat }),
      row({ seq: '3', grid: bPt.grid.code }),
      row({ seq: '4', address: '只有地址' }),
    ]);
    const refused = await send(officeA, bad);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    const rows = refused.body.error!.details!.rows!;
    expect(rows.map((x) => x.row).sort()).toEqual([3, 4, 5]);
    expect(rows.find((x) => x.row === 3)!.message).toContain('管辖范围');
    expect(rows.find((x) => x.row === 5)!.message).toContain('只有地址');

    const good = await send(
      officeA,
      await xlsx(HEADER, [row({ seq: '1', lng: a.lng, lat: a.lat, description: '区级导入问题' })]),
    );
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    const id = (good.body as unknown as { id: string }).id;
    await t.services.rectlists.runBatch(cityId, id);

    expect((await t.call('GET', `/api/rectlists/${id}`, { session: officeA })).status).toBe(200);
    expect((await t.call('GET', `/api/rectlists/${id}`, { session: office })).status).toBe(200);
    expect((await t.call('GET', `/api/rectlists/${id}`, { session: officeB })).status).toBe(404);
    expect((await t.call('GET', `/api/rectlists/${id}/export.xlsx`, { session: officeB })).status).toBe(404);
    const listB = await t.call('GET', '/api/rectlists', { session: officeB });
    expect(listB.body.items.map((x: any) => x.id)).not.toContain(id);
    const listA = await t.call('GET', '/api/rectlists', { session: officeA });
    expect(listA.body.items.map((x: any) => x.id)).toEqual([id]);

    // Another city's office: not found.
    const admin = await t.login('admin');
    const c2 = await t.call('POST', '/api/regions', {
      session: admin,
      body: { parentId: null, code: '980100', name: '第二市', level: 'city' },
    });
    expect(c2.status, JSON.stringify(c2.body)).toBe(201);
    const other = await userSession(t, 'rl_office_c2', 'office', { cityId: c2.body.id });
    expect((await t.call('GET', `/api/rectlists/${id}`, { session: other })).status).toBe(404);
    expect((await t.call('GET', '/api/rectlists', { session: other })).body.items).toEqual([]);
    const [mine] = await t.db
      .select()
      .from(rectlists)
      .where(and(eq(rectlists.id, id), eq(rectlists.cityId, cityId)));
    expect(mine!.regionPath).toContain(districtA);
  });
});
