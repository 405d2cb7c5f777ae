import type { CalendarData } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';

/** PUT /api/calendar: the fields sent replace the stored ones (a partial CalendarData). */
export function updateCalendar(body: Partial<CalendarData>): Promise<CalendarData> {
  return request<CalendarData>('PUT', '/api/calendar', { body });
}

export function useUpdateCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCalendar,
    onSuccess: (data) => queryClient.setQueryData(['calendar'], data),
  });
}
