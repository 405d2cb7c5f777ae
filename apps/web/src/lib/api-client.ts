import { ERRORS, type ErrorCode, type FieldIssue, type Locale, type RowIssue } from '@chuangcheng/contracts';
import { getLocale, translate } from './i18n';

/** An answer `{error:{code,message,details}}` from the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details?: unknown, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** `details.fields` of VALIDATION_FAILED. */
  get fields(): FieldIssue[] {
    const fields = (this.details as { fields?: unknown } | undefined)?.fields;
    return Array.isArray(fields) ? (fields as FieldIssue[]) : [];
  }

  /** `details.rows` of IMPORT_INVALID. */
  get rows(): RowIssue[] {
    const rows = (this.details as { rows?: unknown } | undefined)?.rows;
    return Array.isArray(rows) ? (rows as RowIssue[]) : [];
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The message to show a person: our own label for known codes (in the UI language), else the server's. */
export function errorMessage(error: unknown, locale: Locale = getLocale()): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return translate('error.network', undefined, locale);
    const known = (ERRORS as Record<string, { zh: string; en: string }>)[error.code];
    // Server messages are Chinese and may be more specific; use them in Chinese unless generic.
    if (known && (locale === 'en' || !error.message || error.code === 'VALIDATION_FAILED'))
      return known[locale];
    return error.message || known?.[locale] || translate('error.unknown', undefined, locale);
  }
  if (error instanceof Error && error.message) return error.message;
  return translate('error.unknown', undefined, locale);
}

// ---- session plumbing ---------------------------------------------------------------------------

let csrfToken: string | null = null;

/** Remembered from the login answer or GET /api/auth/me; sent on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedHandler = (code: string) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/** Called when any request (except the silent ones) answers 401: the app sends the user to the login page. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

// ---- requests -----------------------------------------------------------------------------------

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** 'silent': a 401 is the caller's business (login, whoami) and does not redirect. */
  auth?: 'redirect' | 'silent';
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = response.status === 401 ? 'UNAUTHENTICATED' : response.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR';
  let message = '';
  let details: unknown;
  let requestId: string | undefined;
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown; requestId?: string };
    };
    if (body.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? '';
      details = body.error.details;
      requestId = body.error.requestId;
    }
  } catch {
    // not JSON (a proxy error page): keep the status-derived code
  }
  return new ApiError(response.status, code, message || response.statusText, details, requestId);
}

function handleUnauthorized(error: ApiError, auth: RequestOptions['auth']): void {
  if (error.status === 401 && auth !== 'silent') unauthorizedHandler?.(error.code);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (UNSAFE.has(method)) {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal,
      body: UNSAFE.has(method) ? JSON.stringify(options.body ?? {}) : undefined,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', translate('error.network'));
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    handleUnauthorized(error, options.auth);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

// ---- uploads and downloads ----------------------------------------------------------------------

export interface UploadOptions {
  query?: Query;
  /** 0–100 as bytes go out; the server's work after the last byte is not measurable. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/** A multipart POST through XHR, because fetch cannot report upload progress. */
export function upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const err = (
        body as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } }
      )?.error;
      const error = new ApiError(
        xhr.status,
        err?.code ?? (xhr.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_ERROR'),
        err?.message ?? xhr.statusText,
        err?.details,
        err?.requestId,
      );
      handleUnauthorized(error, 'redirect');
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', translate('error.network')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Downloads a file (export, template) with the session cookie and saves it under the server's file name. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', translate('error.network'));
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    handleUnauthorized(error, 'redirect');
    throw error;
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFrom(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
