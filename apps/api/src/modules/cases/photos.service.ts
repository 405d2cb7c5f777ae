import { createHash } from 'node:crypto';
import { PHOTO_FLAG_LABELS, type Photo } from '@chuangcheng/contracts';
import {
  comparableHash,
  DEFAULT_MAX_DISTANCE_M,
  DHASH_HEIGHT,
  DHASH_WIDTH,
  dHash,
  dHashStructure,
  exifInstant,
  exifPoint,
  isInformativeHash,
  type LngLat,
  type PhotoFacts,
  photoFlags,
  pointOf,
  REUSE_MAX_HAMMING,
  type ReuseMatch,
} from '@chuangcheng/domain';
import { and, asc, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import exifReader from 'exif-reader';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import type { Db } from '../../db/client';
import { cases, photos } from '../../db/schema/index';
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
  /** An after-photo farther than this from the case's point is flagged (default 100 m). */
  maxDistanceM?: number;
}

/** Time and position the page recorded when the photo was taken (browsers strip EXIF GPS). */
export interface CapturedAt {
  at: Date | null;
  point: LngLat | null;
}

const FORMATS: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const THUMB_PX = 320;
/**
 * Longest side of the public copy: plenty for a portal, and a phone's 4000 px frame then decodes at
 * half size (JPEG shrink-on-load), the largest cost of intake.
 */
const PUBLIC_PX = 1920;
/** EXIF times carry no zone unless OffsetTimeOriginal says so: read them in the city's (Asia/Shanghai). */
const CITY_UTC_OFFSET_MINUTES = 480;
const NO_CAPTURE: CapturedAt = { at: null, point: null };

export type PhotoRow = typeof photos.$inferSelect;
type CaseRef = { cityId: string; id: string; lng: number | null; lat: number | null };

/** The one presenter of a photo: coordinates stay on the server, flags carry their label. */
export function presentPhoto(p: PhotoRow): Photo {
  return {
    id: p.id,
    kind: p.kind,
    url: `/api/photos/${p.id}/file`,
    thumbUrl: `/api/photos/${p.id}/thumb`,
    width: p.width,
    height: p.height,
    uploadedAt: p.createdAt.toISOString(),
    takenAt: p.exifTakenAt?.toISOString() ?? null,
    capturedAt: p.capturedAt?.toISOString() ?? null,
    hasLocation:
      (p.exifLng !== null && p.exifLat !== null) || (p.capturedLng !== null && p.capturedLat !== null),
    flags: (p.flags ?? []).flatMap((f) => {
      const label = PHOTO_FLAG_LABELS[f.code as keyof typeof PHOTO_FLAG_LABELS];
      return label
        ? [{ code: f.code as keyof typeof PHOTO_FLAG_LABELS, label: label.zh, detail: f.detail }]
        : [];
    }),
  };
}

type Pixels = { data: Buffer; info: OutputInfo };
const pixels = (p: Pixels) =>
  sharp(p.data, { raw: { width: p.info.width, height: p.info.height, channels: p.info.channels } });

/** The file decoded once: upright, alpha flattened on white, at most the public copy's size. */
const decodeUpright = (data: Uint8Array, maxPixels: number): Promise<Pixels> =>
  sharp(data, { limitInputPixels: maxPixels })
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize(PUBLIC_PX, PUBLIC_PX, { fit: 'inside', withoutEnlargement: true })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });

/** The thumbnail's pixels (320 px on the long side). */
const thumbPixels = (px: Pixels): Promise<Pixels> =>
  pixels(px)
    .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });

/** A photo's perceptual fingerprint: its dHash and how much picture (not shading) it was taken from. */
export interface PhotoFingerprint {
  dhash: string;
  structure: number;
}

