import { createHash } from 'node:crypto';
import type { EvidenceFile } from '@chuangcheng/contracts';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { download, type SeededCampaign, sample, seedCampaign, upload } from '../../../test/evidence-helpers';
import { userSession, withDemoCity } from '../../../test/fixtures';
import { auditLog, evidenceFiles, units } from '../../db/schema/index';
import { localFileStore } from '../../platform/file-store';
import { chineseNumeral, layoutPackage, safeName } from './evidence-package.layout';
import { centralDirectoryBytes, zipStream } from './evidence-package.zip';

let t: TestApp;
let office: Session;
let c: SeededCampaign;
const uploaded: EvidenceFile[] = [];

/** Every entry of a zip, read with yauzl (an independent reader): name → bytes. */
function unzip(data: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(data), { lazyEntries: true, strictFileNames: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (b: Buffer) => chunks.push(b));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const { cityId } = await withDemoCity(t, 60);
  const depts = await t.db
    .select()
    .from(units)
    .where(and(eq(units.cityId, cityId), eq(units.kind, 'department')));
  c = await seedCampaign(t, cityId, { a: depts[0]!.id, b: depts[1]!.id, c: depts[2]!.id });
  office = await t.login('office');
  const put = async (
    code: string,
    requirement: string,
    period: string,
    title: string,
    name: string,
    data: Uint8Array,
  ) => {
    const r = await upload(t, office, {
      campaignId: c.campaignId,
      nodeId: c.node[code]!,
      requirement,
      period,
      title,
      docDate: '2026-03-01',
      issuingUnit: '市爱卫办',
      name,
      data,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    uploaded.push(r.body);
  };
  await put('1.1', '月度保洁检查记录', '2026-02', '保洁检查记录', 'a.pdf', await sample.pdf('feb'));
  await put('1.1', '月度保洁检查记录', '2026-01', '保洁检查记录', 'b.docx', await sample.docx('jan'));
  // Same name twice in one folder: the second becomes "(2)".
  await put('1.1', '月度保洁检查记录', '2026-03', '保洁检查记录', 'c.pdf', await sample.pdf('mar 1'));
  await put('1.1', '月度保洁检查记录', '2026-03', '保洁检查记录', 'd.pdf', await sample.pdf('mar 2'));
  await put(
    '1.3.1',
    '公厕管理制度',
    'once',
    '制度: "公厕"*管理?<试行>|版.',
    'e.xlsx',
    await sample.xlsx('rule'),
  );
  await put('1.3.2', '季度检查通报', '2026-Q1', '一季度通报', 'f.png', await sample.png(7));
  await put('2.1', '年度病媒监测报告', '2026', `${'很长的标题'.repeat(30)}`, 'g.jpg', await sample.jpg(8));
});
afterAll(() => t.close());

describe('迎检资料包', () => {
  it('streams a zip with its Content-Length; 目录.xlsx lists every file at its path in the package', async () => {
    const res = await t.app.request(`/api/campaigns/${c.campaignId}/evidence/export`, {
      headers: { cookie: `cc_session=${office.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('迎检资料包'));
    const data = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(data.byteLength);

    const entries = await unzip(data);
    const names = [...entries.keys()];
    expect(names.slice(0, 2)).toEqual(['目录.xlsx', '目录.docx']);
    expect(names).toHaveLength(uploaded.length + 2);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entries.get('目录.xlsx')! as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('目录')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
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
    const all: string[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) all.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    // Every required document is listed; the ones filed carry their path (the missing ones: 缺失, no path).
    const rows = all.filter((r) => r[6] !== '缺失');
    expect(all.filter((r) => r[6] === '缺失').every((r) => r[10] === '')).toBe(true);
    expect(rows).toHaveLength(uploaded.length);
    const bySha = new Map(uploaded.map((f) => [f.sha256, f]));
    const seen = new Set<string>();
    expect(all.map((r) => r[0])).toEqual(all.map((_, i) => String(i + 1)));
    rows.forEach((r, i) => {
      const [, code, indicator, , title, period, , review, docDate, issuer, inPath] = r;
      expect(review).toBe('待创建办验收');
      const bytes = entries.get(inPath!);
      expect(bytes, `row ${i + 1}: ${inPath} is in the zip`).toBeDefined();
      seen.add(inPath!);
      const f = bySha.get(createHash('sha256').update(bytes!).digest('hex'));
      expect(f, `row ${i + 1}: the bytes are an uploaded file`).toBeDefined();
      expect([code, title, period, docDate, issuer]).toEqual([
        f!.nodeCode,
        f!.title,
        f!.period === 'once' ? '一次性' : f!.period,
        f!.docDate,
        '市爱卫办',
      ]);
      expect(indicator).toBeTruthy();
      expect(
        inPath!
          .split('/')
          .pop()!
          .startsWith(`${safeName(`${f!.nodeCode}_${f!.period}_`, 80)}`),
      ).toBe(true);
    });
    expect(seen.size).toBe(uploaded.length);

    // Numbered folders after the tree; Windows-safe names; (2) for a repeated name.
    const month = '01 一、市容环境卫生/01 1.1 环境卫生管理';
    expect(names).toContain(`${month}/1.1_2026-01_保洁检查记录.docx`);
    expect(names).toContain(`${month}/1.1_2026-03_保洁检查记录.pdf`);
    expect(names).toContain(`${month}/1.1_2026-03_保洁检查记录(2).pdf`);
    const rule = names.find((n) => n.startsWith('01 一、市容环境卫生/02 1.3 公厕/01 1.3.1 公厕管理制度/'));
    expect(rule).toBe(
      '01 一、市容环境卫生/02 1.3 公厕/01 1.3.1 公厕管理制度/1.3.1_once_制度_ _公厕__管理__试行__版.xlsx',
    );
    expect(names).toContain('01 一、市容环境卫生/02 1.3 公厕/02 1.3.2 公厕保洁/1.3.2_2026-Q1_一季度通报.png');
    const long = names.find((n) => n.startsWith('02 二、病媒生物防制/01 2.1 病媒密度/'))!;
    const base = long.split('/').pop()!;
    expect([...base].length).toBeLessThanOrEqual(80 + 4);
    expect(base.endsWith('.jpg')).toBe(true);
    for (const n of names) for (const seg of n.split('/')) expect(seg).not.toMatch(/[\\:*?"<>|]|[. ]$/);

    // 目录.docx is a Word document listing the same paths.
    const docx = await JSZip.loadAsync(entries.get('目录.docx')!);
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('包内路径');
    expect(xml).toContain('1.3.2_2026-Q1_一季度通报.png');

    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'evidence_package'), eq(auditLog.entityId, c.campaignId)));
    expect(audits).toHaveLength(1);
    expect((audits[0]!.after as { files: number }).files).toBe(uploaded.length);
  });

  it('is for the overseers: a unit user gets 403; an unknown campaign 404', async () => {
    const [u] = await t.db.select().from(units).where(eq(units.kind, 'department'));
    const unit = await userSession(t, 'ev-export-unit', 'unit', { unitId: u!.id });
    expect((await download(t, unit, `/api/campaigns/${c.campaignId}/evidence/export`)).status).toBe(403);
    expect((await download(t, office, `/api/campaigns/${crypto.randomUUID()}/evidence/export`)).status).toBe(
      404,
    );
    const leader = await t.login('leader');
    expect((await download(t, leader, `/api/campaigns/${c.campaignId}/evidence/export`)).status).toBe(200);
  });

  it('names: Chinese numerals, safe segments, stable layout', () => {
    expect([1, 9, 10, 12, 20, 23, 99].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十二',
      '二十',
      '二十三',
      '九十九',
    ]);
    expect(safeName('CON', 40)).toBe('_CON');
    expect(safeName('a/b\\c:d', 40)).toBe('a_b_c_d');
    expect(safeName('...', 40)).toBe('_');
    expect(safeName('标题. ', 40)).toBe('标题');
    expect(typeof layoutPackage).toBe('function');
  });
});

describe('zipStream', () => {
  it('announces exactly the bytes it writes, below and above a 64 KiB central directory', async () => {
    const files = localFileStore(t.config.filesDir);
    for (const n of [3, 1200]) {
      const sources = Array.from({ length: n }, (_, i) => {
        const data = new TextEncoder().encode(`第${i}份`);
        return {
          path: `01 一、市容环境卫生/01 1.1 环境卫生管理/1.1_2026-01_检查记录 第${i}份.pdf`,
          size: data.byteLength,
          mtime: new Date(0),
          data,
        };
      });
      expect(centralDirectoryBytes(sources) >= 0xffff).toBe(n > 3);
      const { stream, size } = await zipStream(files, sources);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      const zip = Buffer.concat(chunks);
      expect(zip.byteLength, `${n} entries`).toBe(size);
      const entries = await unzip(zip);
      expect(entries.size).toBe(n);
      expect(entries.get(sources[n - 1]!.path)!.toString()).toBe(`第${n - 1}份`);
    }
  });

  it('ends the stream with an error when a stored file has gone, without crashing the process', async () => {
    const files = localFileStore(t.config.filesDir);
    const data = new TextEncoder().encode('ok');
    const { stream } = await zipStream(files, [
      { path: 'a.txt', size: data.byteLength, mtime: new Date(0), data },
      { path: 'gone.pdf', size: 10, mtime: new Date(0), key: 'evidence/none/gone.pdf' },
    ]);
    await expect(
      (async () => {
        for await (const _ of stream) {
          // drain
        }
      })(),
    ).rejects.toThrow();
  });

  it('packs what the store still has and marks a lost file in 目录 (checked last: it deletes a file)', async () => {
    const [row] = await t.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, uploaded[0]!.id));
    await localFileStore(t.config.filesDir).delete(row!.storageKey);
    const r = await download(t, office, `/api/campaigns/${c.campaignId}/evidence/export`);
    expect(r.status).toBe(200);
    expect(Number(r.headers.get('content-length'))).toBe(r.data.byteLength);
    const entries = await unzip(r.data);
    expect(entries.size).toBe(uploaded.length + 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entries.get('目录.xlsx')! as unknown as ArrayBuffer);
    const paths: string[] = [];
    wb.getWorksheet('目录')!.eachRow((row, n) => {
      if (n > 1 && row.getCell(7).value !== '缺失') paths.push(String(row.getCell(11).value));
    });
    expect(paths.filter((p) => p.includes('未打包'))).toHaveLength(1);
    expect(paths.filter((p) => entries.has(p))).toHaveLength(uploaded.length - 1);
  });
});
