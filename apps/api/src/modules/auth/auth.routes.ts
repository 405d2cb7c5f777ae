import {
  changePasswordSchema,
  createUserSchema,
  loginRequestSchema,
  meSchema,
  okSchema,
  pageOf,
  pageQuerySchema,
  updateUserSchema,
  userSchema,
} from '@chuangcheng/contracts';
import { deleteCookie, setCookie } from 'hono/cookie';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import type { AuthService } from './auth.service';

export const SESSION_COOKIE = 'cc_session';

export function registerAuthRoutes(
  app: App,
  reg: EndpointMeta[],
  auth: AuthService,
  opts: { cookieSecure: boolean; maxHours: number },
): void {
  endpoint(app, reg, {
    method: 'post',
    path: '/api/auth/login',
    access: 'public',
    summary: '登录',
    tag: 'auth',
    body: loginRequestSchema,
    response: meSchema,
    handler: async ({ c, ctx, body }) => {
      const { token, me } = await auth.login(body.username, body.password, {
        ...ctx.meta,
        userAgent: c.req.header('user-agent') ?? null,
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: opts.cookieSecure,
        path: '/',
        maxAge: opts.maxHours * 3600,
      });
      return me;
    },
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/auth/logout',
    access: 'authenticated',
    summary: '退出登录',
    tag: 'auth',
    response: okSchema,
    handler: async ({ c, ctx }) => {
      const s = c.get('session');
      if (s) await auth.logout(ctx, s.id);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/auth/me',
    access: 'authenticated',
    summary: '当前用户',
    tag: 'auth',
    response: meSchema,
    handler: ({ c, ctx }) => auth.me(ctx, c.get('session')?.csrfToken ?? ''),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/auth/password',
    access: 'authenticated',
    summary: '修改密码',
    tag: 'auth',
    body: changePasswordSchema,
    response: okSchema,
    handler: async ({ c, ctx, body }) => {
      await auth.changePassword(ctx, body.currentPassword, body.newPassword, c.get('session')?.id);
      return { ok: true };
    },
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/users',
    access: ['admin'],
    summary: '用户列表',
    tag: 'users',
    query: pageQuerySchema,
    response: pageOf(userSchema),
    handler: ({ ctx, query }) => auth.listUsers(ctx, query),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/users',
    access: ['admin'],
    summary: '新增用户',
    tag: 'users',
    body: createUserSchema,
    response: userSchema,
    status: 201,
    handler: ({ ctx, body }) => auth.createUser(ctx, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/users/{id}',
    access: ['admin'],
    summary: '修改用户（停用、重置密码、角色与范围）',
    tag: 'users',
    params: idParams,
    body: updateUserSchema,
    response: userSchema,
    handler: ({ ctx, params, body }) => auth.updateUser(ctx, params.id, body),
  });
}
