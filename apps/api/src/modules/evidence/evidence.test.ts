import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EvidenceCompleteness, EvidenceFile } from '@chuangcheng/contracts';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import {
  accept,
  download,
  type SeededCampaign,
  sample,
  seedCampaign,
  type UploadInput,
  upload,
} from '../../../test/evidence-helpers';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { auditLog, evidenceFiles, units } from '../../db/schema/index';
import { systemCtx } from '../../platform/actor';
import { localFileStore } from '../../platform/file-store';
import { createEvidenceService } from './index';

let t: TestApp;
let cityId: string;
let office: Session;
let leader: Session;
let unitA: Session;
let unitC: Session;
let c: SeededCampaign;
let unitIds: { a: string; b: string; c: string };

const filesUnder = (dir: string): string[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
};
const storedFiles = () => filesUnder(path.join(t.config.filesDir, 'evidence'));
const rowCount = async () => Number((await t.db.select({ n: count() }).from(evidenceFiles))[0]!.n);

const monthly = (over: Partial<UploadInput> = {}): Omit<UploadInput, 'data'> & { data?: Uint8Array } => ({
  campaignId: c.campaignId,
  nodeId: c.node['1.1']!,
  requirement: '月度保洁检查记录',
  period: '2026-11',
  title: '11月保洁检查记录',
  docDate: '2026-11-05',
  issuingUnit: '市城管局',
  name: '记录.pdf',
  ...over,
});
const send = async (s: Session, over: Partial<UploadInput> & { data: Uint8Array }) =>
  upload(t, s, { ...monthly(over), data: over.data } as UploadInput);

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  const depts = await t.db
    .select()
    .from(units)
    .where(and(eq(units.cityId, cityId), eq(units.kind, 'department')));
  unitIds = { a: depts[0]!.id, b: depts[1]!.id, c: depts[2]!.id };
  c = await seedCampaign(t, cityId, unitIds);
  office = await t.login('office');
  leader = await t.login('leader');
  unitA = await userSession(t, 'ev-unit-a', 'unit', { unitId: unitIds.a });
  unitC = await userSession(t, 'ev-unit-c', 'unit', { unitId: unitIds.c });
});
afterAll(() => t.close());

