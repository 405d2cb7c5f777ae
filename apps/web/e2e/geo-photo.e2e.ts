import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseDetail, Category, Grid, Page as ListPage, LocateResult } from '@chuangcheng/contracts';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
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
 * Data that used to be refused or flagged wrongly: a GeoJSON grid with a zero-area ring, previewed with
 * the option that drops it (each dropped ring listed); and a verifier passing a case whose after-photo is
 * flagged 疑似重复使用, asked for the reason the server requires.
 */

let server: TestServer;
let browser: Browser;
let workDir: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  workDir = await mkdtemp(join(tmpdir(), 'chuangcheng-e2e-geo-'));
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** A signed-in browser page of a demo account. */
async function pageOf(username: string): Promise<Page> {
  const context = await newContext(browser, server.baseUrl, DESKTOP);
  contexts.push(context);
  const page = await context.newPage();
  await login(page, username, DEMO_PASSWORD);
  return page;
}

/** A demo account's API session (cookie + CSRF token). */
async function staff(username: string) {
  const context = await newContext(browser, server.baseUrl);
  contexts.push(context);
  const r = await context.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(r.ok(), await r.text()).toBe(true);
  const csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
  const request: APIRequestContext = context.request;
  return {
    async get<T>(path: string): Promise<T> {
      const g = await request.get(path);
      expect(g.ok(), `${path}: ${await g.text()}`).toBe(true);
      return (await g.json()) as T;
    },
    async post<T>(path: string, data: unknown): Promise<T> {
      const p = await request.post(path, { data, headers: { 'x-csrf-token': csrf } });
      expect(p.ok(), `${path}: ${await p.text()}`).toBe(true);
      return (await p.json()) as T;
    },
    async upload(kind: 'before' | 'after', buffer: Buffer): Promise<{ id: string }> {
      const p = await request.post('/api/photos', {
        multipart: { kind, file: { name: `${kind}.jpg`, mimeType: 'image/jpeg', buffer } },
        headers: { 'x-csrf-token': csrf },
      });
      expect(p.ok(), await p.text()).toBe(true);
      return (await p.json()) as { id: string };
    },
  };
}

/** Waits for antd's motions to end, then shoots. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  await screenshot(page, name);
}

describe('grid GeoJSON with a zero-area ring', () => {
  it('the preview with "drop zero-area rings" lists the ring it would drop', async () => {
    const office = await staff('office');
    const communities = await office.get<ListPage<{ code: string; level: string }>>(
      '/api/regions?level=community&pageSize=1',
    );
    const community = communities.items[0]!.code;
    const [x, y] = [80.5, 40.5]; // far from the demo city
    const box = [
      [x, y],
      [x + 0.004, y],
      [x + 0.004, y + 0.004],
      [x, y + 0.004],
      [x, y],
    ];
    const sliver = [
      [x + 0.001, y + 0.001],
      [x + 0.002, y + 0.001],
      [x + 0.003, y + 0.001],
      [x + 0.001, y + 0.001],
    ];
    const file = join(workDir, '网格-碎片环.geojson');
    await writeFile(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: `${community}97`, name: '带碎片内环的网格', community },
            geometry: { type: 'Polygon', coordinates: [box, sliver] },
          },
        ],
      }),
    );

    const page = await pageOf('office');
    await page.goto('/imports?kind=grids-geojson');
    await settle(page);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('mapping-code').waitFor();

    // Without the option the ring is an error, with a hint at the option.
    await page.getByTestId('wizard-check').click();
    await page.getByTestId('import-errors-table').getByText('第 2 个环面积为零（坐标点共线）').waitFor();
    await page.getByRole('button', { name: '重新上传' }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('drop-slivers').click();
    await page.getByTestId('wizard-check').click();
    await page.getByTestId('import-summary').waitFor();
    const warnings = page.getByTestId('import-warnings-table');
    await warnings.getByText('第 2 个环面积为零（坐标点共线），已去掉').waitFor();
    await shot(page, 'geo-import-sliver-warning');
  });
});

describe('passing a case over a flagged after-photo', () => {
  it('the verify form shows the flag and will not pass without a reason', async () => {
    const inspectorApi = await staff('inspector');
    const office = await staff('office');
    const unit = await staff('unit');
    const category = (
      await inspectorApi.get<Category[]>('/api/catalog/categories?fileable=true&q=占道经营')
    ).find((c) => c.department?.name === '城管局')!;
    const grid = (await inspectorApi.get<ListPage<Grid>>('/api/grids?pageSize=1')).items[0]!;
    const [minLng, minLat, maxLng, maxLat] = grid.bbox;
    const at = { lng: (minLng + maxLng) / 2, lat: (minLat + maxLat) / 2 };
    expect(
      (await inspectorApi.get<LocateResult>(`/api/locate?lng=${at.lng}&lat=${at.lat}`)).grid,
    ).not.toBeNull();
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
      <rect width="640" height="480" fill="#c0504d"/>
      <rect x="40" y="300" width="560" height="120" fill="#ffffff" opacity="0.8"/>
      <text x="320" y="380" font-size="64" text-anchor="middle" font-family="sans-serif">摊位</text>
    </svg>`;
    const photo = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
    const before = await inspectorApi.upload('before', photo);
    const created = await inspectorApi.post<CaseDetail>('/api/cases', {
      source: 'inspector',
      categoryId: category.id,
      description: '端到端测试：门前占道经营',
      lng: at.lng,
      lat: at.lat,
      photoIds: [before.id],
    });
    const id = created.id;
    await office.post(`/api/cases/${id}/transitions`, { action: 'file' });
    const units = await office.get<ListPage<{ id: string; name: string }>>('/api/units?q=城管局&pageSize=5');
    const cgj = units.items.find((u) => u.name === '城管局')!;
    await office.post(`/api/cases/${id}/transitions`, { action: 'dispatch', unitId: cgj.id });
    await unit.post(`/api/cases/${id}/transitions`, { action: 'accept' });
    // The unit sends the before-photo back as its after-photo.
    const after = await unit.upload('after', photo);
    await unit.post(`/api/cases/${id}/transitions`, {
      action: 'submit_feedback',
      photoIds: [after.id],
      note: '已清理',
    });

    const page = await pageOf('inspector');
    await page.goto('/verify');
    await settle(page);
    const search = page.getByTestId('list-search').locator('input');
    await search.fill(created.number);
    await search.press('Enter');
    await settle(page);
    const card = page
      .getByTestId('verify-card')
      .filter({ has: page.getByRole('link', { name: created.number }) });
    await card.getByTestId('photo-flag-REUSED_PHOTO').first().waitFor();
    await card.getByTestId('action-verify_pass').click();
    const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('action-form') });
    await dialog.getByTestId('flagged-pass').waitFor();
    expect(await dialog.getByTestId('flagged-pass').textContent()).toContain('疑似重复使用');
    await dialog.getByTestId('action-submit').click();
    await dialog.getByText('请输入理由').or(dialog.locator('.ant-form-item-explain-error')).first().waitFor();
    await shot(page, 'geo-photo-verify-flagged');
    await dialog.getByLabel('理由').fill('现场复核：摊位已清理，照片为同一角度补拍');
    await dialog.getByTestId('action-submit').click();
    await page.locator('.ant-message').getByText(`${created.number}：核查通过（结案）成功`).waitFor();
    const closed = await office.get<CaseDetail>(`/api/cases/${id}`);
    expect(closed.status).toBe('closed');
  });
});
