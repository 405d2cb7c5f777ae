/**
 * The working calendar (工作日历): deadlines and elapsed time in the four time-limit units.
 * Pure: instants come in as Dates and the city's calendar as data. All arithmetic is on "local
 * milliseconds" (UTC ms + the city's fixed offset), so a local day is exactly one 86 400 000 ms slot
 * and no time-zone library is needed. Long limits walk day by day, never minute by minute.
 */
import type { CalendarData, Light, OfficeHours, TimeLimit, TimeUnit } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** 1970-01-01, local day 0, was a Thursday. */
const EPOCH_WEEKDAY = 4;
/** The smallest fraction above 1: past the deadline is red even when the office clock stands still. */
const JUST_OVERDUE = 1 + Number.EPSILON;

/** A working calendar built from a city's CalendarData. */
export interface WorkCalendar {
  /** Office minutes in one full working day (7 h = 420 with the default office hours). */
  readonly officeMinutesPerDay: number;
  /** Whether a local ISO date is a working day: Mon–Fri not a holiday, or a 调休 make-up day. */
  isWorkingDay(isoDate: string): boolean;
  /** The years with holiday data, ascending (see CalendarData.holidayYears). */
  readonly holidayYears: readonly number[];
  /** Whether the year's holidays are known; without them it counts weekends only. */
  hasHolidayData(year: number): boolean;
  /**
   * Whether a window [start, end] on the unit's clock is an estimate (暂估): an office clock (work hours
   * or days) over a local day of a year without holiday data. Natural days and urgent hours never are.
   */
  isEstimated(start: Date, end: Date, unit: TimeUnit): boolean;
  /** When a time limit started at `start` runs out. */
  deadline(start: Date, limit: TimeLimit): Date;
  /** Minutes from a to b on the unit's clock (office minutes for work units); 0 if b <= a. */
  measure(a: Date, b: Date, unit: TimeUnit): number;
  /** The earliest instant at which `minutes` have elapsed since start on the unit's clock. */
  addMeasure(start: Date, minutes: number, unit: TimeUnit): Date;
  /** Share of the window used at `now` (see elapsedFraction below for the edge cases). */
  elapsedFraction(start: Date, deadline: Date, now: Date, unit: TimeUnit): number;
  /** The instant 80 % of the window is used, when the light turns yellow. */
  yellowAt(start: Date, deadline: Date, unit: TimeUnit): Date;
}

/** Office interval as ms since local midnight, [start, end). */
interface Span {
  start: number;
  end: number;
}

/** < 80 % green, 80–100 % yellow, > 100 % red (the national 数字城管 convention). */
export function trafficLight(fraction: number): Light {
  if (fraction < 0.8) return 'green';
  if (fraction <= 1) return 'yellow';
  return 'red';
}

/** The ISO date of an instant in a zone `utcOffsetMinutes` east of UTC. */
export function localDate(d: Date, utcOffsetMinutes: number): string {
  return isoOfDay(Math.floor((instant(d, 'date') + utcOffsetMinutes * MINUTE_MS) / DAY_MS));
}

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function instant(d: Date, what: string): number {
  const t = d.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`工作日历：${what} 不是有效时间`);
  return t;
}

/** Local day number of an ISO date; rejects '2026-02-30' and the like. */
function dayOfIso(iso: string, what: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!Number.isFinite(ms) || isoOfDay(ms / DAY_MS) !== iso) {
    throw new Error(`工作日历：${what} "${iso}" 不是有效日期（格式 YYYY-MM-DD）`);
  }
  return ms / DAY_MS;
}

