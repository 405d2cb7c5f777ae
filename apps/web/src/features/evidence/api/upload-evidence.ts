import type { EvidenceFile, EvidenceUploadFields } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upload } from '../../../lib/api-client';

export interface UploadEvidence {
  fields: EvidenceUploadFields;
  file: File;
  onProgress?: (percent: number) => void;
}

/** POST /api/evidence (multipart: the fields, then `file`). */
export function uploadEvidence({ fields, file, onProgress }: UploadEvidence): Promise<EvidenceFile> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') form.append(key, String(value));
  }
  form.append('file', file, file.name);
  return upload<EvidenceFile>('/api/evidence', form, { onProgress });
}

export function useUploadEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadEvidence,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['evidence'] }),
  });
}
