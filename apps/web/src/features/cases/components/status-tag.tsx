import {
  CASE_PRIORITY_LABELS,
  CASE_STATUS_LABELS,
  type CasePriority,
  type CaseStatus,
  SUPERVISION_LEVEL_LABELS,
} from '@chuangcheng/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { STATUS_COLORS } from './case-format';

export function StatusTag({ status }: { status: CaseStatus }) {
  const { l } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="case-status">
      {l(CASE_STATUS_LABELS[status])}
    </Tag>
  );
}

/** 督办 (orange) or 挂牌督办 (red); nothing when the case is not supervised. */
export function SupervisionTag({ level }: { level: number }) {
  const { l } = useI18n();
  if (level <= 0) return null;
  return <Tag color={level >= 2 ? 'red' : 'orange'}>{l(SUPERVISION_LEVEL_LABELS[level])}</Tag>;
}

const PRIORITY_COLORS: Record<CasePriority, string> = { urgent: 'red', high: 'orange', normal: 'default' };

/** 紧急 (red), 优先 (orange) or 一般 (grey). */
export function PriorityTag({ priority }: { priority: CasePriority }) {
  const { l } = useI18n();
  return (
    <Tag color={PRIORITY_COLORS[priority]} data-testid="case-priority">
      {l(CASE_PRIORITY_LABELS[priority])}
    </Tag>
  );
}