describe('upload', () => {
  it('accepts each allowed type, checked by content, hashed and stored under evidence/<city>/', async () => {
    const kinds = [
      { name: '制度.pdf', data: await sample.pdf('a'), mime: 'application/pdf' },
      { name: '制度.docx', data: await sample.docx('b'), mime: 'wordprocessingml' },
      { name: '台账.xlsx', data: await sample.xlsx('c'), mime: 'spreadsheetml' },
      { name: '照片.png', data: await sample.png(3), mime: 'image/png' },
      { name: '照片.JPG', data: await sample.jpg(4), mime: 'image/jpeg' },
      { name: '照片.jpeg', data: await sample.jpg(5), mime: 'image/jpeg' },
    ];
    for (const k of kinds) {
      const r = await send(office, { name: k.name, data: k.data, title: `资料 ${k.name}` });
      expect(r.status, `${k.name}: ${JSON.stringify(r.body)}`).toBe(201);
      const f = r.body as EvidenceFile;
      expect(f.mime).toContain(k.mime);
      expect(f.size).toBe(k.data.byteLength);
      expect(f.sha256).toBe(createHash('sha256').update(k.data).digest('hex'));
      expect(f.fileName).toBe(k.name);
      expect(f.nodeCode).toBe('1.1');
      expect(f.flags).toEqual([]);
      expect(f.uploadedBy).toBeTruthy();
    }
    const stored = storedFiles();
    expect(stored).toHaveLength(kinds.length);
    expect(stored.every((p) => p.includes(path.join('evidence', cityId, c.campaignId)))).toBe(true);
    const audits = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'evidence'), eq(auditLog.action, 'upload')));
    expect(Number(audits[0]!.n)).toBe(kinds.length);
  });

  it('refuses anything else, and bad places, writing nothing (no row, no file)', async () => {
    const before = { rows: await rowCount(), files: storedFiles().length };
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(60).fill(0)]);
    const txt = new TextEncoder().encode('这不是PDF，只是文本');
    const zipNotOffice = await sample.docx('x'); // a docx renamed .xlsx: content and extension disagree
    const pdf = await sample.pdf('refused');
    const cases: [string, Partial<UploadInput> & { data: Uint8Array }, number, string][] = [
      ['renamed exe', { name: '记录.pdf', data: exe }, 415, 'EVIDENCE_TYPE_NOT_ALLOWED'],
      ['exe', { name: 'setup.exe', data: exe }, 415, 'EVIDENCE_TYPE_NOT_ALLOWED'],
      ['txt', { name: '说明.txt', data: txt }, 415, 'EVIDENCE_TYPE_NOT_ALLOWED'],
      ['txt renamed', { name: '说明.docx', data: txt }, 415, 'EVIDENCE_TYPE_NOT_ALLOWED'],
      ['docx as xlsx', { name: '表.xlsx', data: zipNotOffice }, 415, 'EVIDENCE_TYPE_NOT_ALLOWED'],
      ['pdf as png', { name: '图.png', data: pdf }, 415, 'EVIDENCE_TYPE_NOT_ALLOWED'],
      ['quarter for a monthly', { data: pdf, period: '2026-Q4' }, 400, 'VALIDATION_FAILED'],
      ['month before the campaign', { data: pdf, period: '2025-12' }, 400, 'VALIDATION_FAILED'],
      ['bad period text', { data: pdf, period: '2026-13' }, 400, 'VALIDATION_FAILED'],
      ['requirement not of the node', { data: pdf, requirement: '公厕管理制度' }, 400, 'VALIDATION_FAILED'],
      ['node of no requirement', { data: pdf, nodeId: c.node['1.3']! }, 400, 'VALIDATION_FAILED'],
      ['node not in the standard', { data: pdf, nodeId: crypto.randomUUID() }, 400, 'VALIDATION_FAILED'],
      ['unknown campaign', { data: pdf, campaignId: crypto.randomUUID() }, 404, 'CAMPAIGN_NOT_FOUND'],
      ['missing title', { data: pdf, title: '' }, 400, 'VALIDATION_FAILED'],
      ['bad date', { data: pdf, docDate: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [label, over, status, code] of cases) {
      const r = await send(office, over);
      expect(r.status, `${label}: ${JSON.stringify(r.body)}`).toBe(status);
      expect(r.body.error.code, label).toBe(code);
    }
    const period = await send(office, { data: pdf, period: '2026-Q4' });
    expect(period.body.error.details.fields[0].field).toBe('period');
    expect(period.body.error.message).toContain('2026-11');
    const req = await send(office, { data: pdf, requirement: '公厕管理制度' });
    expect(req.body.error.message).toContain('月度保洁检查记录');
    expect(await rowCount()).toBe(before.rows);
    expect(storedFiles()).toHaveLength(before.files);
  });

  it('lets a unit file only for the indicators it answers for (lead, co-unit, inherited from a parent)', async () => {
    const before = { rows: await rowCount(), files: storedFiles().length };
    const own = await send(unitA, { data: await sample.pdf('unit a 1.1') });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    // C is a co-unit of 1.3, which covers 1.3.2.
    const co = await send(unitC, {
      data: await sample.pdf('unit c 1.3.2'),
      nodeId: c.node['1.3.2']!,
      requirement: '季度检查通报',
      period: '2026-Q3',
      docDate: '2026-09-30',
    });
    expect(co.status, JSON.stringify(co.body)).toBe(201);
    const notMine = await send(unitA, {
      data: await sample.pdf('unit a 1.3.1'),
      nodeId: c.node['1.3.1']!,
      requirement: '公厕管理制度',
      period: 'once',
    });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe('FORBIDDEN_SCOPE');
    const leaderTry = await send(leader, { data: await sample.pdf('leader') });
    expect(leaderTry.status).toBe(403);
    expect(await rowCount()).toBe(before.rows + 2);
    expect(storedFiles()).toHaveLength(before.files + 2);
  });

  it('over the size limit: 413 EVIDENCE_TOO_LARGE, nothing stored', async () => {
    const small = createEvidenceService({ ...evidenceDeps(), maxBytes: 1000 });
    const data = await sample.pdf('x'.repeat(3000));
    expect(data.byteLength).toBeGreaterThan(1000);
    const before = storedFiles().length;
    await expect(
      small.uploadEvidence(systemCtx(), monthly() as never, { name: 'big.pdf', data }),
    ).rejects.toMatchObject({ code: 'EVIDENCE_TOO_LARGE', status: 413 });
    expect(storedFiles()).toHaveLength(before);
  });

  it('deletes the stored file again when the database write fails', async () => {
    const failing = createEvidenceService({
      ...evidenceDeps(),
      audit: { ...t.services.audit, record: async () => Promise.reject(new Error('disk full')) },
    });
    const before = { rows: await rowCount(), files: storedFiles().length };
    await expect(
      failing.uploadEvidence(systemCtx(), monthly() as never, {
        name: 'a.pdf',
        data: await sample.pdf('fail'),
      }),
    ).rejects.toThrow('disk full');
    expect(await rowCount()).toBe(before.rows);
    expect(storedFiles()).toHaveLength(before.files);
  });
});

