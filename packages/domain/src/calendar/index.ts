export { createCalendar, localDate, trafficLight, type WorkCalendar } from './calendar';
export { CN_HOLIDAYS, CN_MAKEUP_WORKDAYS, DEFAULT_CALENDAR, DEFAULT_OFFICE_HOURS } from './holidays-cn';
export type { CalendarData, Light, OfficeHours, TimeLimit, TimeUnit } from './types';
