import { copyFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Campaign, Page as ListPage, LostPoint, RoundDetail, Standard } from '@chuangcheng/contracts';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import {
  DEMO_PASSWORD,
  DESKTOP,
  launchBrowser,
  login,
  newContext,
  PHONE,
  SCREENSHOT_DIR,
  screenshot,
  settle,
  startServer,
  type TestServer,
} from './harness';

/**
 * A campaign from end to end in the real browser: the office imports a small standard from an Excel
 * file built here (2 categories, 6 checkpoints incl. a veto and a deduction, evidence requirements),
 * creates a campaign on it, scores a round and sees the verdict and the lost points, opens a
 * rectification case from a lost point, uploads evidence and exports the 迎检资料包, whose 目录.xlsx is
 * checked against the files in the zip.
 */

const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const STANDARD_CODE = `E2E-${RUN}`;
const STANDARD_NAME = `端到端测试标准 ${RUN}`;
const CAMPAIGN_NAME = `端到端测试创卫活动 ${RUN}`;
const YEAR = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);
const THIS_MONTH = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
  .format(new Date())
  .slice(0, 7);

/** Screenshots for review also land here (desktop and phone of every page of the feature). */
const REVIEW_DIR = process.env.CAMPAIGN_SHOTS_DIR;

let server: TestServer;
let browser: Browser;
let office: Page;
let leaderPhone: Page;
const contexts: BrowserContext[] = [];

const state: { standardId?: string; campaignId?: string; roundId?: string; archive?: string } = {};

beforeAll(async () => {
  // CAMPAIGN_E2E_URL: reuse a running server while writing the test (names are unique per run).
  const reuse = process.env.CAMPAIGN_E2E_URL;
  server = reuse ? { baseUrl: reuse, stop: async () => undefined } : await startServer();
  browser = await launchBrowser();
  const open = async (username: string, viewport: { width: number; height: number }) => {
    const context = await newContext(browser, server.baseUrl, viewport);
    contexts.push(context);
    const page = await context.newPage();
    await login(page, username, DEMO_PASSWORD);
    return page;
  };
  [office, leaderPhone] = await Promise.all([open('office', DESKTOP), open('leader', PHONE)]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  if (state.archive) await rm(state.archive, { recursive: true, force: true });
});

// ---- helpers -----------------------------------------------------------------------------------

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

function need<K extends keyof typeof state>(key: K): NonNullable<(typeof state)[K]> {
  const value = state[key];
  if (!value) throw new Error(`no ${key}: an earlier step failed`);
  return value as NonNullable<(typeof state)[K]>;
}

/** Waits for antd's finite motions to end, then shoots (and copies the picture for review). */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  await screenshot(page, name);
  if (REVIEW_DIR) {
    mkdirSync(REVIEW_DIR, { recursive: true });
    copyFileSync(join(SCREENSHOT_DIR, `${name}.png`), join(REVIEW_DIR, `${name}.png`));
  }
}

/** Picks an option of an antd Select (or TreeSelect) by typing and clicking the match. */
async function choose(select: Locator, page: Page, text: string): Promise<void> {
  await select.click();
  await select.locator('input').first().fill(text);
  const option = page
    .locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option, .ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper',
    )
    .filter({ hasText: text })
    .first();
  await option.click();
}

/** The standard of the test as an Excel file in the import format (sheet 考核标准, Chinese headers). */
async function standardWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核标准');
  const headers = [
    '编码',
    '名称',
    '上级编码',
    '说明',
    '分值',
    '评分方式',
    '每次扣分',
    '扣分上限',
    '允许数',
    '指标',
    '目标值',
    '零分值',
    '方向',
    '必备资料',
    '责任单位',
  ];
  ws.addRow(headers);
  const rows: Record<string, string | number>[] = [
    { 编码: '1', 名称: '市容环境卫生', 分值: 50 },
    { 编码: '1.1', 名称: '主次干道整洁', 上级编码: '1', 分值: 20, 评分方式: '人工评分', 责任单位: '城管局' },
    {
      编码: '1.2',
      名称: '无暴露垃圾',
      上级编码: '1',
      分值: 15,
      评分方式: '按次扣分',
      每次扣分: 5,
      扣分上限: 15,
      必备资料: '环卫保洁检查记录|每月',
      责任单位: '城管局',
    },
    {
      编码: '1.3',
      名称: '乱贴乱画（行走300米）',
      上级编码: '1',
      分值: 15,
      评分方式: '计数扣分',
      每次扣分: 3,
      允许数: 2,
      责任单位: '城管局',
    },
    { 编码: '2', 名称: '健康教育与病媒防制', 分值: 50 },
    {
      编码: '2.1',
      名称: '健康教育阵地',
      上级编码: '2',
      分值: 25,
      评分方式: '人工评分',
      必备资料: '健康教育工作计划|每年',
      责任单位: '卫健委',
    },
    {
      编码: '2.2',
      名称: '病媒密度控制',
      上级编码: '2',
      分值: 25,
      评分方式: '指标达标',
      指标: '鼠密度',
      目标值: 5,
      零分值: 10,
      方向: '越低越好',
      责任单位: '爱卫办',
    },
    {
      编码: '2.3',
      名称: '未发生重大传染病疫情',
      上级编码: '2',
      评分方式: '一票否决',
      责任单位: '卫健委',
    },
  ];
  for (const row of rows) ws.addRow(headers.map((h) => row[h] ?? null));
  // Codes are text (a "1.1" typed into Excel would otherwise be a number).
  ws.getColumn(1).numFmt = '@';
  ws.getColumn(3).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A small PNG document scan. */
