import type {
  CaseDetail,
  CaseStatus,
  Category,
  Grid,
  KpiResult,
  KpiRow,
  Page as ListPage,
  LocateResult,
  RoutePreview,
} from '@chuangcheng/contracts';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
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
 * The 数字城管 closed loop through the real browser: the office registers a 占道经营 case and files and
 * dispatches it at once; 城管局 accepts it and reports the rectification on a phone; the inspector fails
 * it (返工), the unit rectifies again, the inspector closes it; the KPIs of 城管局 show one more 结案 and
 * one more 返工.
 */

const CATEGORY_NAME = '占道经营';
const UNIT_NAME = '城管局';
const SOURCE_LABEL = '热线';
const SOURCE = 'hotline';
const DESCRIPTION = '端到端测试：人行道上摆摊设点，占用盲道';

let server: TestServer;
let browser: Browser;
let office: Page;
let unit: Page;
let inspector: Page;
const contexts: BrowserContext[] = [];

/** What the steps hand on to each other. */
const state: {
  caseId?: string;
  number?: string;
  unitId?: string;
  kpiBefore?: KpiRow;
} = {};

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
  [office, unit, inspector] = await Promise.all([
    open('office', DESKTOP),
    open('unit', PHONE),
    open('inspector', DESKTOP),
  ]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

// ---- helpers -----------------------------------------------------------------------------------

/** GET through the page's session (its cookies), failing loudly on a non-2xx answer. */
async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

const caseOf = (page: Page, id: string) => getJson<CaseDetail>(page, `/api/cases/${id}`);

function requireCase(): { caseId: string; number: string } {
  if (!state.caseId || !state.number) throw new Error('no case: an earlier step failed');
  return { caseId: state.caseId, number: state.number };
}

async function unitKpis(page: Page, unitId: string): Promise<KpiRow> {
  const result = await getJson<KpiResult>(page, '/api/kpis?dimension=unit');
  const row = result.rows.find((r) => r.key === unitId);
  if (!row) throw new Error(`no KPI row for ${UNIT_NAME} (${unitId})`);
  return row;
}

/** A small, valid JPEG (a coloured field with a label), made the way a phone camera would send one. */
async function jpeg(label: string, color: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="${color}"/>
    <rect x="40" y="300" width="560" height="120" fill="#ffffff" opacity="0.8"/>
    <text x="320" y="380" font-size="64" text-anchor="middle" font-family="sans-serif">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** Picks a file into an antd uploader and waits until the server has taken it. */
async function uploadInto(uploader: Locator, name: string, buffer: Buffer): Promise<void> {
  const done = uploader.locator('.ant-upload-list-item-done');
  const before = await done.count();
  await uploader.locator('input[type="file"]').setInputFiles({ name, mimeType: 'image/jpeg', buffer });
  await expect.poll(() => done.count(), { timeout: 20_000 }).toBe(before + 1);
  expect(await uploader.locator('.ant-upload-list-item-error').count()).toBe(0);
}

/** Waits for antd's finite motions (modal zoom, upload fade-in, checkbox tick) to end, then shoots. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  await screenshot(page, name);
}

/** The value cell of a row of the case's 案件信息. */
function infoValue(page: Page, label: string): Locator {
  return page
    .getByTestId('case-info')
    .locator('th.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::td[1]');
}

/** Opens a case's detail page and waits for it to show that case. */
async function openCase(page: Page, id: string, number: string): Promise<void> {
  await page.goto(`/cases/${id}`);
  await page.getByTestId('case-number').filter({ hasText: number }).waitFor();
  await settle(page);
}

/** Types the case number into a list's search box, as a user would. */
async function searchFor(page: Page, number: string): Promise<void> {
  const search = page.getByTestId('list-search').locator('input');
  await search.fill(number);
  await search.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === number);
  await settle(page);
}

/** The case's row on a tab of 本单位待办, found with the search box. */
async function inboxRow(page: Page, number: string, tab: 'to_accept' | 'to_dispose'): Promise<Locator> {
  await page.goto('/inbox');
  await settle(page);
  if (tab !== 'to_accept') {
    await page.getByTestId(`queue-tab-${tab}`).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === tab);
    await settle(page);
  }
  await searchFor(page, number);
  const row = page
    .getByTestId('queue-table')
    .locator('tr.ant-table-row', { has: page.getByRole('link', { name: number }) });
  await row.waitFor();
  return row;
}

/** Opens the case from the unit's 待处置 tab (where a case in hand, or sent back for rework, waits). */
async function openFromInbox(page: Page, id: string, number: string): Promise<void> {
  const row = await inboxRow(page, number, 'to_dispose');
  await row.getByRole('link', { name: number }).click();
  await page.waitForURL(`**/cases/${id}`);
  await page.getByTestId('case-number').filter({ hasText: number }).waitFor();
  await settle(page);
}

