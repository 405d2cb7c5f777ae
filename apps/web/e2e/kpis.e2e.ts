import type { KpiDrill, KpiResult } from '@chuangcheng/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  DESKTOP,
  launchBrowser,
  login,
  newContext,
  PHONE,
  screenshot,
  settle,
  startServer,
  type TestServer,
} from './harness';

/**
 * The KPI page in Chromium: each rate explains its formula beside the standard's wording; a number of
 * the unit table opens the stages behind it, the same count as the cell; on a phone too.
 */

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe('KPI page', () => {
  it('explains each rate and drills a number down to its stages', async () => {
    const context = await newContext(browser, server.baseUrl, DESKTOP);
    contexts.push(context);
    const page = await context.newPage();
    await login(page, 'office', DEMO_PASSWORD);
    await page.goto('/kpis');
    const table = page.getByTestId('kpi-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    await settle(page);

    // The formula tooltip: ours and the standard's wording.
    await table.getByTestId('kpi-rate-returnRate').first().hover();
    const formula = page.getByTestId('kpi-formula-returnRate');
    await formula.waitFor();
    expect(await formula.textContent()).toContain('本单位回退次数 / 本单位接收的派遣次数');
    expect(await formula.textContent()).toContain('标准原文：回退率 = 回退次数 / 接收数');
    await screenshot(page, 'kpis-1-formula');

    // A unit's 接收派遣 opens exactly that many stages of that unit.
    const result = await getJson<KpiResult>(page, '/api/kpis?dimension=unit');
    const row = result.rows.find((r) => r.counters.dispatches > 0);
    expect(row, 'a unit that received dispatches in the demo city').toBeTruthy();
    const cell = page.getByTestId(`kpi-drill-dispatches-${row!.key}`);
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    const drawer = page.getByTestId('kpi-drill-table');
    await drawer.locator('tbody tr.ant-table-row').first().waitFor();
    await settle(page);
    const drill = await getJson<KpiDrill>(
      page,
      `/api/kpis/cases?dimension=unit&key=${row!.key}&counter=dispatches`,
    );
    expect(drill.items.length).toBe(row!.counters.dispatches);
    expect(drill.items.every((i) => i.stage?.unitId === row!.key)).toBe(true);
    expect(await page.locator('.ant-drawer-title').textContent()).toContain(row!.name);
    await screenshot(page, 'kpis-2-drill');
  });

  it('lists every district and opens a number on a phone', async () => {
    const context = await newContext(browser, server.baseUrl, PHONE);
    contexts.push(context);
    const page = await context.newPage();
    await login(page, 'office', DEMO_PASSWORD);
    await page.goto('/kpis?dimension=district');
    const table = page.getByTestId('kpi-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    await settle(page);
    const result = await getJson<KpiResult>(page, '/api/kpis?dimension=district');
    const districts = result.rows.filter((r) => r.key);
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(result.rows.length);
    const row = districts.find((r) => r.counters.reported > 0)!;
    await page.getByTestId(`kpi-drill-reported-${row.key}`).click();
    await page.getByTestId('kpi-drill-table').locator('tbody tr.ant-table-row').first().waitFor();
    await settle(page);
    await screenshot(page, 'kpis-3-phone-drill');
  });
});
