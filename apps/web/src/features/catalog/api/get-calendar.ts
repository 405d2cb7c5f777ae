import type { CalendarData } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/calendar: the city's office hours, public holidays and 调休 make-up working days. */
export function getCalendar(signal?: AbortSignal): Promise<CalendarData> {
  return api.get<CalendarData>('/api/calendar', { signal });
}

export const calendarQueryOptions = queryOptions({
  queryKey: ['calendar'],
  queryFn: ({ signal }) => getCalendar(signal),
});

export function useCalendar() {
  return useQuery(calendarQueryOptions);
}
