import { Tag, Tooltip } from 'antd';
import { useI18n } from '../lib/i18n';

/** 期限暂估: the deadline counts weekends only until its year's holidays are imported. */
export function DeadlineEstimatedTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('cases.deadlineEstimatedHint')}>
      <Tag color="warning" style={{ marginInlineStart: 6 }} data-testid="deadline-estimated">
        {t('cases.deadlineEstimated')}
      </Tag>
    </Tooltip>
  );
}
