/** Date arithmetic of the working calendar on ISO dates (YYYY-MM-DD), free of the browser's time zone. */

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DaySets {
  holidays: ReadonlySet<string>;
  makeup: ReadonlySet<string>;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday (Chinese calendars start the week on Monday). */
export function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function isWeekend(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return weekdayOf(y, m, d) >= 5;
}

/** A listed holiday wins over a make-up day; unlisted days follow the week. */
export function dayKind(iso: string, sets: DaySets): DayKind {
  if (sets.holidays.has(iso)) return 'holiday';
  if (sets.makeup.has(iso)) return 'makeup';
  return isWeekend(iso) ? 'weekend' : 'workday';
}

export const isWorking = (kind: DayKind) => kind === 'workday' || kind === 'makeup';

export function monthStats(year: number, month: number, sets: DaySets) {
  let workdays = 0;
  let holidays = 0;
  let makeup = 0;
  for (let d = 1; d <= daysInMonth(year, month); d++) {
    const kind = dayKind(isoDate(year, month, d), sets);
    if (isWorking(kind)) workdays++;
    if (kind === 'holiday') holidays++;
    if (kind === 'makeup') makeup++;
  }
  return { workdays, holidays, makeup };
}

export type Brush = 'holiday' | 'makeup' | 'clear';

/**
 * The day sets after a click with a brush: the same brush twice clears the day; a day is never both
 * a holiday and a make-up day. Returns null when the brush does not apply (make-up on a weekday).
 */
export function applyBrush(iso: string, brush: Brush, sets: DaySets): DaySets | null {
  const holidays = new Set(sets.holidays);
  const makeup = new Set(sets.makeup);
  if (brush === 'clear') {
    holidays.delete(iso);
    makeup.delete(iso);
  } else if (brush === 'holiday') {
    if (holidays.has(iso)) holidays.delete(iso);
    else {
      holidays.add(iso);
      makeup.delete(iso);
    }
  } else {
    if (!isWeekend(iso)) return null;
    if (makeup.has(iso)) makeup.delete(iso);
    else {
      makeup.add(iso);
      holidays.delete(iso);
    }
  }
  return { holidays, makeup };
}

/** "HH:MM" → minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** "+8", "+5:30", "-3". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return m ? `${sign}${h}:${pad(m)}` : `${sign}${h}`;
}
