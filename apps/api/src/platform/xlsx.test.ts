import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildSheet, readSheet, type SheetSpec } from './xlsx';

type K = 'code' | 'name' | 'count' | 'day' | 'flag';
const SPEC: SheetSpec<K> = {
  sheet: '数据',
  columns: [
    { key: 'code', header: '编码', required: true, width: 10, text: true },
    { key: 'name', header: '名称', width: 20 },
    { key: 'count', header: '数量', width: 8 },
    { key: 'day', header: '日期', width: 12 },
    { key: 'flag', header: '标记', width: 8 },
  ],
};

const load = async (data: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb.getWorksheet('数据')!;
};

describe('exports are safe to open in a spreadsheet', () => {
  it('quotes text starting with = + - @ tab or CR, keeps numbers as numbers', async () => {
    const data = await buildSheet(SPEC, [
      { code: 'A1', name: '=HYPERLINK("http://evil.example","x")', count: -5 },
      { code: '+1', name: '-2 号', count: 3.5 },
      { code: '@x', name: '\tTAB' },
      { code: 'B2', name: '\rCR' },
      { code: 'C3', name: '普通 = 文本' },
    ]);
    const ws = await load(data);
    expect(ws.getCell('B2').value).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(ws.getCell('C2').value).toBe(-5);
    expect(ws.getCell('A3').value).toBe("'+1");
    expect(ws.getCell('B3').value).toBe("'-2 号");
    expect(ws.getCell('C3').value).toBe(3.5);
    expect(ws.getCell('A4').value).toBe("'@x");
    expect(ws.getCell('B4').value).toBe("'\tTAB");
    // XML reads a raw carriage return back as a line feed; the quote in front is what matters.
    expect(ws.getCell('B5').value).toMatch(/^'[\r\n]CR$/);
    expect(ws.getCell('B6').value).toBe('普通 = 文本');
  });

  it('reads its own export back as the original text', async () => {
    const rows = [
      { code: 'A1', name: '=1+1' },
      { code: 'A2', name: "'quoted on purpose" },
      { code: 'A3', name: '@名称' },
    ];
    const read = await readSheet(await buildSheet(SPEC, rows), SPEC, 100);
    expect(read.rows.map((r) => r.cells.name)).toEqual(['=1+1', "'quoted on purpose", '@名称']);
  });
});

describe('the streamed reader sees cells as the user does', () => {
  it('reads numbers, dates, booleans, rich text, hyperlinks and formula results as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['编码*', '名称', '数量', '日期', '标记', '说明（不导入）']);
    ws.addRow([
      13010100000001,
      { richText: [{ text: '富' }, { text: '文本 ' }] },
      2.5,
      new Date('2026-03-04'),
      true,
      'x',
    ]);
    ws.addRow([
      '  B&<2>  ',
      { text: '链接', hyperlink: 'https://example.com' },
      { formula: '1+1', result: 2 },
      null,
      false,
    ]);
    ws.getCell('D2').numFmt = 'yyyy-mm-dd';
    const data = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const read = await readSheet(data, SPEC, 100);
    expect(read.issues).toEqual([]);
    expect([...read.present].sort()).toEqual(['code', 'count', 'day', 'flag', 'name']);
    expect(read.rows).toEqual([
      {
        row: 2,
        cells: { code: '13010100000001', name: '富文本', count: '2.5', day: '2026-03-04', flag: 'true' },
      },
      { row: 3, cells: { code: 'B&<2>', name: '链接', count: '2', flag: 'false' } },
    ]);
  });

  it('reports a missing required column once, on row 1', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['名称']);
    ws.addRow(['甲']);
    const read = await readSheet(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), SPEC, 100);
    expect(read.issues).toEqual([{ row: 1, column: '编码', message: '缺少必填列「编码」' }]);
    expect([...read.missing]).toEqual(['编码']);
  });
});
