import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  launchBrowser,
  login,
  newContext,
  PHONE,
  settle,
  startServer,
  type TestServer,
} from './harness';

/**
 * The Content-Security-Policy in the real browser: the console, the field app, the citizen portal and
 * Swagger UI load and work under it, and Chromium reports no violation anywhere.
 */

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

/** A context that records every CSP violation (DOM events and console reports). */
async function watched(viewport?: typeof PHONE): Promise<{ context: BrowserContext; violations: string[] }> {
  const context = await newContext(browser, server.baseUrl, viewport);
  const violations: string[] = [];
  await context.exposeBinding('__cspViolation', ({ page }, text: string) => {
    violations.push(`${page.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  context.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
  });
  return { context, violations };
}

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
  await settle(page);
}

describe('Content-Security-Policy in Chromium', () => {
  it('the console loads its pages, maps and a case without a violation', async () => {
    const { context, violations } = await watched();
    const page = await context.newPage();
    await login(page, 'office', DEMO_PASSWORD);
    for (const path of ['/', '/cases', '/cases/map', '/map', '/kpis', '/dispatch']) {
      await visit(page, path);
      await expect(page.locator('.ant-layout').first().isVisible()).resolves.toBe(true);
    }
    await page.goto('/cases');
    await settle(page);
    const first = page.locator('a[href^="/cases/0"]').first();
    if (await first.count()) {
      await first.click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await settle(page);
      await page.locator('.cc-case-section').first().waitFor();
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it('the field app and the citizen portal load without a violation', async () => {
    const { context, violations } = await watched(PHONE);
    const page = await context.newPage();
    await login(page, 'grid', DEMO_PASSWORD);
    await visit(page, '/field');
    await visit(page, '/c');
    await page.locator('#root *').first().waitFor();
    await visit(page, '/c/board');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('Swagger UI renders the API document under the policy', async () => {
    const { context, violations } = await watched();
    const page = await context.newPage();
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(10);
    expect(violations).toEqual([]);
    await context.close();
  });
});