/** dHash from the thumbnail's pixels: one 200× shrink from 1920 px costs more than both steps. */
async function fingerprintOfThumb(small: Pixels): Promise<PhotoFingerprint> {
  const grey = await pixels(small)
    .greyscale()
    .resize(DHASH_WIDTH, DHASH_HEIGHT, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const step = grey.info.channels;
  const cells = Array.from({ length: DHASH_WIDTH * DHASH_HEIGHT }, (_, i) => grey.data[i * step]!);
  return { dhash: dHash(cells), structure: dHashStructure(cells) };
}

/**
 * The hash stored for the reuse lookup: none when the photo has too little structure or almost every
 * bit alike (then only an identical file matches it, by SHA-256). See "Photo reuse" in docs/benchmarks.md.
 */
const storedHash = (f: PhotoFingerprint): string | null => comparableHash(f);

/**
 * The fingerprint a stored photo gets, by the same steps as intake (the reuse-threshold calibration
 * measures exactly this). Throws on a file that is not an image.
 */
export async function photoFingerprint(data: Uint8Array, maxPixels = 100_000_000): Promise<PhotoFingerprint> {
  return fingerprintOfThumb(await thumbPixels(await decodeUpright(data, maxPixels)));
}

/** DateTimeOriginal and GPS from a raw EXIF block; a damaged block is ignored, never fatal. */
function readExif(raw: Buffer | undefined): { takenAt: Date | null; point: LngLat | null } {
  if (!raw) return { takenAt: null, point: null };
  try {
    const exif = exifReader(raw);
    const wall = exif.Photo?.DateTimeOriginal;
    const offset = exif.Photo?.OffsetTimeOriginal;
    const gps = exif.GPSInfo;
    return {
      takenAt:
        wall instanceof Date
          ? exifInstant(wall, typeof offset === 'string' ? offset : undefined, CITY_UTC_OFFSET_MINUTES)
          : null,
      point: gps
        ? exifPoint(gps.GPSLatitude, gps.GPSLatitudeRef, gps.GPSLongitude, gps.GPSLongitudeRef)
        : null,
    };
  } catch {
    return { takenAt: null, point: null };
  }
}

const point = (lng: number | null, lat: number | null): LngLat | null => pointOf({ lng, lat });

function factsOf(p: PhotoRow): PhotoFacts {
  return {
    exifTakenAt: p.exifTakenAt,
    exifPoint: point(p.exifLng, p.exifLat),
    capturedAt: p.capturedAt,
    capturedPoint: point(p.capturedLng, p.capturedLat),
  };
}

/** Photo intake: checks the bytes are an image of a sane size, stores original, thumbnail and public copy. */
export function createPhotosService(deps: { db: Db; clock: Clock; files: FileStore; limits: PhotoLimits }) {
  const { db, files, limits } = deps;
  const maxDistanceM = limits.maxDistanceM ?? DEFAULT_MAX_DISTANCE_M;

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

  /**
   * Thumbnail, public copy and dHash from one decode. Entropy-decoding a camera JPEG is the bulk of the
   * cost (shrink-on-load cannot skip it), so the file is decoded once — upright, alpha flattened on
   * white, at the public copy's size — and the three are made from those pixels.
   */
  async function derivatives(data: Uint8Array) {
    try {
      const px = await decodeUpright(data, limits.maxPixels);
      const [pub, [thumb, phash]] = await Promise.all([
        // No withMetadata/keepExif: sharp writes no EXIF, XMP or ICC block, so no GPS or device leaves.
        pixels(px).jpeg({ quality: 80 }).toBuffer(),
        (async () => {
          const small = await thumbPixels(px);
          return Promise.all([pixels(small).jpeg({ quality: 75 }).toBuffer(), fingerprintOfThumb(small)]);
        })(),
      ]);
      return { thumb, pub, phash: storedHash(phash) };
    } catch {
      throw new AppError('INVALID_IMAGE');
    }
  }

  async function row(id: string): Promise<PhotoRow> {
    const [p] = await db.select().from(photos).where(eq(photos.id, id));
    if (!p) throw new AppError('PHOTO_NOT_FOUND');
    return p;
  }

  /** Writes every file or none: a failure part-way removes what was written. */
  async function putAll(entries: [string, Buffer][]): Promise<void> {
    const results = await Promise.allSettled(entries.map(([k, b]) => files.put(k, b)));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) {
      await removeAll(entries.map(([k]) => k));
      throw (failed as PromiseRejectedResult).reason;
    }
  }

  async function removeAll(keys: string[]): Promise<void> {
    await Promise.allSettled(keys.map((k) => files.delete(k)));
  }

  /**
   * The closest photo of another case in the city: the same file, or a perceptual hash at most
   * REUSE_MAX_HAMMING bits away. For an after-photo, its own case's before-photos count too.
   */
  async function findReuse(tx: Db, c: CaseRef, p: PhotoRow, after: boolean): Promise<ReuseMatch | null> {
    // An uninformative hash (a flat picture) matches only an identical file.
    const hash = p.phash && isInformativeHash(p.phash) ? p.phash : null;
    const sameFile = sql<boolean>`(${photos.sha256} = ${p.sha256})`;
    const distance = hash
      ? sql<number>`bit_count(('x' || ${photos.phash})::bit(64) # ('x' || ${hash})::bit(64))`
      : null;
    const [m] = await tx
      .select({ caseId: photos.caseId, number: cases.number, sameFile })
      .from(photos)
      .innerJoin(cases, and(eq(cases.cityId, photos.cityId), eq(cases.id, photos.caseId)))
      .where(
        and(
          eq(photos.cityId, c.cityId),
          isNotNull(photos.caseId),
          ne(photos.id, p.id),
          after ? or(ne(photos.caseId, c.id), eq(photos.kind, 'before')) : ne(photos.caseId, c.id),
          distance
            ? or(eq(photos.sha256, p.sha256), sql`${distance} <= ${REUSE_MAX_HAMMING}`)
            : eq(photos.sha256, p.sha256),
        ),
      )
      .orderBy(...(distance ? [desc(sameFile), asc(distance)] : []), asc(photos.createdAt))
      .limit(1);
    if (!m) return null;
    return { caseNumber: m.caseId === c.id ? null : m.number, sameFile: m.sameFile };
  }

  async function flag(tx: Db, c: CaseRef, ids: readonly string[], dispatchedAt: Date | null, after: boolean) {
    if (ids.length === 0) return;
    const rows = await tx
      .select()
      .from(photos)
      .where(and(eq(photos.cityId, c.cityId), inArray(photos.id, [...ids])));
    for (const p of rows) {
      const flags = photoFlags(factsOf(p), {
        dispatchedAt: after ? dispatchedAt : null,
        casePoint: after ? pointOf(c) : null,
        maxDistanceM,
        reuse: await findReuse(tx, c, p, after),
        utcOffsetMinutes: CITY_UTC_OFFSET_MINUTES,
      });
      await tx
        .update(photos)
        .set({ flags })
        .where(and(eq(photos.cityId, c.cityId), eq(photos.id, p.id)));
    }
  }

  /** Checks, derives and stores one unattached photo: original, thumbnail, public copy, hashes, EXIF. */
  async function store(
    cityId: string,
    uploadedBy: string | null,
    kind: PhotoRow['kind'],
    data: Uint8Array,
    captured: CapturedAt,
  ): Promise<Photo> {
    const { meta, contentType } = await inspect(data);
    // Everything that can fail on bad pixels runs before the first byte is stored.
    const { thumb, pub, phash } = await derivatives(data);
    const exif = readExif(meta.exif);
    const now = deps.clock.now();
    const id = newId(now.getTime());
    const base = `photos/${cityId}/${now.toISOString().slice(0, 10)}/${id}`;
    const key = `${base}.${meta.format === 'jpeg' ? 'jpg' : meta.format}`;
    const thumbKey = `${base}.thumb.jpg`;
    const publicKey = `${base}.public.jpg`;
    // EXIF orientation 5–8 swaps the displayed width and height.
    const swapped = (meta.orientation ?? 1) >= 5;
    const record: PhotoRow = {
      cityId,
      id,
      caseId: null,
      kind,
      uploadedBy,
      contentType,
      bytes: data.byteLength,
      width: swapped ? meta.height! : meta.width!,
      height: swapped ? meta.width! : meta.height!,
      sha256: createHash('sha256').update(data).digest('hex'),
      storageKey: key,
      thumbKey,
      publicKey,
      exifTakenAt: exif.takenAt,
      exifLng: exif.point?.lng ?? null,
      exifLat: exif.point?.lat ?? null,
      capturedAt: captured.at,
      capturedLng: captured.point?.lng ?? null,
      capturedLat: captured.point?.lat ?? null,
      phash,
      flags: [],
      createdAt: now,
    };
    await putAll([
      [key, Buffer.from(data.buffer, data.byteOffset, data.byteLength)],
      [thumbKey, thumb],
      [publicKey, pub],
    ]);
    try {
      await db.insert(photos).values(record);
    } catch (e) {
      await removeAll([key, thumbKey, publicKey]);
      throw e;
    }
    return presentPhoto(record);
  }

  return {
    /**
     * Stores an uploaded photo not yet attached to a case (a transition or a new case attaches it):
     * original, upright thumbnail, metadata-free public copy, SHA-256, dHash, EXIF time and GPS.
     */
    async upload(
      ctx: Ctx,
      kind: PhotoRow['kind'],
      data: Uint8Array,
      captured: CapturedAt = NO_CAPTURE,
    ): Promise<Photo> {
      requireRole(ctx.actor, ALL_ROLES);
      const cityId = ctx.actor.cityId;
      if (!cityId)
        throw new AppError('FORBIDDEN_SCOPE', { reason: '系统管理员不属于任何城市，不能上传案卷照片' });
      return store(cityId, ctx.actor.id, kind, data, captured);
    },

    /** An anonymous upload (citizen portal): no uploader; the portal's claim token proves ownership. */
    async uploadPublic(cityId: string, data: Uint8Array, captured: CapturedAt = NO_CAPTURE): Promise<Photo> {
      return store(cityId, null, 'before', data, captured);
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

    /**
     * Evidence flags of after-photos just attached (taken before the dispatch, away from the case,
     * reused): stored on each photo for the verifier; never blocking. Call after `attach`.
     */
    flagAfterPhotos: (tx: Db, c: CaseRef, ids: readonly string[], dispatchedAt: Date | null) =>
      flag(tx, c, ids, dispatchedAt, true),

    /** Flags before-photos of a new case that another case already used. Call after `attach`. */
    flagBeforePhotos: (tx: Db, c: CaseRef, ids: readonly string[]) => flag(tx, c, ids, null, false),

    async ofCase(cityId: string, caseId: string): Promise<PhotoRow[]> {
      return db
        .select()
        .from(photos)
        .where(and(eq(photos.cityId, cityId), eq(photos.caseId, caseId)))
        .orderBy(photos.createdAt);
    },

    row,

    read: (key: string) => files.get(key),

    /**
     * The metadata-free copy public pages serve (no EXIF, GPS or device); the caller decides who may
     * see the photo. Photos stored before public copies existed have none: PHOTO_NOT_FOUND.
     */
    async publicFile(id: string): Promise<{ data: Buffer; contentType: string }> {
      const p = await row(id);
      if (!p.publicKey) throw new AppError('PHOTO_NOT_FOUND');
      return { data: await files.get(p.publicKey), contentType: 'image/jpeg' };
    },
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
