import type { FieldIssue } from '@chuangcheng/contracts';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../platform/app-error';
import type { AppEnv } from './env';

// Text PostgreSQL cannot store (NUL) or that is not Unicode at all (a lone UTF-16 surrogate, which
// JSON's \uD800 escapes can produce) is refused at the edge with 400 INVALID_CHARACTERS naming the
// field, before any service sees it — instead of a 500 from the database deep inside a query.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a piece of text, in Chinese, or null when it is fine. */
export function badTextReason(text: string): string | null {
  if (text.includes('\u0000')) return '含有空字符（\\u0000）';
  if (LONE_SURROGATE.test(text)) return '含有不成对的 Unicode 代理项（不是有效的文字）';
  return null;
}

const MAX_DEPTH = 64;

/**
 * The first bad text in a parsed value (keys and strings, recursively), with its field path as the
 * validation errors write it (`items.0.name`); null when everything is fine.
 */
export function findBadText(value: unknown, field = '', depth = 0): FieldIssue | null {
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    return reason ? { field: field || '(body)', message: reason } : null;
  }
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    const path = field ? `${field}.${k}` : k;
    const keyReason = badTextReason(k);
    if (keyReason) return { field: path, message: `字段名${keyReason}` };
    const found = findBadText(v, path, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The 400 for a bad field (its message names the field). */
export function invalidCharacters(issue: FieldIssue): AppError {
  return new AppError(
    'INVALID_CHARACTERS',
    { fields: [issue] },
    `输入含有不允许的字符：${issue.field} ${issue.message}，请删除后重试`,
  );
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes are the router's business (it answers 404)
  }
}

/** The bad text in a URL's path segments or query parameters (names and values), if any. */
export function findBadUrlText(url: string): FieldIssue | null {
  const u = new URL(url);
  for (const segment of u.pathname.split('/')) {
    const reason = badTextReason(decoded(segment));
    if (reason) return { field: '(path)', message: reason };
  }
  for (const [k, v] of u.searchParams) {
    const reason = badTextReason(k) ?? badTextReason(v);
    if (reason) return { field: badTextReason(k) ? '(query)' : k, message: reason };
  }
  return null;
}

/** Path and query string of every request (cheap: nothing is parsed beyond the URL). */
export const rejectBadUrlText: MiddlewareHandler<AppEnv> = async (c, next) => {
  const issue = findBadUrlText(c.req.url);
  if (issue) throw invalidCharacters(issue);
  await next();
};

/** The parsed body of a request: JSON, or the fields (and file names) of a form. Undefined: none. */
async function parsedBody(c: Context<AppEnv>): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  try {
    if (/^application\/(.+\+)?json/.test(type)) return await c.req.json();
    if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
      const form = await c.req.formData();
      const out: Record<string, string | string[]> = {};
      for (const k of new Set(form.keys())) {
        const values = form.getAll(k).map((v) => (typeof v === 'string' ? v : v.name));
        out[k] = values.length === 1 ? values[0]! : values;
      }
      return out;
    }
  } catch {
    return undefined; // unreadable bodies are answered by the validator (MALFORMED_JSON …)
  }
  return undefined;
}

/**
 * The body of an endpoint (run after its access gate, so input is parsed only for callers allowed to
 * send it; the parsed body is cached by Hono and read again by the validator or handler).
 */
export const rejectBadBodyText: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const issue = findBadText(await parsedBody(c));
    if (issue) throw invalidCharacters(issue);
  }
  await next();
};
