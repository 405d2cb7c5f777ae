import {
  apiKeySchema,
  createApiKeySchema,
  createdApiKeySchema,
  type FieldIssue,
} from '@chuangcheng/contracts';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import type { AppEnv } from '../../http/env';
import { findBadText, findBadUrlText } from '../../http/input-text';
import type { RequestMeta } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Logger } from '../../platform/logger';
import { type Format, Open311Error, render, renderError, splitFormat } from './open311.format';
import type { Params } from './open311.input';
import { OPEN311_KEYS_ADMIN, type Open311Service } from './open311.service';

const tag = 'open311';
const PREFIX = '/open311';
const KNOWN = new Set(['discovery', 'services', 'requests', 'tokens', 'media']);

/** Query string (and form) values as the spec reads them: a repeated parameter is a comma list. */
function paramsOf(entries: Iterable<[string, unknown]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string | number | boolean =>
      ['string', 'number', 'boolean'].includes(typeof x),
    );
    if (values.length === 0) continue;
    const joined = values.map(String).join(',');
    out[k] = out[k] === undefined ? joined : `${out[k]},${joined}`;
  }
  return out;
}

/** The POST body: form-encoded per the spec (multipart and JSON accepted too), over the query string. */
async function postedParams(c: Context<AppEnv>): Promise<Record<string, string>> {
  const query = paramsOf(new URL(c.req.url).searchParams.entries());
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody({ all: true });
    return { ...query, ...paramsOf(Object.entries(body)) };
  }
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new Open311Error(400, '请求体不是合法的 JSON');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new Open311Error(400, 'JSON 请求体须为对象，字段同表单（service_code、lat、long …）');
    }
    return { ...query, ...paramsOf(Object.entries(body)) };
  }
  if (!type && !c.req.header('content-length') && !c.req.header('transfer-encoding')) return query;
  throw new Open311Error(
    415,
    `不支持的内容类型「${type}」：请使用 application/x-www-form-urlencoded 或 application/json`,
  );
}

