import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as ApiPage } from '@chuangcheng/contracts';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  launchBrowser,
  login,
  newContext,
  screenshot,
  settle,
  startServer,
  type TestServer,
} from './harness';

let server: TestServer;
let browser: Browser;
let workDir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  workDir = await mkdtemp(join(tmpdir(), 'chuangcheng-e2e-xlsx-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Fills the downloaded template the way an office would: header kept, example row replaced by ours. */
async function fillTemplate(template: Buffer, rows: Record<string, string>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('template has no sheet');
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).replace(/\*$/, ''), col));
  if (sheet.rowCount > 1) sheet.spliceRows(2, sheet.rowCount - 1);
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    for (const [header, value] of Object.entries(values)) {
      const col = columns.get(header);
      if (!col) throw new Error(`template has no column ${header}: ${[...columns.keys()].join(', ')}`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('import wizard', () => {
  it('(c) an xlsx of units with bad rows lists the row errors and imports nothing', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await login(page, ADMIN.username, ADMIN.password);
    const total = async () =>
      ((await (await page.request.get('/api/units?pageSize=1')).json()) as ApiPage<unknown>).total;
    const before = await total();

    const template = await (await page.request.get('/api/imports/units/template')).body();
    const xlsx = await fillTemplate(template, [
      { 单位编码: 'E2E-IMP-OK', 单位名称: '导入测试正常单位', 单位类型: '职能部门' },
      { 单位编码: 'E2E-IMP-NONAME', 单位名称: '', 单位类型: '职能部门' },
      { 单位编码: 'E2E-IMP-BADKIND', 单位名称: '类型错误的单位', 单位类型: '外星部门' },
    ]);
    const file = join(workDir, '单位导入-有错误.xlsx');
    await writeFile(file, xlsx);

    await page.goto('/imports');
    await settle(page);
    await screenshot(page, 'desktop-import-kind');
    await page.getByTestId('import-kind-units').click();
    await page.getByTestId('wizard-next').click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('单位导入-有错误.xlsx').waitFor();
    await screenshot(page, 'desktop-import-upload');
    await page.getByTestId('wizard-check').click();

    const alert = page.getByTestId('import-row-errors');
    await alert.waitFor({ timeout: 60_000 });
    expect((await alert.textContent()) ?? '').toContain('未写入任何数据');
    const table = page.getByTestId('import-errors-table');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('单位名称');
    expect(text).toContain('单位类型');
    expect(text).toContain('外星部门');
    // Rows 3 and 4 of the sheet (row 1 is the header).
    const rowNumbers = await table.locator('tbody tr td:first-child').allInnerTexts();
    expect(rowNumbers).toEqual(expect.arrayContaining(['3', '4']));
    expect(rowNumbers).not.toContain('2');
    expect(await page.getByTestId('wizard-confirm').count()).toBe(0);
    await screenshot(page, 'desktop-import-errors');

    expect(await total()).toBe(before);
    const ok = (await (await page.request.get('/api/units?q=E2E-IMP-OK')).json()) as ApiPage<unknown>;
    expect(ok.total).toBe(0);
    await context.close();
  });

  it('a clean file passes the dry run, then imports after confirmation', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await login(page, ADMIN.username, ADMIN.password);
    const template = await (await page.request.get('/api/imports/units/template')).body();
    const xlsx = await fillTemplate(template, [
      { 单位编码: 'E2E-IMP-A', 单位名称: '导入测试甲局', 单位类型: '职能部门' },
      { 单位编码: 'E2E-IMP-B', 单位名称: '导入测试乙局', 单位类型: '职能部门', 上级单位编码: 'E2E-IMP-A' },
    ]);
    const file = join(workDir, '单位导入-正确.xlsx');
    await writeFile(file, xlsx);

    await page.goto('/imports?kind=units');
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('wizard-check').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect((await summary.textContent()) ?? '').toContain('将新增 2 条');
    await screenshot(page, 'desktop-import-dry-run');
    const none = (await (await page.request.get('/api/units?q=E2E-IMP-A')).json()) as ApiPage<unknown>;
    expect(none.total).toBe(0);

    await page.getByTestId('wizard-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await screenshot(page, 'desktop-import-done');
    const done = (await (await page.request.get('/api/units?q=E2E-IMP')).json()) as ApiPage<unknown>;
    expect(done.total).toBe(2);
    await context.close();
  });
});
