import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  DESKTOP,
  launchBrowser,
  login,
  newContext,
  screenshot,
  settle,
  startServer,
  type TestServer,
} from './harness';

/**
 * Holiday data in the real browser: the office sees the banner that next year's holidays are missing
 * (the server runs on the real clock, in December) on every console page; imports next year's notice
 * from Excel on the 工作日历 page (preview, then import, the recompute's progress); the banner is gone.
 */

let server: TestServer;
let browser: Browser;
let office: Page;
const contexts: BrowserContext[] = [];
const next = new Date().getFullYear() + 1;

/** A test file in the shape of the notice (元旦 and one 调休 Saturday of next year; not a real notice). */
async function noticeFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('节假日安排');
  ws.addRow(['日期', '类型', '名称']);
  ws.addRow([`${next}-01-01`, '放假', '元旦']);
  const firstSaturday = [1, 2, 3, 4, 5, 6, 7]
    .map((d) => `${next}-02-${String(d).padStart(2, '0')}`)
    .find((iso) => new Date(`${iso}T00:00:00Z`).getUTCDay() === 6)!;
  ws.addRow([firstSaturday, '调休上班', '春节']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await newContext(browser, server.baseUrl, DESKTOP);
  contexts.push(context);
  office = await context.newPage();
  await login(office, 'office', DEMO_PASSWORD);
}, 360_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('holiday data in the console', () => {
  it('warns on every page until next year is imported, then the banner is gone', async () => {
    const month = new Date().getMonth() + 1;
    const banner = office.getByTestId('holiday-banner');
    if (month >= 11) {
      await banner.waitFor();
      expect(await banner.textContent()).toContain(`${next} 年`);
      await expect(banner.locator('.ant-alert-close-icon').count()).resolves.toBe(0);
      await settle(office);
      await screenshot(office, 'holidays-banner');
    }

    await office.goto('/calendar');
    await settle(office);
    await office.getByTestId('holiday-years').waitFor();
    await screenshot(office, 'holidays-calendar-page');

    await office.getByTestId('holiday-import').click();
    // antd puts the test id on the input or on its wrapper, depending on the version.
    await office
      .getByTestId('holiday-import-year')
      .locator('xpath=descendant-or-self::input')
      .first()
      .fill(String(next));
    await office
      .getByRole('dialog')
      .locator('input[type="file"]')
      .setInputFiles({
        name: `${next}年节假日.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await noticeFile(),
      });
    await office.getByTestId('holiday-preview').click();
    await office.getByTestId('holiday-import-preview').waitFor();
    await screenshot(office, 'holidays-import-preview');
    await office.getByTestId('holiday-import-start').click();
    await office.getByTestId('holiday-import-done').waitFor();
    await office.getByTestId('holiday-recompute').getByText('已重算').waitFor();
    await screenshot(office, 'holidays-imported');
    await office.keyboard.press('Escape');

    await office.getByTestId(`holiday-year-${next}`).getByText('已导入').waitFor();
    await banner.waitFor({ state: 'detached' });
  });
});