function minutesOfHhmm(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`工作日历：办公时间 "${hhmm}" 格式应为 HH:MM（00:00–23:59）`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Parses and checks office hours: each start < end, sorted, no overlaps (touching is fine). */
function compileOfficeHours(hours: readonly OfficeHours[]): Span[] {
  if (hours.length === 0) throw new Error('工作日历：至少需要一个办公时段');
  const spans = hours.map((h) => {
    const span = { start: minutesOfHhmm(h.start) * MINUTE_MS, end: minutesOfHhmm(h.end) * MINUTE_MS };
    if (span.start >= span.end) {
      throw new Error(`工作日历：办公时段 ${h.start}–${h.end} 的开始时间必须早于结束时间`);
    }
    return span;
  });
  for (let i = 1; i < hours.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      const [prev, cur] = [hours[i - 1]!, hours[i]!];
      throw new Error(
        `工作日历：办公时段须按时间先后排列且不重叠，${prev.start}–${prev.end} 与 ${cur.start}–${cur.end} 冲突`,
      );
    }
  }
  return spans;
}

/** The calendar year of a local day number. */
function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The days of the configured years only: a year without holiday data counts weekends only. */
function daySet(dates: readonly string[], what: string, years: ReadonlySet<number>): Set<number> {
  return new Set(dates.map((d) => dayOfIso(d, what)).filter((day) => years.has(yearOfDay(day))));
}

function checkYears(years: readonly number[]): Set<number> {
  for (const y of years) {
    if (!Number.isInteger(y) || y < 1970 || y > 2200) throw new Error(`工作日历：年份 ${y} 无效`);
  }
  return new Set(years);
}

function checkData(data: CalendarData): {
  spans: Span[];
  holidays: Set<number>;
  makeup: Set<number>;
  years: Set<number>;
} {
  const offset = data.utcOffsetMinutes;
  if (!Number.isInteger(offset) || offset < -720 || offset > 840) {
    throw new Error(`工作日历：UTC 偏移 ${offset} 分钟无效（应为 -720 至 840 的整数）`);
  }
  const spans = compileOfficeHours(data.officeHours);
  const years = checkYears(data.holidayYears);
  const holidays = daySet(data.holidays, '节假日', years);
  const makeup = daySet(data.makeupWorkdays, '调休上班日', years);
  for (const day of makeup) {
    if (holidays.has(day)) throw new Error(`工作日历：${isoOfDay(day)} 不能既是节假日又是调休上班日`);
  }
  return { spans, holidays, makeup, years };
}

interface OfficeClock {
  /** Office ms in one working day. */
  dayMs: number;
  /** Office ms in [a, b) (local ms, a < b). */
  between(a: number, b: number): number;
  /** The earliest local instant with `ms` (> 0) office ms after a. */
  add(a: number, ms: number): number;
}

function officeClock(spans: readonly Span[], isWorking: (day: number) => boolean): OfficeClock {
  const dayMs = spans.reduce((sum, s) => sum + s.end - s.start, 0);
  const between = (a: number, b: number): number => {
    let total = 0;
    for (let day = Math.floor(a / DAY_MS), base = day * DAY_MS; base < b; day++, base += DAY_MS) {
      if (!isWorking(day)) continue;
      if (base >= a && base + DAY_MS <= b) {
        total += dayMs;
        continue;
      }
      for (const s of spans) total += Math.max(0, Math.min(b, base + s.end) - Math.max(a, base + s.start));
    }
    return total;
  };
  // Running out exactly at an interval's end stops there (17:30), not at the next interval's start:
  // the deadline is the last working moment. Terminates because holidays are finite and dayMs > 0.
  const add = (a: number, ms: number): number => {
    let left = ms;
    for (let day = Math.floor(a / DAY_MS), base = day * DAY_MS; ; day++, base += DAY_MS) {
      if (!isWorking(day)) continue;
      if (base >= a && left > dayMs) {
        left -= dayMs;
        continue;
      }
      for (const s of spans) {
        const from = Math.max(a, base + s.start);
        const to = base + s.end;
        if (to <= from) continue;
        if (left <= to - from) return from + left;
        left -= to - from;
      }
    }
  };
  return { dayMs, between, add };
}

