import type { Photo } from '@chuangcheng/contracts';
import { upload } from '../../../lib/api-client';

export type PhotoKind = Photo['kind'];

/** POST /api/photos (multipart `file`, `kind`): JPEG, PNG or WebP; attached to a case by a later call. */
export function uploadPhoto(
  file: Blob,
  kind: PhotoKind,
  options: { onProgress?: (percent: number) => void; signal?: AbortSignal } = {},
): Promise<Photo> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file);
  return upload<Photo>('/api/photos', form, options);
}
