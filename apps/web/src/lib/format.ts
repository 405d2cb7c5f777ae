import type { Locale } from '@chuangcheng/contracts';

/** Area in m² (one unit in a whole column, so values compare at a glance); km² from 1 km² up. */
export function formatArea(m2: number, locale: Locale): string {
  const tag = locale === 'zh' ? 'zh-CN' : 'en';
  if (m2 >= 1_000_000) return `${(m2 / 1_000_000).toLocaleString(tag, { maximumFractionDigits: 2 })} km²`;
  return `${Math.round(m2).toLocaleString(tag)} m²`;
}

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }),
};

/** Times are shown in the city's zone (Asia/Shanghai), whatever the browser's zone is. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormats[locale].format(d);
}

/** A date-only value (YYYY-MM-DD) stays as it is; a timestamp is cut to its Shanghai date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);
}

/** Today in the city's time zone, as YYYY-MM-DD. */
export function todayInCity(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
