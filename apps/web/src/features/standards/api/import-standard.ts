import type { CampaignType } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { download, upload } from '../../../lib/api-client';

/** standardImportResultSchema's shape (web does not depend on zod). */
export interface StandardImportResult {
  standardId: string;
  nodes: number;
  veto: number;
}

/** GET /api/imports/standards/template: the xlsx with the indicator columns and a 说明 sheet. */
export function downloadStandardTemplate(): Promise<void> {
  return download('/api/imports/standards/template', undefined, 'standard-template.xlsx');
}

export interface ImportStandard {
  file: File;
  code: string;
  name: string;
  type: CampaignType;
  totalPoints: number;
  passScore: number;
  basicScore: number;
  onProgress?: (percent: number) => void;
}

/**
 * POST /api/imports/standards (multipart file + the standard's fields): a new standard, or 400
 * IMPORT_INVALID (details.rows) / STANDARD_INVALID (details.issues) — nothing written then.
 */
export function importStandard({
  file,
  onProgress,
  ...fields
}: ImportStandard): Promise<StandardImportResult> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
  form.append('file', file, file.name);
  return upload<StandardImportResult>('/api/imports/standards', form, { onProgress });
}

export function useImportStandard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importStandard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['standards'] }),
  });
}
