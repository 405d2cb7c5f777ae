import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  DEMO_PASSWORD,
  launchBrowser,
  login,
  newContext,
  PHONE,
  screenshot,
  settle,
  startServer,
  type TestServer,
} from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const FULL_MENU = [
  '首页',
  '网格地图',
  '基础数据',
  '行政区划',
  '单位',
  '人员',
  '责任区块',
  '网格',
  '数据导入',
  '系统管理',
  '用户管理',
  '审计日志',
];

describe('web console', () => {
  it('(a) admin sees the full menu, finds 城管局 among the units and creates a unit', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await login(page, ADMIN.username, ADMIN.password);
    await settle(page);
    await screenshot(page, 'desktop-overview');

    const menu = page.getByTestId('main-menu');
    const menuText = (await menu.textContent()) ?? '';
    for (const label of FULL_MENU) expect(menuText).toContain(label);

    await menu.getByRole('link', { name: '单位', exact: true }).click();
    await page.waitForURL('**/units');
    const search = page.getByTestId('list-search').locator('input');
    await search.fill('城管局');
    await search.press('Enter');
    await page.waitForURL(/q=/);
    const table = page.getByTestId('units-table');
    await table.getByRole('cell', { name: '城管局', exact: true }).waitFor();
    await screenshot(page, 'desktop-units-search');

    await page.getByTestId('create-unit').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.locator('#code').fill('E2E-NEW-01');
    await drawer.locator('#name').fill('端到端测试局');
    await drawer.locator('#contactName').fill('测试员');
    await screenshot(page, 'desktop-unit-form');
    await page.getByTestId('form-submit').click();
    await page.locator('.ant-message').getByText('已新增').waitFor();

    await search.fill('端到端测试局');
    await search.press('Enter');
    await table.getByRole('cell', { name: '端到端测试局' }).waitFor();
    expect(await table.getByRole('cell', { name: 'E2E-NEW-01' }).count()).toBe(1);
    await context.close();
  });

  it('shows field errors from the server next to the fields', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await login(page, ADMIN.username, ADMIN.password);
    await page.goto('/units');
    await settle(page);
    await page.getByTestId('create-unit').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.locator('#code').fill('bad code!');
    await drawer.locator('#name').fill('编码不合法的单位');
    await page.getByTestId('form-submit').click();
    // The server's VALIDATION_FAILED names the field; the form shows it under 编码.
    const codeItem = drawer.locator('.ant-form-item').filter({ has: page.locator('#code') });
    await codeItem.locator('.ant-form-item-explain-error').waitFor();
    expect((await codeItem.locator('.ant-form-item-explain-error').textContent()) ?? '').toContain('编码');
    await context.close();
  });

  it('(d) the grid worker gets the reduced menu on a 390×844 phone', async () => {
    const context = await newContext(browser, server.baseUrl, PHONE);
    const page = await context.newPage();
    await login(page, 'grid', DEMO_PASSWORD);
    await settle(page);
    await screenshot(page, 'phone-overview');

    // The side menu is folded into a drawer on a phone.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await page.getByTestId('menu-toggle').click();
    const menu = page.locator('.ant-drawer-open').getByTestId('main-menu');
    await menu.waitFor();
    await page.waitForTimeout(400); // drawer animation
    await screenshot(page, 'phone-menu');
    const text = (await menu.textContent()) ?? '';
    for (const label of ['首页', '网格地图', '网格']) expect(text).toContain(label);
    for (const label of ['行政区划', '单位', '人员', '责任区块', '数据导入', '用户管理', '审计日志'])
      expect(text).not.toContain(label);

    await menu.getByRole('link', { name: '网格地图' }).click();
    await page.waitForURL('**/map');
    await page.locator('.leaflet-overlay-pane canvas').waitFor();
    await settle(page);
    await screenshot(page, 'phone-map');

    // Pages outside the role are refused even by URL.
    await page.goto('/users');
    await page.getByText('403').first().waitFor();
    await context.close();
  });

  it('(e) the English switch changes the menu language and is remembered', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByTestId('language-switch').click();
    const menu = page.getByTestId('main-menu');
    await menu.getByText('Overview').waitFor();
    const text = (await menu.textContent()) ?? '';
    for (const label of [
      'Overview',
      'Grid map',
      'Master data',
      'Units',
      'People',
      'Data import',
      'Audit log',
    ])
      expect(text).toContain(label);
    expect(text).not.toContain('单位');
    await page.reload();
    await menu.getByText('Overview').waitFor();
    await settle(page);
    await screenshot(page, 'desktop-overview-en');
    await page.getByTestId('language-switch').click();
    await menu.getByText('首页').waitFor();
    await context.close();
  });

  it('takes a screenshot of every page', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('input[autocomplete="username"]').waitFor();
    await screenshot(page, 'desktop-login');
    await login(page, ADMIN.username, ADMIN.password);
    for (const path of [
      'regions',
      'units',
      'people',
      'blocks',
      'grids',
      'map',
      'imports',
      'users',
      'audit',
    ]) {
      await page.goto(`/${path}`);
      await settle(page);
      if (path === 'map') await page.locator('.leaflet-overlay-pane canvas').waitFor();
      await screenshot(page, `desktop-${path}`);
    }
    await context.close();
  });
});
