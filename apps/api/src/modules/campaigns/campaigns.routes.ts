import {
  campaignSchema,
  campaignTaskSchema,
  createCampaignSchema,
  createIndicatorLinkSchema,
  indicatorLinkSchema,
  okSchema,
  pageOf,
  pageQuerySchema,
  updateCampaignSchema,
  upsertCampaignTaskSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { downloadResponse, XLSX } from '../../http/download';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import { readUpload } from '../../http/upload';
import { CAMPAIGN_READ, CAMPAIGN_WRITE, LINK_READ } from './campaigns.policy';
import type { CampaignsService } from './campaigns.service';

const ok = { ok: true as const };

/** Campaigns, their 任务分解表 and the links between indicators of different standards. */
export function registerCampaignsRoutes(app: App, reg: EndpointMeta[], campaigns: CampaignsService): void {
  const tag = 'campaigns';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/campaigns',
    access: CAMPAIGN_READ,
    summary: '创建活动列表（q 搜索名称；含下一节点倒计时和当前阶段）',
    tag,
    query: pageQuerySchema,
    response: pageOf(campaignSchema),
    handler: ({ ctx, query }) => campaigns.listCampaigns(ctx, query),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/campaigns',
    access: CAMPAIGN_WRITE,
    summary: '新建创建活动（达标线默认取考核标准的）',
    tag,
    body: createCampaignSchema,
    response: campaignSchema,
    status: 201,
    handler: ({ ctx, body }) => campaigns.createCampaign(ctx, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/campaigns/{id}',
    access: CAMPAIGN_READ,
    summary: '创建活动详情',
    tag,
    params: idParams,
    response: campaignSchema,
    handler: ({ ctx, params }) => campaigns.getCampaign(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/campaigns/{id}',
    access: CAMPAIGN_WRITE,
    summary: '修改创建活动（名称、区域、达标线、起止日期、阶段、时间节点）',
    tag,
    params: idParams,
    body: updateCampaignSchema,
    response: campaignSchema,
    handler: ({ ctx, params, body }) => campaigns.updateCampaign(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/campaigns/{id}',
    access: CAMPAIGN_WRITE,
    summary: '删除创建活动（已有测评、台账或关联案件时不能删除）',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await campaigns.deleteCampaign(ctx, params.id);
      return ok;
    },
  });
  registerTaskRoutes(app, reg, campaigns);
  registerLinkRoutes(app, reg, campaigns);
}

function registerTaskRoutes(app: App, reg: EndpointMeta[], campaigns: CampaignsService): void {
  const tag = 'campaigns';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/campaigns/{id}/tasks',
    access: CAMPAIGN_READ,
    summary: '任务分解表（标准的全部指标，未分配的为空）',
    tag,
    params: idParams,
    response: z.array(campaignTaskSchema),
    handler: ({ ctx, params }) => campaigns.listTasks(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'put',
    path: '/api/campaigns/{id}/tasks',
    access: CAMPAIGN_WRITE,
    summary: '分配一项指标（牵头单位、配合单位、挂钩领导、具体负责人）',
    tag,
    params: idParams,
    body: upsertCampaignTaskSchema,
    response: campaignTaskSchema,
    handler: ({ ctx, params, body }) => campaigns.upsertTask(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/campaigns/{id}/tasks/export',
    access: CAMPAIGN_READ,
    summary: '导出任务分解表（.xlsx，带单位下拉，也是导入模板）',
    tag,
    params: idParams,
    produces: XLSX,
    handler: async ({ ctx, params }) => downloadResponse(await campaigns.exportTasks(ctx, params.id)),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/campaigns/{id}/tasks/import',
    access: CAMPAIGN_WRITE,
    summary: '导入任务分解表（先校验全部行：指标编码、单位名称；有误不写入）',
    tag,
    params: idParams,
    consumes: 'multipart/form-data',
    response: z.object({ rows: z.number().int() }),
    handler: async ({ c, ctx, params }) => campaigns.importTasks(ctx, params.id, await readUpload(c)),
  });
}

function registerLinkRoutes(app: App, reg: EndpointMeta[], campaigns: CampaignsService): void {
  const tag = 'campaigns';
  endpoint(app, reg, {
    method: 'get',
    path: '/api/indicator-links',
    access: LINK_READ,
    summary: '指标关联（两个标准间重叠的指标；standardId 时以该标准的指标为 nodeId）',
    tag,
    query: z.object({ standardId: z.uuid().optional() }),
    response: z.array(indicatorLinkSchema),
    handler: ({ ctx, query }) => campaigns.listLinks(ctx, query),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/indicator-links',
    access: CAMPAIGN_WRITE,
    summary: '关联两个不同标准中的指标（一份台账、一项工作两处计）',
    tag,
    body: createIndicatorLinkSchema,
    response: indicatorLinkSchema,
    status: 201,
    handler: ({ ctx, body }) => campaigns.createLink(ctx, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/indicator-links/{id}',
    access: CAMPAIGN_WRITE,
    summary: '取消指标关联',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await campaigns.deleteLink(ctx, params.id);
      return ok;
    },
  });
}
