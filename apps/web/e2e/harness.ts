import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * End-to-end harness: the real server (`node bin/chuangcheng.mjs serve`) on a random port with a fresh
 * data directory and a small demo city, driven by Debian's Chromium. Nothing is downloaded.
 */

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');
export const ADMIN = { username: 'admin', password: 'Admin@12345' };
export const DEMO_PASSWORD = 'Demo@2026';

const READY = /chuangcheng ready: (http:\/\/[^\s]+)/;
// Generous: a loaded 2-core CI machine has taken over 2 minutes to build the demo city and start.
const START_TIMEOUT_MS = 300_000;

export interface TestServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  if (!existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build:web` first (npm run test:e2e does it).');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'chuangcheng-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/chuangcheng.mjs', 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CHUANGCHENG_DATA_DIR: dataDir,
      CHUANGCHENG_ADMIN_PASSWORD: ADMIN.password,
      CHUANGCHENG_DEMO_GRIDS: '300',
      CHUANGCHENG_DEMO_PASSWORD: DEMO_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const baseUrl = await new Promise<string>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`server not ready after ${START_TIMEOUT_MS} ms:\n${output}`)),
        START_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = READY.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          done(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`server exited with ${code} before it was ready:\n${output}`));
      });
    });
    return { baseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function newContext(
  browser: Browser,
  baseUrl: string,
  viewport = DESKTOP,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: viewport.width < 768,
    hasTouch: viewport.width < 768,
  });
  context.setDefaultTimeout(20_000);
  return context;
}

/** Logs in through the login page and waits for the console. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByTestId('main-menu').or(page.getByTestId('menu-toggle')).first().waitFor();
}

/** Waits until no skeleton or spinner is left on the page (data loaded). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !document.querySelector('.ant-skeleton-active, .ant-spin-spinning, .cc-fallback'),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}
