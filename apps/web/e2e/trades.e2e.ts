import type { CaseDetail, CaseSummary, Page as ListPage } from '@chuangcheng/contracts';
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
 * 行业主管 and 主动认领 in Chromium: the office makes 城管局 the supervising department of a trade on the
 * 行业主管 page; the 城管局 user (phone) sees a filed case of that trade handled by another unit and claims
 * it; the office approves on the dispatch board's 认领审批 tab, and the case is dispatched to 城管局.
 */
let server: TestServer;
let browser: Browser;
let office: Page;
let unit: Page;
const contexts: BrowserContext[] = [];

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

const modal = (page: Page) => page.locator('.ant-modal').filter({ has: page.getByTestId('action-form') });

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const open = async (username: string, viewport: { width: number; height: number }) => {
    const context = await newContext(browser, server.baseUrl, viewport);
    contexts.push(context);
    const page = await context.newPage();
    await login(page, username, DEMO_PASSWORD);
    return page;
  };
  [office, unit] = await Promise.all([open('office', DESKTOP), open('unit', PHONE)]);
}, 400_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('行业主管 and 主动认领', () => {
  let target: CaseSummary;

  it('the office makes 城管局 the supervising department of a trade on the 行业主管 page', async () => {
    // A case of another unit, filed by the office: its category becomes 城管局's trade.
    const reported = await getJson<ListPage<CaseSummary>>(office, '/api/cases?status=reported&pageSize=100');
    const found = reported.items.find((c) => c.leadUnit && c.leadUnit.name !== '城管局' && !c.pendingRequest);
    if (!found) throw new Error('the demo city has no reported case of another unit');
    const me = await getJson<{ csrfToken: string }>(office, '/api/auth/me');
    const filed = await office.request.post(`/api/cases/${found.id}/transitions`, {
      data: { action: 'file', note: '立案' },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(filed.status()).toBe(200);
    target = found;
    await office.goto('/trades');
    await settle(office);
    await office.getByTestId('trades-add').click();
    const dialog = office.locator('.ant-modal');
    await dialog.getByRole('combobox', { name: '主管部门' }).click();
    await dialog.getByRole('combobox', { name: '主管部门' }).fill('城管局');
    await office.locator('.ant-select-item-option', { hasText: /^城管局$/ }).click();
    const categories = dialog.getByRole('combobox', { name: '主管的问题类别' });
    await categories.click();
    await categories.fill(target.category.code);
    await office
      .locator('.ant-select-tree-node-content-wrapper', {
        hasText: `${target.category.code} ${target.category.name}`,
      })
      .first()
      .click();
    await office.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await office.locator('.ant-message').getByText('已保存行业主管配置').waitFor();
    const row = office.getByTestId('trades-table').locator('tr', { hasText: '城管局' });
    await row.getByText(target.category.name).waitFor();
    await settle(office);
    await screenshot(office, 'trades-page');
  }, 120_000);

  it('the 城管局 user sees the case of its trade in 本行业可认领 and claims it with a reason', async () => {
    await unit.goto('/inbox');
    await settle(unit);
    await unit.getByTestId('queue-tab-claimable').click();
    await settle(unit);
    await unit.getByRole('link', { name: target.number }).first().waitFor();
    await screenshot(unit, 'trades-claimable-phone');
    await unit.goto(`/cases/${target.id}`);
    await settle(unit);
    const claim = unit.getByTestId('action-claim').first();
    await claim.click();
    const dialog = modal(unit);
    await dialog.waitFor();
    await dialog.locator('textarea').first().fill('该问题属本局主管行业，由本局直接处置');
    await dialog.getByTestId('action-submit').click();
    await unit.locator('.ant-message').getByText(`${target.number}：主动认领成功`).waitFor();
    const detail = await getJson<CaseDetail>(unit, `/api/cases/${target.id}`);
    expect(detail.pending?.kind).toBe('claim');
    await unit.getByTestId('pending-banner').waitFor();
    await screenshot(unit, 'trades-claim-pending-phone');
  }, 120_000);

  it('the office approves on the 认领审批 tab: the case is dispatched to 城管局', async () => {
    await office.goto('/dispatch');
    await settle(office);
    await office.getByTestId('queue-tab-claims').click();
    await settle(office);
    await office.getByRole('link', { name: target.number }).first().waitFor();
    await screenshot(office, 'trades-claims-tab');
    await office.goto(`/cases/${target.id}`);
    await settle(office);
    await office
      .getByTestId('pending-banner')
      .getByText(/城管局.*申请主动认领/)
      .waitFor();
    await office.getByTestId('action-bar').getByTestId('action-approve_claim').click();
    const dialog = modal(office);
    await dialog.waitFor();
    await dialog.locator('textarea').first().fill('同意由城管局办理');
    await dialog.getByTestId('action-submit').click();
    await office.locator('.ant-message').getByText(`${target.number}：同意认领（派遣）成功`).waitFor();
    const detail = await getJson<CaseDetail>(office, `/api/cases/${target.id}`);
    expect(detail.status).toBe('dispatched');
    expect(detail.leadUnit?.name).toBe('城管局');
    expect(detail.events.slice(-2).map((e) => e.type)).toEqual(['approve_claim', 'dispatch']);
    await settle(office);
    await screenshot(office, 'trades-claim-approved');
  }, 120_000);
});
