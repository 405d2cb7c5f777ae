import type { Accountability, CaseSummary, Page as ListPage } from '@chuangcheng/contracts';
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
 * The 问责 register through the real browser: a leader records a 问责 on a case (情形, 方式, person); the
 * case shows the unit and the entry; the register lists it, counts it for the unit and exports it; the
 * unit reads its own entry on a phone with the person's name masked.
 */

const REASON = '端到端：占道经营督办后仍未整改，诫勉谈话';
const PERSON = '王小明';
const DIRECT = '端到端：迎检当天工地无人值守，全市通报批评';

let server: TestServer;
let browser: Browser;
let leader: Page;
let unit: Page;
let office: Page;
const contexts: BrowserContext[] = [];
const state: { caseId?: string; number?: string; unitName?: string } = {};

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

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
  [leader, unit, office] = await Promise.all([
    open('leader', DESKTOP),
    open('unit', PHONE),
    open('office', DESKTOP),
  ]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('问责 register', () => {
  it('a leader records a 问责 on a case with 情形, 方式 and the person', async () => {
    // A case of the demo unit (城管局) in progress.
    const me = await getJson<{ unitId: string; unitName: string }>(unit, '/api/auth/me');
    const cases = await getJson<ListPage<CaseSummary>>(
      leader,
      `/api/cases?status=in_progress&unitId=${me.unitId}&pageSize=1`,
    );
    const c = cases.items[0];
    if (!c) throw new Error('the demo city has no case in progress for the demo unit');
    Object.assign(state, { caseId: c.id, number: c.number, unitName: me.unitName });

    await leader.goto(`/cases/${c.id}`);
    await settle(leader);
    await leader.getByTestId('action-record_accountability').click();
    const dialog = leader.getByRole('dialog');
    await dialog.getByTestId('accountability-situation').click();
    await leader.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
    await dialog.getByTestId('accountability-method').click();
    await leader
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '诫勉谈话' })
      .click();
    await dialog.getByTestId('accountability-person').fill(PERSON);
    await dialog.getByTestId('accountability-post').fill('市容科科长');
    await dialog.locator('textarea').first().fill(REASON);
    await screenshot(leader, 'accountability-action');
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const card = leader.getByTestId('case-accountability');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(me.unitName);
    expect(text).toContain(PERSON);
    expect(text).toContain('诫勉谈话');
    expect(text).toContain(REASON);
  });

  it('the register lists it, counts it for the unit and exports it', async () => {
    await leader.goto('/accountability');
    await settle(leader);
    const table = leader.getByTestId('accountability-table');
    await table.getByText(REASON).waitFor();
    const row = table.locator('tr', { hasText: REASON });
    expect((await row.textContent()) ?? '').toContain(state.number!);
    await screenshot(leader, 'accountability-register');

    const [file] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByTestId('export-accountability').click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^问责登记.*\.xlsx$/);

    await leader.getByRole('tab', { name: '问责统计' }).click();
    const counts = leader.getByTestId('accountability-counts');
    const unitRow = counts.locator('tr', { hasText: state.unitName! });
    await unitRow.waitFor();
    expect((await unitRow.textContent()) ?? '').toContain('诫勉谈话');
    await screenshot(leader, 'accountability-counts');
    // The count drills down to the unit's entries.
    await unitRow.getByTestId('drill-unit').click();
    await table.getByText(REASON).waitFor();
    const entries = await getJson<ListPage<Accountability>>(leader, '/api/accountability?pageSize=100');
    const shown = await table.locator('tbody tr.ant-table-row').count();
    expect(shown).toBe(entries.items.filter((e) => e.unit.name === state.unitName).length);

    await leader.getByRole('tab', { name: '情形与方式' }).click();
    await leader.getByTestId('kinds-situation').waitFor();
    expect(await leader.getByTestId('kinds-situation').locator('tbody tr.ant-table-row').count()).toBe(7);
    await screenshot(leader, 'accountability-kinds');
  });

  it('the unit reads its own entry on a phone, the person masked', async () => {
    await unit.goto('/accountability');
    await settle(unit);
    const table = unit.getByTestId('accountability-table');
    await table.getByText(REASON).waitFor();
    const text = (await table.locator('.ant-list-item', { hasText: REASON }).textContent()) ?? '';
    expect(text).toContain('王*明');
    expect(text).not.toContain(PERSON);
    await screenshot(unit, 'accountability-unit-phone');
  });

  it('the office adds a 情形 and records a 问责 directly in the register, every required field asked for', async () => {
    await office.goto('/accountability?tab=kinds');
    await settle(office);
    await office.getByTestId('add-situation').click();
    const kindDialog = office.getByRole('dialog');
    await kindDialog.getByTestId('kind-name').fill('迎检期间擅离职守');
    await kindDialog.getByTestId('kind-save').click();
    await kindDialog.waitFor({ state: 'hidden' });
    await office.getByTestId('kinds-situation').getByText('迎检期间擅离职守').waitFor();
    await screenshot(office, 'accountability-kinds-office');

    await office.getByRole('tab', { name: '问责登记' }).click();
    await office.getByTestId('new-accountability').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByTestId('accountability-submit').click();
    // Nothing sent: the form marks unit, 情形, 方式 and 事由.
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').count()).toBe(4);
    // Each select: open it, type to filter, wait for the option, take it with Enter.
    const choose = async (select: ReturnType<Page['locator']>, text: string) => {
      await select.click();
      await office.keyboard.type(text);
      // The remote search answers after a pause: wait until the first option is the one asked for.
      const first = office.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      await expect.poll(async () => (await first.textContent()) ?? '', { timeout: 15_000 }).toContain(text);
      await office.keyboard.press('Enter');
      await expect.poll(() => select.textContent()).toContain(text);
    };
    await choose(dialog.locator('.ant-select').first(), '住建局');
    await choose(dialog.getByTestId('accountability-situation'), '迎检期间擅离职守');
    await choose(dialog.getByTestId('accountability-method'), '通报批评');
    await dialog.getByTestId('accountability-text').fill(DIRECT);
    await screenshot(office, 'accountability-new-entry');
    await dialog.getByTestId('accountability-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = office.getByTestId('accountability-table').locator('tr', { hasText: DIRECT });
    await row.waitFor();
    expect((await row.textContent()) ?? '').toContain('住建局');
  });
});
