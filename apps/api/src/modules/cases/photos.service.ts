import { createHash } from 'node:crypto';
import type { Photo } from '@chuangcheng/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';
import type { Db } from '../../db/client';
import { photos } from '../../db/schema/index';
import { ALL_ROLES, requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import type { FileStore } from '../../platform/file-store';
import { newId } from '../../platform/ids';

export interface PhotoLimits {
  maxBytes: number;
  /** Decompression-bomb guard: sharp refuses images with more pixels than this. */
  maxPixels: number;
}

const FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const THUMB_PX = 320;

export type PhotoRow = typeof photos.$inferSelect;

export function presentPhoto(p: PhotoRow): Photo {
  return {
    id: p.id,
    kind: p.kind,
    url: `/api/photos/${p.id}/file`,
    thumbUrl: `/api/photos/${p.id}/thumb`,
    width: p.width,
    height: p.height,
    uploadedAt: p.createdAt.toISOString(),
  };
}

/** Photo intake: checks the bytes are an image of a sane size, stores original + thumbnail. */
export function createPhotosService(deps: { db: Db; clock: Clock; files: FileStore; limits: PhotoLimits }) {
  const { db, files, limits } = deps;

  async function inspect(data: Uint8Array) {
    if (data.byteLength > limits.maxBytes) {
      throw new AppError('IMAGE_TOO_LARGE', { maxBytes: limits.maxBytes, bytes: data.byteLength });
    }
    let meta: Metadata;
    try {
      // Header only: the pixel limit is checked below (so it answers IMAGE_TOO_LARGE) and again on decode.
      meta = await sharp(data, { limitInputPixels: false }).metadata();
    } catch {
      throw new AppError('INVALID_IMAGE');
    }
    const contentType = meta.format ? FORMATS[meta.format] : undefined;
    if (!contentType || !meta.width || !meta.height)
      throw new AppError('INVALID_IMAGE', { format: meta.format });
    if (meta.width * meta.height > limits.maxPixels) {
      throw new AppError('IMAGE_TOO_LARGE', { maxPixels: limits.maxPixels });
    }
    return { meta, contentType };
  }

  async function thumbnail(data: Uint8Array): Promise<Buffer> {
    try {
      return await sharp(data, { limitInputPixels: limits.maxPixels })
        .rotate()
        .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 75 })
        .toBuffer();
    } catch {
      throw new AppError('INVALID_IMAGE');
    }
  }

  return {
    /** Stores an uploaded photo not yet attached to a case; a transition or a new case attaches it. */
    async upload(ctx: Ctx, kind: PhotoRow['kind'], data: Uint8Array): Promise<Photo> {
      requireRole(ctx.actor, ALL_ROLES);
      const cityId = ctx.actor.cityId;
      if (!cityId)
        throw new AppError('FORBIDDEN_SCOPE', { reason: '系统管理员不属于任何城市，不能上传案卷照片' });
      const { meta, contentType } = await inspect(data);
      const thumb = await thumbnail(data);
      const id = newId(deps.clock.now().getTime());
      const day = deps.clock.now().toISOString().slice(0, 10);
      const key = `photos/${cityId}/${day}/${id}.${meta.format === 'jpeg' ? 'jpg' : meta.format}`;
      const thumbKey = `photos/${cityId}/${day}/${id}.thumb.jpg`;
      await files.put(key, Buffer.from(data));
      await files.put(thumbKey, thumb);
      // EXIF orientation 5–8 swaps the displayed width and height.
      const swapped = (meta.orientation ?? 1) >= 5;
      const row: PhotoRow = {
        cityId,
        id,
        caseId: null,
        kind,
        uploadedBy: ctx.actor.id,
        contentType,
        bytes: data.byteLength,
        width: swapped ? meta.height! : meta.width!,
        height: swapped ? meta.width! : meta.height!,
        sha256: createHash('sha256').update(data).digest('hex'),
        storageKey: key,
        thumbKey,
        createdAt: deps.clock.now(),
      };
      await db.insert(photos).values(row);
      return presentPhoto(row);
    },

    /** Photos of the city by id (for attaching: the service checks uploader and case). */
    async byIds(tx: Db, cityId: string, ids: readonly string[]): Promise<PhotoRow[]> {
      if (ids.length === 0) return [];
      return tx
        .select()
        .from(photos)
        .where(and(eq(photos.cityId, cityId), inArray(photos.id, [...ids])));
    },

    async attach(tx: Db, cityId: string, ids: readonly string[], caseId: string): Promise<void> {
      if (ids.length === 0) return;
      await tx
        .update(photos)
        .set({ caseId })
        .where(and(eq(photos.cityId, cityId), inArray(photos.id, [...ids])));
    },

    async ofCase(cityId: string, caseId: string): Promise<PhotoRow[]> {
      return db
        .select()
        .from(photos)
        .where(and(eq(photos.cityId, cityId), eq(photos.caseId, caseId)))
        .orderBy(photos.createdAt);
    },

    async row(id: string): Promise<PhotoRow> {
      const [p] = await db.select().from(photos).where(eq(photos.id, id));
      if (!p) throw new AppError('PHOTO_NOT_FOUND');
      return p;
    },

    read: (key: string) => files.get(key),
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
