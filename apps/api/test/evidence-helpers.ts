import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { campaigns, campaignTasks, standardNodes, standards } from '../src/db/schema/index';
import { newId } from '../src/platform/ids';
import type { Session, TestApp } from './app';

/** Tiny but real files of each accepted kind; `text` makes their bytes (and sha256) differ. */
export const sample = {
  async pdf(text = 'pdf'): Promise<Uint8Array> {
    const doc = new PDFDocument({ size: 'A6' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((r) => doc.on('end', () => r()));
    doc.text(text);
    doc.end();
    await done;
    return new Uint8Array(Buffer.concat(chunks));
  },
  async docx(text = 'docx'): Promise<Uint8Array> {
    const d = new Document({ sections: [{ children: [new Paragraph(text)] }] });
    return new Uint8Array(await Packer.toBuffer(d));
  },
  async xlsx(text = 'xlsx'): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('记录').addRow([text]);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  },
  async png(seed = 1): Promise<Uint8Array> {
    const img = sharp({
      create: { width: 4, height: 4, channels: 3, background: { r: seed % 256, g: 9, b: 9 } },
    });
    return new Uint8Array(await img.png().toBuffer());
  },
  async jpg(seed = 1): Promise<Uint8Array> {
    const img = sharp({
      create: { width: 4, height: 4, channels: 3, background: { r: seed % 256, g: 9, b: 9 } },
    });
    return new Uint8Array(await img.jpeg().toBuffer());
  },
};

export interface SeededCampaign {
  campaignId: string;
  standardId: string;
  /** Node ids by code. */
  node: Record<string, string>;
}

/**
 * A standard with evidence requirements of every periodicity and a 2026 campaign on it (rows written
 * directly: the standards/campaigns modules are tested on their own).
 *   1 市容环境卫生 ─ 1.1 环境卫生管理 (monthly, lead A)
 *                  └ 1.3 公厕 (lead B, co C) ─ 1.3.1 公厕管理制度 (once) ─ 1.3.2 公厕保洁 (quarterly)
 *   2 病媒生物防制 ─ 2.1 病媒密度 (yearly, no task: 未分解)
 * The campaign covers the whole city unless a region (e.g. a district) is given.
 */
export async function seedCampaign(
  t: TestApp,
  cityId: string,
  units: { a: string; b: string; c: string },
  name = '2026年国家卫生城市复审',
  /** The campaign's region (default: the whole city). */
  regionId = cityId,
): Promise<SeededCampaign> {
  const standardId = newId();
  const code = `GWS${standardId.slice(-6)}`;
  await t.db.insert(standards).values({
    id: standardId,
    cityId,
    code,
    name: '国家卫生城市标准（测试）',
    type: 'sanitary',
    totalPoints: 1000,
    passScore: 900,
    basicScore: 750,
  });
  const spec: [string, string | null, string, { title: string; periodicity: string }[]][] = [
    ['1', null, '市容环境卫生', []],
    ['1.1', '1', '环境卫生管理', [{ title: '月度保洁检查记录', periodicity: 'monthly' }]],
    ['1.3', '1', '公厕', []],
    ['1.3.1', '1.3', '公厕管理制度', [{ title: '公厕管理制度', periodicity: 'once' }]],
    ['1.3.2', '1.3', '公厕保洁', [{ title: '季度检查通报', periodicity: 'quarterly' }]],
    ['2', null, '病媒生物防制', []],
    ['2.1', '2', '病媒密度', [{ title: '年度病媒监测报告', periodicity: 'yearly' }]],
  ];
  const node: Record<string, string> = {};
  for (const [c] of spec) node[c] = newId();
  await t.db.insert(standardNodes).values(
    spec.map(([c, parent, title, evidence], i) => ({
      id: node[c]!,
      cityId,
      standardId,
      parentId: parent ? node[parent]! : null,
      code: c,
      title,
      points: 10,
      rule: 'manual' as const,
      evidence,
      depth: c.split('.').length - 1,
      sort: i,
    })),
  );
  const campaignId = newId();
  await t.db.insert(campaigns).values({
    id: campaignId,
    cityId,
    regionId,
    standardId,
    name,
    type: 'sanitary',
    passScore: 900,
    basicScore: 750,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  await t.db.insert(campaignTasks).values([
    { id: newId(), cityId, campaignId, nodeId: node['1.1']!, leadUnitId: units.a, coUnitIds: [] },
    { id: newId(), cityId, campaignId, nodeId: node['1.3']!, leadUnitId: units.b, coUnitIds: [units.c] },
  ]);
  return { campaignId, standardId, node };
}

export interface UploadInput {
  campaignId: string;
  nodeId: string;
  requirement: string;
  period: string;
  title: string;
  docDate: string;
  issuingUnit?: string;
  name: string;
  data: Uint8Array;
}

/** POST /api/evidence as a browser sends it. */
export async function upload(t: TestApp, session: Session, input: UploadInput) {
  const form = new FormData();
  const { name, data, ...fields } = input;
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(data)]), name);
  return t.call('POST', '/api/evidence', { body: form, session });
}

/** A GET whose body is bytes (downloads, the package). */
export async function download(t: TestApp, session: Session, path: string) {
  const res = await t.app.request(path, { headers: { cookie: `cc_session=${session.token}` } });
  const data = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, data };
}

/** The office accepts a document awaiting its acceptance (an office upload goes straight to it). */
export async function accept(t: TestApp, office: Session, id: string) {
  const r = await t.call('POST', `/api/evidence/${id}/review`, {
    session: office,
    body: { action: 'approve' },
  });
  if (r.status !== 200) throw new Error(`accept ${id}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
