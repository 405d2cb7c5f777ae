/**
 * The archive's review: a unit uploads → the indicator's lead unit reviews → the office accepts or sends
 * back with a reason; only an accepted document completes its slot. The 目录 of the 迎检资料包 lists
 * every required document with its state (已上传 / 缺失 / 过期 / 疑似重复), not only the uploaded ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceCompleteness, EvidenceFile } from '@chuangcheng/contracts';
import { PGlite } from '@electric-sql/pglite';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import {
  accept,
  download,
  type SeededCampaign,
  sample,
  seedCampaign,
  upload,
} from '../../../test/evidence-helpers';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { MIGRATIONS_DIR } from '../../db/client';
import { auditLog, units } from '../../db/schema/index';

let t: TestApp;
let office: Session;
let unitA: Session;
let unitB: Session;
let unitC: Session;
let c: SeededCampaign;
let names: { a: string; b: string };
/** The bytes of the re-filed Q3 通报 (filed again elsewhere: 疑似重复). */
let q3Bytes: Uint8Array;

const quarterly = (period: string, data: Uint8Array, docDate = '2026-09-30') => ({
  campaignId: c.campaignId,
  nodeId: c.node['1.3.2']!,
  requirement: '季度检查通报',
  period,
  title: `${period} 公厕检查通报`,
  docDate,
  name: '通报.pdf',
  data,
});
const review = (s: Session, id: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/evidence/${id}/review`, { session: s, body });
const queue = async (s: Session): Promise<EvidenceFile[]> => {
  const r = await t.call('GET', `/api/campaigns/${c.campaignId}/evidence/reviews`, { session: s });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const completeness = async (): Promise<EvidenceCompleteness> =>
  (await t.call('GET', `/api/campaigns/${c.campaignId}/evidence/completeness`, { session: office })).body;
const slot = async (period: string) =>
  (await t.call('GET', `/api/campaigns/${c.campaignId}/evidence/slots`, { session: office })).body.find(
    (s: { nodeId: string; period: string }) => s.nodeId === c.node['1.3.2'] && s.period === period,
  );

beforeAll(async () => {
  t = await createTestApp();
  const { cityId } = await withDemoCity(t, 60);
  const depts = await t.db
    .select()
    .from(units)
    .where(and(eq(units.cityId, cityId), eq(units.kind, 'department')));
  const ids = { a: depts[0]!.id, b: depts[1]!.id, c: depts[2]!.id };
  names = { a: depts[0]!.name, b: depts[1]!.name };
  // 1.1 is led by A; 1.3 (and 1.3.x below it) is led by B with C as co-unit; 2.1 has no lead unit.
  c = await seedCampaign(t, cityId, ids);
  office = await t.login('office');
  unitA = await userSession(t, 'rv-unit-a', 'unit', { unitId: ids.a });
  unitB = await userSession(t, 'rv-unit-b', 'unit', { unitId: ids.b });
  unitC = await userSession(t, 'rv-unit-c', 'unit', { unitId: ids.c });
});
afterAll(() => t.close());

describe('台账 review', () => {
  let q3: EvidenceFile;

  it('a co-unit’s upload waits for the lead unit, then the office; only then does its slot count', async () => {
    const before = await completeness();
    const r = await upload(t, unitC, quarterly('2026-Q3', await sample.pdf('q3')));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    q3 = r.body;
    expect(q3).toMatchObject({ reviewStatus: 'pending_lead', leadUnitName: names.b, reviewActions: [] });
    expect(await slot('2026-Q3')).toMatchObject({
      fileCount: 1,
      acceptedCount: 0,
      complete: false,
      state: 'pending',
    });
    expect((await completeness()).present).toBe(before.present);

    // The uploader cannot pass its own document; the office cannot skip the lead unit.
    const own = await review(unitC, q3.id, { action: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('FORBIDDEN_SCOPE');
    const early = await review(office, q3.id, { action: 'approve' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('EVIDENCE_REVIEW_STATE');

    // The lead unit's queue has it; another unit's has not; the office sees it waiting at the lead.
    expect((await queue(unitB)).map((f) => [f.id, f.reviewActions])).toEqual([
      [q3.id, ['approve', 'return']],
    ]);
    expect(await queue(unitA)).toEqual([]);
    expect((await queue(office)).find((f) => f.id === q3.id)?.reviewActions).toEqual(['return']);

    const lead = await review(unitB, q3.id, { action: 'approve' });
    expect(lead.status, JSON.stringify(lead.body)).toBe(200);
    expect(lead.body).toMatchObject({ reviewStatus: 'pending_office', leadReviewedBy: 'rv-unit-b' });
    expect(await queue(unitB)).toEqual([]);
    expect((await queue(office)).find((f) => f.id === q3.id)?.reviewActions).toEqual(['approve', 'return']);
    expect((await completeness()).present).toBe(before.present);

    const accepted = await review(office, q3.id, { action: 'approve' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ reviewStatus: 'accepted', returnReason: null });
    expect(accepted.body.reviewedAt).toBeTruthy();
    expect(await slot('2026-Q3')).toMatchObject({ acceptedCount: 1, complete: true, state: 'accepted' });
    const after = await completeness();
    expect(after.present).toBe(before.present + 1);
    expect(after.percent).toBeGreaterThan(before.percent);

    // A second approval of the same document is refused (it was reviewed already).
    expect((await review(office, q3.id, { action: 'approve' })).status).toBe(409);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'evidence'), eq(auditLog.entityId, q3.id)));
    expect(audits.map((a) => a.action)).toEqual(['upload', 'evidence_approve', 'evidence_approve']);
  });

  it('sending back needs a reason; a document sent back does not count, and the slot says 已退回', async () => {
    const r = await upload(t, unitC, quarterly('2026-Q2', await sample.pdf('q2'), '2026-06-30'));
    expect(r.status).toBe(201);
    const noReason = await review(unitB, r.body.id, { action: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('VALIDATION_FAILED');
    expect(noReason.body.error.details.fields[0].field).toBe('reason');
    expect(noReason.body.error.details.fields[0].message).toContain('退回原因');

    const back = await review(unitB, r.body.id, {
      action: 'return',
      reason: '通报缺少公章，请重新上传盖章版',
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({
      reviewStatus: 'returned',
      returnReason: '通报缺少公章，请重新上传盖章版',
      reviewedBy: 'rv-unit-b',
      reviewActions: [],
    });
    expect(await slot('2026-Q2')).toMatchObject({
      fileCount: 0,
      acceptedCount: 0,
      complete: false,
      state: 'returned',
    });
    expect((await review(unitB, r.body.id, { action: 'approve' })).status).toBe(409);

    // The office can send back a document it accepted earlier: the slot no longer counts.
    const before = await completeness();
    const undo = await review(office, q3.id, { action: 'return', reason: '日期与通报内容不符' });
    expect(undo.status).toBe(200);
    expect((await completeness()).present).toBe(before.present - 1);
    // Re-filed, reviewed again, accepted: complete again.
    q3Bytes = await sample.pdf('q3 v2');
    const again = await upload(t, unitC, quarterly('2026-Q3', q3Bytes));
    expect((await review(unitB, again.body.id, { action: 'approve' })).status).toBe(200);
    await accept(t, office, again.body.id);
    expect((await completeness()).present).toBe(before.present);
  });

  it('the lead unit’s own upload, the office’s and one of an indicator without a lead go straight to the office', async () => {
    const own = await upload(t, unitA, {
      campaignId: c.campaignId,
      nodeId: c.node['1.1']!,
      requirement: '月度保洁检查记录',
      period: '2026-10',
      title: '10月保洁检查记录',
      docDate: '2026-10-31',
      name: '记录.pdf',
      data: await sample.pdf('a oct'),
    });
    expect(own.body).toMatchObject({ reviewStatus: 'pending_office', leadUnitName: names.a });
    const office21 = await upload(t, office, {
      campaignId: c.campaignId,
      nodeId: c.node['2.1']!,
      requirement: '年度病媒监测报告',
      period: '2026',
      title: '2026年病媒监测报告',
      docDate: '2026-10-15',
      name: '报告.pdf',
      data: await sample.pdf('vector'),
    });
    expect(office21.body).toMatchObject({ reviewStatus: 'pending_office', leadUnitName: null });
    expect(office21.body.reviewActions).toEqual(['approve', 'return']);
    // A unit sees no review action on the indicators it does not lead.
    expect((await queue(unitC)).length).toBe(0);
  });
});

describe('目录 of the 迎检资料包', () => {
  it('lists every required document: filed ones with their state and review, missing ones as 缺失', async () => {
    // 过期: dated outside its period; 疑似重复: the same bytes as another document.
    const stale = await upload(t, office, {
      campaignId: c.campaignId,
      nodeId: c.node['1.1']!,
      requirement: '月度保洁检查记录',
      period: '2026-09',
      title: '9月保洁检查记录',
      docDate: '2025-09-30',
      name: '旧.pdf',
      data: await sample.pdf('stale'),
    });
    await accept(t, office, stale.body.id);
    const dup = await upload(t, office, {
      campaignId: c.campaignId,
      nodeId: c.node['1.3.1']!,
      requirement: '公厕管理制度',
      period: 'once',
      title: '公厕管理制度',
      docDate: '2026-03-01',
      name: '制度.pdf',
      data: q3Bytes, // the bytes of the Q3 通报 accepted above
    });
    expect(dup.status).toBe(201);

    const r = await download(t, office, `/api/campaigns/${c.campaignId}/evidence/export`);
    expect(r.status).toBe(200);
    const zip = await JSZip.loadAsync(r.data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.file('目录.xlsx')!.async('uint8array')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('目录')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '序号',
      '指标编码',
      '指标名称',
      '应交资料',
      '资料名称',
      '期间',
      '状态',
      '审核',
      '文件日期',
      '发文单位',
      '包内路径',
    ]);
    const rows: string[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    const find = (code: string, period: string) => rows.filter((x) => x[1] === code && x[5] === period);

    // asOf 2026-11-23: 1.1 is due monthly Jan–Nov (11), 1.3.1 once, 1.3.2 Q1–Q4, 2.1 for 2026.
    const slots = 11 + 1 + 4 + 1;
    const missing = rows.filter((x) => x[6] === '缺失');
    const filed = rows.filter((x) => x[6] !== '缺失');
    expect(new Set(rows.map((x) => `${x[1]}|${x[5]}`)).size).toBe(slots);
    expect(missing.map((x) => `${x[1]}|${x[5]}`)).toEqual([
      ...['01', '02', '03', '04', '05', '06', '07', '08', '11'].map((m) => `1.1|2026-${m}`),
      '1.3.2|2026-Q1',
      '1.3.2|2026-Q2', // its only document was sent back
      '1.3.2|2026-Q4',
    ]);
    expect(find('1.3.2', '2026-Q2')[0]![7]).toBe('已退回');
    for (const m of missing) expect(m[10]).toBe('');
    expect(find('1.1', '2026-09')[0]!.slice(6, 8)).toEqual(['过期', '已接受']);
    expect(find('1.1', '2026-10')[0]!.slice(6, 8)).toEqual(['已上传', '待创建办验收']);
    expect(find('1.3.1', '一次性')[0]![6]).toBe('疑似重复');
    expect(find('1.3.2', '2026-Q3').map((x) => x.slice(6, 8))).toEqual([['疑似重复', '已接受']]);
    expect(find('2.1', '2026')[0]!.slice(6, 8)).toEqual(['已上传', '待创建办验收']);
    // Rows are numbered in tree order; every filed row points at a file in the zip; returned ones are not packed.
    expect(rows.map((x) => x[0])).toEqual(rows.map((_, i) => String(i + 1)));
    for (const f of filed) expect(zip.file(f[10]!), f[10]).not.toBeNull();
    expect(filed).toHaveLength(
      Object.keys(zip.files).filter((n) => !n.endsWith('/') && !n.startsWith('目录')).length,
    );

    const docx = await JSZip.loadAsync(await zip.file('目录.docx')!.async('uint8array'));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain(`缺失 ${missing.length} 项`);
  });
});

// The upgrade keeps what already counted: documents filed before the review existed become accepted.
describe.skipIf(process.env.TEST_DB_DRIVER === 'postgres')('upgrading the archive', () => {
  it('migrates existing documents as accepted; new rows start at the lead unit', async () => {
    const db = await PGlite.create();
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    const apply = async (f: string) => {
      for (const s of fs.readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8').split('--> statement-breakpoint'))
        if (s.trim()) await db.exec(s);
    };
    const upgrade = files.findIndex((f) => f.includes('evidence_review'));
    expect(upgrade).toBeGreaterThan(0);
    for (const f of files.slice(0, upgrade)) await apply(f);
    const row = (
      id: string,
    ) => `('${id}', '${id}', '${id}', '${id}', '月度记录', '2026-01', '记录', '2026-01-05',
      'a.pdf', 'application/pdf', 1, 'x', 'k')`;
    const cols =
      'city_id, id, campaign_id, node_id, requirement, period, title, doc_date, file_name, mime, size, sha256, storage_key';
    await db.exec(
      `insert into evidence_files (${cols}) values ${row('0190a000-0000-7000-8000-000000000001')}`,
    );
    for (const f of files.slice(upgrade)) await apply(f);
    await db.exec(
      `insert into evidence_files (${cols}) values ${row('0190a000-0000-7000-8000-000000000002')}`,
    );
    const { rows } = await db.query<{ id: string; review_status: string }>(
      'select id, review_status from evidence_files order by id',
    );
    expect(rows.map((r) => r.review_status)).toEqual(['accepted', 'pending_lead']);
    await db.close();
  });
});
