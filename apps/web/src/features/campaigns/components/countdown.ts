import { todayInCity } from '../../../lib/format';
import type { useMessages } from '../messages';

const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
};

/** Whole days from today (city time zone) to a YYYY-MM-DD date; negative when past. */
export function daysUntil(date: string, today: string = todayInCity()): number {
  return Math.round(dayNumber(date) - dayNumber(today));
}

/** “倒计时 N 天”, “就是今天” or “已过 N 天”. */
export function countdownText(days: number, m: ReturnType<typeof useMessages>): string {
  if (days > 0) return m('daysLeft', { n: days });
  if (days === 0) return m('today');
  return m('daysAgo', { n: -days });
}

/** Countdown colour: red within a week, orange within a month. */
export function countdownColor(days: number): string {
  if (days < 0) return 'default';
  if (days <= 7) return 'red';
  if (days <= 30) return 'orange';
  return 'blue';
}
