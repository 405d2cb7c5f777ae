/*
 * China's public holidays (放假日) and 调休 make-up working days, from the State Council General
 * Office's yearly notices:
 *   - 国务院办公厅关于2025年部分节假日安排的通知
 *   - 国务院办公厅关于2026年部分节假日安排的通知
 * The notice for a year appears each November. This is only the default: each city keeps its own copy
 * as data (the catalogue's calendar) and imports the next year there (Excel template of the notice),
 * with local days off if any. A year not listed in BUILTIN_HOLIDAY_YEARS is never guessed.
 * Holidays list every day off, weekends inside the break included, so the list reads like the notice.
 */
import type { CalendarData, OfficeHours } from './types';

/** The usual office day of a Chinese government office, with the long lunch break. */
export const DEFAULT_OFFICE_HOURS: OfficeHours[] = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '17:30' },
];

/** One holiday of a notice: its days off and the weekend days worked in exchange (上班). */
interface NoticeHoliday {
  name: string;
  off: string[];
  work: string[];
}

const NOTICES: NoticeHoliday[] = [
  // 2025
  { name: '元旦', off: ['2025-01-01'], work: [] },
  {
    name: '春节',
    off: [
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ],
    work: ['2025-01-26', '2025-02-08'], // Sun, Sat
  },
  { name: '清明节', off: ['2025-04-04', '2025-04-05', '2025-04-06'], work: [] },
  {
    name: '劳动节',
    off: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
    work: ['2025-04-27'], // Sun
  },
  { name: '端午节', off: ['2025-05-31', '2025-06-01', '2025-06-02'], work: [] },
  {
    name: '国庆节、中秋节',
    off: [
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ],
    work: ['2025-09-28', '2025-10-11'], // Sun, Sat
  },
  // 2026
  { name: '元旦', off: ['2026-01-01', '2026-01-02', '2026-01-03'], work: ['2026-01-04'] }, // Sun
  {
    name: '春节',
    off: [
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ],
    work: ['2026-02-14', '2026-02-28'], // Sat, Sat
  },
  { name: '清明节', off: ['2026-04-04', '2026-04-05', '2026-04-06'], work: [] },
  {
    name: '劳动节',
    off: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
    work: ['2026-05-09'], // Sat
  },
  { name: '端午节', off: ['2026-06-19', '2026-06-20', '2026-06-21'], work: [] },
  { name: '中秋节', off: ['2026-09-25', '2026-09-26', '2026-09-27'], work: [] },
  {
    name: '国庆节',
    off: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    work: ['2026-09-20', '2026-10-10'], // Sun, Sat
  },
];

export const CN_HOLIDAYS: string[] = NOTICES.flatMap((n) => n.off).sort();

/** Weekend days worked in exchange for the bridged days (上班). */
export const CN_MAKEUP_WORKDAYS: string[] = NOTICES.flatMap((n) => n.work).sort();

/** The holiday each built-in day off or make-up day belongs to (名称 in the import template). */
export const CN_DAY_NAMES: Record<string, string> = Object.fromEntries(
  NOTICES.flatMap((n) => [...n.off, ...n.work].map((d) => [d, n.name])),
);

/** The years whose notices are copied above; every other year must be imported by the office. */
export const BUILTIN_HOLIDAY_YEARS: readonly number[] = [2025, 2026];

/** The calendar a new city starts from: Beijing time (UTC+8), national holidays. */
export const DEFAULT_CALENDAR: CalendarData = {
  officeHours: DEFAULT_OFFICE_HOURS,
  holidays: CN_HOLIDAYS,
  makeupWorkdays: CN_MAKEUP_WORKDAYS,
  utcOffsetMinutes: 480,
  holidayYears: [...BUILTIN_HOLIDAY_YEARS],
  dayNames: CN_DAY_NAMES,
};
