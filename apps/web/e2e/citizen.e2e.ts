import type { CaseDetail } from '@chuangcheng/contracts';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchBrowser,
  newContext,
  PHONE,
  screenshot,
  startServer,
  type TestServer,
} from './harness';

/**
 * The citizen portal on a phone: a citizen reports with a photo and a map pin and gets a tracking
 * code; the case is routed; 城管局 rectifies it and the inspector verifies it (through the API with
 * their own sessions — the console side is covered by loop.e2e.ts); the citizen sees the result with
 * before/after photos and rates it.
 */

const DESCRIPTION = '端到端：小区门口有人摆摊占道经营';
let server: TestServer;
let browser: Browser;
let citizen: Page;
const contexts: BrowserContext[] = [];
const state: { code?: string; caseId?: string } = {};

/** A staff member's API session (cookie + CSRF token) in its own browser context. */
async function staff(username: string) {
  const context = await newContext(browser, server.baseUrl);
  contexts.push(context);
  const login = await context.request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(login.ok(), await login.text()).toBe(true);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const request: APIRequestContext = context.request;
  return {
    async get<T>(path: string): Promise<T> {
      const r = await request.get(path);
      expect(r.ok(), `${path}: ${await r.text()}`).toBe(true);
      return (await r.json()) as T;
    },
    async post<T>(path: string, data: unknown): Promise<T> {
      const r = await request.post(path, { data, headers: { 'x-csrf-token': csrf } });
      expect(r.ok(), `${path}: ${await r.text()}`).toBe(true);
      return (await r.json()) as T;
    },
    async upload(kind: 'after', buffer: Buffer): Promise<{ id: string }> {
      const r = await request.post('/api/photos', {
        multipart: { kind, file: { name: 'after.jpg', mimeType: 'image/jpeg', buffer } },
        headers: { 'x-csrf-token': csrf },
      });
      expect(r.ok(), await r.text()).toBe(true);
      return (await r.json()) as { id: string };
    },
  };
}

async function jpeg(label: string, color: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="${color}"/>
    <text x="320" y="260" font-size="56" text-anchor="middle" font-family="sans-serif">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await newContext(browser, server.baseUrl, PHONE);
  contexts.push(context);
  citizen = await context.newPage();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('citizen portal (随手拍) on a phone', () => {
  it('1. reports with a photo, a category and a map pin, and gets a tracking code', async () => {
    await citizen.goto('/c');
    await citizen.getByRole('button', { name: /我要反映/ }).click();
    await citizen.waitForURL(/\/c\/report$/);
    await citizen.getByTestId('photo-input').setInputFiles({
      name: 'stall.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg('占道经营', '#d9a441'),
    });
    await expect.poll(() => citizen.getByText('已上传').count(), { timeout: 20_000 }).toBe(1);
    await citizen.getByLabel('搜索问题类型').fill('占道经营');
    await citizen.getByRole('option', { name: '占道经营' }).first().click();
    // The pin: tap the middle of the map (the city's extent is drawn; no tiles are fetched).
    const map = citizen.getByTestId('pin-map');
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await citizen.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => citizen.getByText(/已选位置/).count()).toBe(1);
    await citizen.getByLabel('问题描述').fill(DESCRIPTION);
    await citizen.getByLabel(/手机号码/).fill('13812345678');
    await screenshot(citizen, 'citizen-report');
    await citizen.getByRole('button', { name: '提交反映' }).click();
    const code = (await citizen.getByTestId('tracking-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    state.code = code;
    await screenshot(citizen, 'citizen-receipt');
  });

  it('2. the case is routed to a unit and the office sees the phone the public never sees', async () => {
    const office = await staff('office');
    const list = await office.get<{ items: { id: string; description: string }[] }>(
      `/api/cases?q=${encodeURIComponent(DESCRIPTION)}&pageSize=5`,
    );
    const found = list.items.find((c) => c.description === DESCRIPTION);
    expect(found, 'the citizen report is in the office list').toBeTruthy();
    state.caseId = found!.id;
    const detail = await office.get<CaseDetail>(`/api/cases/${found!.id}`);
    expect(detail.source).toBe('citizen');
    expect(detail.trackingCode).toBe(state.code);
    expect(detail.route?.text).toBeTruthy();
    expect(detail.reporterPhone).toBe('13812345678');
    await citizen.goto(`/c/t/${state.code}`);
    await expect.poll(() => citizen.getByTestId('stage').textContent()).toBe('已受理');
    expect(await citizen.content()).not.toContain('13812345678');
  });

  it('3. the unit rectifies, the inspector verifies; the citizen sees 已办结 with before/after photos', async () => {
    const id = state.caseId!;
    const office = await staff('office');
    const filed = await office.post<CaseDetail>(`/api/cases/${id}/transitions`, { action: 'file' });
    const unitId = filed.leadUnit?.id;
    expect(unitId).toBeTruthy();
    const cgj = (
      await office.get<{ items: { id: string; name: string }[] }>('/api/units?q=城管局&pageSize=5')
    ).items.find((u) => u.name === '城管局');
    // Dispatch to 城管局 (the demo unit user's unit) so the demo account can take it.
    await office.post(`/api/cases/${id}/transitions`, {
      action: 'dispatch',
      unitId: cgj!.id,
      note: '请处置',
    });
    const unit = await staff('unit');
    await unit.post(`/api/cases/${id}/transitions`, { action: 'accept' });
    const after = await unit.upload('after', await jpeg('已清理', '#7cc47f'));
    await unit.post(`/api/cases/${id}/transitions`, {
      action: 'submit_feedback',
      photoIds: [after.id],
      note: '摊贩已劝离，现场已清理',
    });
    const inspector = await staff('inspector');
    const closed = await inspector.post<CaseDetail>(`/api/cases/${id}/transitions`, {
      action: 'verify_pass',
      note: '现场核查通过',
    });
    expect(closed.status).toBe('closed');

    await citizen.goto(`/c/t/${state.code}`);
    await expect.poll(() => citizen.getByTestId('stage').textContent()).toBe('已办结');
    const timeline = await citizen.getByTestId('timeline').textContent();
    expect(timeline).toContain('核查通过，已办结');
    expect(timeline).toContain('已派遣至 城管局');
    expect(await citizen.getByAltText('整改后照片').count()).toBe(1);
    await expect
      .poll(() =>
        citizen.getByAltText('整改后照片').evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBeGreaterThan(0);
    await screenshot(citizen, 'citizen-track-closed');
  });

  it('4. the citizen rates it; the rating reaches the case', async () => {
    const rating = citizen.getByTestId('rating');
    await rating.getByRole('button', { name: '已解决' }).click();
    await rating.getByRole('radio', { name: '5 分' }).click();
    await rating.getByLabel('意见').fill('处理很快，谢谢');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByTestId('rated').waitFor();
    expect(await citizen.getByTestId('rating').count()).toBe(0);
    await screenshot(citizen, 'citizen-rated');
    const office = await staff('office');
    const detail = await office.get<CaseDetail>(`/api/cases/${state.caseId}`);
    expect(detail.rating).toMatchObject({ resolved: true, score: 5, comment: '处理很快，谢谢' });
  });

  it('5. a code that does not exist gets a clear message', async () => {
    await citizen.goto('/c');
    await citizen.getByLabel('查询码').fill('ZZZZZZZZZZ');
    await citizen.getByRole('button', { name: '查询' }).click();
    await citizen.getByText('查询码不存在，请核对后重新输入').waitFor();
  });
});
