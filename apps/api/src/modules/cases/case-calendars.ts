import { createCalendar, type WorkCalendar } from '@chuangcheng/domain';
import type { CatalogPort } from './cases.deps';

const TTL_MS = 60_000;

/** Each city's working calendar, rebuilt at most once a minute after an edit. */
export function createCalendarCache(catalog: CatalogPort) {
  const cache = new Map<string, { at: number; cal: Promise<WorkCalendar> }>();
  return {
    get(cityId: string): Promise<WorkCalendar> {
      const hit = cache.get(cityId);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.cal;
      const cal = catalog.calendarData(cityId).then((d) => createCalendar(d));
      cal.catch(() => cache.delete(cityId));
      cache.set(cityId, { at: Date.now(), cal });
      return cal;
    },
    invalidate(cityId?: string) {
      if (cityId) cache.delete(cityId);
      else cache.clear();
    },
  };
}
export type CalendarCache = ReturnType<typeof createCalendarCache>;
