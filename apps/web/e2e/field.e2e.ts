import type {
  CaseDetail,
  CaseSummary,
  Category,
  Grid,
  Page as ListPage,
  LocateResult,
  Me,
} from '@chuangcheng/contracts';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchBrowser,
  login,
  PHONE,
  screenshot,
  settle,
  startServer,
  type TestServer,
} from './harness';

/**
 * The field app (/field) on a 390×844 phone: the grid worker reports a problem in a car park without
 * signal — it waits in 待发送 — and when the network returns the outbox sends it, once; a create whose
 * answer is lost is sent again with the same idempotency key and still makes one case; the inspector
 * checks a rectified case on the phone; the app is an installable PWA that starts offline.
 */

const CATEGORY_NAME = '暴露垃圾';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

// ---- helpers -----------------------------------------------------------------------------------

/** A phone as the field app expects it: touch, mobile, location allowed. */
async function phone(): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['geolocation'],
  });
  // Generous: this runs on a loaded 2-core machine, and each new context loads the app cold.
  context.setDefaultTimeout(45_000);
  contexts.push(context);
  return context;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** POST through the page's session with its CSRF token (as the app sends it). */
async function postJson<T>(page: Page, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const me = await getJson<Me>(page, '/api/auth/me');
  const response = await page.request.post(path, {
    data: body,
    headers: { 'X-CSRF-Token': me.csrfToken },
  });
  return { status: response.status(), body: (await response.json()) as T };
}

