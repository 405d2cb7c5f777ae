import { portalCitySchema, setPortalCitySchema } from '@chuangcheng/contracts';
import { type App, type EndpointMeta, endpoint } from '../../http/endpoint';
import { AppError } from '../../platform/app-error';
import type { OrgService } from './org.service';

/** The system administrator's setting: which city the citizen portal serves. */
export function registerPortalCityRoutes(app: App, reg: EndpointMeta[], org: OrgService): void {
  endpoint(app, reg, {
    method: 'get',
    path: '/api/settings/portal-city',
    access: ['admin'],
    summary: '市民随手拍服务的城市',
    tag: 'settings',
    response: portalCitySchema,
    handler: async () => {
      const c = await org.portal.portalCity();
      if (!c) throw new AppError('NO_CITY');
      return c;
    },
  });
  endpoint(app, reg, {
    method: 'put',
    path: '/api/settings/portal-city',
    access: ['admin'],
    summary: '设置市民随手拍服务的城市',
    tag: 'settings',
    body: setPortalCitySchema,
    response: portalCitySchema,
    handler: ({ ctx, body }) => org.portal.setPortalCity(ctx, body.cityId),
  });
}