/** Deps of a second evidence service on the same database and files directory as the app's. */
function evidenceDeps() {
  return {
    db: t.db,
    clock: t.clock,
    audit: t.services.audit,
    files: localFileStore(t.config.filesDir),
    standards: t.services.standards,
    campaigns: t.services.campaigns,
    maxBytes: t.config.limits.uploadBytes,
  };
}

describe('list, download, delete', () => {
  let dupA: EvidenceFile;
  let dupB: EvidenceFile;
  let late: EvidenceFile;

  beforeAll(async () => {
    const same = await sample.pdf('same bytes twice');
    dupA = (await send(office, { data: same, period: '2026-02', docDate: '2026-02-10', title: '2月记录' }))
      .body;
    dupB = (
      await send(office, {
        data: same,
        nodeId: c.node['1.3.1']!,
        requirement: '公厕管理制度',
        period: 'once',
        title: '公厕管理制度（重复）',
      })
    ).body;
    late = (await send(unitA, { data: await sample.pdf('late'), period: '2026-03', docDate: '2026-04-02' }))
      .body;
  });

  it('flags the same bytes uploaded twice and a document dated outside its period', async () => {
    expect(dupB.flags).toEqual(['duplicate_file']);
    expect(dupB.duplicateOf).toEqual([dupA.id]);
    expect(late.flags).toEqual(['date_outside_period']);
    const page = await t.call('GET', `/api/evidence?campaignId=${c.campaignId}&pageSize=100`, {
      session: office,
    });
    expect(page.status).toBe(200);
    const byId = new Map((page.body.items as EvidenceFile[]).map((f) => [f.id, f]));
    expect(byId.get(dupA.id)!.flags).toEqual(['duplicate_file']);
    expect(byId.get(dupA.id)!.duplicateOf).toEqual([dupB.id]);
    expect(byId.get(late.id)!.flags).toEqual(['date_outside_period']);
    expect(page.body.total).toBe(page.body.items.length);
    const filtered = await t.call(
      'GET',
      `/api/evidence?campaignId=${c.campaignId}&nodeId=${c.node['1.1']}&period=2026-02`,
      { session: office },
    );
    expect((filtered.body.items as EvidenceFile[]).map((f) => f.id)).toEqual([dupA.id]);
  });

  it('shows a unit only the files of its indicators', async () => {
    const mine = await t.call('GET', `/api/evidence?campaignId=${c.campaignId}&pageSize=100`, {
      session: unitC,
    });
    expect(mine.status).toBe(200);
    const codes = new Set((mine.body.items as EvidenceFile[]).map((f) => f.nodeCode));
    expect([...codes].sort()).toEqual(['1.3.1', '1.3.2']);
    const denied = await download(t, unitC, `/api/evidence/${late.id}/file`);
    expect(denied.status).toBe(403);
  });

  it('downloads the file with its type and the UTF-8 file name', async () => {
    const r = await download(t, office, `/api/evidence/${dupA.id}/file`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('记录.pdf')}`,
    );
    expect(r.headers.get('content-disposition')).toContain('filename="evidence-');
    expect(createHash('sha256').update(r.data).digest('hex')).toBe(dupA.sha256);
    expect((await download(t, office, `/api/evidence/${crypto.randomUUID()}/file`)).status).toBe(404);
  });

  it('deletes: the uploader unit yes, another unit no, office yes; row and file gone', async () => {
    const key = async (id: string) =>
      (await t.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id)))[0]?.storageKey;
    const lateKey = (await key(late.id))!;
    expect(existsSync(path.join(t.config.filesDir, lateKey))).toBe(true);
    const other = await t.call('DELETE', `/api/evidence/${late.id}`, { session: unitC });
    expect(other.status).toBe(403);
    const own = await t.call('DELETE', `/api/evidence/${late.id}`, { session: unitA });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(await key(late.id)).toBeUndefined();
    expect(existsSync(path.join(t.config.filesDir, lateKey))).toBe(false);
    const byOffice = await t.call('DELETE', `/api/evidence/${dupB.id}`, { session: office });
    expect(byOffice.status).toBe(200);
    const again = await t.call('DELETE', `/api/evidence/${dupB.id}`, { session: office });
    expect(again.status).toBe(404);
    const after = await t.call('GET', `/api/evidence?campaignId=${c.campaignId}&pageSize=100`, {
      session: office,
    });
    const a = (after.body.items as EvidenceFile[]).find((f) => f.id === dupA.id)!;
    expect(a.flags).toEqual([]);
  });
});

describe('slots and completeness', () => {
  let q: SeededCampaign;

  beforeAll(async () => {
    q = await seedCampaign(t, cityId, unitIds, '完整性测试活动');
    const put = async (
      code: string,
      requirement: string,
      period: string,
      docDate: string,
      data: Uint8Array,
      title = `${code} ${period}`,
    ) => {
      const r = await upload(t, office, {
        campaignId: q.campaignId,
        nodeId: q.node[code]!,
        requirement,
        period,
        title,
        docDate,
        name: 'f.pdf',
        data,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return accept(t, office, r.body.id) as Promise<EvidenceFile>; // only accepted documents count
    };
    const shared = await sample.pdf('q shared');
    await put('1.1', '月度保洁检查记录', '2026-01', '2026-01-20', shared);
    await put('1.1', '月度保洁检查记录', '2026-02', '2026-03-03', await sample.pdf('q feb'), '2月（迟交）');
    await put('1.1', '月度保洁检查记录', '2026-03', '2026-03-10', await sample.pdf('q mar 1'));
    await put('1.1', '月度保洁检查记录', '2026-03', '2026-03-20', await sample.pdf('q mar 2'));
    await put('1.3.1', '公厕管理制度', 'once', '2025-12-01', await sample.pdf('q once'));
    await put('1.3.2', '季度检查通报', '2026-Q1', '2026-03-31', shared);
  });

  it('lists every (indicator × document × period) from the start to asOf, with file counts', async () => {
    const r = await t.call('GET', `/api/campaigns/${q.campaignId}/evidence/slots`, { session: office });
    expect(r.status).toBe(200);
    const slots = r.body as { nodeCode: string; period: string; fileCount: number; complete: boolean }[];
    // asOf = today (2026-11-23): 11 months + once + Q1..Q4 + 2026.
    expect(slots).toHaveLength(17);
    expect(slots.filter((s) => s.nodeCode === '1.1').map((s) => s.period)).toEqual(
      Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    expect(slots.find((s) => s.nodeCode === '1.1' && s.period === '2026-03')!.fileCount).toBe(2);
    expect(slots.filter((s) => s.nodeCode === '1.3.2').map((s) => s.period)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    const early = await t.call('GET', `/api/campaigns/${q.campaignId}/evidence/slots?asOf=2026-03-15`, {
      session: office,
    });
    expect(early.body).toHaveLength(6);
    const bad = await t.call('GET', `/api/campaigns/${q.campaignId}/evidence/slots?asOf=2026-3-1`, {
      session: office,
    });
    expect(bad.status).toBe(400);
  });

  it('measures completeness overall, per indicator and per lead unit, with the gaps and issues', async () => {
    const r = await t.call('GET', `/api/campaigns/${q.campaignId}/evidence/completeness`, {
      session: leader,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const k = r.body as EvidenceCompleteness;
    expect(k.asOf).toBe('2026-11-23');
    expect([k.required, k.present, k.percent]).toEqual([17, 5, 29.4]);
    expect(k.byIndicator.map((i) => [i.code, i.required, i.present, i.percent])).toEqual([
      ['1.1', 11, 3, 27.3],
      ['1.3.1', 1, 1, 100],
      ['1.3.2', 4, 1, 25],
      ['2.1', 1, 0, 0],
    ]);
    expect(k.byIndicator[0]!.title).toBe('环境卫生管理');
    expect(k.byUnit.map((u) => [u.unitId, u.required, u.present, u.percent])).toEqual([
      [unitIds.a, 11, 3, 27.3],
      [unitIds.b, 5, 2, 40],
      [null, 1, 0, 0],
    ]);
    expect(k.byUnit[2]!.unitName).toBe('未分解');
    expect(k.missing).toHaveLength(12);
    expect(k.missing.every((s) => !s.complete)).toBe(true);
    const kinds = k.issues.map((i) => i.kind).sort();
    expect(kinds).toEqual(['date_outside_period', 'duplicate_file', 'duplicate_file']);
    expect(k.issues.find((i) => i.kind === 'date_outside_period')!.message).toContain('2026-03-03');

    const early = await t.call(
      'GET',
      `/api/campaigns/${q.campaignId}/evidence/completeness?asOf=2026-03-15`,
      {
        session: office,
      },
    );
    expect([early.body.required, early.body.present, early.body.percent]).toEqual([6, 5, 83.3]);

    // The service function the assessments module uses gives the same figures.
    const svc = await t.services.evidence.completeness(cityId, q.campaignId, '2026-11-23');
    expect(svc).toEqual(k);
    await expect(
      t.services.evidence.completeness(crypto.randomUUID(), q.campaignId, '2026-11-23'),
    ).rejects.toMatchObject({
      code: 'CAMPAIGN_NOT_FOUND',
    });
  });

  it('gives a unit the completeness of its own indicators', async () => {
    const r = await t.call('GET', `/api/campaigns/${q.campaignId}/evidence/completeness`, { session: unitA });
    expect(r.status).toBe(200);
    expect([r.body.required, r.body.present]).toEqual([11, 3]);
    expect(r.body.byIndicator.map((i: { code: string }) => i.code)).toEqual(['1.1']);
  });

  it('counts nothing of another campaign', async () => {
    const rows = await t.db
      .select({ n: count() })
      .from(evidenceFiles)
      .where(inArray(evidenceFiles.campaignId, [q.campaignId]));
    expect(Number(rows[0]!.n)).toBe(6);
  });
});
