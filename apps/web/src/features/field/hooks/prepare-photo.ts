/** What the server accepts (POST /api/photos). */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** A phone photo above this is scaled down before it is stored and sent (4G in the street, 9 photos). */
const LIMIT_BYTES = 1_500_000;
const MAX_EDGE = 2560;

/** The size a picture is drawn at so its longer edge is at most `max`. */
export function scaledSize(width: number, height: number, max = MAX_EDGE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'photo';
  return `${base}.jpg`;
}

async function reencode(file: File): Promise<Blob | null> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  } finally {
    bitmap.close();
  }
}

/**
 * A picked file as it will be stored and uploaded: small accepted files as they are; large ones (and
 * formats the server refuses, e.g. HEIC where the browser can decode it) re-encoded as JPEG. Null when
 * the file cannot be used.
 */
export async function preparePhoto(file: File): Promise<{ blob: Blob; name: string } | null> {
  const accepted = ACCEPTED_TYPES.includes(file.type);
  if (accepted && file.size <= LIMIT_BYTES) return { blob: file, name: file.name || 'photo.jpg' };
  try {
    const blob = await reencode(file);
    if (blob) return { blob, name: jpegName(file.name) };
  } catch {
    // not decodable here: fall back to the original when the server takes it
  }
  return accepted ? { blob: file, name: file.name || 'photo.jpg' } : null;
}
