/**
 * Which years a city's calendar knows, the warning when the current or next year is missing, and the
 * check of one year's holidays imported from the State Council's notice (国务院办公厅关于某年部分节假日
 * 安排的通知). Pure: the time and the data come in.
 */
import { localDate } from './calendar';
import type { CalendarData } from './types';

/** From this month (1 November, city time) next year's holidays must be configured. */
export const NEXT_YEAR_WARNING_MONTH = 11;

export interface HolidayCoverage {
  /** The city's current year (local time). */
  year: number;
  /** Years that need holiday data now: the current year if missing; from 1 November next year too. */
  missingYears: number[];
  /** The warning in Chinese, or null when nothing is missing. */
  message: string | null;
}

/** What the calendar lacks at `now`; a year is never guessed, only reported. */
export function holidayCoverage(
  data: Pick<CalendarData, 'holidayYears' | 'utcOffsetMinutes'>,
  now: Date,
): HolidayCoverage {
  const today = localDate(now, data.utcOffsetMinutes);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const known = new Set(data.holidayYears);
  const due = month >= NEXT_YEAR_WARNING_MONTH ? [year, year + 1] : [year];
  const missingYears = due.filter((y) => !known.has(y));
  return { year, missingYears, message: missingMessage(missingYears) };
}

function missingMessage(years: readonly number[]): string | null {
  if (years.length === 0) return null;
  const list = years.map((y) => `${y} 年`).join('、');
  return `工作日历缺少 ${list}的节假日安排：这些年份只按周末计算工作日，涉及的期限标为“期限暂估”。请导入国务院办公厅当年的节假日安排通知。`;
}

// ---- one year's import ---------------------------------------------------------------------------

export type HolidayDayKind = 'holiday' | 'makeup';

/** One row of the template (日期, 类型 = 放假/调休上班, 名称); `row` is the sheet row number. */
export interface HolidayImportRow {
  row: number;
  date: string;
  kind: HolidayDayKind;
  name: string;
}

/** A problem of the file: a row and column, or the whole year (row null). */
export interface HolidayImportIssue {
  row: number | null;
  column: '日期' | '类型' | '名称' | null;
  message: string;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function validIso(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}

/**
 * Checks one year's rows: every date a real date of that year and listed once, a make-up working day
 * on a Saturday or Sunday (a weekday is a working day already), every day off named, and 元旦
 * (1 January, a holiday by law) among the days off — a file of the wrong year fails here.
 */
export function checkHolidayYear(year: number, rows: readonly HolidayImportRow[]): HolidayImportIssue[] {
  const issues: HolidayImportIssue[] = [];
  if (!Number.isInteger(year) || year < 1970 || year > 2200) {
    return [{ row: null, column: null, message: `年份 ${year} 无效` }];
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!validIso(r.date)) {
      issues.push({ row: r.row, column: '日期', message: `“${r.date}”不是有效日期` });
      continue;
    }
    if (Number(r.date.slice(0, 4)) !== year) {
      issues.push({ row: r.row, column: '日期', message: `${r.date} 不属于 ${year} 年` });
      continue;
    }
    const first = seen.get(r.date);
    if (first !== undefined) {
      issues.push({ row: r.row, column: '日期', message: `${r.date} 与第 ${first} 行重复` });
      continue;
    }
    seen.set(r.date, r.row);
    const weekday = weekdayOf(r.date);
    if (r.kind === 'makeup' && weekday !== 0 && weekday !== 6) {
      issues.push({
        row: r.row,
        column: '类型',
        message: `${r.date} 是${WEEKDAYS[weekday]}，本来就是工作日，调休上班日应为周六或周日`,
      });
    }
    if (r.kind === 'holiday' && !r.name.trim()) {
      issues.push({ row: r.row, column: '名称', message: '放假日须填写节日名称（如 元旦、春节）' });
    }
  }
  const off = rows.filter((r) => r.kind === 'holiday');
  if (off.length === 0) {
    issues.push({ row: null, column: null, message: `${year} 年没有放假日：请按通知填写放假日期` });
  } else if (!off.some((r) => r.date === `${year}-01-01`)) {
    issues.push({
      row: null,
      column: null,
      message: `${year}-01-01（元旦）不在放假日中：元旦全体放假，请核对是否为 ${year} 年的通知`,
    });
  }
  return issues;
}

/** The calendar with one year's days replaced by the imported ones and the year marked as known. */
export function withHolidayYear<T extends CalendarData>(
  data: T,
  year: number,
  rows: readonly Pick<HolidayImportRow, 'date' | 'kind' | 'name'>[],
): T {
  const prefix = `${year}-`;
  const keep = (d: string) => !d.startsWith(prefix);
  const pick = (kind: HolidayDayKind) => rows.filter((r) => r.kind === kind).map((r) => r.date);
  const names = Object.fromEntries(Object.entries(data.dayNames ?? {}).filter(([d]) => keep(d))) as Record<
    string,
    string
  >;
  for (const r of rows) if (r.name.trim()) names[r.date] = r.name.trim();
  return {
    ...data,
    holidays: [...data.holidays.filter(keep), ...pick('holiday')].sort(),
    makeupWorkdays: [...data.makeupWorkdays.filter(keep), ...pick('makeup')].sort(),
    holidayYears: [...new Set([...data.holidayYears, year])].sort((a, b) => a - b),
    dayNames: names,
  };
}

/** One year's days (放假 and 调休上班) in date order, with their names where known. */
export function holidayYearDays(
  data: CalendarData,
  year: number,
): { date: string; kind: HolidayDayKind; name: string }[] {
  const prefix = `${year}-`;
  const days = [
    ...data.holidays.filter((d) => d.startsWith(prefix)).map((date) => ({ date, kind: 'holiday' as const })),
    ...data.makeupWorkdays
      .filter((d) => d.startsWith(prefix))
      .map((date) => ({ date, kind: 'makeup' as const })),
  ];
  return days
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ ...d, name: data.dayNames?.[d.date] ?? '' }));
}
