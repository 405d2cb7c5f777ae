import { notificationListSchema, okSchema } from '@chuangcheng/contracts';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import type { NotifyService } from './notify.service';

export function registerNotifyRoutes(app: App, reg: EndpointMeta[], notify: NotifyService): void {
  const tag = 'notifications';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/notifications',
    access: 'authenticated',
    summary: '我的通知（最近 50 条）与未读数',
    tag,
    response: notificationListSchema,
    handler: ({ ctx }) => notify.list(ctx),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/notifications/read-all',
    access: 'authenticated',
    summary: '全部标为已读',
    tag,
    response: okSchema,
    handler: async ({ ctx }) => {
      await notify.markRead(ctx, 'all');
      return { ok: true };
    },
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/notifications/{id}/read',
    access: 'authenticated',
    summary: '标为已读',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await notify.markRead(ctx, params.id);
      return { ok: true };
    },
  });
}