/** A small, valid JPEG, as a phone camera would hand it to the page. */
async function jpeg(label: string, color: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="${color}"/>
    <text x="320" y="260" font-size="64" text-anchor="middle" font-family="sans-serif">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** A point inside the grid: the bbox centre if /api/locate agrees, else a probe of the bbox. */
async function pointInGrid(page: Page, grid: Grid): Promise<{ lng: number; lat: number }> {
  const [minLng, minLat, maxLng, maxLat] = grid.bbox;
  const candidates = [{ lng: (minLng + maxLng) / 2, lat: (minLat + maxLat) / 2 }];
  for (const fx of [0.3, 0.5, 0.7])
    for (const fy of [0.3, 0.5, 0.7])
      candidates.push({ lng: minLng + (maxLng - minLng) * fx, lat: minLat + (maxLat - minLat) * fy });
  for (const p of candidates) {
    const located = await getJson<LocateResult>(page, `/api/locate?lng=${p.lng}&lat=${p.lat}`);
    if (located.grid?.id === grid.id) return p;
  }
  throw new Error(`no point of grid ${grid.code}'s bbox lies inside it`);
}

/** Waits for antd's finite motions to end, then shoots. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  await screenshot(page, name);
}

/** The API calls that change something, as the page made them. */
function recordWrites(page: Page): { photos: Request[]; creates: Request[] } {
  const writes = { photos: [] as Request[], creates: [] as Request[] };
  page.on('request', (request) => {
    if (request.method() !== 'POST') return;
    const path = new URL(request.url()).pathname;
    if (path === '/api/photos') writes.photos.push(request);
    if (path === '/api/cases') writes.creates.push(request);
  });
  return writes;
}

/** Fills the 上报 form: a photo from the camera, the class (searched), a description. */
async function composeReport(page: Page, description: string, photo: Buffer): Promise<void> {
  await page.getByTestId('field-tab-report').click();
  await page.waitForURL('**/field/report');
  await page
    .getByTestId('report-photos-camera')
    .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByTestId('report-photos-item').waitFor();
  await page.getByTestId('field-category').click();
  await page.getByTestId('category-search').fill(CATEGORY_NAME);
  await page
    .getByTestId('category-option')
    .filter({ has: page.locator('strong', { hasText: new RegExp(`^${CATEGORY_NAME}$`) }) })
    .click();
  await page.getByTestId('field-category').getByText(CATEGORY_NAME, { exact: true }).waitFor();
  await page.getByTestId('report-description').fill(description);
  // The point where the photo was taken (the phone's position), located to its grid when online.
  await page.getByTestId('field-location').getByText('拍照时的定位').waitFor();
}

async function casesWith(page: Page, description: string): Promise<CaseSummary[]> {
  const list = await getJson<ListPage<CaseSummary>>(
    page,
    `/api/cases?q=${encodeURIComponent(description)}&pageSize=50`,
  );
  return list.items.filter((c) => c.description === description);
}

// ---- the grid worker ---------------------------------------------------------------------------

describe('field app: 网格员 on a phone', () => {
  let page: Page;
  let context: BrowserContext;
  let grid: Grid;
  let point: { lng: number; lat: number };

  beforeAll(async () => {
    context = await phone();
    page = await context.newPage();
    // Multipart bodies with a file are not visible to the test; the page notes the fields it sends.
    await page.addInitScript(() => {
      const w = window as unknown as { __ccForms: string[][] };
      w.__ccForms = [];
      const send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function (body?: Document | XMLHttpRequestBodyInit | null) {
        if (body instanceof FormData) {
          const keys: string[] = [];
          body.forEach((_, key) => {
            keys.push(key);
          });
          w.__ccForms.push(keys);
        }
        return send.call(this, body);
      };
    });
    await login(page, 'grid', DEMO_PASSWORD);
    const grids = await getJson<ListPage<Grid>>(page, '/api/grids?pageSize=1');
    const first = grids.items[0];
    if (!first) throw new Error('the grid worker has no grids');
    grid = first;
    point = await pointInGrid(page, grid);
    await context.setGeolocation({ longitude: point.lng, latitude: point.lat });
  });

  it('1. opens /field: its own phone layout with the bottom tabs, and the list of its cases', async () => {
    const categories = page.waitForResponse((r) => r.url().includes('/api/catalog/categories') && r.ok());
    await page.goto('/field');
    await page.getByTestId('field-app').waitFor();
    await categories; // fetched up front: the report form works offline
    await settle(page);
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await page.getByTestId('menu-toggle').count()).toBe(0);
    const tabs: [string, string][] = [
      ['field-tab-cases', '我的案件'],
      ['field-tab-report', '上报'],
      ['field-tab-verify', '核查'],
      ['field-tab-me', '我的'],
    ];
    for (const [id, label] of tabs) expect((await page.getByTestId(id).textContent())?.trim()).toBe(label);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'field-01-my-cases');

    await page.getByTestId('field-view').getByText('地图').click();
    await page.getByTestId('field-map').locator('.leaflet-overlay-pane canvas').first().waitFor();
    await settle(page);
    await shot(page, 'field-02-map');
    await page.getByTestId('field-view').getByText('列表').click();
  });

  it('2. reports offline: the report waits in 待发送; back online it is sent once and shows in 我的案件', async () => {
    const writes = recordWrites(page);
    const description = `端到端：地下车库旁垃圾堆放 ${Date.now()}`;

    await context.setOffline(true);
    await page.getByTestId('field-network').and(page.locator('[data-online="false"]')).waitFor();
    await composeReport(page, description, await jpeg('OFFLINE', '#c0504d'));
    await shot(page, 'field-03-report-offline');
    await page.getByTestId('report-submit').click();

    const outbox = page.getByTestId('outbox');
    await outbox.getByTestId('outbox-entry').waitFor();
    expect(await outbox.getByTestId('outbox-entry').count()).toBe(1);
    expect((await outbox.textContent()) ?? '').toContain('待发送 (1)');
    expect((await outbox.textContent()) ?? '').toContain(description);
    expect((await page.getByTestId('field-tab-report').textContent()) ?? '').toContain('1');
    // Nothing reached the server while offline.
    expect(writes.creates).toHaveLength(0);
    await shot(page, 'field-04-outbox');

    // The report is in IndexedDB (a closed tab would not lose it).
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('chuangcheng-field');
          open.onsuccess = () => {
            const count = open.result.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(stored).toBe(1);

    await context.setOffline(false);
    await outbox.waitFor({ state: 'detached', timeout: 30_000 });
    await page
      .locator('.ant-message')
      .getByText(/已发送 1 条上报/)
      .waitFor();
    await shot(page, 'field-05-sent');

    const found = await casesWith(page, description);
    expect(found).toHaveLength(1);
    const detail = await getJson<CaseDetail>(page, `/api/cases/${found[0]?.id}`);
    expect(detail.source).toBe('grid_worker');
    expect(detail.category.name).toBe(CATEGORY_NAME);
    expect(detail.grid?.code).toBe(grid.code);
    expect(detail.lng).toBeCloseTo(point.lng, 5);
    expect(detail.lat).toBeCloseTo(point.lat, 5);
    expect(detail.photos.filter((p) => p.kind === 'before')).toHaveLength(1);
    expect(writes.photos).toHaveLength(1);
    expect(writes.creates).toHaveLength(1);
    // The photo went up with where and when it was taken (the form fields the page sent).
    const forms = await page.evaluate(() => (window as unknown as { __ccForms: string[][] }).__ccForms);
    expect(forms.at(-1)).toEqual(
      expect.arrayContaining(['kind', 'capturedAt', 'capturedLng', 'capturedLat', 'file']),
    );

    // 我的案件: exactly once.
    await page.getByTestId('field-tab-cases').click();
    await page.waitForURL((url) => url.pathname === '/field');
    const search = page.getByTestId('field-search');
    await search.fill(description);
    await search.press('Enter');
    const card = page.getByTestId('field-case').filter({ hasText: description });
    await card.waitFor();
    await settle(page);
    expect(await page.getByTestId('field-case').count()).toBe(1);
    await shot(page, 'field-06-my-cases-after');

    await card.click();
    await page.getByTestId('field-case-number').filter({ hasText: detail.number }).waitFor();
    await page.getByTestId('field-photo-before').first().waitFor();
    await settle(page);
    await shot(page, 'field-07-case');
  });

  it('3. a create whose answer is lost is sent again with the same key: still one case, the photo not re-sent', async () => {
    const writes = recordWrites(page);
    const description = `端到端：应答丢失的上报 ${Date.now()}`;
    // The server creates the case, the answer never reaches the phone.
    let lost = 0;
    await page.route('**/api/cases', async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.fallback();
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await composeReport(page, description, await jpeg('LOST', '#4f81bd'));
    await page.getByTestId('report-submit').click();
    // No answer: for the phone it is as if the network dropped; the report waits in 待发送.
    await page.locator('.ant-message').getByText('已保存到待发送，联网后自动发送').waitFor();
    const outbox = page.getByTestId('outbox');
    await outbox.getByTestId('outbox-entry').waitFor();
    expect(lost).toBe(1);
    expect(await casesWith(page, description)).toHaveLength(1); // the server has it already

    await page.unroute('**/api/cases');
    await outbox.getByTestId('outbox-send').click();
    await outbox.waitFor({ state: 'detached', timeout: 30_000 });

    expect(await casesWith(page, description)).toHaveLength(1);
    expect(writes.photos).toHaveLength(1);
    expect(writes.creates).toHaveLength(2);
    const keys = writes.creates.map((r) => (r.postDataJSON() as { idempotencyKey?: string }).idempotencyKey);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it('4. the API answers a repeated idempotency key with the same case', async () => {
    const categories = await getJson<Category[]>(page, '/api/catalog/categories?fileable=true');
    const category = categories.find((c) => c.name === CATEGORY_NAME && !c.disabled);
    if (!category) throw new Error(`no fileable ${CATEGORY_NAME}`);
    const description = `端到端：同一幂等键提交两次 ${Date.now()}`;
    const body = {
      source: 'grid_worker',
      categoryId: category.id,
      description,
      lng: point.lng,
      lat: point.lat,
      idempotencyKey: `e2e-${Date.now()}-twice`,
    };
    const first = await postJson<CaseDetail>(page, '/api/cases', body);
    const second = await postJson<CaseDetail>(page, '/api/cases', body);
    expect(first.status).toBe(201);
    expect(second.status).toBeLessThan(300);
    expect(second.body.id).toBe(first.body.id);
    expect(await casesWith(page, description)).toHaveLength(1);
  });

  it('5. is an installable PWA whose shell starts offline (service worker on /field)', async () => {
    const manifest = await page.request.get('/manifest.webmanifest');
    expect(manifest.ok()).toBe(true);
    const json = (await manifest.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: unknown[];
    };
    expect(json).toMatchObject({ name: '创城·网格通', start_url: '/field', display: 'standalone' });
    expect(json.icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of ['/icons/icon-192.png', '/icons/icon-512.png'])
      expect((await page.request.get(icon)).headers()['content-type']).toContain('image/png');
    const sw = await page.request.get('/sw.js');
    expect(sw.headers()['content-type']).toContain('javascript');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');

    // Registered for /field and in control of the page.
    await page.goto('/field/me');
    await page.getByTestId('field-me-name').waitFor();
    const scope = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.scope;
    });
    expect(new URL(scope).pathname).toBe('/field');
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByTestId('field-me-name').waitFor();
    await settle(page);

    // What the worker stored: the shell and built assets, reference data; nothing personal from /api.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys())
          urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/field');
    expect(cached.some((u) => u.startsWith('/assets/') && u.endsWith('.js'))).toBe(true);
    expect(cached).toContain('/api/catalog/categories');
    const personal = cached.filter(
      (u) =>
        u.startsWith('/api/') &&
        !['/api/config', '/api/catalog/categories', '/api/grids/geojson'].includes(u),
    );
    expect(personal).toEqual([]);

    // No network at all: the app still opens, with the last user and an empty outbox.
    await context.setOffline(true);
    const offline = await page.goto('/field/report');
    expect(offline?.fromServiceWorker()).toBe(true);
    await page.getByTestId('field-app').waitFor();
    await page.getByTestId('field-report').waitFor();
    expect((await page.locator('.cc-field-offline').textContent()) ?? '').toContain('离线');
    await shot(page, 'field-08-offline-start');
    await context.setOffline(false);
  });
});

// ---- the inspector -----------------------------------------------------------------------------

describe('field app: 督查员 checks a rectification on the phone', () => {
  it('passes a case the unit rectified (核查通过), with the before and after photos side by side', async () => {
    // The unit rectifies one of its cases through the API (its own phone is loop.e2e's business).
    const unitContext = await phone();
    const unit = await unitContext.newPage();
    await login(unit, 'unit', DEMO_PASSWORD);
    const queue = await getJson<ListPage<CaseSummary>>(unit, '/api/cases?queue=to_dispose&pageSize=1');
    const target = queue.items[0];
    if (!target) throw new Error('the demo unit has no case in hand');
    const me = await getJson<Me>(unit, '/api/auth/me');
    const upload = await unit.request.post('/api/photos', {
      headers: { 'X-CSRF-Token': me.csrfToken },
      multipart: {
        kind: 'after',
        file: { name: 'after.jpg', mimeType: 'image/jpeg', buffer: await jpeg('AFTER', '#9bbb59') },
      },
    });
    expect(upload.status()).toBe(201);
    const photoId = ((await upload.json()) as { id: string }).id;
    const before = await getJson<CaseDetail>(unit, `/api/cases/${target.id}`);
    const feedback = await postJson<CaseDetail>(unit, `/api/cases/${target.id}/transitions`, {
      action: 'submit_feedback',
      expectedVersion: before.version,
      photoIds: [photoId],
      note: '已整改',
    });
    expect(feedback.status, JSON.stringify(feedback.body)).toBeLessThan(300);

    const context = await phone();
    const page = await context.newPage();
    await login(page, 'inspector', DEMO_PASSWORD);
    await page.goto('/field/verify');
    const card = page.getByTestId('field-case').filter({ hasText: target.number });
    await card.waitFor();
    await settle(page);
    await shot(page, 'field-09-verify-queue');
    await card.click();
    await page.getByTestId('field-case-number').filter({ hasText: target.number }).waitFor();
    await page.getByTestId('field-photo-after').first().waitFor();
    await settle(page);
    await shot(page, 'field-10-verify-case');

    await page.getByTestId('field-action-verify_pass').click();
    const form = page.getByTestId('field-action-form');
    await form.waitFor();
    await form.getByTestId('action-note').fill('现场复查，已整改到位');
    await shot(page, 'field-11-verify-sheet');
    await form.getByTestId('field-action-submit').click();
    await page.locator('.ant-message').getByText(`${target.number}：核查通过（结案）成功`).waitFor();
    await page.getByTestId('field-case-status').getByText('已结案').waitFor();
    const closed = await getJson<CaseDetail>(page, `/api/cases/${target.id}`);
    expect(closed.status).toBe('closed');
    expect(closed.events.at(-1)?.note).toBe('现场复查，已整改到位');
  });
});
