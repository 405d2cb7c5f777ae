import type { HolidayCoverage, HolidayImportResult, HolidayYears } from '@chuangcheng/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, upload } from '../../../lib/api-client';

/** GET /api/calendar/holiday-years: the years with holiday data, their days, and what is missing now. */
export const holidayYearsQueryOptions = queryOptions({
  queryKey: ['calendar', 'holiday-years'],
  queryFn: ({ signal }) => api.get<HolidayYears>('/api/calendar/holiday-years', { signal }),
});

export function useHolidayYears() {
  return useQuery(holidayYearsQueryOptions);
}

/**
 * GET /api/calendar/holiday-coverage: the cities missing this year's (or from 1 November next year's)
 * holidays — the console banner for the office and the administrator. Refreshed every 10 minutes.
 */
export function useHolidayCoverage(enabled: boolean) {
  return useQuery({
    queryKey: ['calendar', 'holiday-coverage'],
    queryFn: ({ signal }) => api.get<HolidayCoverage[]>('/api/calendar/holiday-coverage', { signal }),
    enabled,
    refetchInterval: 600_000,
    staleTime: 60_000,
  });
}

export function downloadHolidayTemplate(): Promise<void> {
  return download('/api/calendar/holiday-years/template', undefined, 'holidays-template.xlsx');
}

export function exportHolidayYear(year: number): Promise<void> {
  return download(`/api/calendar/holiday-years/${year}/export`, undefined, `holidays-${year}.xlsx`);
}

export interface ImportHolidayYear {
  year: number;
  file: File;
  dryRun: boolean;
  onProgress?: (percent: number) => void;
}

/**
 * POST /api/calendar/holiday-years/import (multipart `file`): a preview (dryRun) or the year replaced;
 * 422 IMPORT_INVALID with `details.rows` writes nothing.
 */
export function importHolidayYear({ year, file, dryRun, onProgress }: ImportHolidayYear) {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<HolidayImportResult>('/api/calendar/holiday-years/import', form, {
    onProgress,
    query: { year, dryRun: String(dryRun) },
  });
}

export function useImportHolidayYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importHolidayYear,
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}

interface JobRun {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | string;
  progress: { done: number; total: number | null; message?: string } | null;
  result: { examined?: number; recomputed?: number } | null;
}

/** GET /api/jobs/{id} every second until the run ends: the recompute of estimated deadlines. */
export function useJobRun(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => api.get<JobRun>(`/api/jobs/${id}`, { signal }),
    enabled: Boolean(id),
    refetchInterval: (q) =>
      q.state.data?.state === 'succeeded' || q.state.data?.state === 'failed' ? false : 1000,
  });
}