function limitMs(limit: TimeLimit, officeDayMs: number): number {
  if (!Number.isFinite(limit.value) || limit.value < 0) {
    throw new RangeError(`工作日历：时限 ${limit.value} 无效（应为非负数）`);
  }
  switch (limit.unit) {
    case 'urgent_hours':
    case 'work_hours':
      return Math.round(limit.value * HOUR_MS);
    case 'work_days':
      return Math.round(limit.value * officeDayMs);
    case 'natural_days':
      return Math.round(limit.value * DAY_MS);
    default:
      throw new RangeError(`工作日历：未知的时限单位 ${String(limit.unit)}`);
  }
}

const isOffice = (unit: TimeUnit): boolean => unit === 'work_hours' || unit === 'work_days';

/** Builds the working calendar of one city; throws a readable Error on invalid data. */
export function createCalendar(data: CalendarData): WorkCalendar {
  const { spans, holidays, makeup, years } = checkData(data);
  const offsetMs = data.utcOffsetMinutes * MINUTE_MS;
  const isWorking = (day: number): boolean => {
    if (makeup.has(day)) return true;
    const weekday = (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6 && !holidays.has(day);
  };
  const office = officeClock(spans, isWorking);

  const measureMs = (a: Date, b: Date, unit: TimeUnit): number => {
    const [ta, tb] = [instant(a, '起点'), instant(b, '终点')];
    if (tb <= ta) return 0;
    return isOffice(unit) ? office.between(ta + offsetMs, tb + offsetMs) : tb - ta;
  };
  // Zero leaves the instant alone: a parked case with nothing left resumes already due.
  const addMs = (start: Date, ms: number, unit: TimeUnit): Date => {
    const t = instant(start, '起点');
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`工作日历：时长 ${ms / MINUTE_MS} 分钟无效`);
    if (ms === 0) return new Date(t);
    return new Date(isOffice(unit) ? office.add(t + offsetMs, ms) - offsetMs : t + ms);
  };

  const yearOf = (d: Date, what: string) => yearOfDay(Math.floor((instant(d, what) + offsetMs) / DAY_MS));

  return {
    officeMinutesPerDay: office.dayMs / MINUTE_MS,
    isWorkingDay: (isoDate) => isWorking(dayOfIso(isoDate, '日期')),
    holidayYears: [...years].sort((a, b) => a - b),
    hasHolidayData: (year) => years.has(year),
    isEstimated(start, end, unit) {
      if (!isOffice(unit)) return false;
      const [from, to] = [yearOf(start, '起点'), yearOf(end, '终点')];
      for (let y = Math.min(from, to); y <= Math.max(from, to); y++) if (!years.has(y)) return true;
      return false;
    },
    deadline: (start, limit) => addMs(start, limitMs(limit, office.dayMs), limit.unit),
    measure: (a, b, unit) => measureMs(a, b, unit) / MINUTE_MS,
    addMeasure: (start, minutes, unit) => addMs(start, Math.round(minutes * MINUTE_MS), unit),
    elapsedFraction(start, deadline, now, unit) {
      const total = measureMs(start, deadline, unit);
      const [t, due] = [instant(now, '当前时间'), deadline.getTime()];
      // An empty window has no ratio: 0 before the deadline, 1 at it, 2 after (red, and finite).
      if (total === 0) return t < due ? 0 : t === due ? 1 : 2;
      const fraction = measureMs(start, now, unit) / total;
      // After 17:30 the office clock stands still at 100 %, yet the case is overdue: keep it red.
      return t > due && fraction <= 1 ? JUST_OVERDUE : fraction;
    },
    yellowAt(start, deadline, unit) {
      const total = measureMs(start, deadline, unit);
      // An empty window turns yellow at its deadline, matching elapsedFraction.
      if (total === 0) return new Date(instant(deadline, '期限'));
      // Round up so that at yellowAt the fraction is already >= 0.8 (same answer as trafficLight).
      return addMs(start, Math.ceil((total * 4) / 5), unit);
    },
  };
}
