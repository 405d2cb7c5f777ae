/**
 * Holiday data that never silently goes stale: the warning from 1 November (healthz, the console's
 * coverage endpoint), deadlines estimated over a year without data (期限暂估), the import of one year's
 * notice from Excel (row errors, preview, replace, audit), and the job that recomputes the estimated
 * deadlines with a `deadline_recomputed` event.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { gridPoints, withDemoCity } from '../../../test/fixtures';
import { auditLog, caseEvents, cases } from '../../db/schema/index';

let t: TestApp;
let cityId: string;
let categoryId: string;
let point: { lng: number; lat: number };
const s = {} as Record<'office' | 'inspector' | 'unit' | 'admin', Session>;

/** A test excerpt in the shape of a notice for 2027 (not the real notice): 元旦 and one 调休 Saturday. */
const NOTICE_2027: [string | Date, string, string][] = [
  [new Date(Date.UTC(2027, 0, 1)), '放假', '元旦'], // an Excel date cell
  ['2027-01-02', '放假', '元旦'],
  ['2027/1/3', '放假', '元旦'],
  ['2027年2月6日', '调休上班', '春节'],
];

async function workbook(rows: (string | Date)[][], header = ['日期', '类型', '名称']): Promise<FormData> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('节假日安排');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const form = new FormData();
  form.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], '2027年节假日.xlsx'));
  return form;
}

const importYear = async (rows: (string | Date)[][], query: string, session = s.office, header?: string[]) =>
  t.call('POST', `/api/calendar/holiday-years/import?${query}`, {
    session,
    body: await workbook(rows, header),
  });

async function at(when: string) {
  t.clock.set(new Date(when));
  s.office = await t.login('office');
  s.inspector = await t.login('inspector');
  s.unit = await t.login('unit');
  s.admin = await t.login('admin');
}

