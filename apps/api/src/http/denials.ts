import type { MiddlewareHandler } from 'hono';
import type { SecurityEvents } from '../modules/audit/index';
import type { Logger } from '../platform/logger';
import type { EndpointMeta } from './endpoint';
import type { AppEnv } from './env';

interface Matcher {
  method: string;
  template: string;
  re: RegExp;
  isPublic: boolean;
}

/**
 * Records every 401/403 answered on an authenticated route as a security event (one row per
 * user-or-IP × route × minute; see the audit module). Public routes (the citizen portal, the login
 * itself, whose failures the audit log records) and the session check are not access denials. The write is awaited, so the
 * response never leaves work running behind it; a failed write is logged and never changes the answer.
 */
export function recordDenials(
  endpoints: readonly EndpointMeta[],
  events: SecurityEvents,
  logger: Logger,
): MiddlewareHandler<AppEnv> {
  let matchers: Matcher[] | null = null;
  const compile = () =>
    endpoints.map((e) => ({
      method: e.method.toUpperCase(),
      template: e.path,
      re: new RegExp(`^${e.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
      isPublic: e.access === 'public',
    }));
  return async (c, next) => {
    await next();
    const status = c.res.status;
    if (status !== 401 && status !== 403) return;
    const path = c.req.path;
    // Not denials: the public portal, the login (failures are in the audit log) and the console's
    // "am I signed in?" check that every visit makes before logging in.
    if (path.startsWith('/api/public/') || path === '/api/auth/login' || path === '/api/auth/me') return;
    matchers ??= compile();
    const m = matchers.find((x) => x.method === c.req.method && x.re.test(path));
    if (m?.isPublic) return;
    let code = String(status);
    try {
      const body = (await c.res.clone().json()) as { error?: { code?: string } };
      code = body.error?.code ?? code;
    } catch {
      // not JSON: keep the status as the code
    }
    const actor = c.get('actor');
    try {
      await events.record({
        userId: actor?.id ?? null,
        cityId: actor?.cityId ?? null,
        ip: c.get('ip'),
        method: c.req.method,
        route: m?.template ?? '(未知接口)',
        status,
        code,
      });
    } catch (e) {
      logger.error('security event not recorded', { error: String(e), route: m?.template ?? path });
    }
  };
}
