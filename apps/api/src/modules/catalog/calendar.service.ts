import {
  type CalendarData,
  calendarSchema,
  type FieldIssue,
  HOLIDAY_DAY_KIND_LABELS,
  type HolidayCoverage,
  type HolidayImportResult,
  type HolidayYears,
  type RowIssue,
  type updateCalendarSchema,
} from '@chuangcheng/contracts';
import {
  BUILTIN_HOLIDAY_YEARS,
  CN_DAY_NAMES,
  checkHolidayYear,
  DEFAULT_CALENDAR,
  type HolidayImportRow,
  holidayCoverage,
  holidayYearDays,
  withHolidayYear,
} from '@chuangcheng/domain';
import type { z } from 'zod';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, importError } from '../../platform/app-error';
import { buildSheet, buildTemplate, readSheet } from '../../platform/xlsx';
import type { CatalogDeps } from './catalog.deps';
import { CATALOG_READ, CATALOG_WRITE } from './catalog.policy';
import { presentCalendar } from './catalog.presenter';
import type { CategoriesService } from './categories.service';
import {
  HOLIDAY_EXAMPLES,
  HOLIDAY_NOTES,
  HOLIDAY_SHEET,
  MAX_HOLIDAY_ROWS,
  parseHolidayDate,
  parseHolidayKind,
} from './holiday-sheet';
import { createRoutingRepository } from './routing.repository';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Office intervals sorted and non-overlapping; a day is not both a holiday and a make-up working day;
 * every listed day lies in a year marked as having holiday data (otherwise it would not be applied).
 */
export function calendarIssues(d: CalendarData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let prevEnd = -1;
  d.officeHours.forEach((h, i) => {
    const start = minutes(h.start);
    const end = minutes(h.end);
    if (end <= start)
      issues.push({
        field: `officeHours.${i}`,
        message: `办公时段 ${h.start}–${h.end} 的结束时间须晚于开始时间`,
      });
    else if (start < prevEnd)
      issues.push({
        field: `officeHours.${i}`,
        message: `办公时段 ${h.start}–${h.end} 须按时间先后排列且不得重叠`,
      });
    prevEnd = Math.max(prevEnd, end);
  });
  const holidays = new Set(d.holidays);
  const both = d.makeupWorkdays.filter((x) => holidays.has(x));
  if (both.length)
    issues.push({ field: 'makeupWorkdays', message: `日期不能既是放假日又是调休上班日：${both.join('、')}` });
  const years = new Set(d.holidayYears);
  for (const field of ['holidays', 'makeupWorkdays'] as const) {
    const outside = d[field].filter((x) => !years.has(Number(x.slice(0, 4))));
    if (outside.length)
      issues.push({
        field,
        message: `${outside.join('、')} 所在年份不在已配置节假日的年份（holidayYears）中：请导入该年的节假日安排`,
      });
  }
  return issues;
}

const sortedUnique = (xs: readonly string[]) => [...new Set(xs)].sort();

/** A calendar stored before years were recorded: the years it lists days off for are its known years. */
const storedCalendarSchema = calendarSchema.extend({
  holidayYears: calendarSchema.shape.holidayYears.optional(),
});