/** Anything thrown becomes the spec's error list; unknown errors are logged and answered plainly. */
function asOpen311(e: unknown, c: Context<AppEnv>, logger: Logger): Open311Error {
  if (e instanceof Open311Error) return e;
  if (e instanceof AppError) {
    const retry = (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    const headers: Record<string, string> = retry ? { 'retry-after': String(retry) } : {};
    const description =
      e.code === 'RATE_LIMITED' && retry ? `${e.message}（${retry} 秒后可重试）` : e.message;
    return new Open311Error(e.status, description, headers);
  }
  if (e instanceof HTTPException && e.status < 500)
    return new Open311Error(e.status, e.message || '请求有误');
  logger.error('open311 error', { requestId: c.get('requestId'), err: e });
  return new Open311Error(500, `服务器内部错误，请联系管理员（请求编号 ${c.get('requestId')}）`);
}

/** NUL or lone surrogates in the URL or the fields: the spec's 400, naming the field. */
function checkText(issue: FieldIssue | null): void {
  if (issue) throw new Open311Error(400, `${issue.field} ${issue.message}，请删除后重试`);
}

function formatOf(path: string): Format {
  return splitFormat(path).format;
}

/**
 * The Open311 GeoReport v2 endpoints under /open311/v2 (raw routes: the spec's formats and error lists
 * are not our JSON contracts), and the console's key management under /api/open311/keys.
 */
export function registerOpen311Routes(
  app: App,
  reg: EndpointMeta[],
  open311: Open311Service,
  opts: { bodyBytes: number; logger: Logger },
): void {
  endpoint(app, reg, {
    method: 'get',
    path: '/api/open311/keys',
    access: OPEN311_KEYS_ADMIN,
    summary: 'Open311 接口密钥列表（不含密钥本身）',
    tag,
    response: z.array(apiKeySchema),
    handler: async ({ ctx }) => open311.listKeys(ctx),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/open311/keys',
    access: OPEN311_KEYS_ADMIN,
    summary: '签发 Open311 接口密钥：密钥仅在此次应答中出现一次',
    tag,
    body: createApiKeySchema,
    response: createdApiKeySchema,
    status: 201,
    handler: async ({ ctx, body }) => open311.createKey(ctx, body),
  });

  endpoint(app, reg, {
    method: 'post',
    path: '/api/open311/keys/{id}/revoke',
    access: OPEN311_KEYS_ADMIN,
    summary: '停用 Open311 接口密钥（不可恢复）',
    tag,
    params: idParams,
    response: apiKeySchema,
    handler: async ({ ctx, params }) => open311.revokeKey(ctx, params.id),
  });

  app.use(
    `${PREFIX}/*`,
    bodyLimit({
      maxSize: opts.bodyBytes,
      onError: (c) =>
        renderError(
          formatOf(c.req.path),
          new Open311Error(413, `请求体过大（最多 ${Math.floor(opts.bodyBytes / 1024)} KB）`),
        ),
    }),
  );

  app.on(['GET', 'POST'], `${PREFIX}/*`, async (c) => {
    const raw = c.req.path.slice(PREFIX.length + 1);
    const { path, format } = splitFormat(raw);
    const meta: RequestMeta = { requestId: c.get('requestId'), ip: c.get('ip') };
    const origin = new URL(c.req.url).origin;
    try {
      checkText(findBadUrlText(c.req.url));
      let segs: string[];
      try {
        segs = path.split('/').map(decodeURIComponent);
      } catch {
        throw new Open311Error(400, '路径编码有误');
      }
      // Discovery is also served at /open311/discovery.{fmt}, where clients look for it first.
      if (segs[0] === 'v2') segs = segs.slice(1);
      else if (!(segs.length === 1 && segs[0] === 'discovery')) throw notFound(raw);
      const [resource, id, extra] = segs;
      if (extra !== undefined) throw notFound(raw);

      if (c.req.method === 'POST') {
        if (resource !== 'requests' || id !== undefined) {
          throw KNOWN.has(resource ?? '') ? notAllowed(raw) : notFound(raw);
        }
        const posted = await postedParams(c);
        checkText(findBadText(posted));
        return render(format, 'service_requests', await open311.createRequest(posted, meta));
      }

      await open311.throttleRead(meta);
      const q: Params = paramsOf(new URL(c.req.url).searchParams.entries());
      const cors = { 'access-control-allow-origin': '*' };
      if (resource === 'discovery' && id === undefined) {
        return render(format, 'discovery', await open311.discovery(origin), 200, cors);
      }
      if (resource === 'services') {
        if (id === undefined) return render(format, 'services', await open311.services(q), 200, cors);
        return render(format, 'service_definition', await open311.serviceDefinition(q, id), 200, cors);
      }
      if (resource === 'requests') {
        if (id !== undefined) {
          return render(format, 'service_requests', await open311.getRequest(q, id, origin), 200, cors);
        }
        const page = await open311.listRequests(q, origin);
        return render(format, 'service_requests', page.requests, 200, {
          ...cors,
          'x-total-count': String(page.total),
          'x-page': String(page.page),
          'x-page-size': String(page.pageSize),
        });
      }
      if (resource === 'tokens' && id !== undefined) {
        return render(format, 'service_requests', await open311.token(q, id), 200, cors);
      }
      if (resource === 'media' && id !== undefined && /\.jpg$/i.test(id)) {
        const file = await open311.media(id.slice(0, -4));
        return new Response(new Uint8Array(file.data), {
          headers: {
            'content-type': file.contentType,
            'cache-control': 'public, max-age=86400',
            ...cors,
          },
        });
      }
      throw notFound(raw);
    } catch (e) {
      return renderError(format, asOpen311(e, c, opts.logger));
    }
  });

  app.all(`${PREFIX}/*`, (c) =>
    renderError(
      formatOf(c.req.path),
      new Open311Error(405, `不支持 ${c.req.method} 方法`, { allow: 'GET, POST' }),
    ),
  );
}

function notFound(path: string): Open311Error {
  return new Open311Error(404, `没有这个接口：${PREFIX}/${path}（见 ${PREFIX}/v2/discovery.json）`);
}

function notAllowed(path: string): Open311Error {
  return new Open311Error(405, `${PREFIX}/${path} 不支持此方法`, { allow: 'GET' });
}
