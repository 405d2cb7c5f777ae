import { STAGE_LIMIT_KEYS, type StageLimits, TIME_UNIT_LABELS, type TimeLimit } from '@chuangcheng/contracts';
import type { I18n } from '../../../lib/i18n';

/** "2 紧急工作时", "5 工作日". */
export function formatTimeLimit(limit: TimeLimit | null | undefined, l: I18n['l']): string {
  if (!limit) return '—';
  return `${limit.value} ${l(TIME_UNIT_LABELS[limit.unit])}`;
}

/** The stages that have a limit, in workflow order. */
export function stageLimitEntries(limits: StageLimits) {
  return STAGE_LIMIT_KEYS.flatMap((key) => {
    const limit = limits[key];
    return limit ? [{ key, limit }] : [];
  });
}
