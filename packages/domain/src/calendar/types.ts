/*
 * The calendar's inputs, declared here structurally because domain must not import contracts.
 * Same names and shapes as packages/contracts/src/catalog.ts, so contract objects pass straight in.
 */

export type TimeUnit = 'urgent_hours' | 'work_hours' | 'work_days' | 'natural_days';

export interface TimeLimit {
  value: number;
  unit: TimeUnit;
}

export type Light = 'green' | 'yellow' | 'red';

/** One office interval in local wall-clock time, 'HH:MM'–'HH:MM'. */
export interface OfficeHours {
  start: string;
  end: string;
}

export interface CalendarData {
  officeHours: OfficeHours[];
  /** Public holidays (放假日), ISO dates. */
  holidays: string[];
  /** 调休 make-up working days (weekend days that are working days), ISO dates. */
  makeupWorkdays: string[];
  /** The city's offset from UTC; China has no daylight saving, so a fixed offset is exact. */
  utcOffsetMinutes: number;
}
