import { ApiError } from '../../../lib/api-client';

export interface ArchiveProgress {
  received: number;
  /** From Content-Length; null when the server could not say. */
  total: number | null;
}

function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown; requestId?: string };
    };
    return new ApiError(
      response.status,
      body.error?.code ?? 'HTTP_ERROR',
      body.error?.message ?? response.statusText,
      body.error?.details,
      body.error?.requestId,
    );
  } catch {
    return new ApiError(response.status, 'HTTP_ERROR', response.statusText);
  }
}

/**
 * GET /api/campaigns/{id}/evidence/export: the 迎检资料包 zip, read chunk by chunk so the progress bar
 * follows the bytes (Content-Length), then saved under the server's file name.
 */
export async function exportArchive(
  campaignId: string,
  onProgress: (p: ArchiveProgress) => void,
  signal?: AbortSignal,
): Promise<{ fileName: string; size: number }> {
  let response: Response;
  try {
    response = await fetch(`/api/campaigns/${campaignId}/evidence/export`, {
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
  if (!response.ok) throw await errorOf(response);
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  } else {
    const buffer = new Uint8Array(await response.arrayBuffer());
    chunks.push(buffer);
    received = buffer.byteLength;
    onProgress({ received, total });
  }
  const fileName = filenameFrom(response.headers.get('Content-Disposition'), '迎检资料包.zip');
  const blob = new Blob(chunks as BlobPart[], { type: 'application/zip' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { fileName, size: received };
}
