import { type CaseStatus, type Light, TIME_UNIT_LABELS, type TimeLimit } from '@chuangcheng/contracts';
import type { I18n } from '../../../lib/i18n';

/** The traffic-light colours (<80 % green, 80–100 % yellow, >100 % red); grey when no clock runs. */
export const LIGHT_COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
export const NO_LIGHT_COLOR = '#bfbfbf';

export function lightColor(light: Light | null | undefined): string {
  return light ? LIGHT_COLORS[light] : NO_LIGHT_COLOR;
}

/** antd Tag colours per status: open states in warm/blue tones, finished ones in green/grey. */
export const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: 'orange',
  filed: 'gold',
  dispatched: 'blue',
  returned: 'magenta',
  in_progress: 'geekblue',
  feedback: 'purple',
  parked: 'default',
  self_handled: 'cyan',
  closed: 'green',
  voided: 'default',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wall-clock span, e.g. "2天3小时" / "5小时12分" / "8分钟". */
export function durationText(ms: number, t: I18n['t']): string {
  const abs = Math.abs(ms);
  if (abs >= DAY)
    return t('cases.duration.days', { d: Math.floor(abs / DAY), h: Math.floor((abs % DAY) / HOUR) });
  if (abs >= HOUR) {
    return t('cases.duration.hours', { h: Math.floor(abs / HOUR), m: Math.floor((abs % HOUR) / MINUTE) });
  }
  return t('cases.duration.minutes', { m: Math.max(1, Math.floor(abs / MINUTE)) });
}

/**
 * "剩余 …" or "超期 …" for a stage deadline. Wall-clock time: the server counts working hours and days
 * for the light; this is only the distance to the deadline.
 */
export function remainingText(
  deadline: string | null | undefined,
  now: number,
  t: I18n['t'],
): { text: string; overdue: boolean } | null {
  if (!deadline) return null;
  const due = new Date(deadline).getTime();
  if (Number.isNaN(due)) return null;
  const left = due - now;
  return left >= 0
    ? { text: t('cases.remaining', { d: durationText(left, t) }), overdue: false }
    : { text: t('cases.overdueBy', { d: durationText(left, t) }), overdue: true };
}

export function timeLimitText(limit: TimeLimit | null | undefined, l: I18n['l']): string {
  return limit ? `${limit.value} ${l(TIME_UNIT_LABELS[limit.unit])}` : '—';
}

/** "名称（编码）" for a reference that carries a code. */
export function codeName(ref: { code: string; name: string } | null | undefined): string {
  return ref ? `${ref.name}（${ref.code}）` : '—';
}