function yearsListed(holidays: readonly string[]): number[] {
  return [...new Set(holidays.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}

/** Called when a city's calendar gains years: queues the recompute of estimated deadlines (its run id). */
export type HolidayYearsListener = (cityId: string, years: number[], ctx: Ctx) => Promise<string | null>;

export interface HolidayFile {
  name: string;
  data: Uint8Array;
}

/** The city's working calendar (office hours, holidays, 调休) as data; the maths is in the domain. */
export function createCalendarService(deps: CatalogDeps, categories: CategoriesService) {
  const repo = createRoutingRepository(deps.db);
  let onYearsAdded: HolidayYearsListener = async () => null;

  /** The stored calendar, or the national default for a city that never edited one. */
  async function calendarData(cityId: string): Promise<CalendarData> {
    const stored = storedCalendarSchema.safeParse(await repo.calendar(cityId));
    if (!stored.success) return DEFAULT_CALENDAR;
    const d = stored.data;
    return {
      ...d,
      holidayYears: d.holidayYears ?? yearsListed(d.holidays),
      dayNames: d.dayNames ?? CN_DAY_NAMES,
    };
  }

  async function coverageOf(cityId: string, cityName: string): Promise<HolidayCoverage> {
    const c = holidayCoverage(await calendarData(cityId), deps.clock.now());
    return { cityId, cityName, ...c };
  }

  async function save(
    ctx: Ctx,
    cityId: string,
    action: 'update' | 'import',
    change: { before: CalendarData; next: CalendarData; after: unknown },
  ) {
    const { before, next, after } = change;
    await deps.db.transaction(async (tx) => {
      await createRoutingRepository(tx).saveCalendar(cityId, next, deps.clock.now());
      await deps.audit.record(tx, ctx, {
        cityId,
        action,
        entityType: 'calendar',
        entityId: cityId,
        before,
        after,
      });
    });
  }

  return {
    calendarData,

    /** Wires the recompute of estimated deadlines (the cases module's job) once the job layer exists. */
    setHolidayYearsListener(listener: HolidayYearsListener) {
      onYearsAdded = listener;
    },

    async getCalendar(ctx: Ctx): Promise<CalendarData> {
      requireRole(ctx.actor, CATALOG_READ);
      return presentCalendar(await calendarData(await categories.cityOf(ctx)));
    },

    /** Changes part of the calendar (e.g. office hours); validated as a whole, audited. */
    async updateCalendar(ctx: Ctx, patch: z.infer<typeof updateCalendarSchema>): Promise<CalendarData> {
      requireRole(ctx.actor, CATALOG_WRITE);
      const cityId = await categories.cityOf(ctx);
      const before = await calendarData(cityId);
      const next: CalendarData = { ...before, ...patch };
      next.holidays = sortedUnique(next.holidays);
      next.makeupWorkdays = sortedUnique(next.makeupWorkdays);
      next.holidayYears = [...new Set(next.holidayYears)].sort((a, b) => a - b);
      const issues = calendarIssues(next);
      if (issues.length) throw new AppError('VALIDATION_FAILED', { fields: issues });
      await save(ctx, cityId, 'update', { before, next, after: patch });
      const added = next.holidayYears.filter((y) => !before.holidayYears.includes(y));
      if (added.length) await onYearsAdded(cityId, added, ctx);
      return presentCalendar(next);
    },

    /** The years with holiday data (newest first) with their days, and what is missing now. */
    async holidayYears(ctx: Ctx): Promise<HolidayYears> {
      requireRole(ctx.actor, CATALOG_READ);
      const cityId = await categories.cityOf(ctx);
      const data = await calendarData(cityId);
      const same = (y: number) =>
        JSON.stringify(holidayYearDays(data, y).map((d) => [d.date, d.kind])) ===
        JSON.stringify(holidayYearDays(DEFAULT_CALENDAR, y).map((d) => [d.date, d.kind]));
      const years = [...data.holidayYears]
        .sort((a, b) => b - a)
        .map((year) => {
          const days = holidayYearDays(data, year);
          return {
            year,
            builtIn: BUILTIN_HOLIDAY_YEARS.includes(year) && same(year),
            holidays: days.filter((d) => d.kind === 'holiday').length,
            makeupWorkdays: days.filter((d) => d.kind === 'makeup').length,
            days,
          };
        });
      const city = (await deps.org.regions.repo.cities()).find((c) => c.id === cityId);
      return { years, coverage: await coverageOf(cityId, city?.name ?? '') };
    },

    /**
     * The warning shown on every console page of an office or administrator: the actor's city, or for
     * an installation-wide administrator every city. Cities with nothing missing are left out.
     */
    async coverage(ctx: Ctx): Promise<HolidayCoverage[]> {
      requireRole(ctx.actor, CATALOG_WRITE);
      const cities = await deps.org.regions.repo.cities();
      const mine = ctx.actor.cityId ? cities.filter((c) => c.id === ctx.actor.cityId) : cities;
      const all = await Promise.all(mine.map((c) => coverageOf(c.id, c.name)));
      return all.filter((c) => c.missingYears.length > 0);
    },

    /** Every city's missing years: /healthz and the start-up log (no actor). */
    async coverageAll(): Promise<HolidayCoverage[]> {
      const cities = await deps.org.regions.repo.cities();
      return Promise.all(cities.map((c) => coverageOf(c.id, c.name)));
    },

    /** The .xlsx template of one year's notice (日期, 类型, 名称) with an example and a 说明 sheet. */
    async holidayTemplate(ctx: Ctx): Promise<Uint8Array> {
      requireRole(ctx.actor, CATALOG_WRITE);
      return buildTemplate(HOLIDAY_SHEET, HOLIDAY_EXAMPLES, HOLIDAY_NOTES);
    },

    /** One year's days in the template's columns (it re-imports unchanged). */
    async exportHolidayYear(
      ctx: Ctx,
      year: number,
    ): Promise<{ data: Uint8Array; fileName: string; asciiName: string }> {
      requireRole(ctx.actor, CATALOG_READ);
      const data = await calendarData(await categories.cityOf(ctx));
      if (!data.holidayYears.includes(year))
        throw new AppError('NOT_FOUND', { fields: [{ field: 'year', message: `${year} 年没有节假日数据` }] });
      const rows = holidayYearDays(data, year).map((d) => ({
        date: d.date,
        kind: HOLIDAY_DAY_KIND_LABELS[d.kind].zh,
        name: d.name,
      }));
      return {
        data: await buildSheet(HOLIDAY_SHEET, rows),
        fileName: `节假日安排-${year}.xlsx`,
        asciiName: `holidays-${year}.xlsx`,
      };
    },

    /**
     * Imports one year of the State Council's notice: every row checked first (all problems listed,
     * nothing written); a dry run answers the preview; otherwise the year's days are replaced, audited,
     * and — for a year that had no data — the open cases' estimated deadlines are recomputed by a job.
     */
    async importHolidayYear(
      ctx: Ctx,
      year: number,
      file: HolidayFile,
      opts: { dryRun?: boolean } = {},
    ): Promise<HolidayImportResult> {
      requireRole(ctx.actor, CATALOG_WRITE);
      const cityId = await categories.cityOf(ctx);
      const read = await readSheet(file.data, HOLIDAY_SHEET, MAX_HOLIDAY_ROWS);
      const issues: RowIssue[] = [...read.issues];
      for (const u of read.unknown)
        issues.push({
          row: 1,
          column: u,
          message: `列「${u}」不是模板中的列（日期、类型、名称），请删除该列`,
        });
      const rows: HolidayImportRow[] = [];
      for (const { row, cells } of read.rows) {
        const date = parseHolidayDate(cells.date ?? '');
        const kind = parseHolidayKind(cells.kind ?? '');
        if (!cells.date) issues.push({ row, column: '日期', message: '日期不能为空' });
        if (!kind)
          issues.push({
            row,
            column: '类型',
            message: `类型“${cells.kind ?? ''}”无效，应为 放假 或 调休上班`,
          });
        if (cells.date && kind) rows.push({ row, date, kind, name: cells.name ?? '' });
      }
      // Every row is checked; the whole-year checks (元旦 among the days off) only when every row was read.
      const unreadable = issues.length > 0;
      for (const i of checkHolidayYear(year, rows)) {
        if (i.row === null && unreadable) continue;
        issues.push({ row: i.row ?? 1, column: i.column ?? '（整个文件）', message: i.message });
      }
      if (issues.length) throw importError(issues.sort((a, b) => a.row - b.row));

      const before = await calendarData(cityId);
      const next = withHolidayYear(before, year, rows);
      const fieldIssues = calendarIssues(next);
      if (fieldIssues.length) throw new AppError('VALIDATION_FAILED', { fields: fieldIssues });
      const days = holidayYearDays(next, year);
      const replaced = before.holidayYears.includes(year) ? holidayYearDays(before, year).length : 0;
      const result: HolidayImportResult = {
        dryRun: Boolean(opts.dryRun),
        year,
        days,
        replaced,
        recomputeJobId: null,
      };
      if (opts.dryRun) return result;
      await save(ctx, cityId, 'import', {
        before,
        next,
        after: {
          file: file.name,
          year,
          holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
          makeupWorkdays: days.filter((d) => d.kind === 'makeup').map((d) => d.date),
        },
      });
      if (!before.holidayYears.includes(year))
        result.recomputeJobId = await onYearsAdded(cityId, [year], ctx);
      return result;
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
