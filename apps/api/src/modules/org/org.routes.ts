import {
  blockListQuerySchema,
  blockSchema,
  createBlockSchema,
  createGridSchema,
  createPersonSchema,
  createRegionSchema,
  createUnitSchema,
  gridDetailSchema,
  gridFeatureCollectionSchema,
  gridListQuerySchema,
  gridSchema,
  locateQuerySchema,
  locateResultSchema,
  okSchema,
  pageOf,
  personListQuerySchema,
  personSchema,
  regionListQuerySchema,
  regionSchema,
  unitListQuerySchema,
  unitSchema,
  updateBlockSchema,
  updateGridSchema,
  updatePersonSchema,
  updateRegionSchema,
  updateUnitSchema,
} from '@chuangcheng/contracts';
import { z } from 'zod';
import { type App, type EndpointMeta, endpoint, idParams } from '../../http/endpoint';
import { ORG_READ, ORG_WRITE, PEOPLE_READ } from './org.policy';
import type { OrgService } from './org.service';

const ok = { ok: true as const };

export function registerOrgRoutes(app: App, reg: EndpointMeta[], org: OrgService): void {
  const tag = 'org';
  // regions
  endpoint(app, reg, {
    method: 'get',
    path: '/api/regions/tree',
    access: ORG_READ,
    summary: '行政区划树（本人范围内）',
    tag,
    response: z.array(regionSchema),
    handler: ({ ctx }) => org.regions.tree(ctx),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/regions',
    access: ORG_READ,
    summary: '行政区划列表',
    tag,
    query: regionListQuerySchema,
    response: pageOf(regionSchema),
    handler: ({ ctx, query }) => org.regions.listRegions(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/regions/{id}',
    access: ORG_READ,
    summary: '行政区划详情',
    tag,
    params: idParams,
    response: regionSchema,
    handler: ({ ctx, params }) => org.regions.getRegion(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/regions',
    access: ORG_WRITE,
    summary: '新增行政区划',
    tag,
    body: createRegionSchema,
    response: regionSchema,
    status: 201,
    handler: ({ ctx, body }) => org.regions.createRegion(ctx, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/regions/{id}',
    access: ORG_WRITE,
    summary: '重命名行政区划',
    tag,
    params: idParams,
    body: updateRegionSchema,
    response: regionSchema,
    handler: ({ ctx, params, body }) => org.regions.renameRegion(ctx, params.id, body.name),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/regions/{id}',
    access: ORG_WRITE,
    summary: '删除行政区划（未被引用时）',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await org.regions.deleteRegion(ctx, params.id);
      return ok;
    },
  });
  // units
  endpoint(app, reg, {
    method: 'get',
    path: '/api/units',
    access: ORG_READ,
    summary: '单位列表',
    tag,
    query: unitListQuerySchema,
    response: pageOf(unitSchema),
    handler: ({ ctx, query }) => org.units.listUnits(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/units/{id}',
    access: ORG_READ,
    summary: '单位详情',
    tag,
    params: idParams,
    response: unitSchema,
    handler: ({ ctx, params }) => org.units.getUnit(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/units',
    access: ORG_WRITE,
    summary: '新增单位',
    tag,
    body: createUnitSchema,
    response: unitSchema,
    status: 201,
    handler: ({ ctx, body }) => org.units.createUnit(ctx, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/units/{id}',
    access: ORG_WRITE,
    summary: '修改单位',
    tag,
    params: idParams,
    body: updateUnitSchema,
    response: unitSchema,
    handler: ({ ctx, params, body }) => org.units.updateUnit(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/units/{id}',
    access: ORG_WRITE,
    summary: '删除单位（未被引用时）',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await org.units.deleteUnit(ctx, params.id);
      return ok;
    },
  });
  // people
  endpoint(app, reg, {
    method: 'get',
    path: '/api/people',
    access: PEOPLE_READ,
    summary: '人员列表（手机号按角色脱敏）',
    tag,
    query: personListQuerySchema,
    response: pageOf(personSchema),
    handler: ({ ctx, query }) => org.people.listPeople(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/people/{id}',
    access: PEOPLE_READ,
    summary: '人员详情',
    tag,
    params: idParams,
    response: personSchema,
    handler: ({ ctx, params }) => org.people.getPerson(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/people',
    access: ORG_WRITE,
    summary: '新增人员',
    tag,
    body: createPersonSchema,
    response: personSchema,
    status: 201,
    handler: ({ ctx, body }) => org.people.createPerson(ctx, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/people/{id}',
    access: ORG_WRITE,
    summary: '修改人员',
    tag,
    params: idParams,
    body: updatePersonSchema,
    response: personSchema,
    handler: ({ ctx, params, body }) => org.people.updatePerson(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/people/{id}',
    access: ORG_WRITE,
    summary: '删除人员',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await org.people.deletePerson(ctx, params.id);
      return ok;
    },
  });
  // grids
  endpoint(app, reg, {
    method: 'get',
    path: '/api/grids/geojson',
    access: ORG_READ,
    summary: '当前全部网格（GeoJSON，地图用）',
    tag,
    response: gridFeatureCollectionSchema,
    handler: ({ ctx }) => org.grids.geojson(ctx),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/grids',
    access: ORG_READ,
    summary: '网格列表（asOf 查历史版本）',
    tag,
    query: gridListQuerySchema,
    response: pageOf(gridSchema),
    handler: ({ ctx, query }) => org.grids.listGrids(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/grids/{id}',
    access: ORG_READ,
    summary: '网格详情（含边界）',
    tag,
    params: idParams,
    response: gridDetailSchema,
    handler: ({ ctx, params }) => org.grids.getGrid(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/grids/{id}/history',
    access: ORG_READ,
    summary: '网格历史版本',
    tag,
    params: idParams,
    response: z.array(gridSchema),
    handler: ({ ctx, params }) => org.grids.gridHistory(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/grids',
    access: ORG_WRITE,
    summary: '新增网格',
    tag,
    body: createGridSchema,
    response: gridDetailSchema,
    status: 201,
    handler: ({ ctx, body }) => org.grids.createGrid(ctx, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/grids/{id}',
    access: ORG_WRITE,
    summary: '修改网格（改边界生成新版本）',
    tag,
    params: idParams,
    body: updateGridSchema,
    response: gridDetailSchema,
    handler: ({ ctx, params, body }) => org.grids.updateGrid(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/grids/{id}',
    access: ORG_WRITE,
    summary: '撤销网格（保留历史）',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await org.grids.retireGrid(ctx, params.id);
      return ok;
    },
  });
  // blocks
  endpoint(app, reg, {
    method: 'get',
    path: '/api/blocks',
    access: ORG_READ,
    summary: '责任区块列表',
    tag,
    query: blockListQuerySchema,
    response: pageOf(blockSchema),
    handler: ({ ctx, query }) => org.blocks.listBlocks(ctx, query),
  });
  endpoint(app, reg, {
    method: 'get',
    path: '/api/blocks/{id}',
    access: ORG_READ,
    summary: '责任区块详情',
    tag,
    params: idParams,
    response: blockSchema,
    handler: ({ ctx, params }) => org.blocks.getBlock(ctx, params.id),
  });
  endpoint(app, reg, {
    method: 'post',
    path: '/api/blocks',
    access: ORG_WRITE,
    summary: '新增责任区块',
    tag,
    body: createBlockSchema,
    response: blockSchema,
    status: 201,
    handler: ({ ctx, body }) => org.blocks.createBlock(ctx, body),
  });
  endpoint(app, reg, {
    method: 'patch',
    path: '/api/blocks/{id}',
    access: ORG_WRITE,
    summary: '修改责任区块',
    tag,
    params: idParams,
    body: updateBlockSchema,
    response: blockSchema,
    handler: ({ ctx, params, body }) => org.blocks.updateBlock(ctx, params.id, body),
  });
  endpoint(app, reg, {
    method: 'delete',
    path: '/api/blocks/{id}',
    access: ORG_WRITE,
    summary: '删除责任区块',
    tag,
    params: idParams,
    response: okSchema,
    handler: async ({ ctx, params }) => {
      await org.blocks.deleteBlock(ctx, params.id);
      return ok;
    },
  });
  // locate
  endpoint(app, reg, {
    method: 'get',
    path: '/api/locate',
    access: ORG_READ,
    summary: '坐标定位：网格、社区、街道、区县、责任区块',
    tag,
    query: locateQuerySchema,
    response: locateResultSchema,
    handler: ({ ctx, query }) => org.locate.locate(ctx, query.lng, query.lat),
  });
}
