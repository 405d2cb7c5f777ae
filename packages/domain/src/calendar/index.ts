export { createCalendar, localDate, trafficLight, type WorkCalendar } from './calendar';
export {
  checkHolidayYear,
  type HolidayCoverage,
  type HolidayDayKind,
  type HolidayImportIssue,
  type HolidayImportRow,
  holidayCoverage,
  holidayYearDays,
  NEXT_YEAR_WARNING_MONTH,
  withHolidayYear,
} from './holiday-years';
export {
  BUILTIN_HOLIDAY_YEARS,
  CN_DAY_NAMES,
  CN_HOLIDAYS,
  CN_MAKEUP_WORKDAYS,
  DEFAULT_CALENDAR,
  DEFAULT_OFFICE_HOURS,
} from './holidays-cn';
export type { CalendarData, Light, OfficeHours, TimeLimit, TimeUnit } from './types';
