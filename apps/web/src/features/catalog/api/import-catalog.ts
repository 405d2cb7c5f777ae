import type { ImportResult } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { download, upload } from '../../../lib/api-client';

/** The answer of a catalogue import: the usual counts (its `kind` is the catalogue's, not an org kind). */
export type CatalogImportResult = Omit<ImportResult, 'kind'> & { kind: string };

/** GET /api/imports/catalog/template: the xlsx with the expected columns. */
export function downloadCatalogTemplate(): Promise<void> {
  return download('/api/imports/catalog/template', undefined, 'catalog-template.xlsx');
}

/** GET /api/exports/catalog.xlsx: the active catalogue with its filing conditions. */
export function exportCatalog(): Promise<void> {
  return download('/api/exports/catalog.xlsx', undefined, 'catalog.xlsx');
}

export interface ImportCatalog {
  file: File;
  onProgress?: (percent: number) => void;
}

/**
 * POST /api/imports/catalog (multipart `file`): a new catalogue version, or 422 IMPORT_INVALID with
 * `details.rows` — in which case nothing was written.
 */
export function importCatalog({ file, onProgress }: ImportCatalog): Promise<CatalogImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<CatalogImportResult>('/api/imports/catalog', form, { onProgress });
}

export function useImportCatalog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importCatalog,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['categories'] }),
  });
}
