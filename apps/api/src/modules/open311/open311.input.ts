import { PHONE_PATTERN } from '@chuangcheng/contracts';
import { Open311Error } from './open311.format';
import { parseServiceCode } from './open311.presenter';
import type { RequestFilter } from './open311.repository';

// The spec's parameters (form fields or query string, all strings) read into typed values; every
// problem is collected so one 400 answer lists them all.

export type Params = Readonly<Record<string, string | undefined>>;

const DAY_MS = 86_400_000;
export const MAX_SPAN_DAYS = 90;
/** The spec: the default returns every request of the window, up to 1,000. */
export const PAGE_SIZE = { default: 1000, max: 1000 } as const;
/** The spec's description limit. */
export const MAX_DESCRIPTION = 4000;

const text = (p: Params, key: string): string | undefined => {
  const v = p[key]?.trim();
  return v ? v : undefined;
};

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function fail(issues: string[]): void {
  if (issues.length) throw new Open311Error(400, issues);
}

/** Mainland numbers as people type them: spaces, dashes, brackets, +86 / 0086 dropped. */
export function normalisePhone(raw: string): string {
  let s = raw.replace(/[\s()（）]/g, '');
  s = s.replace(/^(\+86|0086)-?/, '');
  if (/^861[3-9]\d{9}$/.test(s)) s = s.slice(2);
  if (/^1/.test(s)) s = s.replace(/-/g, '');
  return s;
}

const CJK = /[\u3400-\u9fff]/;
/** 姓 + 名 without a space for Chinese names, "first last" otherwise. */
export function reporterNameOf(first: string | undefined, last: string | undefined): string | undefined {
  if (!first && !last) return undefined;
  if (CJK.test(`${first ?? ''}${last ?? ''}`)) return `${last ?? ''}${first ?? ''}`;
  return [first, last].filter(Boolean).join(' ');
}

export interface PostedRequest {
  serviceCode: string;
  /** Null with an address only (address_string or address_id): the case is filed awaiting placing. */
  lat: number | null;
  lng: number | null;
  address?: string;
  addressId?: string;
  zipcode?: string;
  description?: string;
  reporterName?: string;
  phone?: string;
  mediaUrl?: string;
  deviceId?: string;
  accountId?: string;
}

function coordinate(raw: string | undefined, name: string, max: number, issues: string[]): number | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || Math.abs(n) > max) {
    issues.push(
      `${name} 不是有效的 WGS84 ${name === 'lat' ? '纬度（-90 至 90）' : '经度（-180 至 180）'}：${raw}`,
    );
    return null;
  }
  return n;
}

function maxLength(p: Params, key: string, max: number, issues: string[]): string | undefined {
  const v = text(p, key);
  if (v && v.length > max) issues.push(`${key} 过长：最多 ${max} 个字符（收到 ${v.length} 个）`);
  return v;
}

/**
 * POST requests: service_code, a location — lat + long, or (the spec allows either) address_string or
 * address_id alone — and the optional reporter fields.
 */
