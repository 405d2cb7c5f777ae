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
  /**
   * The years whose holidays and 调休 are in the data (built in, or imported from the State Council's
   * notice). Never guessed: any other year counts weekends only, and deadlines on its office clock are
   * estimates (暂估); holiday dates listed for such a year are not applied.
   */
  holidayYears: number[];
  /** The holiday each listed day belongs to (元旦, 春节 …), as the notice names it; display only. */
  dayNames?: Record<string, string>;
}
