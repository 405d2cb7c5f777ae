import { createHash } from 'node:crypto';
import { type ApiKey, type CreateApiKey, type CreatedApiKey, createCaseSchema } from '@chuangcheng/contracts';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { requireRole } from '../../platform/access';
import { type Ctx, type RequestMeta, SYSTEM_ACTOR } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { newId, newToken } from '../../platform/ids';
import type { RateLimiter } from '../../platform/rate-limit';
import type { AuditService } from '../audit/index';
import type { CasesService, PhotosService } from '../cases/index';
import type { CatalogService } from '../catalog/index';
import type { OrgService } from '../org/index';
import { Open311Error } from './open311.format';
import { MAX_DESCRIPTION, type Params, readPostedRequest, readRequestQuery } from './open311.input';
import {
  type PublicCategory,
  presentRequest,
  presentService,
  serviceCodeOf,
  serviceNotice,
} from './open311.presenter';
import { type ApiKeyRow, createOpen311Repository, type RequestRow } from './open311.repository';

export interface Open311Deps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  cases: CasesService;
  catalog: CatalogService;
  org: OrgService;
  photos: PhotosService;
  limiter: RateLimiter;
  /** PUBLIC_URL (may be empty: the request's origin is used then). */
  publicUrl: string;
  limits: { getsPerIpMinute: number; postsPerKeyMinute: number; postsPerKeyDay: number };
}

/** Who manages the keys. */
export const OPEN311_KEYS_ADMIN = ['office', 'admin'] as const;
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this API's discovery document last changed. */
const CHANGESET = '2026-11-23T00:00:00Z';
const KEY_PREFIX = 'o311_';

/**
 * A posted request as the intake takes it: the console's case contract, with the spec's longer
 * description and a location that may be an address only (filed awaiting placing, 待定位).
 */
