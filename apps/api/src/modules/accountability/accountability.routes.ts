import {
  accountabilityCountsSchema,
  accountabilityFilterSchema,
  accountabilityKindSchema,
  accountabilityListQuerySchema,
  accountabilitySchema,
  createAccountabilityKindSchema,
  createAccountabilitySchema,
  okSchema,
  pageOf,
  updateAccountabilityKindSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { downloadResponse, XLSX } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import { countsSheet, entriesSheet } from './accountability.export';
import { ACCOUNTABILITY_READ, ACCOUNTABILITY_WRITE, KINDS_WRITE } from './accountability.policy';
import type { AccountabilityService } from './accountability.service';

const exportQuery = accountabilityFilterSchema.extend({
  /** entries: one row per entry; counts: one row per unit. */
  view: z.enum(['entries', 'counts']).default('entries'),
});

/** The 问责 register and the city's lists of 情形 and 方式. */
export function registerAccountabilityRoutes(app: App, reg: EndpointMeta[], s: AccountabilityService): void {
  const tag = 'accountability';

  endpoint(app, reg, {
    method: 'get',
    path: '/api/accountability-kinds',
    access: ACCOUNTABILITY_READ,
    summary: '问责情形和问责方式（本市清单，含已停用）',
    tag,
    response: z.array(accountabilityKindSchema),
    handler: ({ ctx }) => s.listKinds(ctx),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/accountability-kinds',
    access: KINDS_WRITE,
    summary: '新增问责情形或问责方式（市级创建办）',
    tag,
    body: createAccountabilityKindSchema,
    response: accountabilityKindSchema,
    status: 201,
    handler: ({ ctx, body }) => s.createKind(ctx, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/accountability-kinds/{id}',
    access: KINDS_WRITE,
    summary: '修改问责情形或方式：名称、说明、顺序、启用/停用',
    tag,
    params: idParams,
    body: updateAccountabilityKindSchema,
    response: accountabilityKindSchema,
    handler: ({ ctx, params, body }) => s.updateKind(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/accountability-kinds/{id}',
    access: KINDS_WRITE,
    summary: '删除未被使用的问责情形或方式（已使用的只能停用）',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await s.deleteKind(ctx, params.id);
      return { ok: true as const };
    },
  });

  endpoint(app, reg, {
    method: 'get',
    path: '/api/accountability',
    access: ACCOUNTABILITY_READ,
    summary: '问责登记：按单位、情形、方式、时段、区域筛选',
    tag,
    query: accountabilityListQuerySchema,
    response: pageOf(accountabilitySchema),
    handler: ({ ctx, query }) => s.list(ctx, query),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/accountability',
    access: ACCOUNTABILITY_WRITE,
    summary: '登记一次问责（单位、责任人、情形、方式、事由，关联案件和督办单）',
    tag,
    body: createAccountabilitySchema,
    response: accountabilitySchema,
    status: 201,
    handler: ({ ctx, body }) => s.create(ctx, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/accountability/counts',
    access: ACCOUNTABILITY_READ,
    summary: '问责统计：各单位问责次数，按情形、方式分列',
    tag,
    query: accountabilityFilterSchema,
    response: accountabilityCountsSchema,
    handler: ({ ctx, query }) => s.counts(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/accountability/{id}',
    access: ACCOUNTABILITY_READ,
    summary: '问责记录详情',
    tag,
    params: idParams,
    response: accountabilitySchema,
    handler: ({ ctx, params }) => s.get(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/exports/accountability.xlsx',
    access: ACCOUNTABILITY_READ,
    summary: '导出问责登记或问责统计（Excel），筛选条件同列表',
    tag,
    query: exportQuery,
    produces: XLSX,
    handler: async ({ ctx, query }) => {
      const { view, ...f } = query;
      return downloadResponse(
        view === 'counts'
          ? await countsSheet(await s.counts(ctx, f))
          : await entriesSheet(await s.exportRows(ctx, f), f),
      );
    },
  });
}
