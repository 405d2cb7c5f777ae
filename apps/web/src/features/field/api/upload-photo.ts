import type { Photo } from '@chuangcheng/contracts';
import { upload } from '../../../lib/api-client';
import type { OutboxPhoto } from '../outbox/outbox-types';

/**
 * POST /api/photos (multipart): the picture with where and when the phone saw it taken
 * (`capturedAt`, `capturedLng`, `capturedLat`), since browsers strip EXIF GPS from picked photos.
 */
export function uploadFieldPhoto(
  photo: Pick<OutboxPhoto, 'blob' | 'name' | 'kind' | 'capturedAt' | 'lng' | 'lat'>,
  options: { onProgress?: (percent: number) => void; signal?: AbortSignal } = {},
): Promise<Photo> {
  const form = new FormData();
  form.append('kind', photo.kind);
  form.append('capturedAt', photo.capturedAt);
  if (photo.lng !== null && photo.lat !== null) {
    form.append('capturedLng', String(photo.lng));
    form.append('capturedLat', String(photo.lat));
  }
  form.append('file', photo.blob, photo.name);
  return upload<Photo>('/api/photos', form, options);
}
