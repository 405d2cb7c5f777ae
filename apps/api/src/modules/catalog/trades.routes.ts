import { putUnitTradesSchema, unitTradesSchema } from '@chuangcheng/contracts';
import { z } from 'zod';
import { downloadResponse, XLSX } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import { CATALOG_WRITE } from './catalog.policy';
import { TRADES_READ, type TradesService } from './trades.service';

/** 行业主管: which categories each department supervises. */
export function registerTradesRoutes(app: App, reg: EndpointMeta[], trades: TradesService): void {
  const tag = 'catalog';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/trades',
    access: TRADES_READ,
    summary: '行业主管配置：各职能部门主管的问题类别（单位账号只见本单位）',
    tag,
    response: z.array(unitTradesSchema),
    handler: ({ ctx }) => trades.listTrades(ctx),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/exports/trades.xlsx',
    access: TRADES_READ,
    summary: '导出行业主管配置（.xlsx）',
    tag,
    produces: XLSX,
    handler: async ({ ctx }) => downloadResponse(await trades.exportTrades(ctx)),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/units/{id}/trades',
    access: TRADES_READ,
    summary: '某职能部门主管的问题类别',
    tag,
    params: idParams,
    response: unitTradesSchema,
    handler: ({ ctx, params }) => trades.getUnitTrades(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'put',
    path: '/api/units/{id}/trades',
    access: CATALOG_WRITE,
    summary: '设置职能部门主管的问题类别（整体替换；现行目录的类别，含下级类别）',
    tag,
    params: idParams,
    body: putUnitTradesSchema,
    response: unitTradesSchema,
    handler: ({ ctx, params, body }) => trades.putUnitTrades(ctx, params.id, body),
  });
}
