import type { GeojsonMapping, ImportKind, ImportResult } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upload } from '../../../lib/api-client';

export interface RunImport {
  kind: ImportKind;
  file: File;
  /** grids-geojson only: which feature property holds the code, name, community code … */
  mapping?: GeojsonMapping;
  /** true: check everything and report what would change, write nothing. */
  dryRun: boolean;
  /** grids-geojson only: drop zero-area rings with a warning each instead of refusing the feature. */
  dropSlivers?: boolean;
  onProgress?: (percent: number) => void;
}

/**
 * POST /api/imports/{kind}?dryRun= (multipart `file` [+ `mapping`]). Answers the counts, or 422
 * IMPORT_INVALID with `details.rows` — in which case nothing was written.
 */
export function runImport({
  kind,
  file,
  mapping,
  dryRun,
  dropSlivers,
  onProgress,
}: RunImport): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  const query = dropSlivers ? { dryRun, dropSlivers } : { dryRun };
  return upload<ImportResult>(`/api/imports/${kind}`, form, { query, onProgress });
}

const AFFECTS: Record<ImportKind, string[]> = {
  units: ['units'],
  people: ['people'],
  grids: ['grids', 'blocks'],
  'grids-geojson': ['grids', 'blocks'],
};

export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    onSuccess: (_result, input) => {
      if (input.dryRun) return;
      for (const key of AFFECTS[input.kind]) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}
