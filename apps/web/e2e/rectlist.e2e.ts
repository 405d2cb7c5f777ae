import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as ApiPage, RectlistSummary } from '@chuangcheng/contracts';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchBrowser,
  login,
  newContext,
  screenshot,
  settle,
  startServer,
  type TestServer,
} from './harness';

// 整改清单 in Chromium: a file with a bad row is refused with its rows listed and nothing written; the
// corrected file is imported, the batch page shows the job's progress, then each problem's case.

let server: TestServer;
let browser: Browser;
let workDir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  workDir = await mkdtemp(join(tmpdir(), 'chuangcheng-e2e-rectlist-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Fills the downloaded template: header kept, the example row replaced by ours. */
async function fillTemplate(template: Buffer, rows: Record<string, string | number>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('整改清单');
  if (!sheet) throw new Error('template has no 整改清单 sheet');
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

async function batches(page: Page) {
  return ((await (await page.request.get('/api/rectlists')).json()) as ApiPage<RectlistSummary>).total;
}

async function chooseAndSubmit(page: Page, file: string) {
  await page.getByTestId('rectlist-new').click();
  await page.getByTestId('rectlist-upper-unit').fill('省爱卫办');
  await page.getByTestId('rectlist-title').fill('11月暗访整改清单');
  await page.getByTestId('rectlist-inspected-on').fill('2026-11-20');
  await page.locator('.ant-modal input[type="file"]').setInputFiles(file);
  await page.getByTestId('rectlist-submit').click();
}

describe('整改清单', () => {
  it('refuses a file with a bad row (rows listed, nothing written), imports the corrected one and shows its cases', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await login(page, 'office', DEMO_PASSWORD);

    const map = (await (await page.request.get('/api/cases/map')).json()) as {
      points: { lng: number; lat: number }[];
    };
    const [a, b, c] = map.points;
    const grids = (await (await page.request.get('/api/grids?pageSize=1')).json()) as ApiPage<{
      code: string;
    }>;
    const gridCode = grids.items[0]!.code;
    const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const template = await (await page.request.get('/api/imports/rectlists/template')).body();
    const good = [
      {
        序号: '1',
        '问题位置/地址': '解放路 5 号',
        经度: a!.lng,
        纬度: a!.lat,
        问题类别: '占道经营',
        问题描述: '人行道流动摊贩占道经营',
        整改期限: due,
      },
      { 序号: '2', 网格编码: gridCode, 问题类别: '占道经营', 问题描述: '背街小巷摆摊设点', 整改期限: due },
      { 序号: '3', 经度: b!.lng, 纬度: b!.lat, 问题类别: '占道经营', 问题描述: '早市占道经营未清理' },
      {
        序号: '4',
        '问题位置/地址': '幸福路 8 号',
        问题类别: '占道经营',
        问题描述: '仅有地址的问题（待定位）',
      },
      {
        序号: '5',
        经度: c!.lng,
        纬度: c!.lat,
        问题类别: '占道经营',
        问题描述: '夜市摊点占用盲道',
        备注: '夜间复查',
      },
    ];
    const before = await batches(page);

    // A bad row (no location, unknown category): nothing is written and the rows are listed.
    const badFile = join(workDir, '整改清单-有错误.xlsx');
    await writeFile(
      badFile,
      await fillTemplate(template, [
        ...good,
        { 序号: '6', 问题类别: '外星类别', 问题描述: '没有位置的问题' },
      ]),
    );
    await page.goto('/rectlists');
    await settle(page);
    await chooseAndSubmit(page, badFile);
    const table = page.getByTestId('import-errors-table');
    await table.waitFor({ timeout: 60_000 });
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('外星类别');
    expect(text).toContain('至少填写一项');
    expect(await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).toEqual(['7', '7']);
    await screenshot(page, 'desktop-rectlist-errors');
    expect(await batches(page)).toBe(before);
    await page.locator('.ant-modal-close').click();

    // The corrected file: the batch page follows the job, then lists each problem's case.
    const goodFile = join(workDir, '整改清单.xlsx');
    await writeFile(goodFile, await fillTemplate(template, good));
    await chooseAndSubmit(page, goodFile);
    await page.waitForURL(/\/rectlists\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.getByTestId('rectlist-job-progress').waitFor();
    await screenshot(page, 'desktop-rectlist-progress');
    await page.getByTestId('rectlist-state').getByText('已完成').waitFor({ timeout: 60_000 });
    const rows = page.getByTestId('rectlist-rows');
    await rows.locator('tbody tr').nth(4).waitFor();
    const rowsText = (await rows.textContent()) ?? '';
    expect(rowsText).toContain('待签收');
    expect(rowsText).toContain('待立案');
    expect(rowsText).toContain('待定位');
    expect((await page.getByTestId('rectlist-job-progress').textContent()) ?? '').toContain('5/5');
    expect(await page.getByText('2026-11-20').count()).toBeGreaterThan(0);
    await settle(page);
    await screenshot(page, 'desktop-rectlist-batch');

    // The list shows the batch; a case opens from the batch page.
    await page.goto('/rectlists');
    await settle(page);
    expect((await page.getByTestId('rectlists-table').textContent()) ?? '').toContain('11月暗访整改清单');
    await screenshot(page, 'desktop-rectlists');
    await page.getByTestId('rectlists-table').getByRole('link').first().click();
    await page.getByTestId('rectlist-rows').getByRole('link').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await settle(page);
    await screenshot(page, 'desktop-rectlist-case');
    await page.getByText('上级交办').first().waitFor();
    await context.close();
  });
});