const postedCaseSchema = createCaseSchema.extend({
  description: z.string().trim().min(2).max(MAX_DESCRIPTION),
  lng: createCaseSchema.shape.lng.nullable(),
  lat: createCaseSchema.shape.lat.nullable(),
});

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function presentKey(r: ApiKeyRow): ApiKey {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.createdAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * Open311 GeoReport v2 over the closed loop: services are the fileable categories, a POSTed request is a
 * public report (source 'citizen', routed and timed like any case), GET requests is a public-safe read
 * model of the city's cases. Filing needs an API key the office issues; reads are limited per IP.
 */
export function createOpen311Service(deps: Open311Deps) {
  const repo = createOpen311Repository(deps.db);
  const { limiter, limits } = deps;

  /** The city a call is about: the only one, or the one its jurisdiction_id (region code) names. */
  async function jurisdiction(id: string | undefined) {
    const cities = await deps.org.regions.repo.cities();
    if (cities.length === 0) throw new Open311Error(503, '系统尚未配置城市，暂不能受理');
    // One jurisdiction: the spec lets us treat jurisdiction_id as optional and ignore it.
    if (cities.length === 1) return cities[0]!;
    if (!id)
      throw new Open311Error(400, '缺少 jurisdiction_id：本接口服务多个城市，请填写城市的行政区划代码');
    const city = cities.find((c) => c.code === id || c.id === id);
    if (!city) throw new Open311Error(404, `jurisdiction_id「${id}」不存在`);
    return city;
  }

  async function categories(cityId: string): Promise<PublicCategory[]> {
    return (await deps.catalog.publicCategories(cityId)) as PublicCategory[];
  }

  async function category(cityId: string, serviceCode: string): Promise<PublicCategory> {
    const found = (await categories(cityId)).find((c) => serviceCodeOf(c.kind, c.code) === serviceCode);
    if (!found) throw new Open311Error(404, `service_code「${serviceCode}」不存在：请从 services 接口选择`);
    return found;
  }

  /** The key behind a POST: 403 without one (as the spec answers), or for an unknown or revoked one. */
  async function keyOf(raw: string | undefined): Promise<ApiKeyRow> {
    if (!raw?.trim()) throw new Open311Error(403, '缺少 api_key：提交反映须带接口密钥（向创城办申请）');
    const key = await repo.keyByHash(hashKey(raw.trim()));
    if (!key) throw new Open311Error(403, 'api_key 无效');
    if (key.revokedAt) throw new Open311Error(403, `api_key 已于 ${key.revokedAt.toISOString()} 停用`);
    return key;
  }

  /** Attaches names, photos, events and merge targets to a page of cases, in a handful of queries. */
  async function present(cityId: string, rows: RequestRow[], base: string, extensions: boolean) {
    const ids = rows.map((r) => r.id);
    const [events, photos, parents] = await Promise.all([
      repo.events(cityId, ids),
      repo.firstPublicPhotos(cityId, ids),
      repo.caseNumbers(
        cityId,
        rows.map((r) => r.parentCaseId).filter((x): x is string => !!x),
      ),
    ]);
    const unitIds = new Set<string>();
    for (const r of rows) if (r.leadUnitId) unitIds.add(r.leadUnitId);
    for (const e of events) if (e.unitId) unitIds.add(e.unitId);
    const unitNames = await repo.unitNames([...unitIds]);
    return rows.map((row) =>
      presentRequest(row, {
        events: events.filter((e) => e.caseId === row.id),
        unitNames,
        photoId: photos.get(row.id),
        parentNumber: row.parentCaseId ? parents.get(row.parentCaseId) : undefined,
        base,
        extensions,
      }),
    );
  }

  const base = (origin: string) => deps.publicUrl || origin;

  return {
    /** Reads are limited per IP (the portal's per-minute limit, counted separately). */
    async throttleRead(meta: RequestMeta): Promise<void> {
      await limiter.hit([
        {
          key: `open311:ip:${meta.ip ?? 'unknown'}`,
          limit: limits.getsPerIpMinute,
          windowMs: 60_000,
          message: `查询过于频繁（每分钟最多 ${limits.getsPerIpMinute} 次），请稍后再试`,
        },
      ]);
    },

    async discovery(origin: string) {
      const [city] = await deps.org.regions.repo.cities();
      const who = city ? `${city.name}创城办` : '创城办';
      return {
        changeset: CHANGESET,
        contact: `${who}（${base(origin)}）`,
        key_service: `提交反映须带接口密钥（api_key）：由${who}在管理后台「系统管理 → Open311 接口密钥」签发，请向${who}申请。查询无需密钥。`,
        endpoints: [
          {
            specification: SPECIFICATION,
            url: `${base(origin)}/open311/v2`,
            changeset: CHANGESET,
            type: 'production',
            formats: ['application/json', 'text/xml'],
          },
        ],
      };
    },

    async services(q: Params) {
      const city = await jurisdiction(q.jurisdiction_id);
      return (await categories(city.id)).map(presentService);
    },

    /** No category asks for extra attributes: a valid definition with none. */
    async serviceDefinition(q: Params, serviceCode: string) {
      const city = await jurisdiction(q.jurisdiction_id);
      const c = await category(city.id, serviceCode);
      return { service_code: serviceCodeOf(c.kind, c.code), attributes: [] };
    },

    /**
     * POST requests: checks the key (and its rate), reads the fields, files a public report through the
     * cases module's intake and notes in the audit log which key filed it. The phone is sealed by the
     * intake and never echoed; media_url is kept as a link, never fetched.
     */
    async createRequest(p: Params, meta: RequestMeta) {
      const key = await keyOf(p.api_key);
      await limiter.hit([
        {
          key: `open311:key:${key.id}:min`,
          limit: limits.postsPerKeyMinute,
          windowMs: 60_000,
          message: `该 api_key 提交过于频繁（每分钟最多 ${limits.postsPerKeyMinute} 条），请稍后再试`,
        },
        {
          key: `open311:key:${key.id}:day`,
          limit: limits.postsPerKeyDay,
          windowMs: 86_400_000,
          message: `该 api_key 今日提交已达上限（每天 ${limits.postsPerKeyDay} 条）`,
        },
      ]);
      // The key's city is where the report goes; a jurisdiction_id, if sent, must agree with it.
      if (p.jurisdiction_id && (await jurisdiction(p.jurisdiction_id)).id !== key.cityId) {
        throw new Open311Error(403, '该 api_key 不属于 jurisdiction_id 所指的城市');
      }
      const input = readPostedRequest(p);
      const c = await category(key.cityId, input.serviceCode);
      const description =
        !input.description || input.description.length < 2
          ? [c.name, input.description].filter(Boolean).join('：')
          : input.description;
      const parsed = postedCaseSchema.safeParse({
        source: 'citizen',
        categoryId: c.id,
        description,
        // With address_id alone, the office places the case by that reference.
        ...(input.address || input.addressId
          ? { address: input.address ?? `地址编号 ${input.addressId}` }
          : {}),
        lng: input.lng,
        lat: input.lat,
        owner: 'public',
        ...(input.reporterName ? { reporterName: input.reporterName } : {}),
        ...(input.phone ? { reporterPhone: input.phone } : {}),
        ...(input.mediaUrl ? { mediaRef: input.mediaUrl } : {}),
      });
      if (!parsed.success) {
        throw new Open311Error(
          400,
          parsed.error.issues.map((i) => `${i.path.join('.') || '请求'}：${i.message}`),
        );
      }
      const reporterName = input.reporterName || '市民';
      const addressRef =
        input.addressId || input.zipcode
          ? {
              ...(input.addressId ? { addressId: input.addressId } : {}),
              ...(input.zipcode ? { zipcode: input.zipcode } : {}),
            }
          : undefined;
      const { row } = await deps.cases.public.create(
        key.cityId,
        { ...parsed.data, ...(addressRef ? { addressRef } : {}) },
        { reporterName, photoIds: [] },
      );
      const now = deps.clock.now();
      await repo.touchKey(key.id, now);
      const ctx: Ctx = {
        actor: {
          ...SYSTEM_ACTOR,
          username: 'open311',
          displayName: `Open311（${key.name}）`,
          cityId: key.cityId,
        },
        meta,
      };
      await deps.db.transaction((tx) =>
        deps.audit.record(tx, ctx, {
          cityId: key.cityId,
          action: 'open311.request_created',
          entityType: 'case',
          entityId: row.id,
          after: {
            number: row.number,
            apiKeyId: key.id,
            deviceId: input.deviceId ?? null,
            accountId: input.accountId ?? null,
          },
        }),
      );
      const rule = serviceNotice(row);
      const placing =
        row.lng === null ? '仅有地址、没有经纬度：已转创城办在地图上定位后派遣（待定位）。' : '';
      return [
        {
          service_request_id: row.number,
          // The tracking code goes to the reporter's app only: with it the reporter follows and rates the
          // case in the citizen portal. GET requests never shows it.
          service_notice: `已受理，案卷编号 ${row.number}。查询码 ${row.trackingCode}：可凭此码在市民随手拍「进度查询」中查看办理进度并评价。${placing}${rule ? `${rule}。` : ''}`,
          account_id: input.accountId ?? null,
        },
      ];
    },

    async listRequests(q: Params, origin: string) {
      const city = await jurisdiction(q.jurisdiction_id);
      const query = readRequestQuery(q, deps.clock.now());
      const { rows, total } = await repo.requests(
        { cityId: city.id, ...query.filter },
        (query.page - 1) * query.pageSize,
        query.pageSize,
      );
      return {
        requests: await present(city.id, rows, base(origin), query.extensions),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getRequest(q: Params, number: string, origin: string) {
      const city = await jurisdiction(q.jurisdiction_id);
      const row = await repo.requestByNumber(city.id, number);
      if (!row) throw new Open311Error(404, `service_request_id「${number}」不存在`);
      return present(city.id, [row], base(origin), q.extensions?.toLowerCase() === 'true');
    },

    /** tokens/{token}: our tracking code stands in as the token. */
    async token(q: Params, token: string) {
      const city = await jurisdiction(q.jurisdiction_id);
      const code = token.trim().toUpperCase();
      const row = /^[A-Z0-9]{6,16}$/.test(code) ? await deps.cases.public.byTrackingCode(code) : undefined;
      if (!row || row.cityId !== city.id) throw new Open311Error(404, `token「${token}」不存在`);
      return [{ service_request_id: row.number, token }];
    },

    /** media_url targets: the metadata-free public copy of a case's 'before' photo. */
    async media(photoId: string) {
      if (!/^[0-9a-f-]{36}$/i.test(photoId) || !(await repo.publicPhoto(photoId))) {
        throw new Open311Error(404, '图片不存在');
      }
      return deps.photos.publicFile(photoId);
    },

    // ---- keys (console) ----

    async listKeys(ctx: Ctx): Promise<ApiKey[]> {
      requireRole(ctx.actor, OPEN311_KEYS_ADMIN);
      return (await repo.keysOf(await cityOf(ctx))).map(presentKey);
    },

    /** Issues a key: only its SHA-256 is stored; the key itself is in this answer and nowhere else. */
    async createKey(ctx: Ctx, input: CreateApiKey): Promise<CreatedApiKey> {
      requireRole(ctx.actor, OPEN311_KEYS_ADMIN);
      const cityId = await cityOf(ctx);
      const now = deps.clock.now();
      const key = `${KEY_PREFIX}${newToken(24)}`;
      const row: ApiKeyRow = {
        id: newId(now.getTime()),
        cityId,
        name: input.name,
        keyHash: hashKey(key),
        createdAt: now,
        revokedAt: null,
        lastUsedAt: null,
      };
      await deps.db.transaction(async (tx) => {
        await repo.insertKey(tx, row);
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'open311.key_created',
          entityType: 'api_key',
          entityId: row.id,
          after: { name: row.name },
        });
      });
      return { ...presentKey(row), key };
    },

    /** 停用: for good (a new key is issued instead). Revoking a revoked key changes nothing. */
    async revokeKey(ctx: Ctx, id: string): Promise<ApiKey> {
      requireRole(ctx.actor, OPEN311_KEYS_ADMIN);
      const cityId = await cityOf(ctx);
      const now = deps.clock.now();
      return deps.db.transaction(async (tx) => {
        const row = await repo.keyById(tx, id);
        if (!row || row.cityId !== cityId) throw new AppError('NOT_FOUND', { id }, '接口密钥不存在');
        if (row.revokedAt) return presentKey(row);
        const revoked = (await repo.revokeKey(tx, id, now)) ?? row;
        await deps.audit.record(tx, ctx, {
          cityId,
          action: 'open311.key_revoked',
          entityType: 'api_key',
          entityId: id,
          before: { name: row.name },
        });
        return presentKey(revoked);
      });
    },
  };

  /** The keys belong to the actor's city; an installation admin acts in the only city there is. */
  async function cityOf(ctx: Ctx): Promise<string> {
    if (ctx.actor.cityId) return ctx.actor.cityId;
    const cities = await deps.org.regions.repo.cities();
    if (cities.length === 1) return cities[0]!.id;
    const message =
      cities.length === 0
        ? '系统中还没有城市'
        : `系统中有 ${cities.length} 个城市，请使用所属城市的账号管理接口密钥`;
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'cityId', message }] }, message);
  }
}
export type Open311Service = ReturnType<typeof createOpen311Service>;