async function png(label: string, color: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">
    <rect width="400" height="300" fill="${color}"/>
    <text x="200" y="160" font-size="36" text-anchor="middle" font-family="sans-serif">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Entry names of a zip file (yauzl reads the central directory, no extraction). */
function zipEntries(path: string): Promise<Map<string, Buffer | null>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer | null>();
    yauzl.open(path, { lazyEntries: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        if (!entry.fileName.endsWith('.xlsx') || !entry.fileName.includes('目录')) {
          out.set(entry.fileName, null);
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}

// ---- the flow ----------------------------------------------------------------------------------

describe('campaign: standard → campaign → round → evidence → archive', () => {
  it('imports a standard from an Excel file on /standards', async () => {
    const file = await standardWorkbook();
    await office.goto('/standards');
    await settle(office);
    await office.getByTestId('import-standard').click();
    const form = office.getByTestId('standard-import-form');
    await form.locator('#code').fill(STANDARD_CODE);
    await form.locator('#name').fill(STANDARD_NAME);
    await form.locator('#totalPoints').fill('100');
    await form.locator('#passScore').fill('90');
    await form.locator('#basicScore').fill('75');
    await office.getByRole('dialog').locator('input[type="file"]').setInputFiles({
      name: '测试标准.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await office.getByTestId('standard-import-start').click();
    const done = office.getByTestId('standard-import-done');
    await done.waitFor({ timeout: 30_000 });
    await shot(office, 'campaign-01-standard-imported');

    const list = await getJson<ListPage<Standard>>(office, `/api/standards?q=${STANDARD_CODE}`);
    const standard = list.items.find((s) => s.code === STANDARD_CODE);
    expect(standard).toBeDefined();
    expect(standard?.totalPoints).toBe(100);
    expect(standard?.vetoCount).toBe(1);
    expect(standard?.nodeCount).toBe(8);
    state.standardId = standard?.id;
  });

  it('creates a campaign on that standard on /campaigns', async () => {
    const standardId = need('standardId');
    await office.goto('/campaigns');
    await settle(office);
    await office.getByTestId('create-campaign').click();
    const form = office.getByTestId('campaign-form');
    await form.locator('#name').fill(CAMPAIGN_NAME);
    await choose(office.getByTestId('campaign-standard'), office, STANDARD_NAME);
    await choose(
      form
        .locator('.ant-form-item')
        .filter({ has: office.locator('#regionId') })
        .locator('.ant-select'),
      office,
      '示范市',
    );
    await form.locator('#startsOn').fill(`${YEAR}-01-01`);
    await form.locator('#endsOn').fill(`${YEAR}-12-31`);
    await office.getByTestId('add-milestone').click();
    await form.locator('#milestones_0_title').fill('省级技术评估');
    await form.locator('#milestones_0_date').fill(`${YEAR}-12-31`);
    await office.getByTestId('form-submit').click();
    await office.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    const id = /\/campaigns\/([0-9a-f-]{36})$/.exec(office.url())?.[1];
    expect(id).toBeDefined();
    const campaign = await getJson<Campaign>(office, `/api/campaigns/${id}`);
    expect(campaign.standardId).toBe(standardId);
    expect(campaign.passScore).toBe(90);
    expect(campaign.basicScore).toBe(75);
    state.campaignId = campaign.id;
  });

  it('scores a round on /rounds/:id: total, verdict and lost points follow the entries', async () => {
    const campaignId = need('campaignId');
    await office.goto(`/rounds?campaignId=${campaignId}`);
    await settle(office);
    await office.getByTestId('create-round').click();
    await office.getByTestId('round-name').fill('第一次自查');
    await office
      .getByRole('dialog', { name: '新建测评轮次' })
      .getByRole('button', { name: /创\s*建/ })
      .click();
    await office.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
    state.roundId = /\/rounds\/([0-9a-f-]{36})$/.exec(office.url())?.[1];
    const roundId = need('roundId');
    await office.getByTestId('score-table').waitFor();
    await settle(office);

    const input = (code: string) => office.getByTestId(`score-input-${code}`);
    await input('1.1').locator('input').fill('18'); // manual: 18 of 20
    await input('1.2').locator('input').fill('2'); // 2 × 5 off → 5 of 15
    await input('1.3').locator('input').fill('4'); // (4 − 2 allowed) × 3 off → 9 of 15
    await input('2.1').locator('input').fill('25'); // manual: full
    await input('2.2').locator('input').fill('4'); // 鼠密度 4 ≤ 5 → full 25
    await input('2.3').getByText('达标', { exact: true }).click(); // veto met
    await office.getByTestId('save-scores').click();
    await expect.poll(() => office.getByTestId('round-total').textContent()).toContain('82');
    await expect.poll(() => office.getByTestId('verdict-tag').first().textContent()).toBe('基本达标');
    await shot(office, 'campaign-02-round-scored');

    const detail = await getJson<RoundDetail>(office, `/api/rounds/${roundId}`);
    expect(detail.total).toBe(82);
    expect(detail.verdict).toBe('basic');
    expect(detail.vetoFailed).toBe(0);
    expect(detail.scoredLeaves).toBe(detail.leaves);

    // 失分排行: 1.2 (−10), 1.3 (−6), 1.1 (−2), with the unit of the 责任单位 column.
    await office.getByRole('tab', { name: '失分排行' }).click();
    const table = office.getByTestId('lost-points-table');
    await table.locator('tbody tr').filter({ hasText: '1.2' }).first().waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toContain('1.2');
    expect(await rows.nth(0).textContent()).toContain('-10');
    expect(await rows.nth(1).textContent()).toContain('1.3');
    expect(await rows.nth(1).textContent()).toContain('-6');
    expect(await rows.nth(2).textContent()).toContain('1.1');
    expect(await rows.nth(0).textContent()).toContain('城管局');
    const lost = await getJson<LostPoint[]>(office, `/api/rounds/${roundId}/lost-points`);
    expect(lost.map((p) => [p.code, p.lost])).toEqual([
      ['1.2', 10],
      ['1.3', 6],
      ['1.1', 2],
    ]);
    await shot(office, 'campaign-03-lost-points');

    // 立案整改 from the biggest loss: a case of the closed loop, linked from the modal.
    await rows.nth(0).getByTestId('rectify-button').click();
    const modal = office.getByRole('dialog', { name: '立案整改' });
    await choose(modal.getByTestId('rectify-category'), office, '暴露垃圾');
    await shot(office, 'campaign-04a-rectify-form');
    await modal.getByRole('button', { name: /立\s*案/ }).click();
    const created = modal.getByTestId('rectify-created');
    await created.waitFor({ timeout: 20_000 });
    const caseHref = await created.locator('a').getAttribute('href');
    expect(caseHref).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    await shot(office, 'campaign-04-rectify-case');
    await modal.getByRole('button', { name: /完\s*成/ }).click();

    // A failed veto fails the round whatever the total.
    await office.getByRole('tab', { name: '评分表' }).click();
    await input('2.3').getByText('不达标', { exact: true }).click();
    await office.getByTestId('save-scores').click();
    await expect.poll(() => office.getByTestId('verdict-tag').first().textContent()).toBe('不达标');
    const failed = await getJson<RoundDetail>(office, `/api/rounds/${roundId}`);
    expect(failed.verdict).toBe('fail');
    expect(failed.vetoFailed).toBe(1);
    // Back to met for the readiness screen.
    await input('2.3').getByText('达标', { exact: true }).click();
    await office.getByTestId('save-scores').click();
    await expect.poll(() => office.getByTestId('verdict-tag').first().textContent()).toBe('基本达标');

    // 导出Excel, then 结束评分: the sheet becomes read-only.
    const [sheet] = await Promise.all([
      office.waitForEvent('download'),
      office.getByTestId('export-round').click(),
    ]);
    expect(sheet.suggestedFilename()).toMatch(/\.xlsx$/);
    await office.getByTestId('close-round').click();
    await office
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /结束评分/ })
      .click();
    await office.getByText('该轮次已结束评分，评分表只读').waitFor();
    expect((await getJson<RoundDetail>(office, `/api/rounds/${roundId}`)).status).toBe('closed');
    await expect.poll(() => input('1.1').locator('input').isDisabled()).toBe(true);
  });

  it('uploads evidence on /evidence from a missing slot, and flags a duplicate', async () => {
    const campaignId = need('campaignId');
    await office.goto(`/evidence?campaignId=${campaignId}`);
    await settle(office);
    const slot = office.getByTestId(`slot-1.2-${THIS_MONTH}`);
    await expect.poll(() => slot.getAttribute('data-complete')).toBe('false');
    await shot(office, 'campaign-05-evidence-before');

    const scan = await png('保洁检查记录', '#d9f7be');
    const uploadFrom = async (target: Locator, name: string, buffer: Buffer) => {
      await target.click();
      const modal = office.getByRole('dialog', { name: '上传台账资料' });
      await modal.getByTestId('upload-title').waitFor();
      await modal.locator('input[type="file"]').setInputFiles({ name, mimeType: 'image/png', buffer });
      if (name.startsWith('保洁')) await shot(office, 'campaign-05a-upload-modal');
      await modal.getByRole('button', { name: /上\s*传/ }).click();
      await modal.waitFor({ state: 'hidden' });
    };
    // A text file dressed up as a PDF: the server looks at the bytes and says no, in Chinese.
    await slot.click();
    const dialog = office.getByRole('dialog', { name: '上传台账资料' });
    await dialog.locator('input[type="file"]').setInputFiles({
      name: '伪装文件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('这不是PDF文件'),
    });
    await dialog.getByRole('button', { name: /上\s*传/ }).click();
    await expect.poll(() => dialog.getByTestId('upload-error').textContent()).toMatch(/[\u4e00-\u9fa5]/);
    await shot(office, 'campaign-05b-upload-refused');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await uploadFrom(slot, '保洁检查记录.png', scan);
    // Filed, it awaits the office's acceptance before it counts.
    const queue = office.getByTestId('review-queue');
    await expect.poll(() => queue.locator('tbody tr.ant-table-row').count()).toBe(1);
    await expect.poll(() => slot.getAttribute('data-complete')).toBe('false');

    // The same bytes again under the yearly plan of 2.1: the archive flags it as a duplicate.
    await uploadFrom(office.getByTestId(`slot-2.1-${YEAR}`), '健康教育计划.png', scan);
    await expect
      .poll(() => office.getByTestId('evidence-files').locator('tbody tr.ant-table-row').count())
      .toBe(2);
    await expect
      .poll(() => office.getByTestId('evidence-files').getByText('重复文件').count())
      .toBeGreaterThan(0);
    await expect.poll(() => queue.locator('tbody tr.ant-table-row').count()).toBe(2);
    await settle(office);
    await shot(office, 'campaign-06-evidence-review-queue');

    // The office accepts the 1.2 record (its slot completes) and sends the duplicate back with a reason.
    const row = (text: string) => queue.locator('tbody tr.ant-table-row').filter({ hasText: text });
    await row('保洁检查记录').getByTestId('review-approve').click();
    await expect.poll(() => slot.getAttribute('data-complete')).toBe('true');
    await row('健康教育工作计划').getByTestId('review-return').click();
    const back = office.getByRole('dialog', { name: /退回/ });
    await back.getByRole('button', { name: /退\s*回/ }).click();
    await expect.poll(() => back.textContent()).toContain('请填写退回原因');
    await back.getByTestId('review-reason').fill('与 1.2 保洁检查记录是同一文件，请上传健康教育工作计划');
    await back.getByRole('button', { name: /退\s*回/ }).click();
    await back.waitFor({ state: 'hidden' });
    await expect.poll(() => queue.locator('tbody tr.ant-table-row').count()).toBe(0);
    await expect
      .poll(() => office.getByTestId('evidence-files').getByTestId('return-reason').textContent())
      .toContain('请上传健康教育工作计划');
    await expect
      .poll(() => office.getByTestId(`slot-2.1-${YEAR}`).getAttribute('data-complete'))
      .toBe('false');
    await settle(office);
    await shot(office, 'campaign-06b-evidence-reviewed');
  });

  it('exports the 迎检资料包: every row of 目录.xlsx names a file of the zip and vice versa', async () => {
    const campaignId = need('campaignId');
    await office.goto(`/evidence?campaignId=${campaignId}`);
    await settle(office);
    // The download, or the page's error message (which then fails the test with the server's words).
    const failure = office.locator('.ant-message-error');
    const outcome = Promise.race([
      office.waitForEvent('download', { timeout: 60_000 }).catch(() => null),
      failure.waitFor({ timeout: 60_000 }).then(
        async () => new Error(`export failed: ${await failure.textContent()}`),
        () => null,
      ),
    ]);
    await office.getByTestId('export-archive').click();
    const download = await outcome;
    if (download instanceof Error) throw download;
    if (!download) throw new Error('no download and no error message within 60 s');
    state.archive = await mkdtemp(join(tmpdir(), 'chuangcheng-archive-'));
    const zipPath = join(state.archive, 'package.zip');
    await download.saveAs(zipPath);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);

    const entries = await zipEntries(zipPath);
    const catalogName = [...entries.keys()].find((n) => /(^|\/)目录\.xlsx$/.test(n));
    expect(catalogName).toBeDefined();
    const catalog = entries.get(catalogName ?? '');
    expect(catalog).toBeTruthy();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(catalog as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('目录') ?? wb.worksheets[0];
    if (!ws) throw new Error('目录.xlsx has no sheet');
    const header = ws.getRow(1).values as unknown[];
    const pathCol = header.indexOf('包内路径');
    expect(pathCol).toBeGreaterThan(0);
    const stateCol = header.indexOf('状态');
    const listed: string[] = [];
    const states: string[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      states.push(row.getCell(stateCol).text.trim());
      const v = row.getCell(pathCol).text.trim();
      if (v) listed.push(v);
    });
    // Every required document is listed: the one sent back (2.1) and the ones never filed as 缺失.
    expect(states).toContain('缺失');
    expect(states.filter((s) => s !== '缺失')).toHaveLength(listed.length);
    const prefix = catalogName?.includes('/') ? catalogName.slice(0, catalogName.lastIndexOf('/') + 1) : '';
    const files = [...entries.keys()]
      .filter((n) => !/(^|\/)目录\.(xlsx|docx)$/.test(n))
      .map((n) => (prefix && n.startsWith(prefix) ? n.slice(prefix.length) : n));
    const normal = (p: string) => p.replace(/\\/g, '/').replace(/^\/+/, '');
    expect(listed.map(normal).sort()).toEqual(files.map(normal).sort());
    expect(listed.length).toBe(1); // the accepted record; the duplicate was sent back, so not packed
    expect([...entries.keys()].some((n) => /(^|\/)目录\.docx$/.test(n))).toBe(true);
    expect((await readFile(zipPath)).byteLength).toBeGreaterThan(1000);
  });

  it('shows the readiness screen (desktop and phone) and the pages on a phone', async () => {
    const campaignId = need('campaignId');
    await office.goto(`/readiness?campaignId=${campaignId}`);
    await settle(office);
    await office.getByTestId('readiness-gauge').waitFor();
    expect(await office.getByTestId('readiness-hero').textContent()).toContain('基本达标');
    expect(await office.getByTestId('readiness-milestone').textContent()).toContain('省级技术评估');
    expect(await office.getByTestId('lost-points-table').textContent()).toContain('1.2');
    await shot(office, 'campaign-07-readiness');
    await office.getByTestId('readiness-trend').scrollIntoViewIfNeeded();
    await shot(office, 'campaign-07b-readiness-lower');

    await leaderPhone.goto(`/readiness?campaignId=${campaignId}`);
    await settle(leaderPhone);
    await leaderPhone.getByTestId('readiness-gauge').waitFor();
    await shot(leaderPhone, 'campaign-08-readiness-phone');
    const full = join(SCREENSHOT_DIR, 'campaign-08b-readiness-phone-full.png');
    await leaderPhone.screenshot({ path: full, fullPage: true });
    if (REVIEW_DIR) copyFileSync(full, join(REVIEW_DIR, 'campaign-08b-readiness-phone-full.png'));

    for (const [path, name] of [
      [`/rounds?campaignId=${campaignId}`, 'campaign-09-rounds-phone'],
      [`/rounds/${need('roundId')}`, 'campaign-10-round-phone'],
      [`/evidence?campaignId=${campaignId}`, 'campaign-11-evidence-phone'],
    ] as const) {
      await leaderPhone.goto(path);
      await settle(leaderPhone);
      await shot(leaderPhone, name);
    }
    await office.goto(`/rounds?campaignId=${campaignId}`);
    await settle(office);
    await shot(office, 'campaign-12-rounds');
  });
});
