import { CASE_STAGE_LABELS, type CaseStage } from '@chuangcheng/contracts';
import { Typography } from 'antd';
import { DeadlineEstimatedTag } from '../../../components/deadline-estimated-tag';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { remainingText } from './case-format';

/** 阶段 + its deadline + the time left (red when past). */
export function StageDeadline({
  stage,
  deadline,
  inline,
  estimated,
}: {
  stage: CaseStage;
  deadline: string | null;
  inline?: boolean;
  /** Computed across a year without holiday data (weekends only): 期限暂估. */
  estimated?: boolean;
}) {
  const { t, l, locale } = useI18n();
  if (stage === 'none') return <span className="cc-muted">{l(CASE_STAGE_LABELS.none)}</span>;
  const remaining = remainingText(deadline, Date.now(), t);
  const Wrapper = inline ? 'span' : 'div';
  return (
    <span className="cc-stage">
      <Wrapper>
        {l(CASE_STAGE_LABELS[stage])}
        {deadline && <span className="cc-muted"> · {formatDateTime(deadline, locale)}</span>}
        {deadline && estimated && <DeadlineEstimatedTag />}
      </Wrapper>
      {remaining && (
        <Wrapper>
          <Typography.Text type={remaining.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {inline ? ' ' : ''}
            {remaining.text}
          </Typography.Text>
        </Wrapper>
      )}
    </span>
  );
}
