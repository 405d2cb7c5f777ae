import {
  SUPERVISION_LEVEL_LABELS,
  SUPERVISION_ORDER_STATE_LABELS,
  type SupervisionOrderState,
} from '@chuangcheng/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';

const STATE_COLORS: Record<SupervisionOrderState, string> = {
  issued: 'orange',
  signed: 'blue',
  replied: 'cyan',
  closed: 'green',
};

export function StateTag({ state }: { state: SupervisionOrderState }) {
  const { l } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{l(SUPERVISION_ORDER_STATE_LABELS[state])}</Tag>;
}

export function LevelTag({ level }: { level: number }) {
  const { l } = useI18n();
  return (
    <Tag color={level >= 2 ? 'red' : 'orange'}>
      {l(SUPERVISION_LEVEL_LABELS[level] ?? { zh: '', en: '' })}
    </Tag>
  );
}
