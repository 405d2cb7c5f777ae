/*
 * China's public holidays (放假日) and 调休 make-up working days, from the State Council General
 * Office's yearly notices:
 *   - 国务院办公厅关于2025年部分节假日安排的通知
 *   - 国务院办公厅关于2026年部分节假日安排的通知
 * The notice for a year appears each November. This is only the default: each city keeps its own copy
 * as data (the catalogue's calendar) and adds the next year there, with local days off if any.
 * Holidays list every day off, weekends inside the break included, so the list reads like the notice.
 */
import type { CalendarData, OfficeHours } from './types';

/** The usual office day of a Chinese government office, with the long lunch break. */
export const DEFAULT_OFFICE_HOURS: OfficeHours[] = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '17:30' },
];

export const CN_HOLIDAYS: string[] = [
  // 2025
  '2025-01-01', // 元旦
  // 春节 1-28..2-4
  ...['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
  ...['2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'],
  ...['2025-04-04', '2025-04-05', '2025-04-06'], // 清明节
  ...['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'], // 劳动节
  ...['2025-05-31', '2025-06-01', '2025-06-02'], // 端午节
  // 国庆节、中秋节 10-1..10-8
  ...['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04'],
  ...['2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  // 2026
  ...['2026-01-01', '2026-01-02', '2026-01-03'], // 元旦
  // 春节 2-15..2-23
  ...['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19'],
  ...['2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
  ...['2026-04-04', '2026-04-05', '2026-04-06'], // 清明节
  ...['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'], // 劳动节
  ...['2026-06-19', '2026-06-20', '2026-06-21'], // 端午节
  ...['2026-09-25', '2026-09-26', '2026-09-27'], // 中秋节
  // 国庆节 10-1..10-7
  ...['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'],
  ...['2026-10-05', '2026-10-06', '2026-10-07'],
];

/** Weekend days worked in exchange for the bridged days (上班). */
export const CN_MAKEUP_WORKDAYS: string[] = [
  // 2025
  '2025-01-26', // Sun, 春节
  '2025-02-08', // Sat, 春节
  '2025-04-27', // Sun, 劳动节
  '2025-09-28', // Sun, 国庆节
  '2025-10-11', // Sat, 国庆节
  // 2026
  '2026-01-04', // Sun, 元旦
  '2026-02-14', // Sat, 春节
  '2026-02-28', // Sat, 春节
  '2026-05-09', // Sat, 劳动节
  '2026-09-20', // Sun, 国庆节
  '2026-10-10', // Sat, 国庆节
];

/** The calendar a new city starts from: Beijing time (UTC+8), national holidays. */
export const DEFAULT_CALENDAR: CalendarData = {
  officeHours: DEFAULT_OFFICE_HOURS,
  holidays: CN_HOLIDAYS,
  makeupWorkdays: CN_MAKEUP_WORKDAYS,
  utcOffsetMinutes: 480,
};
