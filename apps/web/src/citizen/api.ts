import type {
  PublicCase,
  PublicConfig,
  PublicPhoto,
  PublicRating,
  PublicReceipt,
  PublicReport,
} from '@chuangcheng/contracts';

/** An error answer of the API, with its field messages, or a network failure (status 0). */
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PortalError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; details?: { fields?: unknown } } })
      ?.error;
    const fields = Array.isArray(e?.details?.fields) ? (e.details.fields as PortalError['fields']) : [];
    throw new PortalError(res.status, e?.code ?? 'HTTP', e?.message ?? `请求失败（${res.status}）`, fields);
  }
  return json as T;
}

export const api = {
  config: () => call<PublicConfig>('GET', '/api/public/config'),
  uploadPhoto(file: Blob, captured: { at: string; lng?: number; lat?: number }) {
    const form = new FormData();
    form.set('file', file, 'photo.jpg');
    form.set('capturedAt', captured.at);
    if (captured.lng !== undefined && captured.lat !== undefined) {
      form.set('capturedLng', String(captured.lng));
      form.set('capturedLat', String(captured.lat));
    }
    return call<PublicPhoto>('POST', '/api/public/photos', form);
  },
  report: (body: PublicReport) => call<PublicReceipt>('POST', '/api/public/reports', body),
  track: (code: string) => call<PublicCase>('GET', `/api/public/reports/${encodeURIComponent(code)}`),
  rate: (code: string, body: PublicRating) =>
    call<PublicCase>('POST', `/api/public/reports/${encodeURIComponent(code)}/rating`, body),
};

/**
 * The page's position now (the browser strips GPS from camera photos, so the page records it), or
 * null after `waitMs` — the browser's own timeout does not run while a permission prompt is open.
 */
export function locate(waitMs = 10_000): Promise<{ lng: number; lat: number } | null> {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    const timer = setTimeout(() => resolve(null), waitMs);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ lng: p.coords.longitude, lat: p.coords.latitude });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: waitMs, maximumAge: 30_000 },
    );
  });
}
