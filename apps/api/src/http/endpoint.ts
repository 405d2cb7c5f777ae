import { ERRORS, errorBodySchema } from '@chuangcheng/contracts';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { type Access, roleAllowed } from '../platform/access';
import type { Actor, Ctx } from '../platform/actor';
import { AppError } from '../platform/app-error';
import type { AppEnv } from './env';
import { rejectBadBodyText } from './input-text';

/** What the endpoint × role matrix test walks: every endpoint with who may call it. */
export interface EndpointMeta {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  access: Access;
  summary: string;
}

export type App = OpenAPIHono<AppEnv>;

type AnyZod = z.ZodType;
type Infer<T> = T extends AnyZod ? z.output<T> : undefined;

export interface EndpointSpec<B, Q, P> {
  method: EndpointMeta['method'];
  /** OpenAPI style: /api/units/{id} */
  path: string;
  access: Access;
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  params?: P;
  /** Schema of the 2xx JSON response, for the OpenAPI document. */
  response?: AnyZod;
  /** Non-JSON answers (downloads) or multipart bodies: described, not validated by the wrapper. */
  produces?: string;
  consumes?: 'multipart/form-data';
  status?: 200 | 201;
  handler: (input: {
    c: Context<AppEnv>;
    ctx: Ctx;
    body: Infer<B>;
    query: Infer<Q>;
    params: Infer<P>;
  }) => Promise<unknown>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The access gate every endpoint passes before its input is even parsed: session, role, CSRF. Then
 * the body's text is checked (NUL, lone surrogates) before the validator reads it.
 */
function gate(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (access !== 'public') {
      if (!actor) throw new AppError(c.get('sessionExpired') ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
      if (!roleAllowed(access, actor.role)) throw new AppError('FORBIDDEN_ROLE', { role: actor.role });
      if (UNSAFE.has(c.req.method) && c.req.header('x-csrf-token') !== c.get('session')?.csrfToken) {
        throw new AppError('CSRF_FAILED');
      }
    }
    await next();
  };
}

function errorResponses() {
  const content = { 'application/json': { schema: errorBodySchema } };
  return {
    400: { description: ERRORS.VALIDATION_FAILED.zh, content },
    401: { description: ERRORS.UNAUTHENTICATED.zh, content },
    403: { description: ERRORS.FORBIDDEN_ROLE.zh, content },
  };
}

/**
 * Declares one endpoint: its contract (for validation and the OpenAPI document), who may call it,
 * and its handler — a checklist of validate (done here), authorize (gate + service), act, present.
 */
export function endpoint<
  B extends AnyZod | undefined,
  Q extends AnyZod | undefined,
  P extends AnyZod | undefined,
>(app: App, registry: EndpointMeta[], spec: EndpointSpec<B, Q, P>): void {
  registry.push({ method: spec.method, path: spec.path, access: spec.access, summary: spec.summary });
  const status = spec.status ?? 200;
  const request: Record<string, unknown> = {};
  if (spec.query) request.query = spec.query;
  if (spec.params) request.params = spec.params;
  if (spec.body) request.body = { required: true, content: { 'application/json': { schema: spec.body } } };
  if (spec.consumes) {
    request.body = {
      required: true,
      content: {
        [spec.consumes]: {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
        },
      },
    };
  }
  const okContent = spec.produces
    ? { [spec.produces]: { schema: { type: 'string', format: 'binary' } } }
    : spec.response
      ? { 'application/json': { schema: spec.response } }
      : undefined;
  const route = createRoute({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tags: [spec.tag],
    description: `权限 access: ${spec.access === 'public' || spec.access === 'authenticated' ? spec.access : spec.access.join(', ')}`,
    middleware: [gate(spec.access), rejectBadBodyText],
    request: request as never,
    responses: {
      [status]: { description: 'OK', ...(okContent ? { content: okContent } : {}) },
      ...errorResponses(),
    },
  });
  app.openapi(
    route as never,
    (async (c: Context<AppEnv>) => {
      const valid = c.req as unknown as { valid(target: string): unknown };
      const actor = c.get('actor');
      const ctx: Ctx = {
        get actor(): Actor {
          if (!actor) throw new AppError('UNAUTHENTICATED');
          return actor;
        },
        meta: { requestId: c.get('requestId'), ip: c.get('ip') },
      };
      const result = await spec.handler({
        c,
        ctx,
        body: (spec.body ? valid.valid('json') : undefined) as Infer<B>,
        query: (spec.query ? valid.valid('query') : undefined) as Infer<Q>,
        params: (spec.params ? valid.valid('param') : undefined) as Infer<P>,
      });
      if (result instanceof Response) return result;
      return c.json(result as object, status);
    }) as never,
  );
}

export const idParams = z.object({ id: z.uuid() });
