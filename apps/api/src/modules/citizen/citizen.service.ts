import {
  MAX_PUBLIC_PHOTOS,
  type PublicCase,
  type PublicConfig,
  type PublicPhoto,
  type PublicRating,
  type PublicReceipt,
  type PublicReport,
} from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import type { RequestMeta } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import type { RateLimiter, RateRule } from '../../platform/rate-limit';
import type { SecretBox } from '../../platform/secret-box';
import type { CapturedAt, CasesService, PhotosService } from '../cases/index';
import type { CatalogService } from '../catalog/index';
import type { OrgService } from '../org/index';
import { presentPublicCase, reopenUntil } from './citizen.presenter';

export interface CitizenDeps {
  db: Db;
  clock: Clock;
  cases: CasesService;
  photos: PhotosService;
  catalog: CatalogService;
  org: OrgService;
  secrets: SecretBox;
  limiter: RateLimiter;
  limits: {
    reportsPerIpHour: number;
    reportsPerPhoneDay: number;
    requestsPerIpMinute: number;
    photoMaxBytes: number;
  };
  map: { tileUrl: string | null; tileAttribution: string | null };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Photo uploads per IP per hour: a report carries at most 6, a few retries included. */
const PHOTOS_PER_IP_HOUR = 60;
const RATINGS_PER_IP_HOUR = 30;

/**
 * The citizen portal (随手拍): no login. A citizen uploads photos (each answered with a claim token),
 * reports with a location and a category, gets a tracking code, follows a public-safe timeline and
 * rates the result. Abuse limits per IP and per phone; phones are sealed at rest.
 */
export function createCitizenService(deps: CitizenDeps) {
  const { limiter, limits } = deps;
  const ipKey = (meta: RequestMeta) => meta.ip ?? 'unknown';

  /** The portal's city: an installation setting (org.portal), never moved by adding a city. */
  async function city(): Promise<{ id: string; name: string }> {
    const c = await deps.org.portal.portalCity();
    if (!c) throw new AppError('NO_CITY');
    return { id: c.id, name: c.name };
  }

  async function load(code: string) {
    const row = await deps.cases.public.byTrackingCode(code);
    if (!row)
      throw new AppError('TRACKING_CODE_NOT_FOUND', { fields: [{ field: 'code', message: '查询码不存在' }] });
    return row;
  }

  return {
    /** Every request of the portal counts against the per-IP minute limit. */
    async throttle(meta: RequestMeta): Promise<void> {
      await limiter.hit([
        {
          key: `public:ip:${ipKey(meta)}`,
          limit: limits.requestsPerIpMinute,
          windowMs: 60_000,
          message: `访问过于频繁（每分钟最多 ${limits.requestsPerIpMinute} 次），请稍后再试`,
        },
      ]);
    },

    async config(): Promise<PublicConfig> {
      const c = await city();
      const [defaults, extent, categories] = await Promise.all([
        deps.org.mapDefaults(),
        deps.cases.repo.cityExtent(c.id),
        deps.catalog.publicCategories(c.id),
      ]);
      return {
        cityName: c.name,
        center: defaults.center,
        bounds: extent,
        categories,
        limits: { photoMaxBytes: limits.photoMaxBytes, maxPhotos: MAX_PUBLIC_PHOTOS },
        tileUrl: deps.map.tileUrl,
        tileAttribution: deps.map.tileAttribution,
      };
    },

    async uploadPhoto(meta: RequestMeta, data: Uint8Array, captured?: CapturedAt): Promise<PublicPhoto> {
      await limiter.hit([
        {
          key: `public:photo:ip:${ipKey(meta)}`,
          limit: PHOTOS_PER_IP_HOUR,
          windowMs: HOUR,
          message: `上传照片过于频繁（每小时最多 ${PHOTOS_PER_IP_HOUR} 张），请稍后再试`,
        },
      ]);
      const c = await city();
      const p = await deps.photos.uploadPublic(c.id, data, captured);
      const token = deps.secrets.sign(`photo:${p.id}`);
      return { id: p.id, token, thumbUrl: `/api/public/photos/${p.id}/thumb?token=${token}` };
    },

    /** The preview of a photo just uploaded: only with its claim token, only while unattached. */
    async uploadedThumb(id: string, token: string) {
      if (!deps.secrets.verify(`photo:${id}`, token)) throw new AppError('PHOTO_NOT_FOUND');
      const p = await deps.photos.row(id);
      if (p.caseId !== null || p.uploadedBy !== null) throw new AppError('PHOTO_NOT_FOUND');
      return { data: await deps.photos.read(p.thumbKey), contentType: 'image/jpeg' };
    },

    async report(meta: RequestMeta, input: PublicReport): Promise<PublicReceipt> {
      const c = await city();
      if (input.idempotencyKey) {
        const again = await deps.cases.public.byPublicKey(c.id, input.idempotencyKey);
        if (again) return receipt(again);
      }
      const rules: RateRule[] = [
        {
          key: `public:report:ip:${ipKey(meta)}`,
          limit: limits.reportsPerIpHour,
          windowMs: HOUR,
          message: `同一网络每小时最多提交 ${limits.reportsPerIpHour} 条反映，请稍后再试`,
        },
      ];
      if (input.phone) {
        rules.push({
          key: `public:report:phone:${deps.secrets.hash(input.phone.replace(/\D/g, ''))}`,
          limit: limits.reportsPerPhoneDay,
          windowMs: DAY,
          message: `同一手机号每天最多提交 ${limits.reportsPerPhoneDay} 条反映，请明天再试`,
        });
      }
      await limiter.hit(rules);
      const bad = input.photos.findIndex((p) => !deps.secrets.verify(`photo:${p.id}`, p.token));
      if (bad >= 0)
        throw new AppError('PHOTO_TOKEN_INVALID', {
          fields: [{ field: `photos.${bad}`, message: '照片凭证无效，请重新上传' }],
        });
      const { row } = await deps.cases.public.create(
        c.id,
        {
          source: 'citizen',
          categoryId: input.categoryId,
          description: input.description,
          address: input.address,
          lng: input.lng,
          lat: input.lat,
          owner: 'public',
          reporterName: input.name || '市民',
          reporterPhone: input.phone,
          photoIds: [],
          afterPhotoIds: [],
          selfHandled: false,
          fileNow: false,
          idempotencyKey: input.idempotencyKey,
        },
        { reporterName: input.name || '市民', photoIds: input.photos.map((p) => p.id) },
      );
      return receipt(row);
    },

    /**
     * The public view of a report. A report merged into another case (the same problem reported
     * twice) follows that case: its progress, photos and result, under the citizen's own code.
     */
    async track(code: string): Promise<PublicCase> {
      const own = await load(code);
      const parent = own.parentCaseId ? await deps.cases.repo.byId(deps.db, own.parentCaseId) : undefined;
      const row = parent ?? own;
      const [events, photos] = await Promise.all([
        deps.cases.repo.events(deps.db, row.cityId, row.id),
        deps.photos.ofCase(row.cityId, row.id),
      ]);
      const unitIds = [row.leadUnitId, ...events.map((e) => e.unitId)].filter((x): x is string => !!x);
      const names = await deps.cases.repo.names([], [...new Set(unitIds)], []);
      const view = presentPublicCase(row, events, photos, names);
      if (!parent) return view;
      return {
        ...view,
        trackingCode: own.trackingCode ?? '',
        description: own.description,
        // Photos are served under the citizen's code only for their own case.
        beforePhotos: [],
        afterPhotos: [],
        canRate: false,
        // The citizen's own receipt and the merge, then the progress of the case that is handled.
        timeline: [
          { at: own.createdAt.toISOString(), label: '已受理您的反映', note: null },
          {
            at: own.updatedAt.toISOString(),
            label: `同一问题已合并至案件 ${row.number} 统一办理`,
            note: null,
          },
          ...view.timeline.slice(1),
        ].sort((a, b) => a.at.localeCompare(b.at)),
      };
    },

    /** A photo of the case behind the code, as its metadata-free public copy. */
    async photo(code: string, photoId: string) {
      const row = await load(code);
      const p = await deps.photos.row(photoId);
      if (p.caseId !== row.id) throw new AppError('PHOTO_NOT_FOUND');
      return deps.photos.publicFile(p.id);
    },

    async rate(meta: RequestMeta, code: string, rating: PublicRating): Promise<PublicCase> {
      await limiter.hit([
        {
          key: `public:rating:ip:${ipKey(meta)}`,
          limit: RATINGS_PER_IP_HOUR,
          windowMs: HOUR,
          message: '评价过于频繁，请稍后再试',
        },
      ]);
      const row = await load(code);
      if (row.status !== 'closed' || row.ratedAt !== null) throw new AppError('RATING_NOT_ALLOWED');
      const until = reopenUntil(row);
      const reopen = !rating.resolved && until !== null && deps.clock.now() <= until;
      await deps.cases.public.rate(row, rating, reopen);
      return this.track(code);
    },
  };

  function receipt(row: { trackingCode: string | null; number: string; createdAt: Date }): PublicReceipt {
    return {
      trackingCode: row.trackingCode ?? '',
      number: row.number,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
export type CitizenService = ReturnType<typeof createCitizenService>;