/** The open action modal (only one is open at a time). */
const modal = (page: Page) => page.locator('.ant-modal').filter({ has: page.getByTestId('action-form') });

/** Waits for the antd message a successful action shows (“{number}：{action}成功”). */
async function actionDone(page: Page, number: string, action: string): Promise<void> {
  await page.locator('.ant-message').getByText(`${number}：${action}成功`).waitFor();
  await modal(page).waitFor({ state: 'hidden' });
}

async function expectStatus(page: Page, id: string, status: CaseStatus): Promise<CaseDetail> {
  const detail = await caseOf(page, id);
  expect(detail.status).toBe(status);
  return detail;
}

/** 处置反馈 from the case's detail page (open): an after-photo through the modal's uploader and a note. */
async function submitFeedback(
  page: Page,
  number: string,
  photo: { name: string; label: string; color: string },
  note: string,
  shotName: string,
): Promise<void> {
  const bar = page.getByTestId('action-bar');
  await bar.getByTestId('action-submit_feedback').click();
  const dialog = modal(page);
  await dialog.waitFor();
  await uploadInto(dialog.locator('.ant-upload-wrapper'), photo.name, await jpeg(photo.label, photo.color));
  await dialog.getByLabel('意见 / 说明').fill(note);
  await shot(page, shotName);
  await dialog.getByTestId('action-submit').click();
  await actionDone(page, number, '处置反馈');
}

/** Finds the case on the 核查队列 (searched by number) and gives a verdict on its card. */
async function verify(
  page: Page,
  number: string,
  verdict: 'verify_pass' | 'verify_fail',
  text: string,
  shotName: string,
): Promise<void> {
  await page.goto('/verify');
  await settle(page);
  await searchFor(page, number);
  const card = page.getByTestId('verify-card').filter({ has: page.getByRole('link', { name: number }) });
  await card.waitFor();
  // The card shows the rectification side by side with the report.
  await card.getByTestId('verify-before').waitFor();
  await card.getByTestId('verify-after').waitFor();
  await shot(page, `${shotName}-queue`);
  await card.getByTestId(`action-${verdict}`).click();
  const dialog = modal(page);
  await dialog.waitFor();
  await dialog.getByLabel(verdict === 'verify_fail' ? '理由' : '意见 / 说明').fill(text);
  await shot(page, `${shotName}-modal`);
  await dialog.getByTestId('action-submit').click();
  await actionDone(page, number, verdict === 'verify_fail' ? '核查不通过（返工）' : '核查通过（结案）');
}

/** A point inside the grid: the bbox centre if /api/locate puts it in that grid, else a probe of the bbox. */
async function pointInGrid(page: Page, grid: Grid): Promise<{ lng: number; lat: number }> {
  const [minLng, minLat, maxLng, maxLat] = grid.bbox;
  const candidates: { lng: number; lat: number }[] = [
    { lng: (minLng + maxLng) / 2, lat: (minLat + maxLat) / 2 },
  ];
  for (const fx of [0.3, 0.5, 0.7])
    for (const fy of [0.3, 0.5, 0.7])
      candidates.push({ lng: minLng + (maxLng - minLng) * fx, lat: minLat + (maxLat - minLat) * fy });
  for (const p of candidates) {
    const located = await getJson<LocateResult>(page, `/api/locate?lng=${p.lng}&lat=${p.lat}`);
    if (located.grid?.id === grid.id) return p;
  }
  throw new Error(`no point of grid ${grid.code}'s bbox lies inside it`);
}

