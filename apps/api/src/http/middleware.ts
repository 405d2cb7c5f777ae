import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AuthService } from '../modules/auth/index';
import { SESSION_COOKIE } from '../modules/auth/index';
import { newToken } from '../platform/ids';
import { contentSecurityPolicy } from './csp';
import type { AppEnv } from './env';

/** A request id for every request (accepted from a proxy when sane), echoed in X-Request-Id and error bodies. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : newToken(9);
  c.set('requestId', id);
  let ip: string | null = null;
  try {
    ip = getConnInfo(c).remote.address ?? null;
  } catch {
    ip = null; // app.request() in tests has no socket
  }
  c.set('ip', ip);
  await next();
  c.header('X-Request-Id', id);
};

/** Security headers on every answer, the Content-Security-Policy included (see csp.ts). */
export function securityHeaders(map: { tileUrl: string | null }): MiddlewareHandler<AppEnv> {
  const csp = contentSecurityPolicy(map);
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  };
}

/** Loads the session behind the cookie (if any) into `actor` / `session`. */
export function sessionLoader(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', null);
    c.set('session', null);
    c.set('sessionExpired', false);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 128) {
      const s = await auth.resolveSession(token);
      if (s === 'expired') c.set('sessionExpired', true);
      else if (s) {
        c.set('actor', s.actor);
        c.set('session', { id: s.sessionId, csrfToken: s.csrfToken });
      }
    }
    await next();
  };
}