export function readPostedRequest(p: Params): PostedRequest {
  const issues: string[] = [];
  const serviceCode = text(p, 'service_code');
  if (!serviceCode) issues.push('缺少 service_code：请从 services 接口选择问题类型');
  const rawLat = text(p, 'lat');
  const rawLng = text(p, 'long');
  const lat = coordinate(rawLat, 'lat', 90, issues);
  const lng = coordinate(rawLng, 'long', 180, issues);
  const address = maxLength(p, 'address_string', 200, issues);
  const addressId = maxLength(p, 'address_id', 100, issues);
  const zipcode = text(p, 'zipcode');
  if (zipcode && !/^\d{6}$/.test(zipcode)) issues.push(`zipcode 须为 6 位数字邮政编码（收到 ${zipcode}）`);
  if ((rawLat === undefined) !== (rawLng === undefined)) {
    issues.push(`缺少 ${rawLat === undefined ? 'lat' : 'long'}：lat 和 long 须同时提供`);
  } else if (rawLat === undefined && !address && !addressId) {
    issues.push('缺少位置：请提供 lat 和 long（WGS84 经纬度），或 address_string / address_id');
  }
  const description = maxLength(p, 'description', MAX_DESCRIPTION, issues);
  const first = maxLength(p, 'first_name', 32, issues);
  const last = maxLength(p, 'last_name', 32, issues);
  const deviceId = maxLength(p, 'device_id', 100, issues);
  const accountId = maxLength(p, 'account_id', 100, issues);
  const email = maxLength(p, 'email', 254, issues);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) issues.push(`email 格式不正确：${email}`);
  let phone = text(p, 'phone');
  if (phone) {
    phone = normalisePhone(phone);
    if (!PHONE_PATTERN.test(phone)) issues.push('phone 格式不正确：请填写手机号码或带区号的固定电话');
  }
  const mediaUrl = maxLength(p, 'media_url', 500, issues);
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) issues.push('media_url 须为 http(s) 网址');
  fail(issues);
  return {
    serviceCode: serviceCode!,
    lat,
    lng,
    address,
    addressId,
    zipcode,
    description,
    reporterName: reporterNameOf(first, last),
    phone,
    mediaUrl,
    deviceId,
    accountId,
  };
}

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/** A W3C datetime with its zone; a bare date is that day's start in the city (Asia/Shanghai). */
function instant(raw: string | undefined, key: string, issues: string[]): Date | undefined {
  if (raw === undefined) return undefined;
  if (!W3C_DATETIME.test(raw)) {
    issues.push(
      `${key} 须为带时区的 W3C 日期时间，如 2026-11-01T00:00:00+08:00 或 2026-11-01T00:00:00Z（收到 ${raw}）`,
    );
    return undefined;
  }
  const d = new Date(raw.length === 10 ? `${raw}T00:00:00+08:00` : raw);
  if (Number.isNaN(d.getTime())) {
    issues.push(`${key} 不是有效的日期时间：${raw}`);
    return undefined;
  }
  return d;
}

function positiveInt(raw: string | undefined, key: string, fallback: number, max: number, issues: string[]) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    issues.push(`${key} 须为 1 至 ${max} 的整数（收到 ${raw}）`);
    return fallback;
  }
  return n;
}

export interface RequestQuery {
  filter: Omit<RequestFilter, 'cityId'>;
  page: number;
  pageSize: number;
  extensions: boolean;
}

/** GET requests: the spec's filters (a service_request_id list overrides the rest), page, page_size. */
export function readRequestQuery(p: Params, now: Date): RequestQuery {
  const issues: string[] = [];
  const page = positiveInt(text(p, 'page'), 'page', 1, 100_000, issues);
  const pageSize = positiveInt(text(p, 'page_size'), 'page_size', PAGE_SIZE.default, PAGE_SIZE.max, issues);
  const extensions = text(p, 'extensions')?.toLowerCase() === 'true';
  const numbers = list(text(p, 'service_request_id'));
  if (numbers.length) {
    // The spec: a list of ids overrides every other filter.
    if (numbers.length > PAGE_SIZE.max) issues.push(`service_request_id 一次最多 ${PAGE_SIZE.max} 个`);
    fail(issues);
    return { filter: { numbers }, page, pageSize, extensions };
  }
  const services = list(text(p, 'service_code')).map((code) => {
    const parsed = parseServiceCode(code);
    if (!parsed)
      issues.push(`service_code「${code}」格式不正确：应为 services 接口给出的编码，如 C0101、E0101`);
    return parsed;
  });
  const statuses = new Set(list(text(p, 'status')?.toLowerCase()));
  for (const s of statuses)
    if (s !== 'open' && s !== 'closed') issues.push(`status 只能是 open 或 closed（收到 ${s}）`);
  let from = instant(text(p, 'start_date'), 'start_date', issues);
  let to = instant(text(p, 'end_date'), 'end_date', issues);
  if (!from && !to) {
    to = now;
    from = new Date(now.getTime() - MAX_SPAN_DAYS * DAY_MS);
  } else if (!to) to = new Date(from!.getTime() + MAX_SPAN_DAYS * DAY_MS);
  else if (!from) from = new Date(to.getTime() - MAX_SPAN_DAYS * DAY_MS);
  if (from && to && to < from) issues.push('end_date 早于 start_date');
  else if (from && to && to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) {
    issues.push(`start_date 至 end_date 的跨度不能超过 ${MAX_SPAN_DAYS} 天`);
  }
  fail(issues);
  const status = statuses.size === 1 ? ([...statuses][0] as 'open' | 'closed') : undefined;
  return {
    filter: {
      ...(services.length ? { services: services as { kind: string; code: string }[] } : {}),
      ...(status ? { status } : {}),
      from,
      to,
    },
    page,
    pageSize,
    extensions,
  };
}