/** Centres the pick map on a point at street zoom and clicks it there. */
async function clickMapAt(page: Page, lng: number, lat: number): Promise<void> {
  const map = page.getByTestId('pick-map');
  await map.scrollIntoViewIfNeeded();
  const point = await page.evaluate(
    ([x, y]) => {
      const m = (window as unknown as { __ccMap: import('leaflet').Map }).__ccMap;
      m.setView([y, x], 18, { animate: false });
      const p = m.latLngToContainerPoint([y, x]);
      return { x: p.x, y: p.y };
    },
    [lng, lat] as const,
  );
  const box = await map.locator('.leaflet-container').boundingBox();
  if (!box) throw new Error('pick map not visible');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

// ---- the loop ----------------------------------------------------------------------------------

describe('closed loop: 登记 → 派遣 → 签收 → 反馈 → 返工 → 反馈 → 结案 → 考核', () => {
  it('1. office registers a 占道经营 case in a grid with a photo and files + dispatches it at once', async () => {
    const page = office;
    const grids = await getJson<ListPage<Grid>>(page, '/api/grids?pageSize=1');
    const grid = grids.items[0];
    if (!grid) throw new Error('the demo city has no grids');
    const target = await pointInGrid(page, grid);
    const categories = await getJson<Category[]>(page, '/api/catalog/categories?fileable=true');
    const category = categories.find((c) => c.name === CATEGORY_NAME && !c.disabled);
    if (!category) throw new Error(`no fileable category ${CATEGORY_NAME}`);
    expect(category.departmentName).toBe(UNIT_NAME);
    const condition = category.conditions[0];
    if (!condition) throw new Error(`${CATEGORY_NAME} has no filing condition`);

    const gridsLoaded = page.waitForResponse((r) => r.url().includes('/api/grids/geojson') && r.ok());
    await page.goto('/cases/new');
    await page.getByTestId('new-case-form').waitFor();
    await gridsLoaded;
    await page.waitForFunction(() => Boolean((window as unknown as { __ccMap?: unknown }).__ccMap));
    await settle(page);

    // 来源
    await page.getByRole('combobox', { name: '来源' }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: SOURCE_LABEL })
      .click();
    // 问题类别: search the tree, pick the class itself (not e.g. 市场周边占道经营).
    const categoryInput = page.getByRole('combobox', { name: '问题类别' });
    await categoryInput.click();
    await categoryInput.fill(CATEGORY_NAME);
    await page
      .locator(
        `.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${CATEGORY_NAME}  ${category.code}"]`,
      )
      .click();
    await page.getByText(`${category.path} · ${UNIT_NAME}`).waitFor();
    // 立案条件: two for this class, so the form leaves it to us.
    await page.getByRole('combobox', { name: '立案条件' }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: condition.text })
      .click();
    await page.getByTestId('case-description').fill(DESCRIPTION);

    // 位置: a click on the map inside the grid; the form locates it to that grid.
    await clickMapAt(page, target.lng, target.lat);
    const located = page.getByTestId('locate-result');
    await located.waitFor();
    await located.getByText(grid.code, { exact: false }).waitFor();
    await page.getByTestId('case-address').fill('人民路 18 号门前');

    // 处置前照片, then 立即立案派遣.
    await uploadInto(
      // The uploader's test id sits on its (hidden) file input.
      page.locator('.ant-upload-wrapper').filter({ has: page.getByTestId('photo-uploader-before') }),
      'before.jpg',
      await jpeg('BEFORE', '#c0504d'),
    );
    await page.getByRole('checkbox', { name: '立即立案派遣' }).check();
    await shot(page, 'loop-01-new-case');

    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cases',
    );
    await page.getByTestId('form-submit').click();
    const response = await created;
    expect(response.status(), await response.text()).toBe(201);
    const body = (await response.json()) as CaseDetail;
    await page.waitForURL(`**/cases/${body.id}`);
    await page.getByTestId('case-number').filter({ hasText: body.number }).waitFor();
    await settle(page);
    state.caseId = body.id;
    state.number = body.number;

    // Where it went and why, as the routing preview predicts for the point the map gave.
    const detail = await expectStatus(page, body.id, 'dispatched');
    expect(detail.grid?.code).toBe(grid.code);
    expect(detail.photos.filter((p) => p.kind === 'before')).toHaveLength(1);
    const preview = await getJson<RoutePreview>(
      page,
      `/api/routing-rules/preview?categoryId=${category.id}&conditionId=${condition.id}&lng=${detail.lng}&lat=${detail.lat}&source=${SOURCE}`,
    );
    expect(preview.leadUnit?.name).toBe(UNIT_NAME);
    expect(detail.leadUnit?.id).toBe(preview.leadUnit?.id);
    state.unitId = preview.leadUnit?.id;
    expect((await infoValue(page, '主办单位').textContent())?.trim()).toBe(preview.leadUnit?.name);
    const basis = page.locator('.ant-card').filter({ hasText: '派遣依据' }).getByTestId('route-text');
    const routeText = ((await basis.textContent()) ?? '').trim();
    expect(routeText).toBe(preview.route.text);
    expect(routeText).toContain(UNIT_NAME);
    expect((await infoValue(page, '网格').textContent()) ?? '').toContain(grid.code);
    await page.getByTestId('photo-before').first().waitFor();
    await shot(page, 'loop-02-dispatched');
  });

  it('2. the KPIs of 城管局 before the unit acts', async () => {
    if (!state.unitId) throw new Error('no lead unit: step 1 failed');
    state.kpiBefore = await unitKpis(office, state.unitId);
  });

  it('3. 城管局 accepts it from its inbox and reports the rectification, on a 390×844 phone', async () => {
    const { caseId, number } = requireCase();
    const page = unit;
    const row = await inboxRow(page, number, 'to_accept');
    await shot(page, 'loop-03-phone-inbox');
    await row.getByTestId(`quick-actions-${caseId}`).click();
    await page.getByRole('menuitem', { name: '签收' }).click();
    const dialog = modal(page);
    await dialog.waitFor();
    await dialog.getByTestId('action-submit').click();
    await actionDone(page, number, '签收');
    await expectStatus(page, caseId, 'in_progress');

    await openFromInbox(page, caseId, number);
    await submitFeedback(
      page,
      number,
      { name: 'after-1.jpg', label: 'AFTER 1', color: '#9bbb59' },
      '已劝离摊贩，清理地面',
      'loop-04-phone-feedback',
    );
    await expectStatus(page, caseId, 'feedback');
    // The phone keeps the action bar at the bottom of the screen, inside the viewport.
    const bar = await page.getByTestId('action-bar').boundingBox();
    expect(bar).not.toBeNull();
    if (bar) expect(bar.y + bar.height).toBeLessThanOrEqual(PHONE.height + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'loop-05-phone-after-feedback');
  });

  it('4. the inspector fails the check (返工): back to 处置中 with 返工 1', async () => {
    const { caseId, number } = requireCase();
    const page = inspector;
    await verify(page, number, 'verify_fail', '摊位仍在原处，未清理到位', 'loop-06-verify-fail');
    await expectStatus(page, caseId, 'in_progress');
    await openCase(page, caseId, number);
    await page.locator('.cc-case-head').getByText('处置中').waitFor();
    expect((await infoValue(page, '返工 / 回退').textContent())?.trim()).toContain('返工 1 次');
    await shot(page, 'loop-07-rework');
  });

  it('5. the unit rectifies again and the inspector closes the case; the timeline tells the story', async () => {
    const { caseId, number } = requireCase();
    // The reworked case is back on the unit's 待处置 tab.
    await openFromInbox(unit, caseId, number);
    await submitFeedback(
      unit,
      number,
      { name: 'after-2.jpg', label: 'AFTER 2', color: '#4f81bd' },
      '已彻底清除摊位并设置警示',
      'loop-08-phone-feedback-2',
    );
    await expectStatus(unit, caseId, 'feedback');

    const page = inspector;
    await verify(page, number, 'verify_pass', '复查已整改到位', 'loop-09-verify-pass');
    const detail = await expectStatus(page, caseId, 'closed');
    expect(detail.reworkCount).toBe(1);
    expect(detail.photos.filter((p) => p.kind === 'after')).toHaveLength(2);

    await openCase(page, caseId, number);
    await page.locator('.cc-case-head').getByText('已结案').waitFor();
    const labels = (await page.getByTestId('case-event').locator('strong').allTextContents()).map((s) =>
      s.trim(),
    );
    expect(labels).toEqual([
      '上报',
      '立案',
      '派遣',
      '签收',
      '处置反馈',
      '核查不通过（返工）',
      '处置反馈',
      '核查通过（结案）',
    ]);
    await page.getByTestId('case-event').last().scrollIntoViewIfNeeded();
    await shot(page, 'loop-10-closed');
  });

  it('6. 绩效考核: 城管局 has one more 结案 and one more 返工 (API and ranking table)', async () => {
    const before = state.kpiBefore;
    const unitId = state.unitId;
    if (!before || !unitId) throw new Error('no KPI baseline: an earlier step failed');
    const page = office;
    const after = await unitKpis(page, unitId);
    expect(after.counters.closed).toBe(before.counters.closed + 1);
    expect(after.counters.reworks).toBe(before.counters.reworks + 1);

    await page.goto('/kpis');
    const table = page.getByTestId('kpi-table');
    const row = table.locator(`tr[data-row-key="${unitId}"]`);
    await row.waitFor();
    await settle(page);
    const headers = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
    const cellOf = (title: string) => {
      const index = headers.indexOf(title);
      expect(index, `column ${title} in ${headers.join('|')}`).toBeGreaterThanOrEqual(0);
      return row.locator('td').nth(index);
    };
    const cell = async (title: string) =>
      Number(((await cellOf(title).textContent()) ?? '').replace(/[,\s]/g, ''));
    expect((await row.locator('td').nth(headers.indexOf('名称')).textContent())?.trim()).toBe(UNIT_NAME);
    expect(await cell('结案数')).toBe(before.counters.closed + 1);
    expect(await cell('返工次数')).toBe(before.counters.reworks + 1);
    // Bring the counters into view (the table scrolls sideways; 排名 and 名称 stay fixed).
    await cellOf('返工次数').scrollIntoViewIfNeeded();
    await shot(page, 'loop-11-kpis');
  });
});