async function waitForJob(id: string) {
  const end = Date.now() + 20_000;
  for (;;) {
    const r = await t.call('GET', `/api/jobs/${id}`, { session: s.office });
    if (r.body.state === 'succeeded' || r.body.state === 'failed') return r.body;
    if (Date.now() > end) throw new Error(`job ${id} still ${r.body.state}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** A case reported by the inspector, filed and dispatched by the office at the current clock. */
async function dispatchedCase() {
  const photo = new FormData();
  photo.set('kind', 'before');
  const png = await import('sharp').then((m) =>
    m
      .default({ create: { width: 32, height: 24, channels: 3, background: { r: 9, g: 90, b: 60 } } })
      .jpeg()
      .toBuffer(),
  );
  photo.set('file', new File([new Uint8Array(png)], 'p.jpg'));
  const p = await t.call('POST', '/api/photos', { session: s.inspector, body: photo });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  const c = await t.call('POST', '/api/cases', {
    session: s.inspector,
    body: {
      source: 'inspector',
      categoryId,
      description: '人行道上有流动摊贩占道经营',
      lng: point.lng,
      lat: point.lat,
      photoIds: [p.body.id],
    },
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const act = (action: string) =>
    t.call('POST', `/api/cases/${c.body.id}/transitions`, { session: s.office, body: { action } });
  expect((await act('file')).status).toBe(200);
  const d = await act('dispatch');
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  return d.body;
}

beforeAll(async () => {
  t = await createTestApp({ SWEEPER_INTERVAL_SECONDS: '0' });
  ({ cityId } = await withDemoCity(t, 50));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  point = (await gridPoints(t, cityId))[0]!;
  await at('2026-10-20T02:00:00Z');
  const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: s.office });
  categoryId = cats.body[0].id;
});
afterAll(() => t?.close());

describe('the warning when holiday data is missing (from 1 November, city time)', () => {
  it('31 October 23:59:59 in the city: no warning; 1 November 00:00: 2027 missing in /healthz and the console', async () => {
    await at('2026-10-31T15:59:59Z');
    const before = (await t.call('GET', '/healthz')).body;
    expect(before).toMatchObject({ ok: true, holidays: { ok: true, missing: [] } });
    expect((await t.call('GET', '/api/calendar/holiday-coverage', { session: s.office })).body).toEqual([]);

    await at('2026-10-31T16:00:00Z');
    const after = await t.call('GET', '/healthz');
    expect(after.status).toBe(200); // a warning, not an outage
    expect(after.body).toMatchObject({
      ok: true,
      holidays: {
        ok: false,
        missing: [{ cityId, years: [2027], message: expect.stringContaining('2027 年') }],
      },
    });
    const banner = await t.call('GET', '/api/calendar/holiday-coverage', { session: s.office });
    expect(banner.body).toMatchObject([{ cityId, year: 2026, missingYears: [2027] }]);
    const admin = await t.call('GET', '/api/calendar/holiday-coverage', { session: s.admin });
    expect(admin.body).toMatchObject([{ cityId, missingYears: [2027] }]);
    expect((await t.call('GET', '/api/calendar/holiday-coverage', { session: s.unit })).status).toBe(403);

    const years = await t.call('GET', '/api/calendar/holiday-years', { session: s.unit });
    expect(years.body.years.map((y: { year: number; builtIn: boolean }) => [y.year, y.builtIn])).toEqual([
      [2026, true],
      [2025, true],
    ]);
  });

  it('the start-up lines come from the same coverage', async () => {
    const all = await t.services.catalog.holidayCoverageAll();
    expect(all).toMatchObject([{ cityId, missingYears: [2027] }]);
  });
});

describe('estimated deadlines (期限暂估) and the import of a year', () => {
  let estimatedId: string;
  let before: { stageDeadline: string; disposeDeadline: string };

  it('a case dispatched on Thu 31 Dec 2026 at 16:00 gets deadlines over 元旦 2027, marked estimated', async () => {
    await at('2026-12-31T08:00:00Z');
    const c = await dispatchedCase();
    expect(c.deadlineEstimated).toBe(true);
    // The accept window (2 office hours) runs into Fri 1 Jan 2027, a working day on weekends-only counting.
    expect(c.stageDeadline).toBe('2027-01-01T01:00:00.000Z');
    estimatedId = c.id;
    before = { stageDeadline: c.stageDeadline, disposeDeadline: c.disposeDeadline };
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row).toMatchObject({ stageDeadlineEstimated: true, disposeDeadlineEstimated: true });
  });

  it('lists every bad row with its column and writes nothing', async () => {
    const r = await importYear(
      [
        ['2027-01-02', '放假', '元旦'],
        ['2026-10-01', '放假', '国庆节'],
        ['2027-01-02', '放假', '元旦'],
        ['2027-02-03', '调休上班', '春节'],
        ['2027-02-08', '休假', '春节'],
        ['2027-02-09', '放假', ''],
      ],
      'year=2027',
    );
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    expect(r.body.error.details.rows).toEqual([
      { row: 3, column: '日期', message: '2026-10-01 不属于 2027 年' },
      { row: 4, column: '日期', message: '2027-01-02 与第 2 行重复' },
      { row: 5, column: '类型', message: expect.stringContaining('周三') },
      { row: 6, column: '类型', message: expect.stringContaining('放假 或 调休上班') },
      { row: 7, column: '名称', message: expect.stringContaining('名称') },
    ]);
    const noNewYear = await importYear([['2027-02-09', '放假', '春节']], 'year=2027');
    expect(noNewYear.body.error.details.rows).toEqual([
      { row: 1, column: '（整个文件）', message: expect.stringContaining('元旦') },
    ]);
    const extra = await importYear([['2027-01-01', '放假', '元旦', 'x']], 'year=2027', s.office, [
      '日期',
      '类型',
      '名称',
      '备注',
    ]);
    expect(extra.body.error.details.rows).toEqual([{ row: 1, column: '备注', message: expect.any(String) }]);
    expect((await importYear(NOTICE_2027, 'year=2027', s.unit)).status).toBe(403);
    const cal = await t.call('GET', '/api/calendar', { session: s.office });
    expect(cal.body.holidayYears).toEqual([2025, 2026]);
  });

  it('previews (dry run) without writing, then replaces the year, audits it and recomputes in a job', async () => {
    const preview = await importYear(NOTICE_2027, 'year=2027&dryRun=true');
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, year: 2027, replaced: 0, recomputeJobId: null });
    expect(preview.body.days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'holiday', name: '元旦' },
      { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'makeup', name: '春节' },
    ]);
    expect((await t.call('GET', '/api/calendar', { session: s.office })).body.holidayYears).toEqual([
      2025, 2026,
    ]);

    const done = await importYear(NOTICE_2027, 'year=2027');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, year: 2027, recomputeJobId: expect.any(String) });
    const cal = (await t.call('GET', '/api/calendar', { session: s.office })).body;
    expect(cal.holidayYears).toEqual([2025, 2026, 2027]);
    expect(cal.holidays).toContain('2027-01-01');
    expect(cal.makeupWorkdays).toContain('2027-02-06');
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'calendar'), eq(auditLog.action, 'import')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ year: 2027, file: '2027年节假日.xlsx' });

    await t.services.jobs.start();
    const job = await waitForJob(done.body.recomputeJobId);
    expect(job, JSON.stringify(job.error)).toMatchObject({
      name: 'cases.recompute-deadlines',
      state: 'succeeded',
      progress: { done: 1, total: 1 },
      result: { examined: 1, recomputed: 1 },
    });

    const c = (await t.call('GET', `/api/cases/${estimatedId}`, { session: s.office })).body;
    expect(c.deadlineEstimated).toBe(false);
    // 元旦 1–3 Jan is now a holiday: the 30 office minutes left after Thursday run on Mon 4 Jan.
    expect(c.stageDeadline).toBe('2027-01-04T01:00:00.000Z');
    expect(new Date(c.disposeDeadline).getTime()).toBeGreaterThan(new Date(before.disposeDeadline).getTime());
    const events = await t.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, estimatedId), eq(caseEvents.type, 'deadline_recomputed')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorName: '系统',
      actorUserId: null,
      note: '导入节假日后重算期限',
      payload: { stageDeadline: c.stageDeadline, disposeDeadline: c.disposeDeadline },
    });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, estimatedId));
    expect(row!.stageDeadline!.toISOString()).toBe(c.stageDeadline);
    expect(row).toMatchObject({ stageDeadlineEstimated: false, disposeDeadlineEstimated: false });
    expect(before.stageDeadline).not.toBe(c.stageDeadline);

    const years = (await t.call('GET', '/api/calendar/holiday-years', { session: s.office })).body;
    expect(years.years[0]).toMatchObject({ year: 2027, builtIn: false, holidays: 3, makeupWorkdays: 1 });
    expect(years.coverage.missingYears).toEqual([]);
  });

  it('exports the year in the template columns, and the export re-imports as the same days', async () => {
    const res = await t.app.request('/api/calendar/holiday-years/2027/export', {
      headers: { cookie: `cc_session=${s.unit.token}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const rows = wb.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['日期', '类型', '名称'],
      ['2027-01-01', '放假', '元旦'],
      ['2027-01-02', '放假', '元旦'],
      ['2027-01-03', '放假', '元旦'],
      ['2027-02-06', '调休上班', '春节'],
    ]);
    const again = await importYear(
      rows.slice(1).map((r) => r.slice(1) as string[]),
      'year=2027&dryRun=true',
    );
    expect(again.body).toMatchObject({ replaced: 4, days: expect.any(Array) });
    expect(again.body.days).toHaveLength(4);
    const missing = await t.app.request('/api/calendar/holiday-years/2030/export', {
      headers: { cookie: `cc_session=${s.unit.token}` },
    });
    expect(missing.status).toBe(404);
  });

  it('a calendar edit cannot list days of a year without data (they would not count)', async () => {
    const r = await t.call('PUT', '/api/calendar', {
      session: s.office,
      body: {
        holidays: [
          ...(await t.call('GET', '/api/calendar', { session: s.office })).body.holidays,
          '2028-01-01',
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.fields).toMatchObject([
      { field: 'holidays', message: expect.stringContaining('2028-01-01') },
    ]);
  });
});
