import { LIGHT_LABELS, type Light } from '@chuangcheng/contracts';
import { Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { lightColor } from './case-format';

/** The case's traffic light as a coloured dot, with its label on hover (and optionally beside it). */
export function LightDot({ light, withLabel }: { light: Light | null; withLabel?: boolean }) {
  const { t, l } = useI18n();
  const text = light ? l(LIGHT_LABELS[light]) : t('cases.noLight');
  const dot = (
    <span
      className="cc-light-dot"
      style={{ background: lightColor(light) }}
      role="img"
      aria-label={text}
      data-light={light ?? 'none'}
    />
  );
  if (withLabel) {
    return (
      <span className="cc-light">
        {dot}
        {text}
      </span>
    );
  }
  return <Tooltip title={text}>{dot}</Tooltip>;
}
