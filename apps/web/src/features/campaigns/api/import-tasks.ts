import { useMutation, useQueryClient } from '@tanstack/react-query';
import { download, upload } from '../../../lib/api-client';

/** GET /api/campaigns/{id}/tasks/export: the 任务分解表 as xlsx (it doubles as the import template). */
export function exportTasks(campaignId: string): Promise<void> {
  return download(`/api/campaigns/${campaignId}/tasks/export`, undefined, 'tasks.xlsx');
}

export interface ImportTasks {
  campaignId: string;
  file: File;
  onProgress?: (percent: number) => void;
}

/** POST /api/campaigns/{id}/tasks/import (multipart file): {rows}, or 400 IMPORT_INVALID with details.rows. */
export function importTasks({ campaignId, file, onProgress }: ImportTasks): Promise<{ rows: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<{ rows: number }>(`/api/campaigns/${campaignId}/tasks/import`, form, { onProgress });
}

export function useImportTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importTasks,
    onSuccess: (_, { campaignId }) =>
      queryClient.invalidateQueries({ queryKey: ['campaigns', 'tasks', campaignId] }),
  });
}
