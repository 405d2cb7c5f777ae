import type {
  CaseDetail,
  CaseSummary,
  Page as ListPage,
  SupervisionOrderDetail,
} from '@chuangcheng/contracts';
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
 * The 督办单 through the real browser: a leader issues 督办 on an overdue case with a 限期 picked in
 * the date picker (past the case's own deadline); the unit signs and replies on a phone; after the
 * case's deadline is extended the reprint carries the same frozen content (PDF bytes identical).
 */

const REQUIREMENTS = '端到端：超期未整改，请于限期内清理完毕并书面回复';
const REPLY = '端到端：已清理占道摊点，安排专人每日巡查';

let server: TestServer;
let browser: Browser;
let leader: Page;
let unit: Page;
const contexts: BrowserContext[] = [];
const state: { caseId?: string; orderId?: string; deadlineDay?: string; caseDeadline?: string } = {};

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function postJson(page: Page, path: string, body: unknown) {
  const me = await getJson<{ csrfToken: string }>(page, '/api/auth/me');
  const r = await page.request.post(path, { data: body, headers: { 'X-CSRF-Token': me.csrfToken } });
  if (!r.ok()) throw new Error(`POST ${path} → ${r.status()}: ${await r.text()}`);
  return r.json();
}

const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

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
  [leader, unit] = await Promise.all([open('leader', DESKTOP), open('unit', PHONE)]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('督办单', () => {
  it('a leader issues 督办 on an overdue case with a 限期 chosen in the date picker', async () => {
    const me = await getJson<{ unitId: string }>(unit, '/api/auth/me');
    const overdue = await getJson<ListPage<CaseSummary>>(
      leader,
      `/api/cases?queue=overdue&unitId=${me.unitId}&pageSize=100`,
    );
    const c = overdue.items.find(
      (x) => ['dispatched', 'in_progress'].includes(x.status) && x.supervisionLevel < 2 && !x.pendingRequest,
    );
    if (!c) throw new Error('the demo city has no overdue case of the demo unit');
    const before = await getJson<CaseDetail>(leader, `/api/cases/${c.id}`);
    expect(Date.parse(before.disposeDeadline!)).toBeLessThan(Date.now());
    Object.assign(state, { caseId: c.id, caseDeadline: before.disposeDeadline });

    await leader.goto(`/cases/${c.id}`);
    await settle(leader);
    await leader.getByTestId('action-bar').getByTestId('action-supervise').click();
    const dialog = leader.locator('.ant-modal').filter({ has: leader.getByTestId('action-form') });
    await dialog.waitFor();
    // The form proposes the configured 限期; the leader picks the day after it instead.
    const input = dialog.locator('.ant-picker input');
    await expect.poll(() => input.inputValue()).not.toBe('');
    const proposed = await input.inputValue(); // YYYY-MM-DD HH:mm
    const target = new Date(`${proposed.slice(0, 10)}T00:00:00Z`);
    target.setUTCDate(target.getUTCDate() + 1);
    const day = target.toISOString().slice(0, 10);
    await dialog.locator('.ant-picker').click();
    const panel = leader.locator('.ant-picker-dropdown:visible');
    if (day.slice(0, 7) !== proposed.slice(0, 7)) await panel.locator('.ant-picker-header-next-btn').click();
    await panel
      .locator('td.ant-picker-cell-in-view .ant-picker-cell-inner')
      .getByText(String(target.getUTCDate()), { exact: true })
      .click();
    await panel.locator('.ant-picker-ok button').click();
    await expect.poll(() => input.inputValue()).toContain(day);
    await dialog.getByLabel('意见 / 说明').fill(REQUIREMENTS);
    await screenshot(leader, 'supervision-issue');
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const after = await getJson<CaseDetail>(leader, `/api/cases/${c.id}`);
    const order = after.supervisionOrders.at(-1)!;
    expect(chinaDay(order.deadline!)).toBe(day);
    expect(after.disposeDeadline).toBe(before.disposeDeadline); // still overdue
    Object.assign(state, { orderId: order.id, deadlineDay: day });
    await leader.reload();
    await settle(leader);
    await leader.getByTestId('supervision-order').filter({ hasText: order.number }).waitFor();
  });

  it('the unit signs and replies on a phone', async () => {
    await unit.goto(`/supervision/${state.orderId}`);
    await settle(unit);
    await unit.getByTestId('order-line').first().waitFor();
    await unit.getByRole('button', { name: '签收督办单' }).click();
    await unit.getByTestId('reply-text').waitFor();
    await unit.getByTestId('reply-text').fill(REPLY);
    await screenshot(unit, 'supervision-reply-phone');
    await unit.getByRole('button', { name: '提交回复' }).click();
    await unit.getByTestId('order-reply').filter({ hasText: REPLY }).waitFor();
    const o = await getJson<SupervisionOrderDetail>(unit, `/api/supervision-orders/${state.orderId}`);
    expect(o.state).toBe('replied');
    expect(o.history.map((h) => h.action)).toEqual(['issue', 'sign', 'reply']);
    await screenshot(unit, 'supervision-replied-phone');
  });

  it('reprints the same document after the case deadline is extended', async () => {
    const path = `/api/supervision-orders/${state.orderId}`;
    const pdf1 = await (await leader.request.get(`${path}/pdf`)).body();
    const order1 = await getJson<SupervisionOrderDetail>(leader, path);
    const c = await getJson<CaseDetail>(unit, `/api/cases/${state.caseId}`);
    const asked = new Date(Date.now() + 10 * 86_400_000).toISOString();
    if (c.allowedActions.some((a) => a.action === 'request_extension')) {
      await postJson(unit, `/api/cases/${state.caseId}/transitions`, {
        action: 'request_extension',
        reason: '端到端：需协调',
        deadline: asked,
      });
      await postJson(leader, `/api/cases/${state.caseId}/transitions`, {
        action: 'approve_extension',
        note: '同意',
      });
    }
    const extended = await getJson<CaseDetail>(leader, `/api/cases/${state.caseId}`);
    expect(extended.disposeDeadline).not.toBe(state.caseDeadline);
    const pdf2 = await (await leader.request.get(`${path}/pdf`)).body();
    const order2 = await getJson<SupervisionOrderDetail>(leader, path);
    expect(order2.content).toEqual(order1.content);
    expect(chinaDay(order2.content.lines[0]!.originalDeadline!)).toBe(chinaDay(state.caseDeadline!));
    expect(pdf2.equals(pdf1)).toBe(true);
    await leader.goto(`/supervision/${state.orderId}`);
    await settle(leader);
    await leader.getByTestId('order-deadline').waitFor();
    await screenshot(leader, 'supervision-order');
    await leader.goto('/supervision');
    await settle(leader);
    await screenshot(leader, 'supervision-register');
  });
});
